// Quote attribution scored on PolNeAR (../shared/data/quotes, brat standoff
// annotations of news articles: Source, Cue and Content spans joined into
// Attribution events) and on the demo corpus's labelled quotes
// (tests/fixtures/examples_truth.json).
//
// PolNeAR: each article's raw text (no cleaning, so offsets stay those of
// the annotation) is segmented and run through the quote finder. Where an
// article has several annotators' files, the first file name wins.
// Matching rule: a predicted span and a gold span match when their overlap
// (in code points, summed over a discontinuous gold span's fragments) is at
// least half of the shorter one; cues match on any overlap; matching is
// one-to-one, largest overlap first. A (speaker, quote) pair is right when
// the quote's content matches a gold content whose attribution has a Source
// and the words naming the speaker (or the pronoun standing for it) overlap
// that Source. Precision is over all predicted quotes; recall over all gold
// attributions (pairs: over those with a Source).
//
//   build/quotes_eval [--shared DIR] [--split dev|train] [--verbose]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "core/text_util.h"
#include "quotes/quote_finder.h"
#include "segment/segmenter.h"
#include "storyline/engine.h"

namespace {

namespace fs = std::filesystem;
using Fragments = std::vector<std::pair<uint32_t, uint32_t>>;  // code points

struct GoldAttribution {
  Fragments content, cue, source;
};

struct Predicted {
  Fragments content, cue, speaker;
  bool direct = false;
};

uint32_t length(const Fragments& f) {
  uint32_t n = 0;
  for (auto [b, e] : f) n += e - b;
  return n;
}

uint32_t overlap(const Fragments& a, const Fragments& b) {
  uint32_t n = 0;
  for (auto [ab, ae] : a)
    for (auto [bb, be] : b)
      if (std::min(ae, be) > std::max(ab, bb)) n += std::min(ae, be) - std::max(ab, bb);
  return n;
}

bool half_overlap(const Fragments& a, const Fragments& b) {
  uint32_t shorter = std::min(length(a), length(b));
  return shorter > 0 && 2 * overlap(a, b) >= shorter;
}

// One-to-one matching, largest overlap first: match[i] = gold index or -1.
template <typename Accept>
std::vector<int> match(const std::vector<Fragments>& predicted, const std::vector<Fragments>& gold, Accept accept) {
  struct Pair {
    uint32_t overlap;
    size_t p, g;
  };
  std::vector<Pair> pairs;
  for (size_t p = 0; p < predicted.size(); ++p)
    for (size_t g = 0; g < gold.size(); ++g)
      if (accept(predicted[p], gold[g])) pairs.push_back({overlap(predicted[p], gold[g]), p, g});
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.overlap > b.overlap; });
  std::vector<int> of_predicted(predicted.size(), -1);
  std::vector<bool> gold_used(gold.size(), false);
  for (const Pair& pair : pairs) {
    if (of_predicted[pair.p] != -1 || gold_used[pair.g]) continue;
    of_predicted[pair.p] = static_cast<int>(pair.g);
    gold_used[pair.g] = true;
  }
  return of_predicted;
}

Fragments parse_fragments(const std::string& offsets) {
  Fragments out;
  std::stringstream parts(offsets);
  std::string part;
  while (std::getline(parts, part, ';')) {
    uint32_t b = 0, e = 0;
    if (std::sscanf(part.c_str(), "%u %u", &b, &e) == 2) out.push_back({b, e});
  }
  return out;
}

