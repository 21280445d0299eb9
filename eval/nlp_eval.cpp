// The linguistic core scored on held-out treebank data, each figure beside
// a baseline anyone would try first, in the same run:
//
//   - words (tokenisation) of EWT test's raw sentences, against the
//     treebank's words by byte span; baseline: ICU word breaks (what the
//     segmenter gave before);
//   - sentences of EWT test's documents as raw text; baseline: a break after
//     every ". ", "! ", "? ";
//   - UPOS accuracy, UAS and LAS with gold tokens (predicted tags; the
//     parser with gold tags as a reference); baselines: each word's most
//     frequent tag in train, each word attached to the word before it (or
//     after it) with the relation its tag most often has;
//   - the same from raw text, with our own sentences and words: a system
//     word counts when its byte span equals a gold word's, its arc when its
//     head's span also equals the gold head's (CoNLL 2018's alignment,
//     restricted to exact spans); precision over system words, recall over
//     gold words, F1;
//   - named entities on UNER test (gold tokens): entity-level micro P/R/F1,
//     exact span and type; baseline: storyline's rule mention finder typed
//     by its knowledge base (src/entities/mention_finder.*), on the same
//     sentences grouped by document.
//
// Tuning was done on dev only; this reports test unless --split dev.
//
//   build/nlp_eval [--shared DIR] [--split test|dev] [--models DIR]
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "entities/coreference.h"
#include "entities/kb_gazetteer.h"
#include "entities/mention_finder.h"
#include "nlp/parser.h"
#include "nlp/recognizer_training.h"
#include "nlp/tagger_training.h"
#include "segment/segmenter.h"
#include "segment/tokenizer.h"
#include "ud_alignment.h"

namespace {

using namespace storyline;

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "nlp_eval: %s\n", message.c_str());
  std::exit(2);
}

template <typename T>
T must(Result<T> result) {
  if (!result) fail(result.status().message());
  return std::move(*result);
}

struct Models {
  nlp::Tagger tagger;
  nlp::Parser parser;
  nlp::Recognizer recognizer;
  segment::Tokenizer tokenizer;
  segment::Segmenter segmenter;
  std::shared_ptr<entities::KnowledgeBase> kb;
  std::shared_ptr<entities::KbGazetteer> gazetteer;
};

