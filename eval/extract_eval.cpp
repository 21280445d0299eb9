// Main-text extraction scored on the labelled news pages in
// ../shared/data/extract/ (html/<id>.html.gz, ground-truth.json with the
// human-written articleBody), side by side with two baselines run in the
// same command: readability-lxml (Python) and Mozilla Readability.js (on
// jsdom, in node).
//
// Score (the benchmark's rule): bag of words. Text is split into lower-case
// word tokens (runs of Unicode letters and digits); per page, precision =
// shared tokens / extracted tokens and recall = shared tokens / true tokens,
// counting repeated words (multiset intersection). Reported: the mean of
// per-page precision and recall, F1 of those means, and micro-averaged F1.
//
//   build/extract_eval [--shared DIR] [--no-baseline] [--verbose]
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "clean/cleaner.h"
#include "core/data_files.h"

namespace {

std::unordered_map<std::string, int> word_bag(const std::string& text) {
  std::unordered_map<std::string, int> bag;
  std::string word;
  int32_t i = 0, length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c >= 0 && (u_isalpha(c) || u_isdigit(c))) {
      c = u_tolower(c);
      char buffer[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, c);
      word.append(buffer, n);
    } else if (!word.empty()) {
      ++bag[word];
      word.clear();
    }
  }
  if (!word.empty()) ++bag[word];
  return bag;
}

struct Counts {
  long shared = 0, extracted = 0, truth = 0;
};

Counts compare(const std::string& extracted, const std::string& truth) {
  auto a = word_bag(extracted), b = word_bag(truth);
  Counts counts;
  for (auto& [word, n] : a) {
    counts.extracted += n;
    auto it = b.find(word);
    if (it != b.end()) counts.shared += std::min(n, it->second);
  }
  for (auto& [word, n] : b) counts.truth += n;
  return counts;
}

std::string gunzip_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return {};
  std::string out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, n);
  gzclose(file);
  return out;
}

struct Score {
  std::string name;
  double precision = 0, recall = 0, f1 = 0, micro_f1 = 0, pages_per_second = 0;
  std::vector<std::pair<double, std::string>> per_page;  // f1, id
};

