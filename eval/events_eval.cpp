// Event coding scored on the PETRARCH validation records
// (../shared/data/events/validation/PETR_Validate_records_2_02.xml): each
// record is a sentence about fictional actors with the (source, event code,
// target) triples a correct coder gives, or none. Actors are tagged with the
// records' own actor and agent dictionaries; events are coded twice:
//   1. with the records' own verb dictionary (loaded by the PETRARCH loader),
//   2. with storyline's own lexicon (data/events/verb_patterns.txt).
// Score: precision, recall and F1 of the triples (exact codes), over the
// records marked evaluate="true". Denied and negated events are not
// predictions (the records code what happened).
//
//   build/events_eval [--shared DIR] [--verbose]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "core/text_util.h"
#include "events/event_coder.h"
#include "events/petrarch_dictionaries.h"
#include "segment/segmenter.h"

using namespace storyline;

namespace {

struct Record {
  std::string id;
  int32_t date = 0;
  std::string text;
  std::set<std::string> gold;  // "SRC|CODE|TGT"
};

std::string attribute(const std::string& tag, const std::string& name) {
  std::string key = name + "=\"";
  size_t at = tag.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return tag.substr(at, tag.find('"', at) - at);
}

std::vector<Record> read_records(const std::string& path, std::string& error) {
  std::string xml;
  if (Status s = core::read_file(path, xml); !s.is_ok()) {
    error = s.message();
    return {};
  }
  std::vector<Record> records;
  size_t pos = 0;
  while ((pos = xml.find("<Sentence ", pos)) != std::string::npos) {
    size_t tag_end = xml.find('>', pos);
    size_t end = xml.find("</Sentence>", pos);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    std::string tag = xml.substr(pos, tag_end - pos);
    std::string body = xml.substr(tag_end, end - tag_end);
    pos = end;
    if (attribute(tag, "evaluate") == "false") continue;
    Record r;
    r.id = attribute(tag, "id");
    r.date = std::atoi(attribute(tag, "date").c_str());
    size_t t = body.find("<Text>"), te = body.find("</Text>");
    if (t == std::string::npos || te == std::string::npos) continue;
    std::string raw = body.substr(t + 6, te - t - 6);
    for (char& c : raw)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    // Collapse runs of spaces.
    for (char c : std::string(core::trim(raw)))
      if (c != ' ' || r.text.empty() || r.text.back() != ' ') r.text += c;
    size_t c = 0;
    while ((c = body.find("<EventCoding", c)) != std::string::npos) {
      size_t ce = body.find('>', c);
      std::string coding = body.substr(c, ce - c);
      c = ce;
      if (coding.find("noevents") != std::string::npos) continue;
      r.gold.insert(attribute(coding, "sourcecode") + "|" + attribute(coding, "eventcode") + "|" +
                    attribute(coding, "targetcode"));
    }
    records.push_back(std::move(r));
  }
  return records;
}

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const { double p = precision(), r = recall(); return p + r ? 2 * p * r / (p + r) : 0; }
};

