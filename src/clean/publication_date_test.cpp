#include "clean/publication_date.h"

#include <gtest/gtest.h>

namespace storyline::clean {
namespace {

TEST(PublicationDate, ParsesTheFormsPagesUse) {
  EXPECT_EQ(parse_publication_date("2026-03-03"), "2026-03-03");
  EXPECT_EQ(parse_publication_date("2026-03-03T09:30:00Z"), "2026-03-03T09:30:00Z");
  EXPECT_EQ(parse_publication_date("2026-03-03T01:30:00+03:00"), "2026-03-02T22:30:00Z");
  EXPECT_EQ(parse_publication_date("Tue, 03 Mar 2026 10:45:00 GMT"), "2026-03-03T10:45:00Z");
  EXPECT_EQ(parse_publication_date("March 3, 2026"), "2026-03-03");
  EXPECT_EQ(parse_publication_date("Mar. 3, 2026"), "2026-03-03");
  EXPECT_EQ(parse_publication_date("3 March 2026"), "2026-03-03");
  EXPECT_EQ(parse_publication_date("Published 3 Mar 2026 10:45 a.m. EST"), "2026-03-03T15:45:00Z");
  EXPECT_EQ(parse_publication_date("2026/03/03"), "2026-03-03");
  EXPECT_EQ(parse_publication_date("20260303T104500Z"), "2026-03-03");
}

TEST(PublicationDate, RejectsWhatIsNotAFullDate) {
  EXPECT_FALSE(parse_publication_date("March 2026"));
  EXPECT_FALSE(parse_publication_date("on Friday"));
  EXPECT_FALSE(parse_publication_date("February 30, 2026"));
  EXPECT_FALSE(parse_publication_date("3 million people"));
  EXPECT_FALSE(parse_publication_date(""));
}

// Found by fuzz/publication_date_fuzz: a long run of digits in the seconds
// field overflowed an int.
TEST(PublicationDate, LongDigitRunsAreOutOfRangeNotAnOverflow) {
  EXPECT_EQ(parse_publication_date("2025-03-02T0:1111101111111111111111025"), "2025-03-02");
  EXPECT_FALSE(parse_publication_date("99999999999999999999-03-02"));
}

TEST(PublicationDate, FindsTheDateInsideALine) {
  auto found = find_date("Harbour Ledger | Published March 3, 2026");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->iso(), "2026-03-03");
  EXPECT_EQ(found->begin, std::string("Harbour Ledger | Published ").size());
}

TEST(PublicationDate, MonthNames) {
  EXPECT_EQ(month_from_name("Sept."), 9);
  EXPECT_EQ(month_from_name("january"), 1);
  EXPECT_EQ(month_from_name("Mayor"), 0);
  EXPECT_EQ(month_from_name("Ma"), 0);
}

}  // namespace
}  // namespace storyline::clean
