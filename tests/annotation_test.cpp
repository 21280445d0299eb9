// The one linguistic annotation per article (Article::annotation), made by
// the engine after segmentation, and `storyline annotate`'s CoNLL-U read back
// by our own CoNLL-U reader on a real news article nobody here wrote.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "nlp/conllu.h"
#include "test_support.h"

namespace storyline::testing {
namespace {

std::vector<Article> annotate_texts(const std::vector<std::string>& texts, bool annotate = true) {
  EngineOptions options;
  options.db_path = ":memory:";
  options.stages = {"none"};
  options.annotate = annotate;
  auto engine = Engine::open(options);
  EXPECT_TRUE(engine.is_ok()) << engine.status().message();
  if (!engine.is_ok()) return {};
  std::vector<RawDocument> documents;
  for (const std::string& text : texts) {
    RawDocument document;
    document.origin = "test #" + std::to_string(documents.size());
    document.body = text;
    documents.push_back(std::move(document));
  }
  std::vector<Article> articles;
  auto summary = (*engine)->annotate_documents(documents, IngestOptions{},
                                               [&](const Article& article) { articles.push_back(article); });
  EXPECT_TRUE(summary.is_ok());
  return articles;
}

// Every sentence's words lie inside it, in order, and their heads form one
// tree: a single root, every head inside the sentence, no cycle.
void expect_trees(const Article& article) {
  const Annotation& a = article.annotation;
  ASSERT_EQ(a.sentences.size(), article.sentences.size());
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceWords& words = a.sentences[s];
    ASSERT_LE(words.end, a.words.size());
    if (s + 1 < a.sentences.size()) {
      EXPECT_EQ(words.end, a.sentences[s + 1].first);
    }
    int roots = 0;
    uint32_t previous_end = article.sentences[s].begin;
    for (uint32_t w = words.first; w < words.end; ++w) {
      const AnnotatedWord& word = a.words[w];
      EXPECT_FALSE(word.span.empty());
      EXPECT_TRUE(article.sentences[s].contains(word.span)) << "word " << w << " outside sentence " << s;
      EXPECT_GE(word.span.begin, previous_end);
      previous_end = word.span.end;
      EXPECT_FALSE(word.lemma.empty());
      if (word.head < 0) {
        ++roots;
        EXPECT_EQ(word.relation, Deprel::kRoot);
        continue;
      }
      ASSERT_LT(static_cast<uint32_t>(word.head), words.size()) << "head outside sentence " << s;
      EXPECT_NE(word.relation, Deprel::kRoot);
      // Climbing from the word reaches the root within n steps.
      int at = static_cast<int>(w - words.first), steps = 0;
      while (at >= 0 && steps <= static_cast<int>(words.size())) at = a.words[words.first + at].head, ++steps;
      EXPECT_LT(at, 0) << "cycle through word " << w;
    }
    if (words.size() > 0) {
      EXPECT_EQ(roots, 1) << "sentence " << s;
    }
  }
  for (const RecognizedName& name : a.names) {
    ASSERT_LE(name.first_word, name.last_word);
    ASSERT_LT(name.last_word, a.words.size());
    EXPECT_EQ(name.span.begin, a.words[name.first_word].span.begin);
    EXPECT_EQ(name.span.end, a.words[name.last_word].span.end);
    EXPECT_LE(name.span.end, article.text.size());
  }
}

const char* kEnglish =
    "The foreign minister of Norway met the head of the World Health Organization in Geneva on Tuesday. "
    "She said the talks had gone well, and that both sides wanted a deal before the winter.\n"
    "Officials in Oslo didn't say when the next meeting would be held. The minister's office declined to comment.";

TEST(Annotation, EnglishSentencesGetWordsTagsTreesAndNames) {
  auto articles = annotate_texts({kEnglish});
  ASSERT_EQ(articles.size(), 1u);
  const Article& article = articles[0];
  ASSERT_EQ(article.language, "en");
  ASSERT_FALSE(article.annotation.empty());
  ASSERT_EQ(article.sentences.size(), 4u);
  expect_trees(article);
  // UD's words: the clitics stand apart.
  std::vector<std::string> forms;
  for (const AnnotatedWord& w : article.annotation.words) forms.emplace_back(slice(article.text, w.span));
  EXPECT_NE(std::find(forms.begin(), forms.end(), "n't"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "'s"), forms.end());
  // Names: Norway, Geneva and Oslo are places here.
  std::set<std::string> places;
  for (const RecognizedName& name : article.annotation.names)
    if (name.type == EntityType::kPlace) places.emplace(slice(article.text, name.span));
  EXPECT_TRUE(places.count("Geneva")) << "recognised places: " << places.size();
  EXPECT_TRUE(places.count("Oslo"));
}

TEST(Annotation, ANonEnglishArticleGetsNone) {
  auto articles = annotate_texts(
      {"Die Außenministerin traf sich am Dienstag in Genf mit dem Leiter der Weltgesundheitsorganisation. "
       "Sie sagte, die Gespräche seien gut verlaufen und beide Seiten wollten noch vor dem Winter eine Einigung. "
       "Wann das nächste Treffen stattfinden soll, blieb zunächst offen."});
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].language, "de");
  EXPECT_FALSE(articles[0].sentences.empty());
  EXPECT_TRUE(articles[0].annotation.empty());
  EXPECT_TRUE(articles[0].annotation.words.empty());
}

