// Names of the Universal Dependencies tags and relations declared in
// storyline/document.h, as CoNLL-U writes them.
#include <array>

#include "storyline/document.h"

namespace storyline {

namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr std::array<std::string_view, kDeprelCount> kDeprelNames = {
    "dep",        "acl",          "acl:relcl",   "advcl",       "advcl:relcl",   "advmod",    "amod",
    "appos",      "aux",          "aux:pass",    "case",        "cc",            "cc:preconj", "ccomp",
    "clf",        "compound",     "compound:prt", "conj",       "cop",           "csubj",     "csubj:outer",
    "csubj:pass", "det",          "det:predet",  "discourse",   "dislocated",    "expl",      "fixed",
    "flat",       "goeswith",     "iobj",        "list",        "mark",          "nmod",      "nmod:desc",
    "nmod:poss",  "nmod:unmarked", "nsubj",      "nsubj:outer", "nsubj:pass",    "nummod",    "obj",
    "obl",        "obl:agent",    "obl:unmarked", "orphan",     "parataxis",     "punct",     "reparandum",
    "root",       "vocative",     "xcomp"};

}  // namespace

std::string_view upos_name(Upos upos) {
  const size_t index = static_cast<size_t>(upos);
  return index < kUposNames.size() ? kUposNames[index] : "X";
}

bool upos_from_name(std::string_view name, Upos& upos) {
  for (size_t i = 0; i < kUposNames.size(); ++i) {
    if (kUposNames[i] == name) {
      upos = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

std::string_view deprel_name(Deprel deprel) {
  const size_t index = static_cast<size_t>(deprel);
  return index < kDeprelNames.size() ? kDeprelNames[index] : "dep";
}

bool deprel_from_name(std::string_view name, Deprel& deprel) {
  for (size_t i = 0; i < kDeprelNames.size(); ++i) {
    if (kDeprelNames[i] == name) {
      deprel = static_cast<Deprel>(i);
      return true;
    }
  }
  return false;
}

Deprel universal(Deprel deprel) {
  std::string_view name = deprel_name(deprel);
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) return deprel;
  Deprel base = Deprel::kDep;
  deprel_from_name(name.substr(0, colon), base);
  return base;
}

}  // namespace storyline