struct Counts {
  size_t system = 0, gold = 0, right = 0;
  double precision() const { return system ? static_cast<double>(right) / static_cast<double>(system) : 0; }
  double recall() const { return gold ? static_cast<double>(right) / static_cast<double>(gold) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void print_prf(const char* name, const Counts& c) {
  std::printf("  %-46s %7.4f %7.4f %7.4f\n", name, c.precision(), c.recall(), c.f1());
}

// ---- words and sentences ----------------------------------------------------

Counts score_words(const std::vector<nlp::ConlluSentence>& sentences,
                   const std::function<std::vector<Span>(std::string_view)>& tokenize) {
  Counts counts;
  for (const nlp::ConlluSentence& s : sentences) {
    const eval::WordSpans gold = eval::gold_word_spans(s);
    const std::vector<Span> system = tokenize(s.text);
    const std::vector<int> matched = eval::align_by_span(system, gold.spans);
    counts.system += system.size();
    counts.gold += s.words.size();
    for (int g : matched) counts.right += g >= 0;
  }
  return counts;
}

// A treebank document as raw text: its sentences joined by a space, or by a
// newline where a paragraph begins; each gold word's span in that text.
struct TreebankDocument {
  std::string text;
  std::vector<Span> sentences;
  std::vector<Span> words;                 // gold words, in order
  std::vector<const nlp::ConlluWord*> gold;  // the same words' annotation
  std::vector<int> gold_head;              // index into `words`, -1 for the root
};

std::vector<TreebankDocument> raw_documents(const std::vector<nlp::ConlluSentence>& sentences) {
  std::vector<TreebankDocument> documents;
  for (const nlp::ConlluSentence& s : sentences) {
    if (documents.empty() || !s.newdoc_id.empty()) documents.emplace_back();
    TreebankDocument& d = documents.back();
    if (!d.text.empty()) d.text += s.new_paragraph ? "\n" : " ";
    const uint32_t offset = static_cast<uint32_t>(d.text.size());
    d.text += s.text;
    d.sentences.push_back({offset, static_cast<uint32_t>(d.text.size())});
    const eval::WordSpans spans = eval::gold_word_spans(s);
    const int first = static_cast<int>(d.words.size());
    for (size_t w = 0; w < s.words.size(); ++w) {
      d.words.push_back({spans.spans[w].begin + offset, spans.spans[w].end + offset});
      d.gold.push_back(&s.words[w]);
      d.gold_head.push_back(s.words[w].head == 0 ? -1 : first + s.words[w].head - 1);
    }
  }
  return documents;
}

Counts score_sentence_spans(const std::vector<TreebankDocument>& documents,
                            const std::function<std::vector<Span>(std::string_view)>& split) {
  Counts counts;
  for (const TreebankDocument& d : documents) {
    const std::vector<Span> system = split(d.text);
    counts.system += system.size();
    counts.gold += d.sentences.size();
    std::set<std::pair<uint32_t, uint32_t>> gold;
    for (Span s : d.sentences) gold.insert({s.begin, s.end});
    for (Span s : system) counts.right += gold.count({s.begin, s.end});
  }
  return counts;
}

std::vector<Span> naive_sentences(std::string_view text) {
  std::vector<Span> out;
  uint32_t begin = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    const bool mark = text[i] == '.' || text[i] == '!' || text[i] == '?';
    if ((mark && i + 1 < text.size() && text[i + 1] == ' ') || text[i] == '\n') {
      const uint32_t end = text[i] == '\n' ? i : i + 1;
      if (end > begin) out.push_back({begin, end});
      begin = i + 1;
      while (begin < text.size() && text[begin] == ' ') ++begin;
      i = begin == 0 ? 0 : begin - 1;
    }
  }
  if (begin < text.size()) out.push_back({begin, static_cast<uint32_t>(text.size())});
  return out;
}

// ---- tags and trees, gold tokens ----------------------------------------------

struct TreeCounts {
  size_t words = 0, tags = 0, heads = 0, arcs = 0;
  double upos() const { return words ? static_cast<double>(tags) / static_cast<double>(words) : 0; }
  double uas() const { return words ? static_cast<double>(heads) / static_cast<double>(words) : 0; }
  double las() const { return words ? static_cast<double>(arcs) / static_cast<double>(words) : 0; }
};

void print_tree(const char* name, const TreeCounts& c, bool tags, bool tree) {
  auto cell = [](bool shown, double value) {
    char buffer[16];
    if (shown) std::snprintf(buffer, sizeof buffer, "%7.4f", value);
    else std::snprintf(buffer, sizeof buffer, "%7s", "-");
    return std::string(buffer);
  };
  std::printf("  %-46s %s %s %s\n", name, cell(tags, c.upos()).c_str(), cell(tree, c.uas()).c_str(),
              cell(tree, c.las()).c_str());
}

void add_tree(TreeCounts& counts, const nlp::ConlluSentence& s, const std::vector<Upos>& tags,
              const nlp::ParseResult* parse) {
  for (size_t i = 0; i < s.words.size(); ++i) {
    ++counts.words;
    counts.tags += upos_name(tags[i]) == s.words[i].upos;
    if (!parse) continue;
    if (parse->heads[i] + 1 != s.words[i].head) continue;
    ++counts.heads;
    counts.arcs += deprel_name(parse->labels[i]) == s.words[i].deprel;
  }
}

// Most frequent tag per lower-case word in train; unseen words by shape
// (capitalised → PROPN, digits → NUM, no letters → PUNCT, else NOUN).
struct FrequentTagBaseline {
  std::map<std::string, std::map<std::string, int>> counts;
  std::map<std::string, std::map<std::string, int>> left_relation, right_relation;  // UPOS → relation

