#include "events/petrarch_dictionaries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/data_files.h"
#include "events/event_coder.h"
#include "segment/segmenter.h"

namespace storyline::events {
namespace {

// Small dictionaries written for these tests, in the PETRARCH formats.
std::string write(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("storyline_petr_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path) << text;
  return path.string();
}

TEST(PetrarchVerbs, BlocksPatternsAndSynonymSetsBecomeRules) {
  std::string path = write("verbs.txt",
                           "# test verbs\n"
                           "&PACT\n+TREATY\n+ACCORD\n\n"
                           "--- SIGN [057] ---\n"
                           "SIGN\n"
                           "INK {INKS INKED INKING}\n"
                           "- * &PACT [057]\n"
                           "- * PETITION [020]\n"
                           "\n--- SCOLD [111] ---\n"
                           "SCOLD\n"
                           "- ANGRILY * [112]\n");
  VerbLexicon lexicon;
  size_t rules = 0;
  ASSERT_TRUE(load_petrarch_verbs(path, lexicon, &rules).is_ok());
  EXPECT_EQ(rules, 6u);
  std::vector<std::string_view> words = {"valdoria", "inked", "a", "petition"};
  PatternMatch match;
  ASSERT_TRUE(lexicon.best_event_at(words, 1, match));
  EXPECT_EQ(match.pattern->code, "020");
  words = {"valdoria", "signed", "the", "accords"};
  ASSERT_TRUE(lexicon.best_event_at(words, 1, match));
  EXPECT_EQ(match.pattern->code, "057");
  words = {"valdoria", "angrily", "scolded", "estmark"};
  ASSERT_TRUE(lexicon.best_event_at(words, 2, match));
  EXPECT_EQ(match.pattern->code, "112");
  std::filesystem::remove(path);
}

TEST(PetrarchVerbs, MalformedLinesAreErrorsNamingFileAndLine) {
  std::string path = write("bad_verbs.txt", "--- SIGN [057] ---\nSIGN\n- TREATY [057]\n");
  VerbLexicon lexicon;
  Status status = load_petrarch_verbs(path, lexicon);
  ASSERT_FALSE(status.is_ok());
  EXPECT_NE(status.message().find(path + ":3:"), std::string::npos) << status.message();
  // With a warnings list the line is skipped and reported.
  std::vector<std::string> warnings;
  std::string good = write("ok_verbs.txt", "--- SIGN [057] ---\nSIGN\n- TREATY [057]\n- * TREATY [057]\n");
  EXPECT_TRUE(load_petrarch_verbs(good, lexicon, nullptr, &warnings).is_ok());
  EXPECT_EQ(warnings.size(), 1u);
  std::filesystem::remove(path);
  std::filesystem::remove(good);
}

TEST(PetrarchActors, DateRangesChooseTheCodeOfTheDay) {
  std::string path = write("actors.txt",
                           "<!-- test actors -->\n"
                           "VALDORIA_ [VAL]\n"
                           "+VALDORIAN_\n"
                           "ADA_BRENN_  # a leader\n"
                           "\t[VALELI <950601]\n"
                           "\t[VALGOV 950601-991231]\n"
                           "\t[VALOPP >20000101]\n");
  ActorDictionary actors;
  ASSERT_TRUE(actors.add_file(path).is_ok());
  EXPECT_EQ(actors.code_of("VALDORIAN", 20200101), "VAL");
  EXPECT_EQ(actors.code_of("ADA BRENN", 19900101), "VALELI");
  EXPECT_EQ(actors.code_of("ADA BRENN", 19970315), "VALGOV");
  EXPECT_EQ(actors.code_of("ADA BRENN", 20050101), "VALOPP");
  EXPECT_EQ(actors.code_of("ESTMARK", 20050101), "");
  std::string bad = write("bad_actors.txt", "VALDORIA_ [VAL]\nADA_BRENN_\n\t[VALGOV 95060-991231]\n");
  ActorDictionary broken;
  Status status = broken.add_file(bad);
  ASSERT_FALSE(status.is_ok());
  EXPECT_NE(status.message().find(bad + ":3:"), std::string::npos) << status.message();
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}

TEST(PetrarchActors, AgentsJoinTheirCountryAndTheCoderUsesThem) {
  std::string actors_path = write("a.txt", "VALDORIA_ [VAL]\nESTMARK_ [EST]\n");
  std::string agents_path = write("g.txt", "!PERSON! = MAN, WOMAN\nFOREIGN_MINISTER [~GOVFRM]\nSOLDIER [~MIL]\nARMY!PERSON! [~MIL]\n");
  ActorDictionary actors;
  AgentDictionary agents;
  ASSERT_TRUE(actors.add_file(actors_path).is_ok());
  ASSERT_TRUE(agents.add_file(agents_path).is_ok());
  EXPECT_EQ(agents.code_of("ARMY WOMAN"), "MIL");
  EXPECT_EQ(agents.code_of("SOLDIERS"), "MIL");
  Article article;
  article.text = "Valdoria's foreign minister criticized soldiers from Estmark.";
  auto segmenter = segment::Segmenter::create(core::data_dir());
  ASSERT_TRUE(segmenter.is_ok());
  segmenter->segment(article);
  article.mentions = tag_dictionary_actors(article, actors, agents, 20260101);
  ASSERT_EQ(article.mentions.size(), 2u);
  EXPECT_EQ(article.mentions[0].actor_code, "VALGOVFRM");
  EXPECT_EQ(article.mentions[1].actor_code, "ESTMIL");
  auto lexicon = VerbLexicon::load(core::data_path("events/verb_patterns.txt"));
  ASSERT_TRUE(lexicon.is_ok());
  auto events = EventCoder(*lexicon, nullptr).code_article(article);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.actor_code, "VALGOVFRM");
  EXPECT_EQ(events[0].code, "110");
  EXPECT_EQ(events[0].target.actor_code, "ESTMIL");
  std::filesystem::remove(actors_path);
  std::filesystem::remove(agents_path);
}

}  // namespace
}  // namespace storyline::events
