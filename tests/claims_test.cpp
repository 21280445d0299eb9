// Cross-source claims end to end: the demo corpus against the "claims" list
// of tests/fixtures/examples_truth.json, and the real seeds in ../shared
// (read at run time, never copied).
#include <filesystem>
#include <fstream>
#include <set>

#include "test_support.h"

namespace storyline::testing {
namespace {

// The articles a claim group cites.
std::set<std::string> articles_of(const nlohmann::json& claim) {
  std::set<std::string> out;
  for (const auto& source : claim["sources"]) out.insert(source["article"].get<std::string>());
  return out;
}

// Among the claims whose value or text contains `cue`, the one whose articles
// best match `expected` (Jaccard); nullptr when none has the cue.
const nlohmann::json* best_claim(const nlohmann::json& report, const std::string& cue,
                                 const std::set<std::string>& expected) {
  const nlohmann::json* best = nullptr;
  double best_score = -1;
  for (const auto& claim : report["claims"]) {
    std::string haystack = claim.value("value", "") + " | " + claim["text"].get<std::string>();
    for (const auto& value : claim.value("values", nlohmann::json::array())) haystack += " | " + value["value"].get<std::string>();
    if (haystack.find(cue) == std::string::npos) continue;
    std::set<std::string> got = articles_of(claim);
    size_t common = 0;
    for (const auto& id : got) common += expected.count(id);
    double score = static_cast<double>(common) / static_cast<double>(got.size() + expected.size() - common);
    if (score > best_score) best = &claim, best_score = score;
  }
  return best;
}

class ExampleClaims : public ExamplesReport {
 protected:
  static std::string id_of(const std::string& name) { return article_id(name); }
  static std::set<std::string> ids_of(const nlohmann::json& names) {
    std::set<std::string> out;
    for (const auto& name : names) out.insert(article_id(name));
    return out;
  }
  static const nlohmann::json& truth_claim(const std::string& key) {
    for (const auto& claim : (*truth_)["claims"])
      if (claim["key"] == key) return claim;
    static nlohmann::json none;
    ADD_FAILURE() << "no truth claim " << key;
    return none;
  }
};

TEST_F(ExampleClaims, FifteenYearsCorroboratedBySixIndependentOutlets) {
  const auto& truth = truth_claim("accord duration 15 years");
  std::set<std::string> expected = ids_of(truth["articles"]);
  const nlohmann::json* claim = best_claim(*report_, "15 years", expected);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "corroborated");
  EXPECT_EQ((*claim)["independent_sources"], truth["independent_outlets"]);
  EXPECT_EQ(articles_of(*claim), expected);
}

TEST_F(ExampleClaims, NoDefenceProvisionsAndTheFirstShipmentsCorroborated) {
  for (const auto& [key, cue] : std::vector<std::pair<std::string, std::string>>{
           {"accord has no defence or military provisions", "defence"},
           {"first shipments reach Europe in 2029", "year 2029"}}) {
    const auto& truth = truth_claim(key);
    std::set<std::string> expected = ids_of(truth["articles"]);
    const nlohmann::json* claim = best_claim(*report_, cue, expected);
    ASSERT_NE(claim, nullptr) << key;
    EXPECT_EQ((*claim)["status"], "corroborated") << key;
    std::set<std::string> got = articles_of(*claim);
    size_t found = 0;
    for (const auto& id : expected) found += got.count(id);
    EXPECT_GE(found, expected.size() - 1) << key << ": " << (*claim).dump(1);
  }
}

TEST_F(ExampleClaims, InvestmentTwelveAgainstFourteenBillionContradicted) {
  const auto& truth = truth_claim("investment amount");
  std::set<std::string> twelve = ids_of(truth["values"]["12 billion euros"]);
  std::set<std::string> fourteen = ids_of(truth["values"]["14 billion euros"]);
  std::set<std::string> all = twelve;
  all.insert(fourteen.begin(), fourteen.end());
  const nlohmann::json* claim = best_claim(*report_, "billion EUR", all);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "contradicted");
  std::map<std::string, std::set<std::string>> values;
  for (const auto& value : (*claim)["values"])
    for (const auto& source : value["sources"]) values[value["value"]].insert(source["article"].get<std::string>());
  EXPECT_EQ(values["12 billion EUR"], twelve);
  EXPECT_EQ(values["14 billion EUR"], fourteen);
}

TEST_F(ExampleClaims, MejillonesAmmoniaSingleSource) {
  const auto& truth = truth_claim("Mejillones terminal handles two million tonnes of ammonia a year");
  std::set<std::string> expected = ids_of(truth["articles"]);
  const nlohmann::json* claim = best_claim(*report_, "2 million tonnes a year", expected);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "single_source");
  EXPECT_EQ(articles_of(*claim), expected);
}

TEST_F(ExampleClaims, PatrolVesselSaleIsAFramingDifference) {
  const auto& truth = truth_claim("Chile bought two patrol vessels from Norwegian yards");
  std::set<std::string> asserted = ids_of(truth["framings"]["asserted"]);
  std::set<std::string> disputed = ids_of(truth["framings"]["alleged_and_denied"]);
  std::set<std::string> all = asserted;
  all.insert(disputed.begin(), disputed.end());
  const nlohmann::json* claim = best_claim(*report_, "patrol", all);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "framing") << claim->dump(1);
  EXPECT_EQ(articles_of(*claim), all);
  for (const auto& source : (*claim)["sources"]) {
    std::string framing = source["framing"];
    if (asserted.count(source["article"])) EXPECT_EQ(framing, "asserted");
    else EXPECT_TRUE(framing == "alleged" || framing == "denied") << framing;
  }
}

