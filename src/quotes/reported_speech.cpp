// Reported speech: a cue verb with its speaker and the words reported
// ("X said (that) …", "…, X said", "…, the minister, X, said …",
// "According to X, …", "…, adding that …").
#include <algorithm>

#include "quotes/attribution_finder.h"
#include "quotes/speakers.h"

namespace storyline::quotes::detail {

// ", while X told …", ", but Y said …": another attribution starts at k.
bool Finder::new_attribution(size_t k) const {
  if (is_cue(k) && view_[k].lower.ends_with("ing")) return true;  // ", adding that …"
  if (!view_.is("subordinator", k) && !view_.is("conjunction", k)) return false;
  for (size_t j = k + 1; j < view_.size() && j < k + 6; ++j) {
    if (view_.clause_break_before(j)) return false;
    if (is_cue(j)) return true;
  }
  return false;
}

size_t Finder::next_break(size_t k) const {
  if (next_break_.empty()) {
    next_break_.assign(view_.size() + 1, view_.size());
    for (size_t j = view_.size(); j-- > 0;) next_break_[j] = view_.clause_break_before(j) ? j : next_break_[j + 1];
  }
  return next_break_[std::min(k, view_.size())];
}

size_t Finder::next_content_stop(size_t k) const {
  if (next_stop_.empty()) {
    next_stop_.assign(view_.size() + 1, view_.size());
    for (size_t j = view_.size(); j-- > 0;)
      next_stop_[j] = view_.clause_break_before(j) && (view_.according_to(j) || new_attribution(j)) ? j : next_stop_[j + 1];
  }
  return next_stop_[std::min(k, view_.size())];
}

// The subject before the cue at `cue`: tokens [first, end), empty when a
// comma comes first. `blocked` when a relative word opens it ("which
// officials say"): then it is no attribution.
std::pair<size_t, size_t> Finder::subject_before(size_t cue, size_t sentence_first, bool& blocked) const {
  blocked = false;
  size_t end = cue;
  while (end > sentence_first && view_.is("auxiliary", end - 1) && !view_.clause_break_before(end)) --end;
  if (end == sentence_first || view_.clause_break_before(end)) return {end, end};
  if (view_[end - 1].lower == "to") blocked = true;  // "declined to say": no one said it
  size_t first = end - 1;
  // A subject longer than kLongestSpeaker is no speaker: the scan back stops
  // there (a long sentence without commas and many cues would otherwise be
  // scanned once per cue).
  size_t limit = end > kLongestSpeaker + 2 ? end - kLongestSpeaker - 2 : 0;
  while (first > sentence_first && !view_.clause_break_before(first) && !view_.is("relative", first - 1)) {
    if (first <= limit) {
      blocked = true;
      return {first, end};
    }
    --first;
  }
  if (first > sentence_first && !view_.clause_break_before(first) && view_.is("relative", first - 1)) blocked = true;
  if (view_.is("relative", first)) blocked = true;
  if ((view_.is("subordinator", first) || view_.is("conjunction", first)) && first + 1 < end)
    ++first;  // "After the ministry said …", "and Iranian leaders said …"
  else if (view_.is("subordinator", first) || view_.is("conjunction", first))
    blocked = true;  // "As announced …"
  if (end - first > kLongestSpeaker || view_.is("determiner", end - 1)) blocked = true;
  // "…, dismissing reports": a participle, not a speaker.
  if (!view_[first].capitalized && view_[first].lower.ends_with("ing")) blocked = true;
  return {first, end};
}

// Where the chunk that ends at `end` starts (a comma or dash before it).
size_t Finder::chunk_start(size_t end, size_t sentence_first) const {
  size_t first = end;
  while (first > sentence_first && (first == end || !view_.clause_break_before(first))) --first;
  if (first < end && view_.clause_break_before(first + 1) && first + 1 < end) return first + 1;
  return first;
}

// The reported words after a cue: after "that" when it comes soon, else
// right after the verb. [first, end), empty when none.
std::pair<size_t, size_t> Finder::content_after(size_t cue, size_t sentence_end, CueObject object) const {
  auto until_end = [&](size_t from) -> std::pair<size_t, size_t> {
    // Up to the next clause that attributes words anew, or the sentence end.
    size_t end = from < sentence_end ? std::min(next_content_stop(from), sentence_end) : from;
    if (end - from < kShortestContent) return {from, from};
    return {from, end};
  };
  // "said that …", "said on Wednesday that …", "told reporters in Oslo that …";
  // a "that" after other words opens a relative clause of the reported words.
  bool leads_to_that = cue + 1 < sentence_end && (view_[cue + 1].lower == "that" || view_.is("adverbial", cue + 1) ||
                                                  object == CueObject::kAddressee);
  for (size_t k = cue + 1; leads_to_that && k < sentence_end && k < cue + 11; ++k) {
    if (view_.clause_break_before(k) || view_.in_quote(k)) break;
    if (view_[k].lower == "that") return until_end(k + 1);
  }
  if (object == CueObject::kThatClause) return {cue, cue};
  size_t from = cue + 1;
  if (object == CueObject::kAddressee) {
    // "told reporters the deal…": a one-word listener.
    if (from >= sentence_end || view_.clause_break_before(from) || !view_[from].lower.ends_with("s") ||
        view_[from].capitalized)
      return {cue, cue};
    ++from;
  }
  if (from >= sentence_end || view_.clause_break_before(from) || view_.in_quote(from)) return {cue, cue};
  if (view_.is("adverbial", from) || view_.lexicon().cue(view_[from].lower)) return {cue, cue};
  return until_end(from);
}

void Finder::reported_at_cue(size_t cue) {
  CueVerb form = *view_.lexicon().cue(view_[cue].lower);
  const std::string& word = view_[cue].lower;
  if (word.ends_with("s") && word != "says" && form.object == CueObject::kClause) form.object = CueObject::kThatClause;
  const CueVerb* verb = &form;
  auto [sentence_first, sentence_end] = view_.sentence_of(cue);
  if (view_[cue].lower.ends_with("ing")) {
    participle(cue, sentence_first, sentence_end, *verb);
    return;
  }
  // "… but acknowledged that …": the same speaker as the clause before.
  size_t before_cue = cue;
  while (before_cue > sentence_first && view_.is("auxiliary", before_cue - 1)) --before_cue;
  if (before_cue > sentence_first && view_.is("conjunction", before_cue - 1)) {
    same_speaker(cue, sentence_first, sentence_end, *verb);
    return;
  }
  bool blocked = false;
  auto [first, end] = subject_before(cue, sentence_first, blocked);
  if (blocked) return;
  auto [content_first, content_end] = content_after(cue, sentence_end, verb->object);
  bool has_content = content_first < content_end;
  size_t tail_end = has_content ? content_first : sentence_end;
  if (first < end) {
    // The sentence start by value: clang before 16 cannot capture a
    // structured binding (the fuzz build uses clang 14).
    auto starts = [&, first_of_sentence = sentence_first](size_t k) {
      return k == first_of_sentence || view_.clause_break_before(k);
    };
    bool after_link = first > sentence_first && (view_.is("subordinator", first - 1) || view_.is("conjunction", first - 1));
    bool opens_clause = starts(first) || (after_link && starts(first - 1));
    if (!opens_clause) return;
    if (has_content) {
      add(view_.span_of(content_first, content_end), {cue, cue + 1, first, end, cue + 1, content_first}, false);
      add_trailing_via(content_end, sentence_end);
    } else if (verb->object == CueObject::kClause && first > sentence_first &&
               first - sentence_first >= kShortestContent) {
      // "…, officials in both capitals have said."
      add(view_.span_of(sentence_first, first), {cue, cue + 1, first, end, cue + 1, sentence_end}, false);
    }
    return;
  }
  // A comma before the cue: an apposition ("Lund, an analyst, said …") or
  // the reported words first ("The text …, the minister, X, said …").
  size_t chunk1 = chunk_start(end, sentence_first);
  if (chunk1 == end || end - chunk1 > kLongestApposition) return;
  if (has_content) {
    if (end - sentence_first > kLongestApposition + 6) return;
    size_t chunk0 = chunk_start(chunk1, sentence_first);
    size_t subject_first = sentence_first;
    // "However, the ambassador, Kazem Jalali, clarified that …": a leading adverb is not the subject.
    if (chunk0 != sentence_first && chunk1 != sentence_first) {
      if (chunk_start(chunk0, sentence_first) != sentence_first || chunk0 - sentence_first > 2) return;
      subject_first = chunk0;
    }
    add(view_.span_of(content_first, content_end), {cue, cue + 1, subject_first, end, cue + 1, tail_end}, false);
    add_trailing_via(content_end, sentence_end);
    return;
  }
  if (verb->object != CueObject::kClause) return;
  // The speaker's part is a short noun phrase, not a clause ("… that the two countries were planning").
  if (end - chunk1 > 8) return;
  for (size_t k = chunk1; k < end; ++k)
    if (view_.is("relative", k) || view_.in_quote(k) || is_cue(k)) return;
  size_t speaker_first = chunk1;
  size_t chunk2 = chunk_start(chunk1, sentence_first);
  if (chunk2 > sentence_first && chunk2 < chunk1 && chunk1 - chunk2 <= 6 && chunk2 - sentence_first >= kShortestContent)
    speaker_first = chunk2;
  if (speaker_first - sentence_first < kShortestContent) return;
  add(view_.span_of(sentence_first, speaker_first), {cue, cue + 1, speaker_first, end, cue + 1, sentence_end}, false);
}

// ", according to X" after reported words: a link of the last quote's chain.
void Finder::add_trailing_via(size_t from, size_t to) {
  if (quotes_.empty() || from >= to || !view_.according_to(from)) return;
  for (const std::string& name : via_chain(view_, from, to))
    if (std::find(quotes_.back().via.begin(), quotes_.back().via.end(), name) == quotes_.back().via.end())
      quotes_.back().via.push_back(name);
  used_[from] = true;
}

// "…, adding that …": the words of the sentence's speaker, who is the
// speaker of an attribution earlier in the sentence, else the subject
// that opens it.
void Finder::participle(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb) {
  if (cue == sentence_first || !view_.clause_break_before(cue)) return;
  // ", adding hours to each journey" is no speech: only "saying" reports without "that".
  CueVerb form = verb;
  if (view_[cue].lower != "saying") form.object = CueObject::kThatClause;
  same_speaker(cue, sentence_first, sentence_end, form);
}

// The words after the cue at `cue`, said by the speaker of an attribution
// earlier in the sentence. False when there is none.
bool Finder::same_speaker(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb) {
  auto [content_first, content_end] = content_after(cue, sentence_end, verb.object);
  if (content_first >= content_end) return false;
  Span sentence = view_.span_of(sentence_first, sentence_end);
  const FoundQuote* earlier = nullptr;
  for (const FoundQuote& q : quotes_)
    if (!q.cue.empty() && sentence.contains(q.cue) && q.cue.end <= view_[cue].span.begin) earlier = &q;
  if (earlier) {
    FoundQuote quote = *earlier;
    quote.text = trimmed(view_.span_of(content_first, content_end));
    quote.cue = view_[cue].span;
    quote.cue_word = view_.words(cue, cue + 1);
    quote.direct = false;
    for (size_t k = cue; k < content_first; ++k) used_[k] = true;
    quotes_.push_back(std::move(quote));
    return true;
  }
  // Else the subject that opens the sentence: a name ("Mr. Schultz generally
  // supported …, and said …"), a pronoun, or a short noun phrase ("The
  // Kremlin has declined …, but has acknowledged that …").
  size_t subject_end = sentence_first;
  size_t name_from = sentence_first + (view_.is("determiner", sentence_first) ? 1 : 0);
  // The first name in the opening words that is not a modifier
  // ("Government spokesperson Fatemeh Mohajerani also commented …").
  std::vector<NameRun> runs = view_.name_runs(name_from, std::min(cue, name_from + 8));
  const NameRun* name = nullptr;
  for (const NameRun& run : runs) {
    if (run.first > name_from + 3 || run.possessive) break;
    size_t next = run.end;
    bool modifier = next < cue && is_space_gap(view_[next].gap) && !view_[next].capitalized &&
                    !view_.is("auxiliary", next) && !is_cue(next) && !view_.is("conjunction", next) &&
                    !view_.is("adverbial", next) && view_[next].lower != "of";
    if (!modifier) {
      name = &run;
      break;
    }
  }
  if (name) {
    subject_end = name->end;
  } else if (view_.is("pronoun", sentence_first) || view_.is("plural", sentence_first)) {
    subject_end = sentence_first + 1;
  } else if (view_.is("determiner", sentence_first)) {
    subject_end = sentence_first + 1;
    while (subject_end < cue && !view_.clause_break_before(subject_end) && !is_cue(subject_end) &&
           !view_.is("auxiliary", subject_end) && subject_end - sentence_first < 5)
      ++subject_end;
    if (subject_end - sentence_first >= 5) return false;  // no short subject
  } else {
    return false;
  }
  add(view_.span_of(content_first, content_end), {cue, cue + 1, sentence_first, subject_end, cue + 1, content_first},
      false);
  return true;
}

// "According to X, …" / "…, according to X."
void Finder::reported_according_to(size_t k) {
  auto [sentence_first, sentence_end] = view_.sentence_of(k);
  size_t np_end = k + 2;
  np_end = np_end < sentence_end ? std::min(next_break(np_end), sentence_end) : np_end;
  if (np_end == k + 2) return;
  size_t content_first, content_end;
  if (k == sentence_first) {
    content_first = np_end, content_end = sentence_end;
  } else if (view_.clause_break_before(k)) {
    content_first = sentence_first, content_end = k;
  } else {
    return;
  }
  if (content_end - content_first < kShortestContent) return;
  add(view_.span_of(content_first, content_end), {k, k + 2, k + 2, np_end, np_end, np_end}, false);
}

}  // namespace storyline::quotes::detail
