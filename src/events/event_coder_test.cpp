#include "events/event_coder.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "events/event_types.h"
#include "segment/segmenter.h"

namespace storyline::events {
namespace {

// Fictional countries so that no real-world knowledge leaks into the tests.
struct Fixture {
  Fixture() {
    auto loaded = VerbLexicon::load(core::data_path("events/verb_patterns.txt"));
    EXPECT_TRUE(loaded.is_ok()) << loaded.status().message();
    lexicon = std::move(*loaded);
    auto nouns = AgentNouns::load(core::data_path("events/agent_nouns.tsv"));
    EXPECT_TRUE(nouns.is_ok()) << nouns.status().message();
    agents = std::move(*nouns);
  }
  // Segments `text` and marks every occurrence of each name as a mention.
  Article article(const std::string& text, const std::vector<EntityMention>& names) {
    Article a;
    a.text = text;
    auto segmenter = segment::Segmenter::create(core::data_dir());
    EXPECT_TRUE(segmenter.is_ok());
    segmenter->segment(a);
    for (size_t pos = 0; pos < text.size(); ++pos)
      for (const EntityMention& name : names) {
        const std::string& words = name.name;
        if (text.compare(pos, words.size(), words) != 0) continue;
        EntityMention m = name;
        m.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + words.size())};
        a.mentions.push_back(m);
        pos += words.size() - 1;
        break;
      }
    return a;
  }
  std::vector<CodedEvent> code(const std::string& text) {
    Article a = article(text, {place("Valdoria", "VAL"), place("Estmark", "EST"), city("Corvin", "VAL"),
                               person("Ada Brenn", "ESTGOV", "EST", 1), org("Harlow Group", "VALBUS", "VAL", 2)});
    return EventCoder(lexicon, &agents).code_article(a);
  }
  static EntityMention place(const std::string& name, const std::string& code) {
    EntityMention m;
    m.type = EntityType::kPlace, m.name = name, m.actor_code = code, m.country = code;
    return m;
  }
  static EntityMention city(const std::string& name, const std::string& country) {
    EntityMention m;
    m.type = EntityType::kPlace, m.name = name, m.country = country;
    return m;
  }
  static EntityMention person(const std::string& name, const std::string& code, const std::string& country, int local) {
    EntityMention m;
    m.type = EntityType::kPerson, m.name = name, m.actor_code = code, m.country = country, m.local_entity = local;
    return m;
  }
  static EntityMention org(const std::string& name, const std::string& code, const std::string& country, int local) {
    EntityMention m = person(name, code, country, local);
    m.type = EntityType::kOrganization;
    return m;
  }
  VerbLexicon lexicon;
  AgentNouns agents;
};

const CodedEvent* find(const std::vector<CodedEvent>& events, const std::string& code) {
  for (const auto& e : events)
    if (e.code == code) return &e;
  return nullptr;
}

TEST(EventCoder, CoordinatedSubjectsSignAsPartiesAndThePlaceIsTheLocation) {
  Fixture f;
  auto events = f.code("Valdoria and Estmark signed a fishing treaty in Corvin on Friday.");
  const CodedEvent* e = find(events, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.actor_code, "VAL");
  EXPECT_EQ(e->target.actor_code, "EST");
  EXPECT_EQ(e->location, "Corvin");
  EXPECT_EQ(e->modality, Modality::kAsserted);
}

TEST(EventCoder, PassiveTakesTheSourceFromBy) {
  Fixture f;
  auto events = f.code("Valdoria was visited by Ada Brenn last week.");
  const CodedEvent* e = find(events, "042");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.name, "Ada Brenn");
  EXPECT_EQ(e->target.name, "Valdoria");
}

TEST(EventCoder, EventNounTakesByAndTo) {
  Fixture f;
  auto events = f.code("Crowds gathered during the first visit by Ada Brenn to Valdoria since 1990.");
  const CodedEvent* e = find(events, "042");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.name, "Ada Brenn");
  EXPECT_EQ(e->target.name, "Valdoria");
}

TEST(EventCoder, ADeniedEventIsNotAsserted) {
  Fixture f;
  auto events = f.code("Valdoria has denied supplying drones to Estmark.");
  const CodedEvent* supply = find(events, "072");
  ASSERT_NE(supply, nullptr);
  EXPECT_EQ(supply->modality, Modality::kDenied);
  EXPECT_EQ(supply->denied_by, "Valdoria");
  EXPECT_EQ(supply->source.actor_code, "VAL");
  EXPECT_EQ(supply->target.actor_code, "EST");
  const CodedEvent* denial = find(events, "016");
  ASSERT_NE(denial, nullptr);
  EXPECT_EQ(denial->modality, Modality::kAsserted);
}