// The attributions of one brat .ann file.
std::vector<GoldAttribution> read_ann(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, Fragments> spans;
  std::vector<std::string> events;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto tab1 = line.find('\t');
    if (tab1 == std::string::npos) continue;
    std::string id = line.substr(0, tab1);
    std::string rest = line.substr(tab1 + 1);
    if (id[0] == 'T') {
      auto tab2 = rest.find('\t');
      std::string head = rest.substr(0, tab2);
      auto space = head.find(' ');
      if (space != std::string::npos) spans[id] = parse_fragments(head.substr(space + 1));
    } else if (id[0] == 'E') {
      events.push_back(rest);
    }
  }
  std::vector<GoldAttribution> out;
  for (const std::string& event : events) {
    GoldAttribution a;
    std::stringstream roles(event);
    std::string role;
    while (roles >> role) {
      auto colon = role.find(':');
      if (colon == std::string::npos) continue;
      std::string name = role.substr(0, colon), target = role.substr(colon + 1);
      const Fragments& f = spans[target];
      if (name.rfind("Content", 0) == 0) a.content.insert(a.content.end(), f.begin(), f.end());
      else if (name.rfind("Cue", 0) == 0) a.cue.insert(a.cue.end(), f.begin(), f.end());
      else if (name.rfind("Source", 0) == 0) a.source.insert(a.source.end(), f.begin(), f.end());
    }
    if (!a.content.empty()) out.push_back(std::move(a));
  }
  return out;
}

struct Counts {
  size_t predicted = 0, gold = 0, right = 0;
  void print(const char* what) const {
    double p = predicted ? double(right) / predicted : 0, r = gold ? double(right) / gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("  %-22s P %.3f  R %.3f  F1 %.3f   (%zu right, %zu predicted, %zu gold)\n", what, p, r, f, right,
                predicted, gold);
  }
};

