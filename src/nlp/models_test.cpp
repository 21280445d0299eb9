// The shipped models (data/models/) load and give sensible analyses of
// sentences of our own; their accuracy is measured by eval/nlp_eval.
#include <gtest/gtest.h>

#include "core/data_files.h"
#include "entities/kb_gazetteer.h"
#include "nlp/parser.h"
#include "nlp/recognizer.h"
#include "nlp/tagger.h"
#include "segment/tokenizer.h"

namespace storyline::nlp {
namespace {

struct Analysis {
  std::vector<std::string> words;
  std::vector<Upos> tags;
  ParseResult parse;
  std::vector<RecognizedEntity> entities;
};

class ShippedModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto tagger = Tagger::load(core::data_path("models/tagger.model"));
    auto parser = Parser::load(core::data_path("models/parser.model"));
    auto recognizer = Recognizer::load(core::data_path("models/recognizer.model"));
    auto tokenizer = segment::Tokenizer::create(core::data_dir());
    auto kb = entities::KnowledgeBase::load(core::data_dir());
    ASSERT_TRUE(tagger.is_ok()) << tagger.status().message();
    ASSERT_TRUE(parser.is_ok()) << parser.status().message();
    ASSERT_TRUE(recognizer.is_ok()) << recognizer.status().message();
    ASSERT_TRUE(tokenizer.is_ok() && kb.is_ok());
    tagger_ = new Tagger(std::move(*tagger));
    parser_ = new Parser(std::move(*parser));
    recognizer_ = new Recognizer(std::move(*recognizer));
    tokenizer_ = new segment::Tokenizer(std::move(*tokenizer));
    gazetteer_ = new entities::KbGazetteer(*kb);
  }
  static void TearDownTestSuite() {
    delete tagger_;
    delete parser_;
    delete recognizer_;
    delete tokenizer_;
    delete gazetteer_;
  }

  static Analysis analyse(const std::string& text) {
    Analysis a;
    const std::vector<Span> spans = tokenizer_->tokenize(text);
    std::vector<std::string_view> forms;
    for (Span s : spans) {
      forms.push_back(slice(text, s));
      a.words.emplace_back(slice(text, s));
    }
    std::vector<WordInfo> words;
    describe_words(forms, words);
    tagger_->tag(words, a.tags);
    parser_->parse({&words, &a.tags}, a.parse);
    std::vector<uint32_t> classes;
    ambiguity_classes(tagger_->lexicon(), words, classes);
    std::vector<GazetteerMark> marks;
    mark_words(*gazetteer_, text, spans, marks);
    recognizer_->recognize({&words, &a.tags, &classes, &marks}, a.entities);
    return a;
  }

  static size_t index_of(const Analysis& a, const std::string& word) {
    return static_cast<size_t>(std::find(a.words.begin(), a.words.end(), word) - a.words.begin());
  }

  static Tagger* tagger_;
  static Parser* parser_;
  static Recognizer* recognizer_;
  static segment::Tokenizer* tokenizer_;
  static entities::KbGazetteer* gazetteer_;
};

Tagger* ShippedModels::tagger_ = nullptr;
Parser* ShippedModels::parser_ = nullptr;
Recognizer* ShippedModels::recognizer_ = nullptr;
segment::Tokenizer* ShippedModels::tokenizer_ = nullptr;
entities::KbGazetteer* ShippedModels::gazetteer_ = nullptr;

TEST_F(ShippedModels, TagAndParseASimpleClause) {
  const Analysis a = analyse("The minister signed the new treaty in Moscow on Tuesday.");
  const size_t signed_ = index_of(a, "signed"), minister = index_of(a, "minister"), treaty = index_of(a, "treaty");
  ASSERT_LT(treaty, a.words.size());
  EXPECT_EQ(a.tags[signed_], Upos::kVerb);
  EXPECT_EQ(a.tags[minister], Upos::kNoun);
  EXPECT_EQ(a.tags[index_of(a, "Moscow")], Upos::kPropn);
  EXPECT_EQ(a.parse.heads[signed_], -1);
  EXPECT_EQ(a.parse.heads[minister], static_cast<int>(signed_));
  EXPECT_EQ(a.parse.labels[minister], Deprel::kNsubj);
  EXPECT_EQ(a.parse.heads[treaty], static_cast<int>(signed_));
  EXPECT_EQ(a.parse.labels[treaty], Deprel::kObj);
}

TEST_F(ShippedModels, PassiveAgentAndClitics) {
  const Analysis a = analyse("The ferry wasn't stopped by the coast guard.");
  const size_t stopped = index_of(a, "stopped");
  ASSERT_LT(index_of(a, "n't"), a.words.size());
  EXPECT_EQ(a.parse.labels[index_of(a, "ferry")], Deprel::kNsubjPass);
  EXPECT_EQ(a.parse.labels[index_of(a, "was")], Deprel::kAuxPass);
  EXPECT_EQ(a.parse.heads[index_of(a, "guard")], static_cast<int>(stopped));
  EXPECT_EQ(a.parse.labels[index_of(a, "guard")], Deprel::kOblAgent);
}

TEST_F(ShippedModels, NamesAPersonAndAPlace) {
  const Analysis a = analyse("Yesterday Maria Lindqvist flew from Stockholm to Nairobi.");
  std::vector<std::pair<std::string, EntityType>> found;
  for (const RecognizedEntity& e : a.entities) {
    std::string name;
    for (uint32_t i = e.first; i <= e.last; ++i) name += (i > e.first ? " " : "") + a.words[i];
    found.emplace_back(name, e.type);
  }
  EXPECT_EQ(found, (std::vector<std::pair<std::string, EntityType>>{{"Maria Lindqvist", EntityType::kPerson},
                                                                    {"Stockholm", EntityType::kPlace},
                                                                    {"Nairobi", EntityType::kPlace}}));
}

TEST_F(ShippedModels, LemmasOfInflectedWords) {
  const Analysis a = analyse("The ministers were signing treaties.");
  const Lemmatizer& lemmatizer = tagger_->lemmatizer();
  EXPECT_EQ(lemmatizer.lemma("ministers", a.tags[index_of(a, "ministers")]), "minister");
  EXPECT_EQ(lemmatizer.lemma("were", a.tags[index_of(a, "were")]), "be");
  EXPECT_EQ(lemmatizer.lemma("signing", a.tags[index_of(a, "signing")]), "sign");
}

}  // namespace
}  // namespace storyline::nlp
