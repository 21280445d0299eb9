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

// The two parties of a signing event, in either order, as actor codes.
bool signs_between(const CodedEvent& e, const std::string& a, const std::string& b) {
  return (e.source.actor_code == a && e.target.actor_code == b) || (e.source.actor_code == b && e.target.actor_code == a);
}

TEST(EventCoder, AnAgreementSignedTakesThePartiesNamedWithIt) {
  Fixture f;
  // "between A and B" after the agreement noun, a participle after a comma.
  auto between = f.code("The fishing treaty between Valdoria and Estmark, signed in Corvin, ends a long quarrel.");
  const CodedEvent* e = find(between, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST")) << e->source.name << " / " << e->target.name;
  EXPECT_EQ(e->location, "Corvin");
  EXPECT_EQ(e->modality, Modality::kAsserted);
  // "the A-B accord was signed": a compound of two names.
  auto compound = f.code("The Valdoria-Estmark accord was signed on Monday.");
  e = find(compound, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST")) << e->source.name << " / " << e->target.name;
}

TEST(EventCoder, ThisAgreementSignedTakesThePartiesOfTheSentenceBefore) {
  Fixture f;
  // The participle modifies "This agreement"; its parties are the two
  // coordinated subjects of the sentence that introduced it, and the place
  // of the visit is where it happened. Ada Brenn is no party.
  auto events = f.code(
      "Valdoria and Estmark have deepened their friendship with a ten-year water charter. This agreement, signed "
      "during Ada Brenn's visit to Corvin, opens the river to barges.");
  const CodedEvent* e = find(events, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST")) << e->source.name << " / " << e->target.name;
  EXPECT_EQ(e->modality, Modality::kAsserted);
  EXPECT_EQ(e->location, "Corvin");
  // "X said the deal signed on Friday will ...": the speaker is neither
  // party, the actor after the main verb is not the target, and the
  // signing is what X said.
  auto said = f.code(
      "Valdoria and Estmark have haggled over a grain pact for months. Ada Brenn said the deal signed on Friday "
      "will make Valdoria richer.");
  e = find(said, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST")) << e->source.name << " / " << e->target.name;
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_EQ(e->attributed_to, "Ada Brenn");
}

TEST(EventCoder, AnAgreementSignedTooFarBackOrIndefiniteHasNoBorrowedParties) {
  Fixture f;
  // "a deal" is a new agreement, not the one named before.
  auto indefinite = f.code("Valdoria and Estmark have haggled over a grain pact. Elsewhere a deal signed on Friday ended a strike.");
  for (const CodedEvent& e : indefinite) {
    if (e.code == "057") {
      EXPECT_FALSE(signs_between(e, "VAL", "EST"));
    }
  }
  // Many sentences later, "the deal" is too far from the sentence that
  // named its parties, unless that sentence was the lede.
  const std::string body = " The harvest was large. The harvest was large. The harvest was large. The harvest was large."
                           " The deal signed on Friday pleased farmers.";
  for (const CodedEvent& e : f.code("The weather was mild. Nobody spoke. Rain fell. Valdoria and Estmark have haggled over a grain pact." + body)) {
    if (e.code == "057") {
      EXPECT_FALSE(signs_between(e, "VAL", "EST"));
    }
  }
  bool lede = false;
  for (const CodedEvent& e : f.code("Valdoria and Estmark have haggled over a grain pact." + body))
    lede |= e.code == "057" && signs_between(e, "VAL", "EST");
  EXPECT_TRUE(lede);
}

TEST(EventCoder, APlannedSigningBetweenPartiesStaysPlanned) {
  Fixture f;
  auto events = f.code("A cooperation agreement between Valdoria and Estmark is expected to be signed on Friday.");
  const CodedEvent* e = find(events, "057");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST"));
  EXPECT_EQ(e->modality, Modality::kPlanned);
}

TEST(EventCoder, TheTwoLeadersAreThePartiesNamedBefore) {
  Fixture f;
  const std::vector<EntityMention> names = {Fixture::place("Valdoria", "VAL"), Fixture::place("Estmark", "EST"),
                                            Fixture::city("Corvin", "VAL"),
                                            Fixture::person("Ada Brenn", "ESTGOV", "EST", 1),
                                            Fixture::person("Tomas Erl", "VALGOV", "VAL", 2)};
  auto code = [&](const std::string& text) { return EventCoder(f.lexicon, &f.agents).code_article(f.article(text, names)); };
  auto leaders = code("Ada Brenn met Tomas Erl in Corvin on Monday. The two leaders signed a border treaty.");
  bool signed_by_both = false;
  for (const CodedEvent& e : leaders) {
    EXPECT_EQ(e.source.name.find("leaders"), std::string::npos);
    EXPECT_EQ(e.target.name.find("leaders"), std::string::npos);
    if (e.code == "057")
      signed_by_both |= (e.source.name == "Ada Brenn" && e.target.name == "Tomas Erl") ||
                        (e.source.name == "Tomas Erl" && e.target.name == "Ada Brenn");
  }
  EXPECT_TRUE(signed_by_both);
  // "both countries": the parties' countries, by the names the article
  // gave them.
  auto countries = code("Valdoria hosted Ada Brenn and Estmark sent Tomas Erl. Both countries signed the accord.");
  const CodedEvent* e = nullptr;
  for (const CodedEvent& c : countries)
    if (c.code == "057" && c.sentence_index == 1) e = &c;
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(signs_between(*e, "VAL", "EST")) << e->source.name << " / " << e->target.name;
  EXPECT_TRUE(e->source.name == "Valdoria" || e->source.name == "Estmark");
  // With no two parties before, the phrase is no actor at all.
  for (const CodedEvent& c : code("The two leaders signed a border treaty."))
    EXPECT_TRUE(c.source.name.find("leaders") == std::string::npos && c.target.name.find("leaders") == std::string::npos);
}

TEST(EventCoder, PassiveTakesTheSourceFromBy) {
  Fixture f;
  auto events = f.code("Valdoria was visited by Ada Brenn last week.");
  const CodedEvent* e = find(events, "042");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.name, "Ada Brenn");
  EXPECT_EQ(e->target.name, "Valdoria");
}

TEST(EventCoder, AVisitIsAlsoHosted) {
  Fixture f;
  auto events = f.code("Ada Brenn visited Valdoria on Monday.");
  const CodedEvent* visit = find(events, "042");
  const CodedEvent* host = find(events, "043");
  ASSERT_NE(visit, nullptr);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(visit->source.name, "Ada Brenn");
  EXPECT_EQ(host->source.name, "Valdoria");
  EXPECT_EQ(host->target.name, "Ada Brenn");
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

TEST(EventCoder, AnAppositionIsNotASecondActorAndASpeakerNotTheSubject) {
  Fixture f;
  auto events = f.code("Ada Brenn, the president of the council, criticized Valdoria.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.name, "Ada Brenn");
  auto reported = f.code("Ada Brenn said the cargo ships could attack Valdoria.");
  const CodedEvent* attack = find(reported, "180");
  ASSERT_NE(attack, nullptr);
  EXPECT_TRUE(attack->source.empty()) << attack->source.name;
  EXPECT_EQ(attack->target.name, "Valdoria");
  EXPECT_EQ(attack->attributed_to, "Ada Brenn");
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