int polnear(const std::string& shared, const std::string& split, bool verbose) {
  std::string root = shared + "/data/quotes/" + split;
  if (!fs::exists(root + "/attributions")) {
    std::fprintf(stderr, "quotes_eval: no PolNeAR data at %s\n", root.c_str());
    return 1;
  }
  auto finder = storyline::quotes::QuoteFinder::create(storyline::core::data_dir());
  auto segmenter = storyline::segment::Segmenter::create(storyline::core::data_dir());
  if (!finder || !segmenter) return 1;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(root + "/attributions"))
    if (entry.path().extension() == ".ann") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> first_file;  // article → its first annotator's file
  for (const std::string& file : files) {
    std::string stem = fs::path(file).stem().string();
    std::string article = stem.substr(0, stem.rfind('_'));
    first_file.emplace(article, file);
  }
  Counts content, cues, pairs, direct_content;
  size_t sentences = 0;
  double seconds = 0;
  for (const auto& [name, ann] : first_file) {
    std::string text;
    if (!storyline::core::read_file(root + "/text/" + name + ".txt", text).is_ok()) continue;
    std::vector<GoldAttribution> gold = read_ann(ann);
    storyline::Article article;
    article.text = text;
    segmenter->segment(article);
    auto start = std::chrono::steady_clock::now();
    auto found = finder->find(article);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sentences += article.sentences.size();
    storyline::core::CodePointIndex index(text);
    auto cp = [&](storyline::Span s) {
      return s.empty() ? Fragments{} : Fragments{{index.at(s.begin), index.at(s.end)}};
    };
    std::vector<Fragments> predicted_content, predicted_cues, gold_content, gold_cues;
    for (const auto& q : found) {
      predicted_content.push_back(cp(q.text));
      if (!q.cue.empty()) predicted_cues.push_back(cp(q.cue));
    }
    for (const auto& g : gold) gold_content.push_back(g.content), gold_cues.push_back(g.cue);
    auto content_match = match(predicted_content, gold_content, half_overlap);
    auto cue_match = match(predicted_cues, gold_cues,
                           [](const Fragments& a, const Fragments& b) { return overlap(a, b) > 0; });
    content.predicted += found.size(), content.gold += gold.size();
    cues.predicted += predicted_cues.size(), cues.gold += gold.size();
    pairs.predicted += found.size();
    for (const auto& g : gold) pairs.gold += !g.source.empty();
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].direct) ++direct_content.predicted, direct_content.right += content_match[i] >= 0;
      if (content_match[i] < 0) {
        if (verbose)
          std::printf("FP%s %s: [%s] %s\n", found[i].direct ? "-direct" : "", name.c_str(), found[i].cue_word.c_str(),
                      std::string(slice(text, found[i].text)).substr(0, 100).c_str());
        continue;
      }
      ++content.right;
      const GoldAttribution& g = gold[content_match[i]];
      if (!g.source.empty() && overlap(cp(found[i].speaker_words), g.source) > 0) ++pairs.right;
      else if (verbose && !g.source.empty())
        std::printf("SPEAKER %s: ours [%s] gold at %u: %s\n", name.c_str(),
                    std::string(slice(text, found[i].speaker_words)).c_str(), g.source[0].first,
                    std::string(slice(text, found[i].text)).substr(0, 60).c_str());
    }
    for (int m : cue_match) cues.right += m >= 0;
    if (verbose) {
      std::vector<bool> gold_found(gold.size(), false);
      for (int m : content_match)
        if (m >= 0) gold_found[m] = true;
      // Gold offsets count code points: print them through a code-point copy of the text.
      std::u32string wide;
      for (size_t i = 0; i < text.size();) {
        unsigned char c = text[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t value = n == 1 ? c : c & (0xFF >> (n + 1));
        for (size_t k = 1; k < n && i + k < text.size(); ++k) value = (value << 6) | (text[i + k] & 0x3F);
        wide.push_back(value);
        i += n;
      }
      auto narrow = [&](const Fragments& f) {
        std::string out;
        for (auto [b, e] : f)
          for (uint32_t i = b; i < e && i < wide.size(); ++i) {
            char32_t c = wide[i];
            out += c < 0x80 ? static_cast<char>(c) : '~';
          }
        return out;
      };
      for (size_t g = 0; g < gold.size(); ++g)
        if (!gold_found[g])
          std::printf("FN %s: [%s] %s\n", name.c_str(), narrow(gold[g].cue).c_str(), narrow(gold[g].content).substr(0, 90).c_str());
    }
  }
  direct_content.gold = content.gold;
  std::printf("PolNeAR %s: %zu articles, %zu gold attributions, %zu sentences\n", split.c_str(), first_file.size(),
              content.gold, sentences);
  content.print("content spans");
  cues.print("cues");
  pairs.print("(speaker, quote) pairs");
  std::printf("  direct quotes only: precision %.3f (%zu of %zu match a gold content)\n",
              direct_content.predicted ? double(direct_content.right) / direct_content.predicted : 0,
              direct_content.right, direct_content.predicted);
  std::printf("  quote finding: %.0f sentences/s\n", seconds > 0 ? sentences / seconds : 0);
  return 0;
}