Score score(const std::string& name, const std::vector<std::string>& ids,
            const std::map<std::string, std::string>& extracted, const std::map<std::string, std::string>& truth,
            double seconds) {
  Score result;
  result.name = name;
  Counts total;
  for (const std::string& id : ids) {
    auto it = extracted.find(id);
    Counts counts = compare(it == extracted.end() ? "" : it->second, truth.at(id));
    double p = counts.extracted ? static_cast<double>(counts.shared) / counts.extracted : 0;
    double r = counts.truth ? static_cast<double>(counts.shared) / counts.truth : 0;
    result.precision += p;
    result.recall += r;
    result.per_page.push_back({p + r > 0 ? 2 * p * r / (p + r) : 0, id});
    total.shared += counts.shared, total.extracted += counts.extracted, total.truth += counts.truth;
  }
  result.precision /= ids.size();
  result.recall /= ids.size();
  result.f1 = 2 * result.precision * result.recall / (result.precision + result.recall);
  double micro_p = static_cast<double>(total.shared) / total.extracted, micro_r = static_cast<double>(total.shared) / total.truth;
  result.micro_f1 = 2 * micro_p * micro_r / (micro_p + micro_r);
  result.pages_per_second = ids.size() / seconds;
  std::sort(result.per_page.begin(), result.per_page.end());
  return result;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// Runs a baseline command; fills `texts` by page id and sums its per-page
// `seconds`. Returns the command's exit status.
int run_baseline(const std::string& command, std::map<std::string, std::string>& texts, double& seconds) {
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return -1;
  std::string output;
  char buffer[1 << 16];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    auto row = nlohmann::json::parse(line, nullptr, false);
    if (!row.is_object() || !row["id"].is_string() || !row["text"].is_string() || !row["seconds"].is_number()) continue;
    texts[row["id"]] = row["text"];
    seconds += row["seconds"].get<double>();
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = STORYLINE_SHARED_DIR;
  bool baseline = true, verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (flag == "--no-baseline") baseline = false;
    else if (flag == "--verbose") verbose = true;
    else {
      std::fprintf(stderr, "usage: extract_eval [--shared DIR] [--no-baseline] [--verbose]\n");
      return 2;
    }
  }
  std::string folder = shared + "/data/extract";
  std::ifstream truth_file(folder + "/ground-truth.json");
  if (!truth_file) {
    std::fprintf(stderr, "extract_eval: cannot read %s/ground-truth.json\n", folder.c_str());
    return 1;
  }
  nlohmann::json truth_json = nlohmann::json::parse(truth_file);
  std::map<std::string, std::string> truth, urls;
  std::vector<std::string> ids;
  for (auto& [id, entry] : truth_json.items()) {
    ids.push_back(id);
    truth[id] = entry.value("articleBody", "");
    urls[id] = entry.value("url", "");
  }

  auto cleaner = storyline::clean::Cleaner::load(storyline::core::data_dir());
  if (!cleaner) {
    std::fprintf(stderr, "%s\n", cleaner.status().message().c_str());
    return 1;
  }
  std::map<std::string, std::string> pages;
  for (const std::string& id : ids) pages[id] = gunzip_file(folder + "/html/" + id + ".html.gz");

  std::map<std::string, std::string> ours;
  // CPU time, for every extractor: the machine is shared, and wall time
  // would measure the neighbours.
  double start = cpu_seconds();
  for (const std::string& id : ids) {
    storyline::RawDocument document;
    document.format = storyline::RawDocument::Format::kHtml;
    document.origin = id;
    document.url = urls[id];
    document.body = pages[id];
    auto articles = cleaner->clean(document);
    if (!articles) continue;
    std::string text;
    for (const auto& article : *articles) text += article.text + "\n";
    ours[id] = text;
  }
  double our_seconds = cpu_seconds() - start;
  std::vector<Score> scores = {score("storyline", ids, ours, truth, our_seconds)};

  if (baseline) {
    // Each baseline gets the ids and prints one JSON object per page; its
    // pages/s counts only its own per-page times (not the interpreter's
    // start-up).
    const std::string source = STORYLINE_SOURCE_DIR;
    std::string id_list;
    for (const std::string& id : ids) id_list += " " + id;
    struct Baseline {
      const char* name;
      std::string command;
      const char* missing;
    };
    const Baseline baselines[] = {
        {"readability-lxml", "/usr/bin/python3 " + source + "/eval/readability_baseline.py " + folder + id_list,
         "is python3-readability installed? scripts/install-deps.sh"},
        {"readability.js", "node " + source + "/eval/js/readability_js_baseline.mjs " + folder + id_list,
         "are its npm packages installed? (cd eval/js && npm ci)"},
    };
    for (const Baseline& b : baselines) {
      std::map<std::string, std::string> theirs;
      double their_seconds = 0;
      int status = run_baseline(b.command, theirs, their_seconds);
      if (status != 0 || theirs.empty())
        std::fprintf(stderr, "extract_eval: the %s baseline did not run (%s)\n", b.name, b.missing);
      else
        scores.push_back(score(b.name, ids, theirs, truth, std::max(their_seconds, 1e-9)));
    }
  }

  std::printf("Main-text extraction on %zu labelled pages (%s)\n", ids.size(), folder.c_str());
  std::printf("bag-of-words tokens; P and R are per-page means, F1 of those means; micro F1 over all tokens\n\n");
  std::printf("%-18s %9s %9s %9s %9s %10s\n", "extractor", "precision", "recall", "F1", "micro F1", "pages/s");
  for (const Score& s : scores)
    std::printf("%-18s %9.3f %9.3f %9.3f %9.3f %10.0f\n", s.name.c_str(), s.precision, s.recall, s.f1, s.micro_f1,
                s.pages_per_second);
  double fastest_baseline = 0;
  for (size_t i = 1; i < scores.size(); ++i) fastest_baseline = std::max(fastest_baseline, scores[i].pages_per_second);
  if (fastest_baseline > 0)
    std::printf("\nstoryline is %.1f times as fast as the fastest baseline\n", scores[0].pages_per_second / fastest_baseline);
  std::printf("\nreference F1 published for the whole 181-page benchmark: trafilatura F1 0.958; readability.js F1 0.947; readability-lxml F1 0.922\n");
  if (verbose) {
    // Beside each of storyline's worst pages, the baselines' F1 on it.
    std::printf("\nworst pages for storyline (F1, then each baseline's, id, url):\n");
    for (size_t i = 0; i < std::min<size_t>(15, scores[0].per_page.size()); ++i) {
      const std::string& id = scores[0].per_page[i].second;
      std::printf("  %.3f", scores[0].per_page[i].first);
      for (size_t k = 1; k < scores.size(); ++k)
        for (const auto& [f1, page] : scores[k].per_page)
          if (page == id) std::printf(" %s %.3f", scores[k].name.c_str(), f1);
      std::printf("  %s %s\n", id.c_str(), urls[id].c_str());
    }
  }
  return 0;
}