  explicit FrequentTagBaseline(const std::vector<nlp::ConlluSentence>& train) {
    for (const nlp::ConlluSentence& s : train) {
      for (size_t i = 0; i < s.words.size(); ++i) {
        const nlp::ConlluWord& w = s.words[i];
        ++counts[nlp::normalized_word(w.form)][w.upos];
        const bool head_before = w.head != 0 && static_cast<size_t>(w.head) < i + 1;
        ++(head_before ? left_relation : right_relation)[w.upos][w.head == 0 ? "root" : w.deprel];
      }
    }
  }
  static std::string best(const std::map<std::string, int>& m, const std::string& otherwise) {
    std::string best_key = otherwise;
    int best_count = 0;
    for (const auto& [key, count] : m) {
      if (count > best_count) best_key = key, best_count = count;
    }
    return best_key;
  }
  Upos tag(const std::string& form) const {
    Upos upos = Upos::kNoun;
    auto it = counts.find(nlp::normalized_word(form));
    if (it != counts.end()) {
      upos_from_name(best(it->second, "NOUN"), upos);
      return upos;
    }
    const nlp::WordInfo info = nlp::describe_word(form);
    if (info.is_punct) return Upos::kPunct;
    if (info.has_digit) return Upos::kNum;
    if (info.capitalised) return Upos::kPropn;
    return Upos::kNoun;
  }
  // Every word hangs from its neighbour (before it, or after it); the
  // first (last) word is the root; the relation is the one its tag most
  // often has with a head on that side.
  nlp::ParseResult attach(const std::vector<Upos>& tags, bool to_previous) const {
    nlp::ParseResult result;
    const int n = static_cast<int>(tags.size());
    for (int i = 0; i < n; ++i) {
      const bool root = to_previous ? i == 0 : i == n - 1;
      result.heads.push_back(root ? -1 : to_previous ? i - 1 : i + 1);
      const auto& table = to_previous ? left_relation : right_relation;
      auto it = table.find(std::string(upos_name(tags[static_cast<size_t>(i)])));
      Deprel deprel = Deprel::kDep;
      if (root) deprel = Deprel::kRoot;
      else if (it != table.end()) deprel_from_name(best(it->second, "dep"), deprel);
      if (!root && deprel == Deprel::kRoot) deprel = Deprel::kDep;
      result.labels.push_back(deprel);
    }
    return result;
  }
};

// ---- from raw text --------------------------------------------------------------

struct RawCounts {
  Counts words, upos, uas, las;
};

void score_raw(RawCounts& counts, const TreebankDocument& d, const std::vector<Span>& words, const std::vector<Upos>& tags,
               const std::vector<int>& heads, const std::vector<Deprel>& labels) {
  const std::vector<int> gold_of = eval::align_by_span(words, d.words);
  for (Counts* c : {&counts.words, &counts.upos, &counts.uas, &counts.las}) {
    c->system += words.size();
    c->gold += d.words.size();
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const int g = gold_of[i];
    if (g < 0) continue;
    ++counts.words.right;
    counts.upos.right += upos_name(tags[i]) == d.gold[static_cast<size_t>(g)]->upos;
    const int head = heads[i];
    const int gold_head = d.gold_head[static_cast<size_t>(g)];
    const bool head_right = head < 0 ? gold_head < 0 : gold_of[static_cast<size_t>(head)] == gold_head && gold_head >= 0;
    if (!head_right) continue;
    ++counts.uas.right;
    counts.las.right += deprel_name(labels[i]) == d.gold[static_cast<size_t>(g)]->deprel;
  }
}

// Tags and parses each sentence of `sentences` (spans into d.text) with our
// words; heads become indices into the document's words.
void analyse_raw(const Models& m, const TreebankDocument& d, const std::vector<Span>& sentences, RawCounts& counts) {
  std::vector<Span> words;
  std::vector<Upos> tags;
  std::vector<int> heads;
  std::vector<Deprel> labels;
  std::vector<nlp::WordInfo> infos;
  std::vector<Upos> sentence_tags;
  nlp::ParseResult parse;
  for (const Span& sentence : sentences) {
    const size_t first = words.size();
    m.tokenizer.tokenize(d.text, sentence, words);
    std::vector<std::string_view> forms;
    for (size_t i = first; i < words.size(); ++i) forms.push_back(slice(d.text, words[i]));
    if (forms.empty()) continue;
    nlp::describe_words(forms, infos);
    m.tagger.tag(infos, sentence_tags);
    m.parser.parse({&infos, &sentence_tags}, parse);
    for (size_t i = 0; i < forms.size(); ++i) {
      tags.push_back(sentence_tags[i]);
      heads.push_back(parse.heads[i] < 0 ? -1 : static_cast<int>(first) + parse.heads[i]);
      labels.push_back(parse.labels[i]);
    }
  }
  score_raw(counts, d, words, tags, heads, labels);
}

void print_raw(const char* name, const RawCounts& c) {
  std::printf("  %-46s %7.4f %7.4f %7.4f %7.4f\n", name, c.words.f1(), c.upos.f1(), c.uas.f1(), c.las.f1());
}

// ---- named entities ------------------------------------------------------------------

struct TypedSpan {
  size_t sentence;
  uint32_t first, last;
  EntityType type;
  bool operator<(const TypedSpan& o) const {
    return std::tie(sentence, first, last, type) < std::tie(o.sentence, o.first, o.last, o.type);
  }
};

struct EntityCounts {
  std::map<EntityType, Counts> by_type;
  Counts all;
  void add(const std::set<TypedSpan>& system, const std::set<TypedSpan>& gold) {
    for (const TypedSpan& s : system) {
      ++all.system, ++by_type[s.type].system;
      if (gold.count(s)) ++all.right, ++by_type[s.type].right;
    }
    for (const TypedSpan& g : gold) ++all.gold, ++by_type[g.type].gold;
  }
};

void print_entities(const char* name, const EntityCounts& c) {
  print_prf(name, c.all);
  for (const auto& [type, counts] : c.by_type) {
    const std::string label = std::string("    ") + std::string(nlp::ner_type_name(type));
    print_prf(label.c_str(), counts);
  }
}

std::set<TypedSpan> gold_entities(const std::vector<nlp::IobSentence>& sentences, const std::vector<EntityType>& types) {
  std::set<TypedSpan> gold;
  for (size_t k = 0; k < sentences.size(); ++k) {
    std::vector<int> bilou;
    size_t bad = 0;
    if (!nlp::bilou_from_iob(sentences[k].tags, types, bilou, bad)) fail("UNER tag '" + sentences[k].tags[bad] + "'");
    std::vector<nlp::RecognizedEntity> entities;
    nlp::bilou_entities(bilou, types, entities);
    for (const auto& e : entities) gold.insert({k, e.first, e.last, e.type});
  }
  return gold;
}

// The rule finder on each UNER document (its sentences as paragraphs, so that
// a surname can lean on the full name elsewhere in the document, as in an
// article); mentions mapped to the UNER words they cover exactly.
std::set<TypedSpan> rule_finder_entities(const Models& m, const std::vector<nlp::IobSentence>& sentences) {
  entities::MentionFinder finder(m.kb);
  std::set<TypedSpan> found;
  // Documents: the part of the sent_id before its last '-'.
  auto document_of = [](const std::string& id) { return id.substr(0, id.rfind('-')); };
  size_t k = 0;
  segment::Segmenter segmenter = m.segmenter;
  while (k < sentences.size()) {
    const std::string document = document_of(sentences[k].sent_id);
    Article article;
    std::vector<std::pair<size_t, std::vector<Span>>> word_spans;  // sentence, spans in article.text
    for (; k < sentences.size() && document_of(sentences[k].sent_id) == document; ++k) {
      const nlp::IobSentence& s = sentences[k];
      std::string text = s.text;
      std::vector<Span> spans = nlp::locate_words(text, s.words);
      if (!article.text.empty()) article.text += "\n";
      const uint32_t offset = static_cast<uint32_t>(article.text.size());
      article.text += text;
      for (Span& span : spans) span.begin += offset, span.end += offset;
      word_spans.emplace_back(k, std::move(spans));
    }
    segmenter.segment(article);
    const auto linked = entities::link_mentions(finder.find(article), *m.kb, "");
    for (const EntityMention& mention : linked.mentions) {
      if (mention.title_only || mention.type == EntityType::kNorp) continue;  // UNER marks no nationalities
      for (const auto& [sentence, spans] : word_spans) {
        int first = -1, last = -1;
        for (size_t w = 0; w < spans.size(); ++w) {
          if (spans[w].begin == mention.span.begin) first = static_cast<int>(w);
          if (spans[w].end == mention.span.end) last = static_cast<int>(w);
        }
        if (first >= 0 && last >= first)
          found.insert({sentence, static_cast<uint32_t>(first), static_cast<uint32_t>(last), mention.type});
      }
    }
  }
  return found;
}

std::set<TypedSpan> recognizer_entities(const Models& m, const std::vector<nlp::IobSentence>& sentences) {
  auto examples = must(nlp::recognizer_examples(sentences, m.recognizer.types(), m.tagger, nlp::FoldTaggers{},
                                                *m.gazetteer));
  std::set<TypedSpan> found;
  std::vector<nlp::RecognizedEntity> entities;
  for (size_t k = 0; k < examples.size(); ++k) {
    m.recognizer.recognize(examples[k].input(), entities);
    for (const auto& e : entities) found.insert({k, e.first, e.last, e.type});
  }
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = STORYLINE_SHARED_DIR;
  std::string split = "test";
  std::string models_dir = core::data_path("models");
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (arg == "--split" && i + 1 < argc) split = argv[++i];
    else if (arg == "--models" && i + 1 < argc) models_dir = argv[++i];
    else fail("usage: nlp_eval [--shared DIR] [--split test|dev] [--models DIR]");
  }
  if (split != "test" && split != "dev") fail("--split is test or dev");
  const std::string ewt = shared + "/data/ud-ewt/en_ewt-ud-";
  const std::string uner = shared + "/data/uner-ewt/en_ewt-ud-";
  const auto train = must(nlp::read_conllu(ewt + "train.conllu"));
  const auto held_out = must(nlp::read_conllu(ewt + split + ".conllu"));
  const auto uner_held_out = must(nlp::read_iob2(uner + split + ".iob2"));

