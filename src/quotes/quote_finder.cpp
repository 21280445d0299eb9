#include "quotes/quote_finder.h"

#include <algorithm>
#include <optional>

#include "quotes/speakers.h"
#include "quotes/text_view.h"

namespace storyline::quotes {

namespace {

using dates::is_space_gap;

constexpr size_t kLongestSpeaker = 12;  // tokens of a subject before a cue
constexpr size_t kShortestContent = 3;  // tokens of reported words

// Where an attribution is: token ranges [first, end).
struct Attribution {
  size_t cue_first = 0, cue_end = 0;
  size_t speaker_first = 0, speaker_end = 0;
  size_t tail_first = 0, tail_end = 0;  // where outlets and cited sources may follow
};

bool only_chars(std::string_view text, std::string_view allowed) {
  return text.find_first_not_of(allowed) == std::string_view::npos;
}

class Finder {
 public:
  Finder(const Article& article, const QuoteLexicon& lexicon)
      : article_(article), view_(article, lexicon), used_(view_.size(), false) {}

  std::vector<FoundQuote> run() {
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

 private:
  // The quoted words without the comma or period that belongs to the attribution.
  Span trimmed(Span span) const {
    std::string_view text = view_.text();
    while (span.end > span.begin && std::string_view(" \t\n,.;:").find(text[span.end - 1]) != std::string_view::npos)
      --span.end;
    while (span.begin < span.end && std::string_view(" \t\n").find(text[span.begin]) != std::string_view::npos)
      ++span.begin;
    return span;
  }

  // A statement in its own right ("…,” he said; “….”), not a phrase held up
  // for inspection (calling it “an invention”).
  bool whole_statement(const QuotedStretch& stretch) const {
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

  // ", while X told …", ", but Y said …": another attribution starts at k.
  bool new_attribution(size_t k) const {
    if (is_cue(k) && view_[k].lower.ends_with("ing")) return true;  // ", adding that …"
    if (!view_.is("subordinator", k) && !view_.is("conjunction", k)) return false;
    for (size_t j = k + 1; j < view_.size() && j < k + 6; ++j) {
      if (view_.clause_break_before(j)) return false;
      if (is_cue(j)) return true;
    }
    return false;
  }

  // The first token at or after `k` that starts a clause; size() when none.
  // Computed once per article: scans to the next break, repeated for every
  // cue of a long sentence, would be quadratic.
  size_t next_break(size_t k) const {
    if (next_break_.empty()) {
      next_break_.assign(view_.size() + 1, view_.size());
      for (size_t j = view_.size(); j-- > 0;) next_break_[j] = view_.clause_break_before(j) ? j : next_break_[j + 1];
    }
    return next_break_[std::min(k, view_.size())];
  }
  // The first token at or after `k` that starts a clause attributing words
  // anew ("…, according to X", "…, adding that …"); size() when none.
  size_t next_content_stop(size_t k) const {
    if (next_stop_.empty()) {
      next_stop_.assign(view_.size() + 1, view_.size());
      for (size_t j = view_.size(); j-- > 0;)
        next_stop_[j] = view_.clause_break_before(j) && (view_.according_to(j) || new_attribution(j)) ? j : next_stop_[j + 1];
    }
    return next_stop_[std::min(k, view_.size())];
  }

  // A cue verb in lower case ("States" in "United States" is a name).
  bool is_cue(size_t k) const { return !view_[k].capitalized && view_.lexicon().cue(view_[k].lower) != nullptr; }

  size_t words_in(Span span) const { return view_.token_at(span.end) - view_.token_at(span.begin); }

  size_t paragraph_of(uint32_t offset) const {
    const auto& paragraphs = article_.paragraphs;
    auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                               [](uint32_t value, const Span& p) { return value < p.begin; });
    return it == paragraphs.begin() ? 0 : static_cast<size_t>(it - paragraphs.begin() - 1);
  }

  void add(Span text, const Attribution& a, bool direct) {
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

  // The subject before the cue at `cue`: tokens [first, end), empty when a
  // comma comes first. `blocked` when a relative word opens it ("which
  // officials say"): then it is no attribution.
  std::pair<size_t, size_t> subject_before(size_t cue, size_t sentence_first, bool& blocked) const {
    blocked = false;
    size_t end = cue;
    while (end > sentence_first && view_.is("auxiliary", end - 1) && !view_.clause_break_before(end)) --end;
    if (end == sentence_first || view_.clause_break_before(end)) return {end, end};
    if (view_[end - 1].lower == "to") blocked = true;  // "declined to say": no one said it
    size_t first = end - 1;
    // A subject longer than kLongestSpeaker is no speaker: the scan back
    // stops there (a long sentence without commas and many cues would
    // otherwise be scanned once per cue).
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
  size_t chunk_start(size_t end, size_t sentence_first) const {
    size_t first = end;
    while (first > sentence_first && (first == end || !view_.clause_break_before(first))) --first;
    if (first < end && view_.clause_break_before(first + 1) && first + 1 < end) return first + 1;
    return first;
  }

  // “…,” he said / “…,” said Arancibia / “…,” according to X.
  std::optional<Attribution> after_quote(const QuotedStretch& stretch) const {
    size_t t = view_.token_at(stretch.outer.end);
    if (t >= view_.size()) return std::nullopt;
    std::string_view between = view_.text().substr(stretch.outer.end, view_[t].span.begin - stretch.outer.end);
    if (!only_chars(between, " ,")) return std::nullopt;
    auto [sentence_first, sentence_end] = view_.sentence_of(t);
    if (sentence_first < t && view_.sentence_of(t - 1).first != sentence_first) sentence_first = t;
    if (view_.according_to(t)) {
      size_t np_end = t + 2 < sentence_end ? std::min(next_break(t + 2), sentence_end) : t + 2;
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
    std::string_view inner = slice(view_.text(), trimmed(stretch.inner));
    bool sentence_ended = !slice(view_.text(), stretch.inner).empty() &&
                          std::string_view(".?!").find(slice(view_.text(), stretch.inner).back()) != std::string_view::npos;
    (void)inner;
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
  std::optional<Attribution> before_quote(const QuotedStretch& stretch) const {
    size_t next = view_.token_at(stretch.outer.begin);
    if (next == 0) return std::nullopt;
    size_t t = next - 1;
    std::string_view between = view_.text().substr(view_[t].span.end, stretch.outer.begin - view_[t].span.end);
    if (!only_chars(between, " :,")) return std::nullopt;
    auto [sentence_first, sentence_end] = view_.sentence_of(t);
    (void)sentence_end;
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

  // The reported words after a cue: after "that" when it comes soon, else
  // right after the verb. [first, end), empty when none.
  std::pair<size_t, size_t> content_after(size_t cue, size_t sentence_end, CueObject object) const {
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

  void reported_at_cue(size_t cue) {
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
    if (chunk1 == end || end - chunk1 > 8) return;
    if (has_content) {
      if (end - sentence_first > 16) return;
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
    size_t speaker_first = chunk1;
    size_t chunk2 = chunk_start(chunk1, sentence_first);
    if (chunk2 > sentence_first && chunk2 < chunk1 && chunk1 - chunk2 <= 6 && chunk2 - sentence_first >= kShortestContent)
      speaker_first = chunk2;
    if (speaker_first - sentence_first < kShortestContent) return;
    add(view_.span_of(sentence_first, speaker_first), {cue, cue + 1, speaker_first, end, cue + 1, sentence_end}, false);
  }

  // ", according to X" after reported words: a link of the last quote's chain.
  void add_trailing_via(size_t from, size_t to) {
    if (quotes_.empty() || from >= to || !view_.according_to(from)) return;
    for (const std::string& name : via_chain(view_, from, to))
      if (std::find(quotes_.back().via.begin(), quotes_.back().via.end(), name) == quotes_.back().via.end())
        quotes_.back().via.push_back(name);
    used_[from] = true;
  }

  // "…, adding that …": the words of the sentence's speaker, who is the
  // speaker of an attribution earlier in the sentence, else the subject
  // that opens it.
  void participle(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb) {
    if (cue == sentence_first || !view_.clause_break_before(cue)) return;
    // ", adding hours to each journey" is no speech: only "saying" reports without "that".
    CueVerb form = verb;
    if (view_[cue].lower != "saying") form.object = CueObject::kThatClause;
    same_speaker(cue, sentence_first, sentence_end, form);
  }

  // The words after the cue at `cue`, said by the speaker of an attribution
  // earlier in the sentence. False when there is none.
  bool same_speaker(size_t cue, size_t sentence_first, size_t sentence_end, const CueVerb& verb) {
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
    // Else the subject that opens the sentence ("The Kremlin has declined …, but has acknowledged that …").
    size_t subject_end = sentence_first + 1;
    while (subject_end < cue && !view_.clause_break_before(subject_end) && !is_cue(subject_end) &&
           !view_.is("auxiliary", subject_end) && subject_end - sentence_first < 6)
      ++subject_end;
    bool subject = !view_.name_runs(sentence_first, subject_end).empty() || view_.is("pronoun", sentence_first) ||
                   view_.is("plural", sentence_first) || view_.is("determiner", sentence_first);
    bool too_long = subject_end - sentence_first >= 6 && subject_end < cue && !view_.clause_break_before(subject_end);
    if (!subject || too_long) return false;
    add(view_.span_of(content_first, content_end), {cue, cue + 1, sentence_first, subject_end, cue + 1, content_first},
        false);
    return true;
  }

  // Quotes found twice (a phrase in quotation marks inside reported words
  // that were found too) are kept once, as the longer.
  // Containment is transitive, so a quote goes exactly when some other
  // quote's words strictly contain its own: one sweep in order of start
  // (longer first), not a comparison of every pair.
  void drop_contained() {
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

  // "According to X, …" / "…, according to X."
  void reported_according_to(size_t k) {
    auto [sentence_first, sentence_end] = view_.sentence_of(k);
    size_t np_end = k + 2 < sentence_end ? std::min(next_break(k + 2), sentence_end) : k + 2;
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

  // A quote with no cue of its own continues the attribution just before it
  // in the same paragraph, or in the previous one when it opens its own.
  void continue_quote(const QuotedStretch& stretch) {
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

  const Article& article_;
  TextView view_;
  std::vector<bool> used_;  // cue tokens already part of an attribution
  mutable std::vector<size_t> next_break_, next_stop_;  // see next_break and next_content_stop
  std::vector<FoundQuote> quotes_;
};

}  // namespace

Result<QuoteFinder> QuoteFinder::create(const std::string& data_dir) {
  auto lexicon = QuoteLexicon::load(data_dir);
  if (!lexicon) return lexicon.status();
  return QuoteFinder(std::move(*lexicon));
}

std::vector<FoundQuote> QuoteFinder::find(const Article& article) const { return Finder(article, *lexicon_).run(); }

}  // namespace storyline::quotes
