#include <gtest/gtest.h>

#include <fstream>

#include "core/data_files.h"
#include "entities/coreference.h"
#include "entities/entities_stage.h"
#include "entities/entity_resolver.h"
#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "entities/name_folding.h"
#include "segment/segmenter.h"

namespace storyline::entities {
namespace {

std::shared_ptr<KnowledgeBase> knowledge() {
  static auto kb = [] {
    auto loaded = KnowledgeBase::load(core::data_dir());
    EXPECT_TRUE(loaded.is_ok()) << loaded.status().message();
    return *loaded;
  }();
  return kb;
}

ArticleEntities entities_of(const std::string& text, const std::string& published = "2026-03-03") {
  static auto segmenter = segment::Segmenter::create(core::data_dir());
  Article article;
  article.text = text;
  article.published = published;
  segmenter->segment(article);
  MentionFinder finder(knowledge());
  return link_mentions(finder.find(article), *knowledge(), published);
}

const LocalEntity* entity_named(const ArticleEntities& found, const std::string& name) {
  for (const auto& entity : found.entities) {
    if (entity.name == name) return &entity;
  }
  return nullptr;
}

TEST(NameFolding, FoldsAccentsAndScripts) {
  EXPECT_EQ(fold_name("Errázuriz"), "errazuriz");
  EXPECT_EQ(fold_name("Песков"), "peskov");
  EXPECT_EQ(phonetic_key("araghchi"), phonetic_key("aragushi"));
  EXPECT_EQ(phonetic_key("errazuriz"), phonetic_key("errasuris"));
  EXPECT_GT(name_similarity("dmitri", "dmitry"), 0.85);
  EXPECT_LT(name_similarity("fatemeh", "ataollah"), 0.85);  // below the given-name threshold
}

TEST(MentionFinder, TitlesAppositionsAndCodes) {
  auto found = entities_of(
      "Norway's Prime Minister Ingrid Solheim-Vik met Chilean President Tomas Riquelme in Oslo on Tuesday. "
      "Kremlin spokesperson Anton Belov said the talks were useful. "
      "Rafael Ortuzar, Chile's ambassador to Norway, said the deal was ready.");
  const LocalEntity* prime_minister = entity_named(found, "Ingrid Solheim-Vik");
  ASSERT_NE(prime_minister, nullptr);
  EXPECT_EQ(prime_minister->role, "prime minister");
  EXPECT_EQ(prime_minister->country, "NOR");
  EXPECT_EQ(prime_minister->actor_code, "NORGOV");
  const LocalEntity* president = entity_named(found, "Tomas Riquelme");
  ASSERT_NE(president, nullptr);
  EXPECT_EQ(president->actor_code, "CHLGOV");
  const LocalEntity* spokesperson = entity_named(found, "Anton Belov");
  ASSERT_NE(spokesperson, nullptr);
  EXPECT_EQ(spokesperson->actor_code, "RUSGOV");
  const LocalEntity* ambassador = entity_named(found, "Rafael Ortuzar");
  ASSERT_NE(ambassador, nullptr);
  EXPECT_EQ(ambassador->role, "ambassador");
  EXPECT_EQ(ambassador->country, "CHL");
  const LocalEntity* oslo = entity_named(found, "Oslo");
  ASSERT_NE(oslo, nullptr);
  EXPECT_EQ(oslo->type, EntityType::kPlace);
  EXPECT_EQ(oslo->country, "NOR");
}

TEST(MentionFinder, SentenceInitialWordsAndHeadingsAreNotEntities) {
  auto found = entities_of(
      "Meanwhile the talks went on.\nSpeaking to reporters, officials were calm.\n"
      "Western Concerns Over Hydrogen Pricing\nHowever, Western governments stayed quiet.");
  for (const auto& entity : found.entities) {
    EXPECT_NE(entity.type, EntityType::kPerson) << entity.name;
  }
}

TEST(MentionFinder, ParticlesScriptsAndCapitals) {
  auto found = entities_of(
      "SAUDI CROWN PRINCE MEETS EU CHIEF IN BRUSSELS\n"
      "Crown Prince Mohammed bin Salman met Ursula von der Leyen in Brussels on Monday. "
      "The Syrian envoy Bashar al-Jaafari said little. A Russian official, Сергей Волков, was there; "
      "Sergei Volkov later said the talks were long.");
  EXPECT_NE(entity_named(found, "Mohammed bin Salman"), nullptr);
  EXPECT_NE(entity_named(found, "Ursula von der Leyen"), nullptr);
  EXPECT_NE(entity_named(found, "Bashar al-Jaafari"), nullptr);
  // One person in two scripts; the original spelling is kept as a mention.
  int volkov_chains = 0;
  for (const auto& entity : found.entities) volkov_chains += fold_name(entity.name) == "sergei volkov" || fold_name(entity.name) == "sergej volkov";
  EXPECT_EQ(volkov_chains, 1);
  // The all-capital headline gives no person named "SAUDI CROWN PRINCE MEETS".
  for (const auto& entity : found.entities) EXPECT_EQ(entity.name.find("MEETS"), std::string::npos) << entity.name;
}

TEST(Coreference, SurnamesJoinTheirPersonButSharedSurnamesStayApart) {
  auto found = entities_of(
      "Government spokesperson Fatemeh Mohajerani said the visit would go ahead. Mohajerani added that talks "
      "were ready. Ataollah Mohajerani, an analyst, wrote that doubts remained. Mr. Mohajerani was not alone.");
  const LocalEntity* spokesperson = entity_named(found, "Fatemeh Mohajerani");
  const LocalEntity* analyst = entity_named(found, "Ataollah Mohajerani");
  ASSERT_NE(spokesperson, nullptr);
  ASSERT_NE(analyst, nullptr);
  int spokesperson_mentions = 0, analyst_mentions = 0;
  for (const auto& mention : found.mentions) {
    if (mention.name == "Fatemeh Mohajerani") ++spokesperson_mentions;
    if (mention.name == "Ataollah Mohajerani") ++analyst_mentions;
  }
  EXPECT_EQ(spokesperson_mentions, 2);  // full name + "Mohajerani added"
  EXPECT_EQ(analyst_mentions, 2);       // full name + "Mr. Mohajerani" (the nearest before)
  EXPECT_EQ(analyst->role, "analyst");
}

TEST(Coreference, VariantSurnameInOneArticleJoins) {
  auto found = entities_of("Foreign Minister Abbas Araghchi arrived. Aragushi said the deal was signed.");
  int joined = 0;
  for (const auto& mention : found.mentions) joined += mention.name == "Abbas Araghchi";
  EXPECT_EQ(joined, 2);
}

TEST(Coreference, TitlesStandForTheirHolder) {
  auto found = entities_of(
      "Kremlin spokesperson Anton Belov spoke on Monday. Later the Kremlin spokesman added that talks would go on. "
      "Rafael Ortuzar, Chile's ambassador to Norway, was there. A president of a small country was not.");
  int titles_for_belov = 0, titles_unlinked = 0;
  for (const auto& mention : found.mentions) {
    if (!mention.title_only) continue;
    if (mention.name == "Anton Belov") ++titles_for_belov;
    else ++titles_unlinked;
  }
  EXPECT_EQ(titles_for_belov, 1);  // "the Kremlin spokesman"
  EXPECT_EQ(titles_unlinked, 0);   // an apposition is its name's; "a president" is anyone
}

TEST(EntityResolver, MergesVariantsAndKeepsNamesakesApart) {
  EntityResolver resolver;
  resolver.add({1, EntityType::kPerson, "Dmitri Peskov", "spokesperson", "RUS", "RUSGOV"});
  resolver.add({2, EntityType::kPerson, "Fatemeh Mohajerani", "government spokesperson", "IRN", "IRNGOV"});
  resolver.add({3, EntityType::kPerson, "Valentina Errázuriz", "foreign minister", "CHL", "CHLGOV"});
  auto match = [&](const char* name, const char* role, const char* country) {
    LocalEntity local{EntityType::kPerson, name, role, country, "", nullptr};
    const StoredEntity* found = resolver.match(local);
    return found ? found->id : 0;
  };
  EXPECT_EQ(match("Dmitry S. Peskov", "spokesperson", "RUS"), 1);
  EXPECT_EQ(match("Dmitry Peskov", "", ""), 1);
  EXPECT_EQ(match("Ataollah Mohajerani", "analyst", "IRN"), 0);
  EXPECT_EQ(match("Valentine Errasuris", "chancellor", ""), 3);
  EXPECT_EQ(match("Peskov", "", ""), 0);  // a surname alone, no role: too weak
}

TEST(KnowledgeBase, LoadsCountryInfoWhenPresent) {
  KnowledgeBase kb = *knowledge();
  std::string path = std::string(STORYLINE_SHARED_DIR) + "/data/kb/CountryInfo.120116.txt";
  if (!std::ifstream(path)) GTEST_SKIP() << "no ../shared/data/kb";
  size_t before = kb.size();
  ASSERT_TRUE(kb.add_country_info(path).is_ok());
  EXPECT_GT(kb.size(), before + 1000);
  const KbEntry* leader = kb.find("mahmoud ahmadinejad", "Mahmoud Ahmadinejad");
  ASSERT_NE(leader, nullptr);
  EXPECT_EQ(leader->actor_code, "IRNGOV");
  EXPECT_FALSE(kb.add_country_info(std::string(STORYLINE_SOURCE_DIR) + "/README.md").is_ok());
}

}  // namespace
}  // namespace storyline::entities