Score run(const std::vector<Record>& records, const events::VerbLexicon& lexicon, segment::Segmenter& segmenter,
          const events::ActorDictionary& actors, const events::AgentDictionary& agents, bool verbose,
          const char* name, double& seconds) {
  Score score;
  events::EventCoder coder(lexicon, nullptr);
  auto start = std::chrono::steady_clock::now();
  for (const Record& r : records) {
    Article article;
    article.text = r.text;
    article.tokens = segmenter.tokens(article.text);
    article.sentences = {Span{0, static_cast<uint32_t>(article.text.size())}};  // one record, one sentence
    article.mentions = events::tag_dictionary_actors(article, actors, agents, r.date);
    std::set<std::string> predicted;
    for (const auto& e : coder.code_article(article)) {
      if (e.modality == events::Modality::kDenied || e.modality == events::Modality::kNegated) continue;
      if (e.source.actor_code.empty() || e.target.actor_code.empty()) continue;
      predicted.insert(e.source.actor_code + "|" + e.code + "|" + e.target.actor_code);
    }
    size_t hits = 0;
    for (const auto& p : predicted) hits += r.gold.count(p);
    score.tp += hits;
    score.fp += predicted.size() - hits;
    score.fn += r.gold.size() - hits;
    if (verbose && (hits != predicted.size() || hits != r.gold.size())) {
      std::printf("[%s] %s: %s\n  gold:", name, r.id.c_str(), r.text.c_str());
      for (const auto& g : r.gold) std::printf(" %s", g.c_str());
      std::printf("\n  got: ");
      for (const auto& p : predicted) std::printf(" %s", p.c_str());
      std::printf("\n");
    }
  }
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = STORYLINE_SHARED_DIR;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--verbose")) verbose = true;
    else {
      std::fprintf(stderr, "usage: events_eval [--shared DIR] [--verbose]\n");
      return 2;
    }
  }
  const std::string dir = shared + "/data/events/validation/";
  std::string error;
  auto records = read_records(dir + "PETR_Validate_records_2_02.xml", error);
  if (records.empty()) {
    std::fprintf(stderr, "events_eval: no records read: %s\n", error.c_str());
    return 1;
  }
  size_t gold = 0, empty = 0;
  for (const auto& r : records) gold += r.gold.size(), empty += r.gold.empty();

  events::ActorDictionary actors;
  events::AgentDictionary agents;
  for (Status s : {actors.add_file(dir + "PETR_Validate_actors_2_02.txt"), agents.add_file(dir + "PETR_Validate_agents_2_02.txt")})
    if (!s.is_ok()) {
      std::fprintf(stderr, "events_eval: %s\n", s.message().c_str());
      return 1;
    }
  // 1. The records' own verb dictionary, with storyline's modality cues.
  events::VerbLexicon petrarch;
  size_t petrarch_rules = 0;
  std::vector<std::string> warnings;
  if (Status s = events::load_petrarch_verbs(dir + "PETR_Validate_verbs_2_02.txt", petrarch, &petrarch_rules, &warnings);
      !s.is_ok()) {
    std::fprintf(stderr, "events_eval: %s\n", s.message().c_str());
    return 1;
  }
  std::string own_text;
  const std::string own_path = core::data_path("events/verb_patterns.txt");
  if (Status s = core::read_file(own_path, own_text); !s.is_ok()) {
    std::fprintf(stderr, "events_eval: %s\n", s.message().c_str());
    return 1;
  }
  for (std::string_view line : core::split(own_text, '\n'))
    if (line.starts_with("@")) {
      size_t tab = line.find('\t');
      (void)petrarch.add_rule(line.substr(0, tab), core::trim(line.substr(tab + 1)));
    }
  // 2. storyline's own lexicon.
  auto own = events::VerbLexicon::load(own_path);
  if (!own) {
    std::fprintf(stderr, "events_eval: %s\n", own.status().message().c_str());
    return 1;
  }
  auto segmenter = segment::Segmenter::create(core::data_dir());
  if (!segmenter) {
    std::fprintf(stderr, "events_eval: %s\n", segmenter.status().message().c_str());
    return 1;
  }
  for (const auto& w : warnings) std::printf("warning: %s\n", w.c_str());
  std::printf("PETRARCH validation records: %zu evaluated sentences, %zu gold events, %zu with no event\n",
              records.size(), gold, empty);
  std::printf("actors %zu phrases, agents %zu phrases; records' verb dictionary: %zu rules; own lexicon: %zu rules\n\n",
              actors.size(), agents.size(), petrarch_rules, own->event_rules());
  std::printf("%-34s %9s %9s %9s %6s %6s %6s %12s\n", "lexicon", "precision", "recall", "F1", "TP", "FP", "FN",
              "sentences/s");
  struct Run {
    const char* name;
    const events::VerbLexicon* lexicon;
  } runs[] = {{"records' verbs (PETRARCH loader)", &petrarch}, {"storyline verb_patterns.txt", &*own}};
  for (const Run& r : runs) {
    double seconds = 0;
    Score s = run(records, *r.lexicon, *segmenter, actors, agents, verbose, r.name, seconds);
    std::printf("%-34s %9.3f %9.3f %9.3f %6zu %6zu %6zu %12.0f\n", r.name, s.precision(), s.recall(), s.f1(), s.tp,
                s.fp, s.fn, records.size() / seconds);
  }
  std::printf("\nReference: UD-PETRARCH reported 68%% of the gold events found, 23%% false positives, on its version.\n");
  return 0;
}