TEST(Annotation, OffWhenTheEngineRunsWithoutIt) {
  auto articles = annotate_texts({kEnglish}, false);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_TRUE(articles[0].annotation.empty());
}

// The first PolNeAR training article (real news), through the CLI.
std::string first_polnear_article() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(shared_path("data/quotes/train/text")))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files.empty() ? "" : files.front();
}

TEST(AnnotateCommand, ItsConlluOfARealArticleReadsBackWellFormed) {
  const std::string file = first_polnear_article();
  ASSERT_FALSE(file.empty()) << "no PolNeAR article under ../shared/data/quotes/train/text";
  std::string output;
  ASSERT_EQ(run_cli("annotate -q --format conllu '" + file + "'", output), 0);
  auto sentences = nlp::parse_conllu(output, "annotate output");
  ASSERT_TRUE(sentences.is_ok()) << sentences.status().message();
  ASSERT_GT(sentences->size(), 5u);
  EXPECT_FALSE((*sentences)[0].newdoc_id.empty());
  std::set<std::string> ids;
  size_t names = 0;
  for (const nlp::ConlluSentence& s : *sentences) {
    EXPECT_TRUE(ids.insert(s.sent_id).second) << "sent_id " << s.sent_id << " twice";
    ASSERT_FALSE(s.words.empty());
    int roots = 0;
    std::string joined;
    std::string previous_ne = "O";
    for (const nlp::ConlluWord& w : s.words) {
      EXPECT_GE(w.head, 0);
      EXPECT_LE(w.head, static_cast<int>(s.words.size()));
      roots += w.head == 0;
      Upos upos;
      Deprel deprel;
      EXPECT_TRUE(upos_from_name(w.upos, upos)) << w.upos;
      EXPECT_TRUE(deprel_from_name(w.deprel, deprel)) << w.deprel;
      EXPECT_EQ(w.head == 0, w.deprel == "root") << s.sent_id;
      // The words, with the spaces MISC says, spell the sentence's text.
      joined += w.form;
      if (!nlp::no_space_after(w.misc)) joined += ' ';
      // BIO: an I- continues a name of the same type.
      std::string ne = "O";
      if (auto at = w.misc.find("NE="); at != std::string::npos) ne = w.misc.substr(at + 3, w.misc.find('|', at) - at - 3);
      if (ne != "O") {
        EXPECT_TRUE(ne.rfind("B-", 0) == 0 || ne.rfind("I-", 0) == 0) << ne;
        if (ne[0] == 'I') {
          EXPECT_TRUE(previous_ne != "O" && previous_ne.substr(2) == ne.substr(2)) << s.sent_id;
        }
        names += ne[0] == 'B';
      }
      previous_ne = ne;
    }
    EXPECT_EQ(roots, 1) << s.sent_id;
    std::string squeezed_text, squeezed_words;
    for (char c : s.text) if (c != ' ') squeezed_text += c;
    for (char c : joined) if (c != ' ') squeezed_words += c;
    EXPECT_EQ(squeezed_words, squeezed_text) << s.sent_id;
  }
  EXPECT_GT(names, 0u) << "a news article with no name found";
}

}  // namespace
}  // namespace storyline::testing
