#include "quotes/text_view.h"

#include <algorithm>

namespace storyline::quotes {

TextView::TextView(const Article& article, const QuoteLexicon& lexicon)
    : article_(article), lexicon_(lexicon),
      tokens_(dates::date_tokens(article.text, {0, static_cast<uint32_t>(article.text.size())})),
      stretches_(find_quoted_stretches(article.text, article.paragraphs)) {
  // Sentence starts: the segmenter's sentences, and every paragraph start.
  std::vector<uint32_t> starts;
  for (const Span& s : article.sentences) starts.push_back(s.begin);
  for (const Span& p : article.paragraphs) starts.push_back(p.begin);
  for (size_t k = 0; k < tokens_.size(); ++k)
    if (tokens_[k].gap.find('\n') != std::string_view::npos) starts.push_back(tokens_[k].span.begin);
  for (uint32_t start : starts) sentence_starts_.push_back(token_at(start));
  sentence_starts_.push_back(0);
  std::sort(sentence_starts_.begin(), sentence_starts_.end());
  sentence_starts_.erase(std::unique(sentence_starts_.begin(), sentence_starts_.end()), sentence_starts_.end());

  all_runs_ = name_runs(0, tokens_.size());
  for (NameRun run : all_runs_) {
    if (run.possessive || run.organisation || in_quote(run.first)) continue;
    // "the agency Andes Press", "the IRNA news agency": an outlet.
    bool media = (run.first > 0 && lexicon_.is("media", tokens_[run.first - 1].lower)) ||
                 (run.end < size() && lexicon_.is("media", tokens_[run.end].lower)) ||
                 (run.end + 1 < size() && lexicon_.is("media", tokens_[run.end + 1].lower));
    if (media) continue;
    size_t next = run.end;
    while (next < size() && lexicon_.is("auxiliary", tokens_[next].lower) && dates::is_space_gap(tokens_[next].gap)) ++next;
    bool before_cue = next < size() && lexicon_.cue(tokens_[next].lower) && dates::is_space_gap(tokens_[next].gap);
    // "said Lund" (not "told DW": a listener).
    const CueVerb* verb_before = run.first > 0 ? lexicon_.cue(tokens_[run.first - 1].lower) : nullptr;
    bool after_cue = verb_before && verb_before->object != CueObject::kAddressee && dates::is_space_gap(tokens_[run.first].gap);
    // "Jalali, the ambassador to Russia, told": a cue after an apposition.
    bool before_apposition_cue = false;
    if (next < size() && tokens_[next].gap.find(',') != std::string_view::npos)
      for (size_t k = next + 1; k < size() && k < next + 15; ++k) {
        if (dates::ends_sentence(tokens_[k].gap)) break;
        if (tokens_[k].gap.find(',') != std::string_view::npos) {
          before_apposition_cue = lexicon_.cue(tokens_[k].lower) && !tokens_[k].capitalized;
          break;
        }
      }
    run.speaks = before_cue || after_cue || before_apposition_cue;
    if (run.end - run.first >= 2 || run.speaks) person_runs_.push_back(run);
  }
}

size_t TextView::token_at(uint32_t offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const Token& t, uint32_t value) { return t.span.begin < value; });
  return static_cast<size_t>(it - tokens_.begin());
}

std::pair<size_t, size_t> TextView::sentence_of(size_t k) const {
  auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), k);
  size_t first = *(it - 1);
  size_t end = it == sentence_starts_.end() ? tokens_.size() : *it;
  return {first, end};
}

bool TextView::in_quote(size_t k) const {
  if (k >= size()) return false;
  uint32_t at = tokens_[k].span.begin;
  auto it = std::upper_bound(stretches_.begin(), stretches_.end(), at,
                             [](uint32_t value, const QuotedStretch& s) { return value < s.inner.begin; });
  return it != stretches_.begin() && (it - 1)->inner.contains({at, tokens_[k].span.end});
}

bool TextView::capitalised_word(size_t k) const {
  const Token& t = tokens_[k];
  if (!t.capitalized || t.digits) return false;
  // A sentence's first word is capitalised anyway: only a name when it is not a common word.
  return !lexicon_.is("determiner", t.lower) && !lexicon_.is("pronoun", t.lower) && !lexicon_.is("adverbial", t.lower) &&
         !lexicon_.is("subordinator", t.lower) && !lexicon_.is("conjunction", t.lower) &&
         !lexicon_.is("plural", t.lower) && !lexicon_.is("relative", t.lower) && !lexicon_.cue(t.lower) &&
         t.lower != "according";
}