TEST_F(ExampleClaims, SpansAreCodePointsIntoTheSentence) {
  std::map<std::string, std::u32string> texts;
  for (const auto& article : (*report_)["articles"]) texts[article["id"]] = code_points(article["text"]);
  ASSERT_FALSE((*report_)["claims"].empty());
  for (const auto& claim : (*report_)["claims"])
    for (const auto& source : claim["sources"]) {
      const std::u32string& text = texts[source["article"]];
      size_t begin = source["span"][0], end = source["span"][1];
      ASSERT_LE(end, text.size());
      ASSERT_LT(begin, end);
      if (source.contains("value_span")) {
        EXPECT_LE(begin, source["value_span"][0].get<size_t>());
        EXPECT_GE(end, source["value_span"][1].get<size_t>());
      }
    }
}

class SeedClaims : public SeedsReport {
 protected:
  static std::string id_of(const std::string& suffix) { return article(suffix).value("id", ""); }
};

const char* kSeed000 = "000_7b0b20a086d0974d.txt";
const char* kSeed001 = "001_a1a3279b3015ce50.txt";
const char* kSeed002 = "002_96134ee0910ccc69.txt";
const char* kDw = "004_2e1ec1ab8c1ca49e.txt#article 1";
const char* kVoa = "004_2e1ec1ab8c1ca49e.txt#article 2";

TEST_F(SeedClaims, TwentyYearsCorroboratedWithTheRewriteCountedOnce) {
  std::set<std::string> expected = {id_of(kSeed000), id_of(kSeed002), id_of(kDw), id_of(kVoa)};
  const nlohmann::json* claim = best_claim(*report_, "20 years", expected);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "corroborated");
  std::set<std::string> got = articles_of(*claim);
  for (const auto& id : expected) EXPECT_TRUE(got.count(id)) << claim->dump(1);
  EXPECT_GE((*claim)["independent_sources"].get<int>(), 3);
}

TEST_F(SeedClaims, NoMutualDefenceClauseCorroboratedAndSeeds000And001CountOnce) {
  std::set<std::string> expected = {id_of(kSeed000), id_of(kSeed001), id_of(kVoa)};
  const nlohmann::json* claim = best_claim(*report_, "mutual defense", expected);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "corroborated") << claim->dump(1);
  EXPECT_EQ((*claim)["negated"], true);
  std::set<std::string> got = articles_of(*claim);
  for (const auto& id : expected) EXPECT_TRUE(got.count(id)) << claim->dump(1);
  // 000 is a rewrite of 001: together they are one source.
  std::set<size_t> units_000_001;
  for (const auto& source : (*claim)["sources"])
    if (source["article"] == id_of(kSeed000) || source["article"] == id_of(kSeed001))
      units_000_001.insert(source["independent_source"].get<size_t>());
  EXPECT_EQ(units_000_001.size(), 1u);
  EXPECT_EQ((*claim)["independent_sources"].get<size_t>(), std::set<std::string>(got).size() - 1);
}

TEST_F(SeedClaims, FiftyFiveBillionCubicMetresSingleSource) {
  const nlohmann::json* claim = best_claim(*report_, "55 billion m3", {id_of(kSeed002)});
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "single_source");
  EXPECT_EQ(articles_of(*claim), std::set<std::string>{id_of(kSeed002)});
}

TEST_F(SeedClaims, DroneSupplyIsAFramingDifference) {
  std::set<std::string> expected = {id_of(kSeed001), id_of(kSeed002), id_of(kDw), id_of(kVoa)};
  const nlohmann::json* claim = best_claim(*report_, "drones", expected);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["status"], "framing") << claim->dump(1);
  std::set<std::string> asserting, disputing;
  for (const auto& source : (*claim)["sources"]) {
    std::string framing = source["framing"];
    (framing == "alleged" || framing == "denied" ? disputing : asserting).insert(source["article"].get<std::string>());
  }
  EXPECT_TRUE(asserting.count(id_of(kSeed002))) << claim->dump(1);
  EXPECT_GE(disputing.size(), 2u) << claim->dump(1);
}

}  // namespace
}  // namespace storyline::testing

namespace storyline::testing {
namespace {

TEST(ClaimsWithoutStories, TheReportsArticlesAreAlignedAsOneSet) {
  TempDir dir;
  EngineOptions options;
  options.db_path = dir.file("alone.db");
  options.stages = {"claims"};
  auto engine = Engine::open(options);
  ASSERT_TRUE(engine.is_ok()) << engine.status().message();
  auto summary = (*engine)->ingest({source_path("examples")}, IngestOptions{});
  ASSERT_TRUE(summary.is_ok());
  auto text = (*engine)->report(summary->article_ids, ReportFormat::kJson);
  ASSERT_TRUE(text.is_ok()) << text.status().message();
  nlohmann::json report = nlohmann::json::parse(*text);
  ASSERT_FALSE(report["claims"].empty());
  bool fifteen = false;
  for (const auto& claim : report["claims"]) {
    EXPECT_TRUE(claim["story"].is_null());
    if (claim.value("value", "") == "15 years") fifteen = claim["status"] == "corroborated";
  }
  EXPECT_TRUE(fifteen);
}

}  // namespace
}  // namespace storyline::testing
