#include "dates/time_expressions.h"

#include <gtest/gtest.h>

#include <random>

#include "dates/calendar.h"

namespace storyline::dates {
namespace {

struct Found {
  std::string words, value, granularity;
  bool relative;
};

std::vector<Found> find(const std::string& text, const std::string& anchor) {
  std::vector<Found> out;
  for (const TimeExpression& e : find_time_expressions(text, {0, static_cast<uint32_t>(text.size())}, anchor))
    out.push_back({std::string(slice(text, e.span)), e.value, std::string(granularity_name(e.granularity)), e.relative});
  return out;
}

// The one expression found in `text`.
Found only(const std::string& text, const std::string& anchor) {
  auto found = find(text, anchor);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.empty() ? Found{} : found[0];
}

TEST(Calendar, DayNumbersRoundTripAndWeekdays) {
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(weekday(days_from_civil({2026, 3, 3})), 1);  // a Tuesday
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_FALSE(parse_iso_date("2025-02-30").has_value());
  EXPECT_EQ(parse_iso_date("2025-01-17T09:30:00Z")->day, 17);
}

TEST(TimeExpressions, AbsoluteDates) {
  auto f = only("The ferry sank on 17 January 2025 near the pier.", "");
  EXPECT_EQ(f.words, "on 17 January 2025");
  EXPECT_EQ(f.value, "2025-01-17");
  EXPECT_EQ(f.granularity, "day");
  EXPECT_FALSE(f.relative);
  f = only("The mill closed in March 2001, workers recalled.", "2026-03-03");
  EXPECT_EQ(f.words, "in March 2001");
  EXPECT_EQ(f.value, "2001-03");
  EXPECT_EQ(f.granularity, "month");
  f = only("Deliveries start in 2029 at the earliest.", "");
  EXPECT_EQ(f.words, "in 2029");
  EXPECT_EQ(f.value, "2029");
  EXPECT_EQ(f.granularity, "year");
  f = only("The mayor resigned on Jan. 9, 2024 after the audit.", "");
  EXPECT_EQ(f.value, "2024-01-09");
  f = only("The filing is dated 2024-11-05 in the register.", "");
  EXPECT_EQ(f.value, "2024-11-05");
}

TEST(TimeExpressions, DayAndMonthTakeTheYearFromTheAnchor) {
  auto f = only("The council met on January 17 to vote.", "2025-01-20");
  EXPECT_EQ(f.value, "2025-01-17");
  EXPECT_TRUE(f.relative);
  // Near a year's end, the nearest January 3 is next year's, when the clause looks ahead.
  EXPECT_EQ(only("The talks will resume on January 3.", "2025-12-28").value, "2026-01-03");
  // Without an anchor the expression is found but has no value.
  f = only("The council met on January 17 to vote.", "");
  EXPECT_EQ(f.words, "on January 17");
  EXPECT_EQ(f.value, "");
}

TEST(TimeExpressions, WeekdaysLookBackInPastTenseAndForwardInFutureTense) {
  // 2026-03-04 is a Wednesday.
  EXPECT_EQ(only("The dockers walked out on Friday.", "2026-03-04").value, "2026-02-27");
  EXPECT_EQ(only("The dockers walked out on Wednesday.", "2026-03-04").value, "2026-03-04");
  EXPECT_EQ(only("The union will decide on Friday whether to strike.", "2026-03-04").value, "2026-03-06");
  EXPECT_EQ(only("The bridge stays shut until at least Friday for repairs.", "2026-03-04").value, "2026-03-06");
  EXPECT_EQ(only("The bridge stays shut until at least Friday for repairs.", "2026-03-04").words,
            "until at least Friday");
  EXPECT_EQ(only("The board meets next Friday.", "2026-03-04").value, "2026-03-06");
  EXPECT_EQ(only("The board met last Wednesday.", "2026-03-04").value, "2026-02-25");
  EXPECT_EQ(only("Ferries are expected to sail again on Thursday.", "2026-03-04").value, "2026-03-05");
  // A past verb nearer the weekday wins over a future one earlier in the sentence.
  EXPECT_EQ(only("Rates will rise, the bank said on Monday.", "2026-03-04").value, "2026-03-02");
}

TEST(TimeExpressions, DeicticWords) {
  EXPECT_EQ(only("Ferries resumed today.", "2026-03-04").value, "2026-03-04");
  EXPECT_EQ(only("Ferries resumed yesterday.", "2026-03-04").value, "2026-03-03");
  EXPECT_EQ(only("Ferries resume tomorrow.", "2026-03-04").value, "2026-03-05");
}

TEST(TimeExpressions, LastNextThisUnits) {
  auto f = only("Prices rose last month across the region.", "2026-03-04");
  EXPECT_EQ(f.words, "last month");
  EXPECT_EQ(f.value, "2026-02");
  EXPECT_EQ(f.granularity, "month");
  EXPECT_EQ(only("Prices fell last month.", "2026-01-10").value, "2025-12");
  f = only("A new line opens next year.", "2026-03-04");
  EXPECT_EQ(f.value, "2027");
  EXPECT_EQ(f.granularity, "year");
  EXPECT_EQ(only("Output doubled this year.", "2026-03-04").value, "2026");
  f = only("The plant shut last week.", "2026-03-04");
  EXPECT_EQ(f.value, "2026-02-25");
  EXPECT_EQ(f.granularity, "approximate");
  f = only("Flooding began earlier this month in the valley.", "2026-03-24");
  EXPECT_EQ(f.words, "earlier this month");
  EXPECT_EQ(f.value, "2026-03");
  EXPECT_EQ(f.granularity, "month");
}

TEST(TimeExpressions, WeekendsAndDecades) {
  // 2026-03-04 is a Wednesday: the weekend before began on 2026-02-28.
  EXPECT_EQ(only("The ferry broke down last weekend.", "2026-03-04").value, "2026-02-28");
  EXPECT_EQ(only("The ferry sails this weekend.", "2026-03-04").value, "2026-03-07");
  auto f = only("Prices doubled in the 1990s.", "2026-03-04");
  EXPECT_EQ(f.value, "1990");
  EXPECT_EQ(f.granularity, "approximate");
  EXPECT_EQ(f.words, "1990s");
}

TEST(TimeExpressions, BareMonthsResolveToTheNearestSensibleYear) {
  EXPECT_EQ(only("The harvest starts in June.", "2026-03-04").value, "2026-06");
  EXPECT_EQ(only("The harvest failed in November.", "2026-03-04").value, "2025-11");
  EXPECT_EQ(only("The harvest will start in November.", "2026-03-04").value, "2026-11");
  EXPECT_EQ(only("Sales peaked last June.", "2026-03-04").value, "2025-06");
  // "May" alone is not a date; after a preposition it is.
  EXPECT_TRUE(find("May the best crew win.", "2026-03-04").empty());
  EXPECT_EQ(only("Voting ends in May.", "2026-03-04").value, "2026-05");
}

TEST(TimeExpressions, CountsAgoAreApproximate) {
  auto f = only("The mine opened nearly three years ago.", "2026-03-04");
  EXPECT_EQ(f.words, "nearly three years ago");
  EXPECT_EQ(f.value, "2023");
  EXPECT_EQ(f.granularity, "approximate");
  EXPECT_EQ(only("She arrived two weeks ago.", "2026-03-04").value, "2026-02-18");
  EXPECT_EQ(only("He left 5 days ago.", "2026-03-04").value, "2026-02-27");
  EXPECT_EQ(only("It was built a few months ago.", "2026-03-04").value, "2025-12");
  EXPECT_EQ(only("It was built twenty-five years ago.", "2026-03-04").value, "2001");
  EXPECT_EQ(only("It was built more than a decade ago.", "2026-03-04").value, "2016");
}

TEST(TimeExpressions, NumbersThatAreNotDatesAreLeftAlone) {
  EXPECT_TRUE(find("The plant makes 2,000 tonnes a year for 15 years.", "2026-03-04").empty());
  EXPECT_TRUE(find("Room 2029 was booked by 40 people.", "2026-03-04").empty());
  EXPECT_TRUE(find("The march through the town was peaceful.", "2026-03-04").empty());
}

TEST(TimeExpressions, SeveralInOneTextWithinTheRange) {
  std::string text = "On Monday the vote failed. Since 1951 no flood was worse. A rerun is due in April.";
  auto all = find(text, "2026-03-04");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].words, "On Monday");
  EXPECT_EQ(all[0].value, "2026-03-02");
  EXPECT_EQ(all[1].value, "1951");
  EXPECT_EQ(all[2].value, "2026-04");
  // Only the second sentence.
  auto second = find_time_expressions(text, {27, 57}, "2026-03-04");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].value, "1951");
}

}  // namespace
}  // namespace storyline::dates

