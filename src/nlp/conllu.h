// CoNLL-U (Universal Dependencies' 10-column format) and IOB2 (Universal
// NER's) read into memory, for training and evaluation; CoNLL-U written for
// `storyline annotate`. Reading checks the format and names the file and
// line of anything malformed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline::nlp {

// One syntactic word (a line whose ID is an integer).
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, misc;
  int head = 0;  // 0 is the root; words count from 1
};

// A surface token that holds several words ("don't" = "do" + "n't"):
// words [first, last] (0-based indices into ConlluSentence::words).
struct ConlluMultiword {
  size_t first = 0, last = 0;
  std::string form, misc;
};

struct ConlluSentence {
  std::string newdoc_id;  // set on the first sentence of a document
  bool new_paragraph = false;
  std::string sent_id;
  std::string text;
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;
};

Result<std::vector<ConlluSentence>> parse_conllu(std::string_view content, const std::string& name);
Result<std::vector<ConlluSentence>> read_conllu(const std::string& path);

// Whether MISC says no space follows ("SpaceAfter=No").
bool no_space_after(std::string_view misc);

// One sentence of an IOB2 file: words and their tags ("B-PER", "I-ORG", "O").
struct IobSentence {
  std::string sent_id;
  std::string text;  // "# text", when the file gives it
  std::vector<std::string> words;
  std::vector<std::string> tags;
};

Result<std::vector<IobSentence>> parse_iob2(std::string_view content, const std::string& name);
Result<std::vector<IobSentence>> read_iob2(const std::string& path);

// Where each word sits in `text`, found in order (byte spans); a word not
// found gets an empty span at the place the search reached.
std::vector<storyline::Span> locate_words(std::string_view text, const std::vector<std::string>& words);

// A CoNLL-U field may hold neither a tab nor a newline and may not be empty:
// such characters become spaces, an empty value "_".
std::string conllu_field(std::string_view value);

}  // namespace storyline::nlp
