#include "claims/claim_alignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "claims/source_units.h"

namespace storyline::claims {
namespace {

ClaimMention figure(double value, const std::string& unit, std::vector<std::string> what,
                    std::vector<std::string> content, Framing framing = Framing::kAsserted) {
  ClaimMention m;
  m.kind = "quantity";
  m.quantity.value = value;
  m.quantity.unit = unit;
  m.quantity.dimension = unit == "year" ? "duration" : unit == "EUR" ? "money" : "count";
  Quantity q = m.quantity;
  m.value_text = format_quantity(q);
  m.what = std::move(what);
  std::sort(content.begin(), content.end());
  m.content = std::move(content);
  m.framing = framing;
  return m;
}

ClaimMention statement(std::vector<std::string> content, bool negated, Framing framing = Framing::kAsserted,
                       std::vector<std::string> negated_what = {}) {
  ClaimMention m;
  m.kind = "statement";
  std::sort(content.begin(), content.end());
  m.content = std::move(content);
  m.negated = negated;
  m.framing = framing;
  m.what = std::move(negated_what);
  return m;
}

// Padding sentences so that the story's common words are common.
void pad(std::vector<ClaimMention>& mentions, std::vector<size_t>& units, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    mentions.push_back(statement({"C:agreement", "mayor", "filler" + std::to_string(i), "other" + std::to_string(i)}, false));
    units.push_back(100 + i);
  }
}

const ClaimGroup* group_with(const std::vector<ClaimGroup>& groups, size_t member) {
  for (const auto& g : groups)
    if (std::find(g.members.begin(), g.members.end(), member) != g.members.end()) return &g;
  return nullptr;
}

TEST(ClaimAlignment, OneFigureFromTwoOutletsIsCorroboratedAndFromACopyOnlyOnce) {
  std::vector<ClaimMention> mentions = {
      figure(15, "year", {"C:agreement"}, {"C:agreement", "port", "harbour"}),
      figure(15, "year", {"C:agreement"}, {"C:agreement", "port", "harbour"}),  // the copy
      figure(15, "year", {"C:agreement"}, {"C:agreement", "harbour", "town"}),
  };
  std::vector<size_t> units = {0, 0, 1};
  pad(mentions, units, 6);
  auto groups = align_claims(mentions, units);
  const ClaimGroup* g = group_with(groups, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->members, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(g->status, "corroborated");
  EXPECT_EQ(g->independent_sources, 2u);
  // Without the third outlet: one source.
  std::vector<ClaimMention> copies(mentions.begin(), mentions.begin() + 2);
  auto alone = align_claims(copies, {0, 0});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].status, "single_source");
}

TEST(ClaimAlignment, DifferentValuesOfOneThingAreContradictedWithTheirSources) {
  std::vector<ClaimMention> mentions = {
      figure(12e9, "EUR", {"C:invest"}, {"C:invest", "plant", "hydrogen", "port"}),
      figure(12e9, "EUR", {"C:invest"}, {"C:invest", "plant", "hydrogen"}),
      figure(14e9, "EUR", {"C:invest"}, {"C:invest", "plant", "hydrogen", "fleet"}),
  };
  std::vector<size_t> units = {0, 1, 2};
  pad(mentions, units, 6);
  auto groups = align_claims(mentions, units);
  const ClaimGroup* g = group_with(groups, 2);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, "contradicted");
  ASSERT_EQ(g->values.size(), 2u);
  EXPECT_EQ(g->values[0].first, "12 billion EUR");
  EXPECT_EQ(g->values[0].second, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(g->values[1].first, "14 billion EUR");
}

TEST(ClaimAlignment, TwoFiguresOfOneOutletNeverContradictEachOther) {
  std::vector<ClaimMention> mentions = {
      figure(10, "year", {"C:agreement"}, {"C:agreement", "extend", "initial"}),
      figure(5, "year", {"C:agreement"}, {"C:agreement", "extend", "initial"}),
  };
  std::vector<size_t> units = {0, 0};
  pad(mentions, units, 4);
  auto groups = align_claims(mentions, units);
  EXPECT_NE(group_with(groups, 0), group_with(groups, 1));
}