namespace storyline::entities {
namespace {

// A user's PETRARCH actor dictionary gives dated codes that win over titles;
// a CountryInfo file is recognised by its tags; a bad path is an error.
TEST(EntitiesStage, LoadsUsersDictionaries) {
  const std::string shared = std::string(STORYLINE_SHARED_DIR) + "/data";
  const std::string actors = shared + "/events/petrarch2/Phoenix.Countries.actors.txt";
  const std::string country_info = shared + "/kb/CountryInfo.120116.txt";
  if (!std::ifstream(actors) || !std::ifstream(country_info)) GTEST_SKIP() << "no ../shared/data";
  auto stage = EntitiesStage::create(core::data_dir(), {actors, country_info});
  ASSERT_TRUE(stage.is_ok()) << stage.status().message();
  auto segmenter = segment::Segmenter::create(core::data_dir());
  Article article;
  article.text = "Syrian leader Bashar al-Assad met envoys in Damascus on Monday.";
  article.published = "2020-05-04";
  segmenter->segment(article);
  (*stage)->analyze(article);
  bool coded = false;
  for (const auto& mention : article.mentions) coded |= mention.name == "Bashar al-Assad" && mention.actor_code == "SYRGOV";
  EXPECT_TRUE(coded);
  EXPECT_FALSE(EntitiesStage::create(core::data_dir(), {shared + "/no-such-dictionary.txt"}).is_ok());
}

}  // namespace
}  // namespace storyline::entities
