#include "claims/number_normalizer.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::claims {
namespace {

class NumberNormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = NumberNormalizer::load(core::data_dir());
    ASSERT_TRUE(loaded.is_ok()) << loaded.status().message();
    normalizer_ = new NumberNormalizer(std::move(*loaded));
  }
  static void TearDownTestSuite() { delete normalizer_; }
  static std::vector<Quantity> find(const std::string& text) {
    auto tokens = tokenize_claim_text(text, {0, static_cast<uint32_t>(text.size())});
    return normalizer_->find(tokens);
  }
  static Quantity only(const std::string& text) {
    auto found = find(text);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? Quantity{} : found[0];
  }
  static NumberNormalizer* normalizer_;
};
NumberNormalizer* NumberNormalizerTest::normalizer_ = nullptr;

TEST_F(NumberNormalizerTest, DurationsInEveryWordingAreTheSameYears) {
  for (const char* text : {"a 20-year pact", "for twenty years", "over two decades", "the twenty-year treaty"}) {
    Quantity q = only(text);
    EXPECT_EQ(q.dimension, "duration") << text;
    EXPECT_DOUBLE_EQ(q.value, 20) << text;
  }
  EXPECT_DOUBLE_EQ(only("a decade and a half of work").value, 15);
  EXPECT_DOUBLE_EQ(only("a fifteen-year accord").value, 15);
  EXPECT_DOUBLE_EQ(only("two and a half years").value, 2.5);
  EXPECT_TRUE(only("a 15-year accord").attributive);
}

TEST_F(NumberNormalizerTest, MoneyAndVolumesNormalise) {
  Quantity a = only("invest 12bn euros"), b = only("invest €12 billion"), c = only("12 billion of euros");
  for (const Quantity& q : {a, b, c}) {
    EXPECT_EQ(q.unit, "EUR");
    EXPECT_TRUE(same_value(q.value, 12e9)) << q.value;
  }
  EXPECT_EQ(format_quantity(a), "12 billion EUR");
  Quantity m3 = only("55 billion cubic meters of gas"), bcm = only("55 bcm of gas");
  EXPECT_EQ(m3.unit, "m3");
  EXPECT_TRUE(same_value(m3.value, bcm.value));
  EXPECT_FALSE(same_value(12e9, 14e9));
  EXPECT_FALSE(same_quantity_value(only("in 2027"), only("in 2029")));
  EXPECT_TRUE(same_quantity_value(only("12bn euros"), only("€12 billion")));
}

TEST_F(NumberNormalizerTest, RatesCountsYearsAndQualifiers) {
  Quantity rate = only("two million tonnes of ammonia a year");
  EXPECT_EQ(rate.unit, "tonne");
  EXPECT_DOUBLE_EQ(rate.value, 2e6);
  EXPECT_EQ(rate.per, "year");
  Quantity count = only("bought two patrol vessels");
  EXPECT_EQ(count.dimension, "count");
  EXPECT_DOUBLE_EQ(count.value, 2);
  Quantity year = only("cargoes arrive in 2029");
  EXPECT_EQ(year.dimension, "calendar_year");
  EXPECT_EQ(only("in more than two decades").qualifier, "bound");
  EXPECT_DOUBLE_EQ(only("over 11,000 banks").value, 11000);
}

TEST_F(NumberNormalizerTest, DatesOrdinalsAndLoneWordsAreNotQuantities) {
  EXPECT_TRUE(find("on January 17 the leaders met").empty());
  EXPECT_TRUE(find("the 3rd meeting").empty());
  EXPECT_TRUE(find("one of the most important").empty());
  EXPECT_TRUE(find("a year later").empty());
  EXPECT_TRUE(find("a meeting of the two leaders").empty());
  EXPECT_TRUE(find("doors open at 7 p.m. and close at 11:50").empty());
  Quantity age = only("a 13-year-old boy");
  EXPECT_EQ(age.dimension, "age");
  EXPECT_EQ(age.last, 3u);  // tokens "a" "13" "year" "old": the "old" is part of it
  EXPECT_EQ(find("three years later")[0].dimension, "time_offset");
}

}  // namespace
}  // namespace storyline::claims
