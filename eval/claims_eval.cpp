// Claims scored on a labelled set (eval/data/claims_labels.json): the demo
// corpus and the real seeds of ../shared, each read through the whole engine.
//
// Grouping, pairwise over labelled claim mentions: a pair is "same" when both
// mentions belong to one labelled claim; predicted "same" when the report
// puts them in one claim group. Precision = correct same pairs / predicted
// same pairs, recall = correct same pairs / true same pairs. A labelled
// mention the report has no claim for is in no predicted pair.
//
// Status: each labelled claim takes the status of the report's group that
// holds most of its mentions; precision = correct / claims with a group,
// recall = correct / labelled claims.
//
// Framing cues, held out: on PolNeAR (../shared/data/quotes/dev, news
// articles with brat annotations of attributions), each sentence of an
// article's raw text is "attributed" when an annotated Cue overlaps it; the
// claims stage calls it attributed when its framing cues find an
// attribution, allegation or denial. Sentence-level precision and recall
// (the first annotator's file of each article).
//
//   build/claims_eval [--labels FILE] [--shared DIR] [--verbose]
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "claims/framing.h"
#include "core/data_files.h"
#include "core/text_util.h"
#include "segment/segmenter.h"
#include "storyline/engine.h"

namespace {

struct Score {
  std::map<std::string, std::array<size_t, 3>> by_status;  // status → {true, predicted, correct}
  size_t true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  size_t claims = 0, with_group = 0, correct_status = 0;
  size_t mentions = 0, found = 0;
  void add(const Score& o) {
    true_pairs += o.true_pairs, predicted_pairs += o.predicted_pairs, correct_pairs += o.correct_pairs;
    claims += o.claims, with_group += o.with_group, correct_status += o.correct_status;
    mentions += o.mentions, found += o.found;
    for (const auto& [status, counts] : o.by_status)
      for (size_t k = 0; k < 3; ++k) by_status[status][k] += counts[k];
  }
};

double ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0; }
double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

struct SourceRef {
  size_t claim;
  uint32_t begin, end;              // the sentence, code points
  int64_t value_begin = -1, value_end = -1;
  bool statement;
};

// The report's claim (index) for a labelled mention, or -1.
long locate(const nlohmann::json& article, const std::string& find, const std::vector<SourceRef>& sources) {
  std::string text = article["text"];
  size_t at = text.find(find);
  if (at == std::string::npos) return -1;
  uint32_t begin = storyline::core::code_point_offset(text, static_cast<uint32_t>(at));
  uint32_t end = storyline::core::code_point_offset(text, static_cast<uint32_t>(at + find.size()));
  long figure = -1, statement = -1, any = -1;
  for (const SourceRef& s : sources) {
    if (!(s.begin <= begin && begin < s.end)) continue;
    if (any < 0) any = static_cast<long>(s.claim);
    if (s.value_begin >= 0 && s.value_begin < end && begin < s.value_end && figure < 0) figure = static_cast<long>(s.claim);
    if (s.statement && statement < 0) statement = static_cast<long>(s.claim);
  }
  return figure >= 0 ? figure : statement >= 0 ? statement : any;
}