namespace storyline::dates {
namespace {

// Random strings of date words, numbers and punctuation, searched in a
// random sub-range: every span found lies inside that range.
TEST(TimeExpressions, RandomDateSoupKeepsSpansInsideTheRange) {
  const std::vector<std::string> words = {"on", "in", "until", "at", "least", "last", "next", "this", "Friday",
                                          "Monday's", "January", "Jan", "May", "17", "31st", "2025", "1951", "-",
                                          "ago", "nearly", "three", "twenty", "five", "a", "few", "years", "weeks",
                                          ",", ".", "\n", "will", "said", "mid", "early", "2024-02-30", "today", "’"};
  std::mt19937 random(3);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    int length = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      text += words[random() % words.size()];
      if (random() % 4) text += ' ';
    }
    uint32_t a = static_cast<uint32_t>(random() % (text.size() + 1)), b = static_cast<uint32_t>(random() % (text.size() + 1));
    Span range{std::min(a, b), std::max(a, b)};
    for (const char* anchor : {"", "2026-03-04", "2024-02-29"})
      for (const TimeExpression& e : find_time_expressions(text, range, anchor)) {
        EXPECT_TRUE(range.contains(e.span) && e.span.begin < e.span.end) << text;
        if (!e.value.empty()) {
          EXPECT_TRUE(e.value.size() == 4 || e.value.size() == 7 || e.value.size() == 10) << e.value;
        }
      }
  }
}

}  // namespace
}  // namespace storyline::dates
