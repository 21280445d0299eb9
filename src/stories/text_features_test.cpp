#include "stories/text_features.h"

#include <gtest/gtest.h>

#include "core/data_files.h"

namespace storyline::stories {
namespace {

TEST(UrlSubjectWords, KeepTheSlugAndDropIdsDatesAndSiteStructure) {
  auto extractor = FeatureExtractor::load(core::data_dir());
  ASSERT_TRUE(extractor);
  EXPECT_EQ(extractor->url_subject_words(
                "https://www.example.com/news/2026/03/04/ferry-pier-reopens-in-solvik-ab12cd34.html?ref=rss#top"),
            "ferry pier reopens solvik ");
  // No path, or a path of ids only: nothing.
  EXPECT_EQ(extractor->url_subject_words("https://www.example.com"), "");
  EXPECT_EQ(extractor->url_subject_words("https://example.com/article/152615"), "");
  EXPECT_EQ(extractor->url_subject_words("not a url"), "");
}

TEST(UrlSubjectWords, SlugWordsJoinTheHeadlineTerms) {
  auto extractor = FeatureExtractor::load(core::data_dir());
  ASSERT_TRUE(extractor);
  Article headline_only;
  headline_only.title = "Pier reopens";
  size_t without = extractor->extract(headline_only).terms.size();
  headline_only.url = "https://example.com/solvik-ferry-pier-reopens-after-repairs";
  // "solvik", "ferry", "repair" are new; "pier" and "reopen" were there already.
  EXPECT_EQ(extractor->extract(headline_only).terms.size(), without + 3);
}

}  // namespace
}  // namespace storyline::stories