Score score_corpus(const nlohmann::json& corpus, const std::string& path, bool verbose) {
  Score score;
  storyline::EngineOptions options;
  options.db_path = ":memory:";
  auto engine = storyline::Engine::open(options);
  if (!engine) {
    std::fprintf(stderr, "claims_eval: %s\n", engine.status().message().c_str());
    return score;
  }
  auto summary = (*engine)->ingest({path}, storyline::IngestOptions{});
  if (!summary) return score;
  auto text = (*engine)->report(summary->article_ids, storyline::ReportFormat::kJson);
  if (!text) return score;
  nlohmann::json report = nlohmann::json::parse(*text);
  const auto& claims = report["claims"];
  std::map<std::string, std::vector<SourceRef>> by_article;
  for (size_t c = 0; c < claims.size(); ++c)
    for (const auto& s : claims[c]["sources"]) {
      SourceRef ref{c, s["span"][0], s["span"][1], -1, -1, claims[c]["kind"] == "statement"};
      if (s.contains("value_span")) ref.value_begin = s["value_span"][0], ref.value_end = s["value_span"][1];
      by_article[s["article"]].push_back(ref);
    }
  auto article_named = [&](const std::string& name) -> const nlohmann::json* {
    std::string file = name.substr(0, name.find('#'));
    int index = std::stoi(name.substr(name.find('#') + 1)), seen = 0;
    for (const auto& a : report["articles"])
      if (a["origin"].get<std::string>().find("/" + file) != std::string::npos && seen++ == index) return &a;
    return nullptr;
  };
  struct Mention {
    size_t truth;
    long predicted;
  };
  std::vector<Mention> mentions;
  const auto& labelled = corpus["claims"];
  for (size_t t = 0; t < labelled.size(); ++t) {
    std::map<long, size_t> votes;
    for (const auto& m : labelled[t]["mentions"]) {
      const nlohmann::json* article = article_named(m["article"]);
      long predicted = article ? locate(*article, m["find"], by_article[(*article)["id"]]) : -1;
      if (verbose)
        std::printf("    %-8s %s | %s\n", predicted < 0 ? "missing" : ("group " + std::to_string(predicted)).c_str(),
                    m["article"].get<std::string>().c_str(), m["find"].get<std::string>().c_str());
      mentions.push_back({t, predicted});
      ++score.mentions;
      if (predicted >= 0) ++score.found, ++votes[predicted];
    }
    ++score.claims;
    long group = -1;
    size_t most = 0;
    for (const auto& [g, n] : votes)
      if (n > most) group = g, most = n;
    std::string want = labelled[t]["status"];
    std::string got = group >= 0 ? claims[static_cast<size_t>(group)]["status"].get<std::string>() : "none";
    if (group >= 0) ++score.with_group;
    if (got == want) ++score.correct_status;
    ++score.by_status[want][0];
    if (group >= 0) ++score.by_status[got][1];
    if (got == want) ++score.by_status[want][2];
    if (verbose)
      std::printf("  %-46s want %-13s got %-13s (%zu/%zu mentions found)\n", labelled[t]["key"].get<std::string>().c_str(),
                  want.c_str(), got.c_str(), [&] {
                    size_t n = 0;
                    for (const auto& [g, c] : votes) n += c;
                    return n;
                  }(), labelled[t]["mentions"].size());
  }
  for (size_t i = 0; i < mentions.size(); ++i)
    for (size_t j = i + 1; j < mentions.size(); ++j) {
      bool same_truth = mentions[i].truth == mentions[j].truth;
      bool same_predicted = mentions[i].predicted >= 0 && mentions[i].predicted == mentions[j].predicted;
      score.true_pairs += same_truth;
      score.predicted_pairs += same_predicted;
      score.correct_pairs += same_truth && same_predicted;
    }
  return score;
}

// Cue spans (code points) of a brat .ann file.
std::vector<std::pair<uint32_t, uint32_t>> read_cues(const std::string& path) {
  std::vector<std::pair<uint32_t, uint32_t>> cues;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != 'T') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.compare(tab + 1, 4, "Cue ") != 0) continue;
    std::string ranges = line.substr(tab + 5, line.find('\t', tab + 1) - tab - 5);
    for (auto part : storyline::core::split(ranges, ';')) {
      unsigned long begin = 0, end = 0;
      if (std::sscanf(std::string(part).c_str(), "%lu %lu", &begin, &end) == 2)
        cues.emplace_back(static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
    }
  }
  return cues;
}