std::vector<NameRun> TextView::name_runs(size_t first, size_t end) const {
  std::vector<NameRun> runs;
  end = std::min(end, size());
  for (size_t k = first; k < end;) {
    if (!capitalised_word(k)) {
      ++k;
      continue;
    }
    NameRun run;
    run.first = k;
    run.end = k + 1;
    auto joins = [&](size_t next) {
      std::string_view gap = tokens_[next].gap;
      bool honorific = lexicon_.is("honorific", tokens_[next - 1].lower);
      bool initial = tokens_[next - 1].lower.size() == 1;  // "Dmitry S. Peskov", "U.S."
      return dates::is_space_gap(gap) || gap == "-" || ((honorific || initial) && gap == ". ") ||
             (initial && gap == "." && tokens_[next].lower.size() == 1);
    };
    while (run.end < end && joins(run.end) && !tokens_[run.end - 1].lower.ends_with("'s")) {
      if (capitalised_word(run.end) || (tokens_[run.end].capitalized && tokens_[run.end].lower.size() > 1 &&
                                        !lexicon_.is("determiner", tokens_[run.end].lower))) {
        ++run.end;
      } else if (lexicon_.is("connector", tokens_[run.end].lower) && run.end + 1 < end && joins(run.end + 1) &&
                 tokens_[run.end + 1].capitalized) {
        run.end += 2;
      } else {
        break;
      }
    }
    k = run.end;
    // Titles before the name are not part of it ("Chilean President Mateo
    // Arancibia" → "Mateo Arancibia"), but say what the person is.
    size_t last_title = run.first;
    const std::string& final_word = tokens_[run.end - 1].lower;
    bool organisation = lexicon_.is("organisation", final_word.ends_with("'s") ? final_word.substr(0, final_word.size() - 2)
                                                                              : final_word);
    for (size_t t = run.first; !organisation && t + 1 < run.end; ++t)
      if (lexicon_.is("title", tokens_[t].lower) || lexicon_.is("role", tokens_[t].lower)) last_title = t + 1;
    for (size_t t = run.first; t < last_title; ++t) run.roles += tokens_[t].lower + " ";
    // Lower-case role words just before the run ("the chancellor Valentine Errasuris").
    for (size_t t = run.first, seen = 0; t > 0 && seen < 3 && dates::is_space_gap(tokens_[t].gap); --t, ++seen) {
      if (!lexicon_.is("title", tokens_[t - 1].lower) && !lexicon_.is("role", tokens_[t - 1].lower)) break;
      run.roles += tokens_[t - 1].lower + " ";
    }
    run.first = last_title;
    // Role words in an apposition right after the name ("Kazem Jalali, Iran's
    // Ambassador to Moscow,").
    if (run.end < end && tokens_[run.end].gap.find(',') != std::string_view::npos)
      for (size_t t = run.end; t < end && t < run.end + 6; ++t) {
        if (t > run.end && dates::ends_clause(tokens_[t].gap)) break;
        if (lexicon_.is("role", tokens_[t].lower)) run.roles += tokens_[t].lower + " ";
      }
    const std::string& last = tokens_[run.end - 1].lower;
    run.possessive = last.ends_with("'s") || (run.end < size() && tokens_[run.end].lower == "s" &&
                                              tokens_[run.end].gap == "'");
    run.organisation = lexicon_.is("organisation", last.ends_with("'s") ? last.substr(0, last.size() - 2) : last);
    if (run.end - run.first == 1 && lexicon_.is("title", tokens_[run.first].lower)) continue;  // a title alone
    runs.push_back(run);
  }
  return runs;
}

const NameRun* TextView::speaker_run(const std::vector<NameRun>& runs) const {
  for (auto it = runs.rbegin(); it != runs.rend(); ++it)
    if (!it->possessive && !it->organisation) return &*it;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it)
    if (!it->possessive) return &*it;
  return nullptr;
}

std::string TextView::fullest_name(const NameRun& run, size_t at) const {
  std::string name = words(run.first, run.end);
  if (name.find(' ') != std::string::npos) return name;
  if (lexicon_.is("honorific", tokens_[run.first].lower)) return name;
  std::string surname = last_word(run);
  const NameRun* before = nullptr;
  const NameRun* after = nullptr;
  for (const NameRun& other : all_runs_) {
    if (other.possessive || other.organisation) continue;
    if (words(other.first, other.end).find(' ') == std::string::npos || last_word(other) != surname) continue;
    if (lexicon_.is("honorific", tokens_[other.first].lower)) continue;  // "Ms. Lund" says less than "Lund"'s first name
    if (other.first < at) before = &other;
    else if (!after) after = &other;
  }
  const NameRun* best = before ? before : after;
  return best ? words(best->first, best->end) : name;
}

std::string TextView::last_word(const NameRun& run) const {
  size_t first = run.end - 1;
  while (first > run.first && tokens_[first].gap.find(' ') == std::string_view::npos) --first;
  std::string word;
  for (size_t t = first; t < run.end; ++t) word += (t > first ? "-" : "") + tokens_[t].lower;
  return word;
}

}  // namespace storyline::quotes
