// Direct quotes: quoted stretches and the cues beside them, speaker labels,
// continued quotes (see quote_finder.h).
#include "quotes/quote_finder.h"

#include <algorithm>

#include "quotes/attribution_finder.h"
#include "quotes/speakers.h"

namespace storyline::quotes {

namespace detail {

// In order: quoted stretches with a cue beside them; speaker labels;
// reported speech at the cues no quote took; "according to"; then the
// stretches left, each continuing the attribution before it.
std::vector<FoundQuote> Finder::run() {
  std::vector<const QuotedStretch*> unattributed;
  for (const QuotedStretch& stretch : view_.stretches()) {
    std::optional<Attribution> found = after_quote(stretch);
    if (!found) found = before_quote(stretch);
    if (found) {
      add(stretch.inner, *found, true);
    } else if (whole_statement(stretch)) {
      unattributed.push_back(&stretch);
    }
  }
  for (const Span& paragraph : article_.paragraphs) speaker_label(paragraph);
  for (size_t k = 0; k < view_.size(); ++k)
    if (!used_[k] && !view_.in_quote(k) && is_cue(k)) reported_at_cue(k);
  for (size_t k = 0; k < view_.size(); ++k)
    if (!used_[k] && !view_.in_quote(k) && view_.according_to(k)) reported_according_to(k);
  std::sort(quotes_.begin(), quotes_.end(),
            [](const FoundQuote& a, const FoundQuote& b) { return a.text.begin < b.text.begin; });
  for (const QuotedStretch* stretch : unattributed) continue_quote(*stretch);
  drop_contained();
  std::sort(quotes_.begin(), quotes_.end(),
            [](const FoundQuote& a, const FoundQuote& b) { return a.text.begin < b.text.begin; });
  return std::move(quotes_);
}

// A statement in its own right ("…,” he said; “….”), not a phrase held up
// for inspection (calling it “an invention”).
bool Finder::whole_statement(const QuotedStretch& stretch) const {
  std::string_view inner = slice(view_.text(), stretch.inner);
  while (!inner.empty() && (inner.back() == ' ' || inner.back() == '\n')) inner.remove_suffix(1);
  if (inner.empty()) return false;
  size_t first = view_.token_at(stretch.inner.begin);
  if (first >= view_.size()) return false;
  // Quoted words that a word runs into ("includes “the most sensitive
  // areas.”") are part of a sentence, whatever punctuation they end with.
  bool opens = view_.sentence_of(first).first == first ||
               view_.text().substr(0, stretch.outer.begin).find_last_not_of(" ") == std::string_view::npos ||
               std::string_view(":,.!?\n").find(view_.text()[view_.text().substr(0, stretch.outer.begin).find_last_not_of(" ")]) !=
                   std::string_view::npos;
  if (!opens) return false;
  if (std::string_view(",.?!").find(inner.back()) != std::string_view::npos) return true;
  if (inner.ends_with("\xE2\x80\xA6") || inner.ends_with("\xE2\x80\x94")) return true;  // … —
  return !stretch.closed;
}

void Finder::add(Span text, const Attribution& a, bool direct) {
  FoundQuote quote;
  quote.text = trimmed(text);
  if (quote.text.empty()) return;
  quote.cue = view_.span_of(a.cue_first, a.cue_end);
  quote.cue_word = view_.words(a.cue_first, a.cue_end);
  quote.speaker_words = view_.span_of(a.speaker_first, a.speaker_end);
  Speaker speaker = resolve_speaker(view_, a.speaker_first, a.speaker_end);
  quote.speaker = speaker.name;
  quote.entity_id = speaker.entity_id;
  quote.direct = direct;
  quote.via = via_chain(view_, a.tail_first, a.tail_end);
  for (size_t k = a.cue_first; k < a.cue_end; ++k) used_[k] = true;
  // A source cited in the attribution is a link of its chain, not a speaker of its own.
  for (size_t k = a.tail_first; k < a.tail_end && k < view_.size(); ++k)
    if (view_.according_to(k)) used_[k] = true;
  quotes_.push_back(std::move(quote));
}

// “…,” he said / “…,” said Arancibia / “…,” according to X.
std::optional<Attribution> Finder::after_quote(const QuotedStretch& stretch) const {
  size_t t = view_.token_at(stretch.outer.end);
  if (t >= view_.size()) return std::nullopt;
  std::string_view between = view_.text().substr(stretch.outer.end, view_[t].span.begin - stretch.outer.end);
  if (!only_chars(between, " ,")) return std::nullopt;
  // "…,” while 73 percent said …": another clause, not this quote's attribution.
  if (view_.is("subordinator", t) || view_.is("conjunction", t) || view_.is("relative", t)) return std::nullopt;
  auto [sentence_first, sentence_end] = view_.sentence_of(t);
  if (sentence_first < t && view_.sentence_of(t - 1).first != sentence_first) sentence_first = t;
  if (view_.according_to(t)) {
    size_t np_end = t + 2;
    np_end = np_end < sentence_end ? std::min(next_break(np_end), sentence_end) : np_end;
    return Attribution{t, t + 2, t + 2, np_end, np_end, sentence_end};
  }
  // The cue within a few words, maybe after an apposition ("…,” Ahmad
  // Vakhshiteh, a lecturer at …, told DW): the speaker is named before it.
  size_t cue = t, first_break = 0;
  while (cue < sentence_end && cue < t + 20 && !is_cue(cue)) {
    if (cue + 1 < view_.size() && view_.clause_break_before(cue + 1) && !first_break) first_break = cue + 1;
    ++cue;
  }
  if (cue >= sentence_end || cue >= t + 20) return std::nullopt;
  if (first_break && first_break < cue) {
    if (first_break - t > 6 || first_break == t || !view_.clause_break_before(cue)) return std::nullopt;
    return Attribution{cue, cue + 1, t, first_break, cue + 1, sentence_end};
  }
  if (cue >= t + 8) return std::nullopt;
  // After a quote that ended its sentence, only a short tag is its attribution ("He said.").
  std::string_view inner = slice(view_.text(), stretch.inner);
  bool sentence_ended = !inner.empty() && std::string_view(".?!").find(inner.back()) != std::string_view::npos;
  if (cue == t) {  // inverted: said Arancibia
    size_t end = cue + 1;
    while (end < sentence_end && end < cue + 8 && !view_.clause_break_before(end) && !view_.is("adverbial", end)) ++end;
    if (end == cue + 1) return std::nullopt;
    if (sentence_ended && sentence_end - t > 6) return std::nullopt;
    return Attribution{cue, cue + 1, cue + 1, end, end, sentence_end};
  }
  size_t speaker_end = cue;
  while (speaker_end > t && view_.is("auxiliary", speaker_end - 1)) --speaker_end;
  if (speaker_end == t || speaker_end - t > 6) return std::nullopt;
  if (sentence_ended && sentence_end - t > 6) return std::nullopt;
  return Attribution{cue, cue + 1, t, speaker_end, cue + 1, sentence_end};
}

// X said: “…” / X told reporters: “…”
std::optional<Attribution> Finder::before_quote(const QuotedStretch& stretch) const {
  size_t next = view_.token_at(stretch.outer.begin);
  if (next == 0) return std::nullopt;
  size_t t = next - 1;
  std::string_view between = view_.text().substr(view_[t].span.end, stretch.outer.begin - view_[t].span.end);
  if (!only_chars(between, " :,")) return std::nullopt;
  size_t sentence_first = view_.sentence_of(t).first;
  size_t cue = t + 1;
  for (size_t k = t + 1; k-- > sentence_first && k + 6 > t;) {
    if (k < t && view_.clause_break_before(k + 1)) break;
    if (const CueVerb* verb = is_cue(k) ? view_.lexicon().cue(view_[k].lower) : nullptr) {
      bool close = k == t || (k + 1 == t && view_[t].lower == "that") || verb->object == CueObject::kAddressee;
      if (close) cue = k;
      break;
    }
  }
  if (cue > t || used_[cue]) return std::nullopt;
  // told “Fox News Sunday”: a title the cue's listener, not words said.
  bool introduced = between.find_first_of(":,") != std::string_view::npos;
  const CueVerb* verb = view_.lexicon().cue(view_[cue].lower);
  if (!introduced && (verb->object == CueObject::kAddressee && cue == t)) return std::nullopt;
  if (!introduced && !whole_statement(stretch) && words_in(stretch.inner) < 3) return std::nullopt;
  bool blocked = false;
  auto [first, end] = subject_before(cue, sentence_first, blocked);
  if (blocked || first == end) return std::nullopt;
  return Attribution{cue, cue + 1, first, end, cue + 1, t + 1};
}

// A transcript's or headline's speaker label: "PENCE: Well, …", "Ana
// Ruiz: We will rebuild": a name (in capitals, or of two or three words)
// opening the paragraph, then a colon; the rest of the paragraph is theirs.
void Finder::speaker_label(Span paragraph) {
  size_t first = view_.token_at(paragraph.begin);
  if (first >= view_.size() || view_[first].span.begin >= paragraph.end) return;
  size_t end = first;
  bool capitals = true;
  while (end < view_.size() && end < first + 3 && view_[end].capitalized && !view_[end].digits &&
         (end == first || is_space_gap(view_[end].gap))) {
    for (char c : slice(view_.text(), view_[end].span)) capitals &= !(c >= 'a' && c <= 'z');
    ++end;
  }
  if (end == first || end >= view_.size() || view_[end].gap.substr(0, 1) != ":") return;
  if (!capitals && end - first < 2) return;
  if (!capitals && view_.name_runs(first, end).empty()) return;
  size_t rest = end;
  size_t rest_end = view_.token_at(paragraph.end);
  if (rest_end - rest < kShortestContent) return;
  FoundQuote quote;
  quote.text = trimmed({view_[rest].span.begin, paragraph.end});
  uint32_t colon = view_[end - 1].span.end;
  quote.cue = {colon, colon + 1};
  quote.cue_word = ":";
  quote.speaker_words = view_.span_of(first, end);
  Speaker speaker = resolve_speaker(view_, first, end);
  quote.speaker = speaker.name;
  quote.entity_id = speaker.entity_id;
  quote.direct = true;
  quotes_.push_back(std::move(quote));
}

// Quotes found twice (a phrase in quotation marks inside reported words
// that were found too) are kept once, as the longer. Containment is
// transitive, so a quote goes exactly when some other quote's words strictly
// contain its own: one sweep in order of start (longer first), not a
// comparison of every pair.
void Finder::drop_contained() {
  std::vector<bool> drop(quotes_.size(), false);
  std::vector<size_t> order(quotes_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    const Span &x = quotes_[a].text, &y = quotes_[b].text;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  bool any = false;
  uint32_t furthest = 0;  // the furthest end of the spans before the current group
  for (size_t g = 0; g < order.size();) {
    const Span group = quotes_[order[g]].text;
    size_t next = g;
    while (next < order.size() && quotes_[order[next]].text == group) ++next;
    if (any && furthest >= group.end)
      for (size_t k = g; k < next; ++k) drop[order[k]] = true;
    any = true;
    furthest = std::max(furthest, group.end);
    g = next;
  }
  std::vector<FoundQuote> kept;
  for (size_t i = 0; i < quotes_.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(quotes_[i]));
  quotes_ = std::move(kept);
}

// A quote with no cue of its own continues the attribution just before it
// in the same paragraph, or in the previous one when it opens its own.
void Finder::continue_quote(const QuotedStretch& stretch) {
  for (const FoundQuote& q : quotes_)
    if (q.text.begin <= stretch.inner.begin && stretch.inner.end <= q.text.end + 1) return;  // inside a labelled turn
  size_t paragraph = paragraph_of(stretch.outer.begin);
  const FoundQuote* previous = nullptr;
  for (const FoundQuote& q : quotes_) {
    if (q.text.begin >= stretch.outer.begin) break;
    previous = &q;
  }
  FoundQuote quote;
  quote.text = trimmed(stretch.inner);
  if (quote.text.empty()) return;
  quote.direct = true;
  if (previous) {
    size_t previous_paragraph = paragraph_of(previous->text.begin);
    bool opens_paragraph = view_.token_at(stretch.outer.begin) < view_.size() &&
                           article_.paragraphs.size() > paragraph &&
                           view_.token_at(article_.paragraphs[paragraph].begin) == view_.token_at(stretch.outer.begin);
    if (previous_paragraph == paragraph || (opens_paragraph && previous_paragraph + 1 == paragraph)) {
      quote.speaker = previous->speaker;
      quote.speaker_words = previous->speaker_words;
      quote.entity_id = previous->entity_id;
      quote.cue_word = previous->cue_word;
      quote.via = previous->via;
    }
  }
  quotes_.push_back(std::move(quote));
}

}  // namespace detail

Result<QuoteFinder> QuoteFinder::create(const std::string& data_dir) {
  auto lexicon = QuoteLexicon::load(data_dir);
  if (!lexicon) return lexicon.status();
  return QuoteFinder(std::move(*lexicon));
}

std::vector<FoundQuote> QuoteFinder::find(const Article& article) const {
  return detail::Finder(article, *lexicon_).run();
}

}  // namespace storyline::quotes