void polnear_framing(const std::string& shared) {
  namespace fs = std::filesystem;
  std::string root = shared + "/data/quotes/dev";
  if (!fs::exists(root + "/attributions")) {
    std::printf("\nPolNeAR framing: skipped (%s not found)\n", root.c_str());
    return;
  }
  auto lexicon = storyline::claims::FramingLexicon::load(storyline::core::data_dir());
  auto segmenter = storyline::segment::Segmenter::create(storyline::core::data_dir());
  if (!lexicon || !segmenter) return;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(root + "/attributions"))
    if (entry.path().extension() == ".ann") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> first_file;
  for (const std::string& file : files) {
    std::string stem = fs::path(file).stem().string();
    first_file.emplace(stem.substr(0, stem.rfind('_')), file);
  }
  size_t gold = 0, predicted = 0, correct = 0, sentences = 0;
  for (const auto& [name, ann] : first_file) {
    std::string text;
    if (!storyline::core::read_file(root + "/text/" + name + ".txt", text).is_ok()) continue;
    auto cues = read_cues(ann);
    storyline::Article article;
    article.text = text;
    segmenter->segment(article);
    storyline::core::CodePointIndex index(text);
    for (const storyline::Span& sentence : article.sentences) {
      uint32_t begin = index.at(sentence.begin), end = index.at(sentence.end);
      bool truth = false;
      for (const auto& [cb, ce] : cues) truth |= cb < end && begin < ce;
      auto framing = lexicon->classify(storyline::claims::tokenize_claim_text(text, sentence));
      bool found = framing.attributed || framing.alleged || framing.denied;
      ++sentences, gold += truth, predicted += found, correct += truth && found;
    }
  }
  double p = ratio(correct, predicted), r = ratio(correct, gold);
  std::printf("\nPolNeAR dev, framing cues (sentence is attributed): %zu articles, %zu sentences, %zu attributed\n",
              first_file.size(), sentences, gold);
  std::printf("  precision %.3f  recall %.3f  F1 %.3f\n", p, r, f1(p, r));
}

void print(const std::string& name, const Score& s) {
  double gp = ratio(s.correct_pairs, s.predicted_pairs), gr = ratio(s.correct_pairs, s.true_pairs);
  double sp = ratio(s.correct_status, s.with_group), sr = ratio(s.correct_status, s.claims);
  std::printf("%-9s %4zu/%-4zu %7.3f %7.3f %7.3f   %7.3f %7.3f %7.3f   %zu\n", name.c_str(), s.found, s.mentions, gp, gr,
              f1(gp, gr), sp, sr, f1(sp, sr), s.claims);
}

}  // namespace

int main(int argc, char** argv) {
  std::string source = STORYLINE_SOURCE_DIR;
  std::string labels_path = source + "/eval/data/claims_labels.json";
  std::string shared = STORYLINE_SHARED_DIR;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--labels" && i + 1 < argc) labels_path = argv[++i];
    else if (flag == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (flag == "--verbose") verbose = true;
    else {
      std::fprintf(stderr, "usage: claims_eval [--labels FILE] [--shared DIR] [--verbose]\n");
      return 2;
    }
  }
  std::ifstream in(labels_path);
  if (!in) {
    std::fprintf(stderr, "claims_eval: cannot read %s\n", labels_path.c_str());
    return 1;
  }
  nlohmann::json labels = nlohmann::json::parse(in);
  std::printf("%-9s %-9s %-23s   %-23s   %s\n", "corpus", "mentions", "grouping (pairwise)", "status", "claims");
  std::printf("%-9s %-9s %7s %7s %7s   %7s %7s %7s\n", "", "found", "P", "R", "F1", "P", "R", "F1");
  Score total;
  for (const auto& corpus : labels["corpora"]) {
    std::string path = corpus["path"];
    if (path.rfind("../shared", 0) == 0) path = shared + path.substr(9);
    else path = source + "/" + path;
    if (!std::filesystem::exists(path)) {
      std::printf("%-9s skipped: %s not found\n", corpus["name"].get<std::string>().c_str(), path.c_str());
      continue;
    }
    if (verbose) std::printf("%s:\n", corpus["name"].get<std::string>().c_str());
    Score s = score_corpus(corpus, path, verbose);
    print(corpus["name"], s);
    total.add(s);
  }
  print("all", total);
  std::printf("\nstatus labels, all corpora:\n%-14s %5s %9s %7s %7s %7s\n", "status", "true", "predicted", "P", "R", "F1");
  for (const auto& [status, counts] : total.by_status) {
    double p = ratio(counts[2], counts[1]), r = ratio(counts[2], counts[0]);
    std::printf("%-14s %5zu %9zu %7.3f %7.3f %7.3f\n", status.c_str(), counts[0], counts[1], p, r, f1(p, r));
  }
  polnear_framing(shared);
  return 0;
}
