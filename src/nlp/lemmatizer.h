// Lemmas where they are cheap: a table of the treebank's (word, tag) →
// lemma pairs that rules get wrong ("went" → "go", "children" → "child",
// "me" → "I"), and for everything else rules by tag: a proper noun, number
// or punctuation is its own lemma, a plural noun or inflected verb loses
// its regular ending ("ministers" → "minister", "signed" → "sign").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/model_io.h"
#include "storyline/document.h"

namespace storyline::nlp {

class Lemmatizer {
 public:
  std::string lemma(std::string_view form, Upos upos) const;

  // What the rules alone give (the table's fallback).
  static std::string rule_lemma(std::string_view form, Upos upos);

  // Builds the table from (form, tag, lemma) triples: the most frequent
  // lemma of each (lower-case form, tag), kept only where the rules differ.
  struct Example {
    std::string_view form;
    Upos upos;
    std::string_view lemma;
  };
  static Lemmatizer train(const std::vector<Example>& examples);

  void write(ByteWriter& out) const;
  bool read(ByteReader& in);
  size_t size() const { return table_.size(); }

 private:
  static std::string key(std::string_view lower_form, Upos upos);
  std::unordered_map<std::string, std::string> table_;  // key(lower form, tag) → lemma
};

}  // namespace storyline::nlp