TEST(ClaimAlignment, FactInOneOutletAllegationInAnotherIsFraming) {
  std::vector<ClaimMention> mentions = {
      figure(2, "", {"patrol", "C:vessel"}, {"patrol", "C:vessel", "C:shipyard", "navy"}),
      figure(2, "", {"patrol", "C:vessel"}, {"patrol", "C:vessel", "C:shipyard", "C:buy"}, Framing::kAlleged),
      figure(2, "", {"patrol", "C:vessel"}, {"patrol", "C:vessel", "C:shipyard", "C:buy"}, Framing::kDenied),
      figure(2, "", {"bridge"}, {"bridge", "river", "inspect"}),  // another two: not the same thing
  };
  std::vector<size_t> units = {0, 1, 2, 3};
  pad(mentions, units, 6);
  auto groups = align_claims(mentions, units);
  const ClaimGroup* g = group_with(groups, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->members, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(g->status, "framing");
}

TEST(ClaimAlignment, NegativeStatementsGroupByWhatTheyNegate) {
  std::vector<ClaimMention> mentions = {
      statement({"text", "C:include", "C:defence", "C:provision", "minister", "press"}, true, Framing::kAttributed,
                {"C:defence", "C:provision"}),
      statement({"C:agreement", "C:include", "C:defence", "C:provision", "official", "capital"}, true,
                Framing::kAttributed, {"C:include", "C:defence", "C:provision"}),
      statement({"C:agreement", "C:include", "C:defence", "C:provision", "exercise"}, false),  // says it does
  };
  std::vector<size_t> units = {0, 1, 2};
  pad(mentions, units, 6);
  auto groups = align_claims(mentions, units);
  const ClaimGroup* g = group_with(groups, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(std::find(g->members.begin(), g->members.end(), 1) != g->members.end());
  EXPECT_EQ(std::find(g->members.begin(), g->members.end(), 2) == g->members.end(), g->status != "contradicted");
}

TEST(ClaimAlignment, XAgainstNotXFromTwoSourcesIsContradicted) {
  std::vector<ClaimMention> mentions = {
      statement({"lease", "harbour", "fishing", "clause", "C:include", "town"}, true, Framing::kAsserted,
                {"fishing", "clause"}),
      statement({"lease", "harbour", "fishing", "clause", "C:include", "town"}, false),
      statement({"mayor", "harbour", "speech"}, true, Framing::kAsserted, {"speech"}),  // negates something else
  };
  std::vector<size_t> units = {0, 1, 2};
  pad(mentions, units, 6);
  auto groups = align_claims(mentions, units);
  const ClaimGroup* g = group_with(groups, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, "contradicted");
  EXPECT_EQ(g->members, (std::vector<size_t>{0, 1}));
  // The same pair from one source is not a contradiction.
  units[1] = 0;
  EXPECT_NE(group_with(align_claims(mentions, units), 0)->status, "contradicted");
}

TEST(ClaimAlignment, CostStaysLinearOnALargeStory) {
  // 20,000 mentions of the same figure and 20,000 unrelated statements: the
  // bounded candidate lists keep this well under a second.
  std::vector<ClaimMention> mentions;
  std::vector<size_t> units;
  for (size_t i = 0; i < 20000; ++i) {
    mentions.push_back(figure(15, "year", {"C:agreement"}, {"C:agreement", "w" + std::to_string(i % 50)}));
    units.push_back(i % 700);
    mentions.push_back(statement({"a" + std::to_string(i), "b" + std::to_string(i % 97), "c" + std::to_string(i % 89)}, false));
    units.push_back(i % 700);
  }
  auto start = std::chrono::steady_clock::now();
  auto groups = align_claims(mentions, units);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  const ClaimGroup* g = group_with(groups, 0);
  ASSERT_NE(g, nullptr);
  EXPECT_GE(g->members.size(), 19000u);
}

TEST(SourceUnits, OutletsAndCopiesMakeOneSourceUnknownOutletsTheirOwn) {
  std::vector<SourceArticle> articles = {{1, "Wire"}, {2, "Paper"}, {3, "wire "}, {4, ""}, {5, ""}, {6, "Blog"}};
  auto units = independence_units(articles, {{2, 1}, {5, 4}});
  EXPECT_EQ(units[0], units[1]);  // Paper copies Wire
  EXPECT_EQ(units[0], units[2]);  // same outlet, other case
  EXPECT_EQ(units[3], units[4]);  // a rewrite of an unnamed article
  EXPECT_NE(units[0], units[3]);
  EXPECT_NE(units[5], units[0]);
  EXPECT_NE(units[5], units[3]);
}

}  // namespace
}  // namespace storyline::claims