  Models m{must(nlp::Tagger::load(models_dir + "/tagger.model")),
           must(nlp::Parser::load(models_dir + "/parser.model")),
           must(nlp::Recognizer::load(models_dir + "/recognizer.model")),
           must(segment::Tokenizer::create(core::data_dir())),
           must(segment::Segmenter::create(core::data_dir())),
           must(entities::KnowledgeBase::load(core::data_dir())),
           nullptr};
  m.gazetteer = std::make_shared<entities::KbGazetteer>(m.kb);
  size_t words = 0;
  for (const auto& s : held_out) words += s.words.size();
  std::printf("nlp_eval: UD English-EWT v2.16 %s (%zu sentences, %zu words); UNER v1 English-EWT %s (%zu sentences)\n\n",
              split.c_str(), held_out.size(), words, split.c_str(), uner_held_out.size());

  // Words.
  std::printf("Words of the raw sentences (byte spans against the treebank's words)\n");
  std::printf("  %-46s %7s %7s %7s\n", "method", "P", "R", "F1");
  print_prf("storyline tokenizer", score_words(held_out, [&](std::string_view text) { return m.tokenizer.tokenize(text); }));
  segment::Segmenter icu = m.segmenter;
  print_prf("ICU word breaks (baseline)", score_words(held_out, [&](std::string_view text) { return icu.tokens(text); }));

