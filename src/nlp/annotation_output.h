// An article's annotation (Article::annotation) as users and other tools
// read it, for `storyline annotate`:
//
//   - CoNLL-U, readable by any Universal Dependencies tool: "# newdoc id",
//     "# newpar" where a paragraph begins, "# sent_id" (article id and
//     sentence number), "# text"; ID FORM LEMMA UPOS _ _ HEAD DEPREL _ MISC,
//     where MISC holds the recogniser's names as BIO ("NE=B-PER",
//     "NE=I-PER"; UNER's types PER, ORG, LOC) and "SpaceAfter=No" where the
//     next word follows without a space;
//   - JSON, one object per article: its sentences with their words (form,
//     lemma, upos, head counted from 1 as in CoNLL-U with 0 for the root,
//     deprel, begin and end) and names (text, type, begin, end), offsets in
//     code points into the article's text as every JSON output gives them.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "storyline/document.h"

namespace storyline::nlp {

std::string annotation_conllu(const Article& article);
nlohmann::json annotation_json(const Article& article);

}  // namespace storyline::nlp