TEST(EventCoder, FutureAndIntentionArePlanned) {
  Fixture f;
  for (const char* text : {"Valdoria will sign a trade pact with Estmark.",
                           "Valdoria is expected to sign a trade pact with Estmark.",
                           "Ada Brenn heads to Corvin to sign a trade pact with Valdoria."}) {
    auto events = f.code(text);
    const CodedEvent* e = find(events, "057");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->modality, Modality::kPlanned) << text;
  }
}

TEST(EventCoder, ConditionsAndNegations) {
  Fixture f;
  auto hypothetical = f.code("Valdoria could attack Estmark if the talks fail.");
  ASSERT_NE(find(hypothetical, "180"), nullptr);
  EXPECT_EQ(find(hypothetical, "180")->modality, Modality::kHypothetical);
  auto negated = f.code("Valdoria did not criticize Estmark.");
  ASSERT_NE(find(negated, "110"), nullptr);
  EXPECT_EQ(find(negated, "110")->modality, Modality::kNegated);
  auto asserted = f.code("Valdoria criticized Estmark.");
  ASSERT_NE(find(asserted, "110"), nullptr);
  EXPECT_EQ(find(asserted, "110")->modality, Modality::kAsserted);
}

TEST(EventCoder, SpeechMakesAnEventReportedBySpeaker) {
  Fixture f;
  auto after = f.code("Estmark will host a summit with Valdoria, Ada Brenn said.");
  const CodedEvent* e = find(after, "043");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->attributed_to, "Ada Brenn");
  auto before = f.code("Ada Brenn said Valdoria criticized Estmark.");
  const CodedEvent* c = find(before, "110");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality, Modality::kReported);
  EXPECT_EQ(c->attributed_to, "Ada Brenn");
  EXPECT_EQ(c->source.actor_code, "VAL");
}

TEST(EventCoder, AccusationMakesTheEventAllegedAndALaterDenialLinksToIt) {
  Fixture f;
  auto events = f.code(
      "Opposition lawmakers accused the government of quietly buying patrol boats from Estmark. "
      "The defence ministry denied the claim on Monday.");
  const CodedEvent* buy = find(events, "061");
  ASSERT_NE(buy, nullptr);
  EXPECT_EQ(buy->modality, Modality::kAlleged);
  EXPECT_EQ(buy->attributed_to, "Opposition lawmakers");
  EXPECT_EQ(buy->source.name, "government");
  EXPECT_EQ(buy->target.actor_code, "EST");
  EXPECT_EQ(buy->denied_by, "defence ministry");
  const CodedEvent* denial = find(events, "016");
  ASSERT_NE(denial, nullptr);
  EXPECT_EQ(denial->target.name, "Opposition lawmakers");
  const CodedEvent* accuse = find(events, "112");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->source.name, "Opposition lawmakers");
}

TEST(EventCoder, QualifiersMergeIntoTheActor) {
  Fixture f;
  auto events = f.code("Estmark's foreign minister, Ada Brenn, met with Valdoria.");
  const CodedEvent* e = find(events, "040");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.name, "Ada Brenn");
  EXPECT_EQ(e->target.actor_code, "VAL");
}

TEST(VerbLexicon, RegularFormsAndErrorsNameTheLine) {
  auto forms = verb_forms("sign");
  std::vector<std::string> words;
  for (auto& [w, kind] : forms) words.push_back(w);
  EXPECT_NE(std::find(words.begin(), words.end(), "signed"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "signing"), words.end());
  auto plan = verb_forms("plan");
  bool planned = false;
  for (auto& [w, kind] : plan) planned |= w == "planned";
  EXPECT_TRUE(planned);
  VerbLexicon lexicon;
  EXPECT_FALSE(lexicon.add_rule("05x", "v:sign").is_ok());
  EXPECT_FALSE(lexicon.add_rule("057", "agreement").is_ok());
  EXPECT_FALSE(lexicon.add_rule("@maybe", "if").is_ok());
  EXPECT_TRUE(lexicon.add_rule("057", "v:sign ... treaty").is_ok());
}

TEST(EventTypes, TableHasEveryRootWithItsQuadClass) {
  auto types = EventTypes::load(core::data_path("events/cameo_codes.tsv"));
  ASSERT_TRUE(types.is_ok()) << types.status().message();
  const EventType* sign = types->find("057");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->root_code, "05");
  EXPECT_EQ(sign->quad_class, 1);
  EXPECT_DOUBLE_EQ(sign->goldstein, 8.0);
  EXPECT_EQ(sign->plover, "SUPPORT");
  ASSERT_NE(types->find("190"), nullptr);
  EXPECT_EQ(types->find("190")->quad_class, 4);
  EXPECT_EQ(types->find("999"), nullptr);
}

}  // namespace
}  // namespace storyline::events
