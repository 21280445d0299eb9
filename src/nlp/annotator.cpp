#include "nlp/annotator.h"

namespace storyline::nlp {

Result<Annotator> Annotator::load(const std::string& models_dir, const std::string& data_dir,
                                  std::shared_ptr<const Gazetteer> gazetteer) {
  if (!gazetteer) return Status::invalid_input("annotator: no gazetteer given");
  auto tokenizer = segment::Tokenizer::create(data_dir);
  if (!tokenizer) return tokenizer.status();
  auto tagger = Tagger::load(models_dir + "/tagger.model");
  if (!tagger) return tagger.status();
  auto parser = Parser::load(models_dir + "/parser.model");
  if (!parser) return parser.status();
  auto recognizer = Recognizer::load(models_dir + "/recognizer.model");
  if (!recognizer) return recognizer.status();
  return Annotator(std::move(*tokenizer), std::move(*tagger), std::move(*parser), std::move(*recognizer),
                   std::move(gazetteer));
}

namespace {
// One sentence's working buffers, kept across the sentences of an article
// so that a long article allocates them once.
struct SentenceBuffers {
  std::vector<Span> spans;
  std::vector<std::string_view> forms;
  std::vector<WordInfo> infos;
  std::vector<Upos> tags;
  std::vector<uint32_t> classes;
  std::vector<GazetteerMark> marks;
  ParseResult parse;
  std::vector<RecognizedEntity> entities;
};
}  // namespace

void Annotator::annotate(Article& article) const {
  Annotation& annotation = article.annotation;
  annotation = Annotation{};
  annotation.sentences.reserve(article.sentences.size());
  SentenceBuffers b;
  for (const Span& sentence : article.sentences) {
    const uint32_t first = static_cast<uint32_t>(annotation.words.size());
    b.spans.clear();
    tokenizer_.tokenize(article.text, sentence, b.spans);
    annotation.sentences.push_back({first, first + static_cast<uint32_t>(b.spans.size())});
    if (b.spans.empty()) continue;
    b.forms.clear();
    for (const Span& span : b.spans) b.forms.push_back(slice(article.text, span));
    describe_words(b.forms, b.infos);
    tagger_.tag(b.infos, b.tags);
    parser_.parse({&b.infos, &b.tags}, b.parse);
    ambiguity_classes(tagger_.lexicon(), b.infos, b.classes);
    mark_words(*gazetteer_, article.text, b.spans, b.marks);
    recognizer_.recognize({&b.infos, &b.tags, &b.classes, &b.marks}, b.entities);
    for (size_t i = 0; i < b.spans.size(); ++i) {
      AnnotatedWord& word = annotation.words.emplace_back();
      word.span = b.spans[i];
      word.upos = b.tags[i];
      word.head = b.parse.heads[i];
      word.relation = b.parse.labels[i];
      word.lemma = tagger_.lemmatizer().lemma(b.forms[i], b.tags[i]);
    }
    for (const RecognizedEntity& entity : b.entities) {
      RecognizedName& name = annotation.names.emplace_back();
      name.first_word = first + entity.first;
      name.last_word = first + entity.last;
      name.type = entity.type;
      name.span = {b.spans[entity.first].begin, b.spans[entity.last].end};
    }
  }
}

}  // namespace storyline::nlp
