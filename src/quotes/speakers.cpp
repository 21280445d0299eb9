#include "quotes/speakers.h"

#include <algorithm>

#include "core/text_util.h"

namespace storyline::quotes {

namespace {

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

bool in_any_quote(const TextView& view, Span span) {
  for (const QuotedStretch& s : view.stretches())
    if (s.inner.contains(span)) return true;
  return false;
}

// The mention inside `span` that names a speaker: the last person, else the
// last organisation. A place or group ("Iran's ambassador", "Iranian
// leaders") only when it is the whole phrase ("Russia said").
const EntityMention* mention_in(const TextView& view, Span span) {
  const EntityMention* best[3] = {nullptr, nullptr, nullptr};
  uint32_t phrase_begin = span.begin;
  size_t first = view.token_at(span.begin);
  if (first + 1 < view.size() && view.is("determiner", first) && view[first + 1].span.end <= span.end)
    phrase_begin = view[first + 1].span.begin;
  for (const EntityMention& m : view.article().mentions) {
    if (!overlaps(m.span, span)) continue;
    int rank = m.type == EntityType::kPerson ? 0 : m.type == EntityType::kOrganization ? 1 : 2;
    if (rank == 2 && !(m.span.begin <= phrase_begin && m.span.end >= span.end)) continue;
    best[rank] = &m;
  }
  for (const EntityMention* m : best)
    if (m) return m;
  return nullptr;
}

// Whether a role ("spokesperson", "foreign minister") is the one a noun
// names ("spokesman", "minister"): the noun's stem inside the role.
bool holds_role(const std::string& roles, const std::string& noun) {
  return !noun.empty() && roles.find(noun.substr(0, std::min<size_t>(noun.size(), 6))) != std::string::npos;
}

Speaker from_mention(const TextView& view, const EntityMention& m) {
  return {m.name.empty() ? std::string(slice(view.text(), m.span)) : m.name, m.entity_id, m.local_entity};
}

// The latest person (or, for "they"/"it", organisation) before byte
// `before`, outside quotes; with a role noun, one holding that role first.
Speaker latest_person(const TextView& view, uint32_t before, bool groups_too, const std::string& role, bool bare_role) {
  size_t paragraph_end = view.text().find('\n', before);
  if (paragraph_end != std::string_view::npos) paragraph_end = view.text().find('\n', paragraph_end + 1);
  const auto& mentions = view.article().mentions;
  const EntityMention* latest = nullptr;
  const EntityMention* latest_in_role = nullptr;
  const EntityMention* next_in_role = nullptr;
  for (const EntityMention& m : mentions) {
    bool fits = m.type == EntityType::kPerson || (groups_too && m.type == EntityType::kOrganization);
    if (!fits || in_any_quote(view, m.span)) continue;
    if (m.span.end > before) {
      if (!next_in_role && m.span.begin < paragraph_end && holds_role(m.role, role)) next_in_role = &m;
      continue;
    }
    latest = &m;
    if (holds_role(m.role, role)) latest_in_role = &m;
  }
  if (latest_in_role) return from_mention(view, *latest_in_role);
  if (next_in_role) return from_mention(view, *next_in_role);
  if (latest && (role.empty() || bare_role)) return from_mention(view, *latest);
  // No mentions: the latest name run that can be a person; for a role noun,
  // the latest one holding that role, else the next one in the paragraph
  // that does ("The president said … said Arancibia").
  // A speaker named in the last two paragraphs is a better guess than any
  // name: "… to the Persian Gulf. “…,” he said" is not the gulf speaking.
  const NameRun* run = nullptr;
  const NameRun* speaker = nullptr;
  const NameRun* in_role = nullptr;
  const NameRun* next_run_in_role = nullptr;
  size_t paragraph_start = view.text().rfind('\n', before);
  if (paragraph_start != std::string_view::npos && paragraph_start > 0) paragraph_start = view.text().rfind('\n', paragraph_start - 1);
  if (paragraph_start == std::string_view::npos) paragraph_start = 0;
  for (const NameRun& candidate : view.person_runs()) {
    bool holds = holds_role(candidate.roles, role);
    if (view[candidate.end - 1].span.end > before) {
      if (holds && !next_run_in_role && view[candidate.first].span.begin < paragraph_end) next_run_in_role = &candidate;
      continue;
    }
    run = &candidate;
    if (candidate.speaks && view[candidate.first].span.begin >= paragraph_start) speaker = &candidate;
    if (holds) in_role = &candidate;
  }
  if (in_role) run = in_role;
  else if (next_run_in_role) run = next_run_in_role;
  else if (!role.empty() && !bare_role) return {};
  else if (speaker) run = speaker;
  if (run) return {view.fullest_name(*run, run->first), 0, -1};
  return {};
}

// A run that a lower-case noun follows modifies it ("Freight companies",
// "U.S. officials"): not a name of its own.
void drop_modifiers(const TextView& view, std::vector<NameRun>& runs, size_t head_end) {
  std::erase_if(runs, [&](const NameRun& run) {
    if (run.end >= head_end || view[run.end].capitalized || view.is("auxiliary", run.end)) return false;
    // Followed by a word that is no noun ("Moscow and Tehran", "Lund of …", "Lund says").
    for (std::string_view kind : {"conjunction", "adverbial", "determiner", "relative", "subordinator"})
      if (view.is(kind, run.end)) return false;
    if (view[run.end].lower == "of" || view.lexicon().cue(view[run.end].lower)) return false;
    std::string_view gap = view[run.end].gap;
    return dates::is_space_gap(gap) || gap == ". ";
  });
}

std::string phrase_without_determiner(const TextView& view, size_t first, size_t end) {
  if (end - first > 1 && view.is("determiner", first) && !view[first].capitalized) ++first;
  return view.words(first, end);
}

}  // namespace

Speaker resolve_speaker(const TextView& view, size_t first, size_t end) {
  if (first >= end) return {};
  Span span = view.span_of(first, end);
  bool pronoun = end - first == 1 && (view.is("pronoun", first) || view.is("plural", first));
  // The phrase's parts ("the Iranian ambassador to Moscow, Kazem Jalali")
  // and each part's head, before a preposition ("Henrik Lund of the Bergen
  // Policy Institute", "officials in Santiago"). Names come from the heads; a
  // run that a lower-case noun follows is a modifier ("Freight companies",
  // "the Iranian ambassador").
  std::vector<NameRun> runs;
  size_t first_head_end = 0;
  bool coordinated = false;
  for (size_t part = first; part < end;) {
    size_t part_end = part + 1;
    while (part_end < end && !view.clause_break_before(part_end)) ++part_end;
    size_t head_end = part + 1;
    while (head_end < part_end && !(view.is("adverbial", head_end) && !view[head_end].capitalized) &&
           view[head_end].lower != "of")
      ++head_end;
    if (!first_head_end) first_head_end = head_end;
    std::vector<NameRun> part_runs = view.name_runs(part, head_end);
    for (size_t k = part; k < head_end; ++k) coordinated |= view[k].lower == "and" && !part_runs.empty();
    drop_modifiers(view, part_runs, head_end);
    runs.insert(runs.end(), part_runs.begin(), part_runs.end());
    part = part_end;
  }
  // "Moscow and Tehran say", "U.S. and European officials": a group, named as written.
  if (coordinated && end - first <= 6) return {phrase_without_determiner(view, first, end), 0, -1};
  const NameRun* named = view.speaker_run(runs);
  if (const EntityMention* m = mention_in(view, span)) {
    Speaker speaker = from_mention(view, *m);
    // The entities stage may give a shorter name than the text's ("Lund"
    // for "Ms. Lund"): the fuller one, when it ends the same way.
    if (named && m->type == EntityType::kPerson) {
      std::string written = view.fullest_name(*named, named->first);
      std::string last = view.last_word(*named);
      std::string mention_last = core::ascii_lower(speaker.name.substr(speaker.name.rfind(' ') + 1));
      if (written.size() > speaker.name.size() && mention_last == last) speaker.name = written;
    }
    return speaker;
  }
  // A role noun as the head ("Iran's ambassador to Moscow", "the Kremlin
  // spokesman") with no name beside it: a person introduced with that role;
  // for a bare role ("the spokesman"), else the latest person.
  bool role = !named && view.is("role", first_head_end - 1) && first_head_end - first <= 4;
  bool bare_role = role && first_head_end == end && end - first <= 3 && view.is("determiner", first);
  if (pronoun || role) {
    Speaker found = latest_person(view, span.begin, view.is("plural", first),
                                  role ? view[first_head_end - 1].lower : "", bare_role || pronoun);
    if (!found.name.empty()) return found;
    if (role) return {phrase_without_determiner(view, first, end), 0, -1};
  }
  if (named) return {view.fullest_name(*named, named->first), 0, -1};
  return {phrase_without_determiner(view, first, end), 0, -1};
}

namespace {

// The name of a source cited in tokens [first, end): an organisation
// mention, else a name run, else the phrase.
std::string source_name(const TextView& view, size_t first, size_t end) {
  if (first >= end) return "";
  if (const EntityMention* m = mention_in(view, view.span_of(first, end)))
    return m->name.empty() ? std::string(slice(view.text(), m->span)) : m->name;
  size_t head_end = first + 1;
  while (head_end < end && !(view.is("adverbial", head_end) && !view[head_end].capitalized) && view[head_end].lower != "of")
    ++head_end;
  std::vector<NameRun> runs = view.name_runs(first, head_end);
  drop_modifiers(view, runs, head_end);
  for (const NameRun& run : runs)
    if (!run.possessive) return view.words(run.first, run.end);
  return phrase_without_determiner(view, first, end);
}

}  // namespace

std::vector<std::string> via_chain(const TextView& view, size_t first, size_t end) {
  std::vector<std::string> via;
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(via.begin(), via.end(), name) == via.end()) via.push_back(name);
  };
  for (size_t k = first; k < end && k < view.size(); ++k) {
    if (view.according_to(k)) {
      size_t np_end = k + 2;
      while (np_end < end && !view.clause_break_before(np_end)) ++np_end;
      add(source_name(view, k + 2, np_end));
      k = np_end - 1;
      continue;
    }
    if (!view.is("media", k)) continue;
    // "the agency Andes Press": the name follows the noun.
    if (k + 1 < end && dates::is_space_gap(view[k + 1].gap)) {
      std::vector<NameRun> after = view.name_runs(k + 1, end);
      if (!after.empty() && after[0].first == k + 1) {
        add(view.words(after[0].first, after[0].end));
        k = after[0].end - 1;
        continue;
      }
    }
    // "the IRNA news agency": the name comes before, maybe with "news".
    size_t name_end = k;
    while (name_end > first && name_end + 2 > k && !view[name_end - 1].capitalized) --name_end;
    std::vector<NameRun> before = view.name_runs(first, name_end);
    // Only a name introduced as one ("the IRNA news agency", "in Etemad
    // daily"), not an adjective ("Iranian state television").
    if (!before.empty() && before.back().end == name_end && before.back().first > 0 &&
        (view.is("determiner", before.back().first - 1) || view.is("adverbial", before.back().first - 1)))
      add(view.words(before.back().first, before.back().end));
  }
  return via;
}

}  // namespace storyline::quotes
