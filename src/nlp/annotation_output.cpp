#include "nlp/annotation_output.h"

#include <algorithm>

#include "nlp/conllu.h"
#include "nlp/recognizer.h"

namespace storyline::nlp {

namespace {

// The BIO tag of each word of the article ("" outside every name).
std::vector<std::string> bio_tags(const Annotation& annotation) {
  std::vector<std::string> tags(annotation.words.size());
  for (const RecognizedName& name : annotation.names) {
    const std::string type(ner_type_name(name.type));
    for (uint32_t w = name.first_word; w <= name.last_word && w < tags.size(); ++w)
      tags[w] = (w == name.first_word ? "B-" : "I-") + type;
  }
  return tags;
}

bool begins_paragraph(const Article& article, const Span& sentence) {
  auto it = std::lower_bound(article.paragraphs.begin(), article.paragraphs.end(), sentence.begin,
                             [](const Span& paragraph, uint32_t begin) { return paragraph.begin < begin; });
  return it != article.paragraphs.end() && it->begin == sentence.begin;
}

// Code-point offsets of every byte offset of `text` (and of its end).
std::vector<uint32_t> code_point_offsets(std::string_view text) {
  std::vector<uint32_t> offsets(text.size() + 1);
  uint32_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    offsets[i] = points;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++points;
  }
  offsets[text.size()] = points;
  // A byte inside a character maps to the character after it.
  for (size_t i = text.size(); i-- > 0;)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) offsets[i] = offsets[i + 1];
  return offsets;
}

}  // namespace

std::string annotation_conllu(const Article& article) {
  const Annotation& annotation = article.annotation;
  const std::vector<std::string> bio = bio_tags(annotation);
  std::string out;
  bool first_sentence = true;
  for (size_t s = 0; s < annotation.sentences.size() && s < article.sentences.size(); ++s) {
    const SentenceWords& words = annotation.sentences[s];
    if (words.size() == 0) continue;  // CoNLL-U has no empty sentences
    if (first_sentence) out += "# newdoc id = " + conllu_field(article.id) + "\n";
    if (first_sentence || begins_paragraph(article, article.sentences[s])) out += "# newpar\n";
    first_sentence = false;
    out += "# sent_id = " + conllu_field(article.id) + "-" + std::to_string(s + 1) + "\n";
    out += "# text = " + conllu_field(slice(article.text, article.sentences[s])) + "\n";
    for (uint32_t w = words.first; w < words.end; ++w) {
      const AnnotatedWord& word = annotation.words[w];
      std::string misc;
      if (!bio[w].empty()) misc = "NE=" + bio[w];
      if (w + 1 < words.end && annotation.words[w + 1].span.begin == word.span.end)
        misc += misc.empty() ? "SpaceAfter=No" : "|SpaceAfter=No";
      out += std::to_string(w - words.first + 1);
      out += '\t' + conllu_field(slice(article.text, word.span));
      out += '\t' + conllu_field(word.lemma);
      out += '\t' + std::string(upos_name(word.upos));
      out += "\t_\t_\t" + std::to_string(word.head + 1);
      out += '\t' + std::string(deprel_name(word.relation));
      out += "\t_\t" + conllu_field(misc) + "\n";
    }
    out += "\n";
  }
  return out;
}

nlohmann::json annotation_json(const Article& article) {
  const Annotation& annotation = article.annotation;
  const std::vector<uint32_t> offset = code_point_offsets(article.text);
  nlohmann::json sentences = nlohmann::json::array();
  size_t next_name = 0;
  for (size_t s = 0; s < annotation.sentences.size() && s < article.sentences.size(); ++s) {
    const SentenceWords& words = annotation.sentences[s];
    const Span span = article.sentences[s];
    nlohmann::json sentence = {{"text", slice(article.text, span)},
                               {"begin", offset[span.begin]},
                               {"end", offset[span.end]},
                               {"words", nlohmann::json::array()},
                               {"names", nlohmann::json::array()}};
    for (uint32_t w = words.first; w < words.end; ++w) {
      const AnnotatedWord& word = annotation.words[w];
      sentence["words"].push_back({{"form", slice(article.text, word.span)},
                                   {"lemma", word.lemma},
                                   {"upos", upos_name(word.upos)},
                                   {"head", word.head + 1},
                                   {"deprel", deprel_name(word.relation)},
                                   {"begin", offset[word.span.begin]},
                                   {"end", offset[word.span.end]}});
    }
    for (; next_name < annotation.names.size() && annotation.names[next_name].first_word < words.end; ++next_name) {
      const RecognizedName& name = annotation.names[next_name];
      sentence["names"].push_back({{"text", slice(article.text, name.span)},
                                   {"type", ner_type_name(name.type)},
                                   {"begin", offset[name.span.begin]},
                                   {"end", offset[name.span.end]}});
    }
    sentences.push_back(std::move(sentence));
  }
  return {{"id", article.id},        {"origin", article.origin},   {"title", article.title},
          {"language", article.language}, {"annotated", !annotation.empty()}, {"sentences", std::move(sentences)}};
}

}  // namespace storyline::nlp