  // Sentences.
  const std::vector<TreebankDocument> documents = raw_documents(held_out);
  std::printf("\nSentences of the raw documents (%zu documents; exact spans)\n", documents.size());
  std::printf("  %-46s %7s %7s %7s\n", "method", "P", "R", "F1");
  print_prf("storyline segmenter", score_sentence_spans(documents, [&](std::string_view text) { return icu.sentences(text); }));
  print_prf("a break after '. ', '! ', '? ' (baseline)", score_sentence_spans(documents, naive_sentences));

  // Tags and trees with gold tokens.
  std::printf("\nGold tokens\n");
  std::printf("  %-46s %7s %7s %7s\n", "method", "UPOS", "UAS", "LAS");
  TreeCounts system, gold_tags, frequent, left, right;
  const FrequentTagBaseline baseline(train);
  std::vector<nlp::WordInfo> infos;
  std::vector<Upos> tags, true_tags, frequent_tags;
  nlp::ParseResult parse;
  for (const nlp::ConlluSentence& s : held_out) {
    nlp::describe_words(nlp::word_forms(s), infos);
    m.tagger.tag(infos, tags);
    m.parser.parse({&infos, &tags}, parse);
    add_tree(system, s, tags, &parse);
    true_tags.clear();
    for (const auto& w : s.words) {
      Upos upos = Upos::kX;
      upos_from_name(w.upos, upos);
      true_tags.push_back(upos);
    }
    m.parser.parse({&infos, &true_tags}, parse);
    add_tree(gold_tags, s, true_tags, &parse);
    frequent_tags.clear();
    for (const auto& w : s.words) frequent_tags.push_back(baseline.tag(w.form));
    nlp::ParseResult attached = baseline.attach(frequent_tags, true);
    add_tree(frequent, s, frequent_tags, &attached);
    attached = baseline.attach(frequent_tags, false);
    add_tree(right, s, frequent_tags, &attached);
  }
  print_tree("storyline (predicted tags)", system, true, true);
  print_tree("storyline parser with gold tags (reference)", gold_tags, false, true);
  print_tree("most frequent tag; attach to previous word", frequent, true, true);
  print_tree("most frequent tag; attach to next word", right, false, true);

  // From raw text.
  std::printf("\nFrom raw text (F1 over words aligned by exact byte span)\n");
  std::printf("  %-46s %7s %7s %7s %7s\n", "setting", "words", "UPOS", "UAS", "LAS");
  RawCounts gold_sentences, own_sentences;
  for (const TreebankDocument& d : documents) {
    analyse_raw(m, d, d.sentences, gold_sentences);
    analyse_raw(m, d, icu.sentences(d.text), own_sentences);
  }
  print_raw("gold sentences, storyline words", gold_sentences);
  print_raw("storyline sentences and words", own_sentences);

  // Named entities.
  const std::vector<EntityType> types = m.recognizer.types();
  const std::set<TypedSpan> gold = gold_entities(uner_held_out, types);
  std::printf("\nNamed entities, gold tokens (%zu entities; exact span and type, micro)\n", gold.size());
  std::printf("  %-46s %7s %7s %7s\n", "method", "P", "R", "F1");
  EntityCounts recognizer, rules;
  recognizer.add(recognizer_entities(m, uner_held_out), gold);
  rules.add(rule_finder_entities(m, uner_held_out), gold);
  print_entities("storyline recognizer", recognizer);
  print_entities("rule mention finder + knowledge base (baseline)", rules);
  return 0;
}
