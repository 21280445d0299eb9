#include "quotes/quote_lexicon.h"

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::quotes {

Result<QuoteLexicon> QuoteLexicon::load(const std::string& data_dir) {
  QuoteLexicon lexicon;
  std::string cue_path = data_dir + "/quotes/cue_verbs.txt";
  auto cue_rows = core::read_table(cue_path);
  if (!cue_rows) return cue_rows.status();
  for (const auto& row : *cue_rows) {
    if (row.size() < 3) return Status::invalid_input(cue_path + ": expected lemma, forms, object in '" + row[0] + "'");
    CueVerb verb{row[0], CueObject::kClause};
    if (row[2] == "that") {
      verb.object = CueObject::kThatClause;
    } else if (row[2] == "addressee") {
      verb.object = CueObject::kAddressee;
    } else if (row[2] != "clause") {
      return Status::invalid_input(cue_path + ": unknown object '" + row[2] + "' for " + row[0]);
    }
    for (std::string_view form : core::split(row[1], ' '))
      if (!form.empty()) lexicon.cues[std::string(form)] = verb;
  }
  std::string words_path = data_dir + "/quotes/attribution_words.tsv";
  auto word_rows = core::read_table(words_path);
  if (!word_rows) return word_rows.status();
  for (const auto& row : *word_rows) {
    if (row.size() < 2) return Status::invalid_input(words_path + ": expected kind and word in '" + row[0] + "'");
    lexicon.classes[row[0]].insert(row[1]);
  }
  return lexicon;
}

}  // namespace storyline::quotes