// A hand-labelled set (the demo corpus, the seeds) through the whole
// engine: each labelled quote found (one text holds the other, or holds the
// labelled first words), with its speaker (any of the accepted names), cue,
// direct flag and chain. Precision counts the reported quotes of the
// labelled articles that match a label.
int labelled(const char* title, const std::string& inputs, const std::string& truth_path) {
  std::ifstream truth_file(truth_path);
  if (!truth_file) return 1;
  auto truth = nlohmann::json::parse(truth_file);
  storyline::EngineOptions options;
  options.db_path = ":memory:";
  auto engine = storyline::Engine::open(options);
  if (!engine) return 1;
  auto summary = (*engine)->ingest({inputs}, storyline::IngestOptions{});
  if (!summary) return 1;
  auto report = nlohmann::json::parse(*(*engine)->report(summary->article_ids, storyline::ReportFormat::kJson));
  std::map<std::string, std::string> article_id;  // "file#index" → id
  std::map<std::string, int> per_file;
  for (const auto& a : report["articles"]) {
    std::string origin = a["origin"];
    std::string file = origin.substr(origin.rfind('/') + 1);
    file = file.substr(0, file.find('#'));
    article_id[file + "#" + std::to_string(per_file[file]++)] = a["id"];
  }
  size_t found = 0, speaker = 0, cue = 0, direct = 0, via = 0, total = truth["quotes"].size();
  std::set<std::string> labelled_articles;
  std::set<size_t> matched;
  for (const auto& expected : truth["quotes"]) {
    std::string article = article_id[expected["article"]];
    labelled_articles.insert(article);
    std::string want = expected.contains("text") ? expected["text"] : expected["starts"];
    std::vector<std::string> names;
    if (expected.contains("speakers")) {
      for (const auto& n : expected["speakers"]) names.push_back(n);
    } else {
      names.push_back(expected["speaker"]);
      for (const auto& e : truth["entities"])
        if (e["name"] == expected["speaker"])
          for (const auto& alias : e["aliases"]) names.push_back(alias);
    }
    bool hit = false;
    for (size_t i = 0; i < report["quotes"].size() && !hit; ++i) {
      const auto& q = report["quotes"][i];
      if (q["article"] != article || matched.count(i)) continue;
      std::string text = q["text"];
      if (text.find(want) == std::string::npos && want.find(text) == std::string::npos) continue;
      hit = true;
      matched.insert(i);
      ++found;
      bool right_speaker = q["speaker"]["name"].is_string() &&
                           std::find(names.begin(), names.end(), q["speaker"]["name"]) != names.end();
      speaker += right_speaker;
      cue += q["cue"] == expected["cue"];
      direct += q["direct"] == expected["direct"];
      via += q["via"] == expected["via"];
      if (!right_speaker || q["cue"] != expected["cue"] || q["via"] != expected["via"])
        std::printf("  ~ %s: %s | speaker %s, cue %s, via %s\n", std::string(expected["article"]).c_str(), want.c_str(),
                    q["speaker"]["name"].dump().c_str(), q["cue"].dump().c_str(), q["via"].dump().c_str());
    }
    if (!hit) std::printf("  - missed %s: %s\n", std::string(expected["article"]).c_str(), want.c_str());
  }
  size_t predicted = 0;
  for (size_t i = 0; i < report["quotes"].size(); ++i)
    if (labelled_articles.count(report["quotes"][i]["article"])) {
      ++predicted;
      if (!matched.count(i))
        std::printf("  + unlabelled: %s\n", report["quotes"][i]["text"].get<std::string>().substr(0, 70).c_str());
    }
  double p = predicted ? double(found) / predicted : 0, r = total ? double(found) / total : 0;
  double pair_p = predicted ? double(speaker) / predicted : 0, pair_r = total ? double(speaker) / total : 0;
  std::printf("%s: %zu labelled quotes, %zu reported in their articles\n", title, total, predicted);
  std::printf("  quotes                 P %.3f  R %.3f  F1 %.3f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  std::printf("  (speaker, quote) pairs P %.3f  R %.3f  F1 %.3f\n", pair_p, pair_r,
              pair_p + pair_r > 0 ? 2 * pair_p * pair_r / (pair_p + pair_r) : 0);
  std::printf("  of %zu found: speaker %zu, cue %zu, direct %zu, via %zu right\n", found, speaker, cue, direct, via);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = STORYLINE_SHARED_DIR, split = "dev";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (arg == "--split" && i + 1 < argc) split = argv[++i];
    else if (arg == "--verbose") verbose = true;
    else {
      std::fprintf(stderr, "usage: quotes_eval [--shared DIR] [--split dev|train] [--verbose]\n");
      return 2;
    }
  }
  int status = polnear(shared, split, verbose);
  std::string source = STORYLINE_SOURCE_DIR;
  status |= labelled("Examples", source + "/examples", source + "/tests/fixtures/examples_truth.json");
  if (fs::exists(shared + "/seeds"))
    status |= labelled("Seeds", shared + "/seeds", source + "/tests/fixtures/seeds_truth.json");
  return status;
}
