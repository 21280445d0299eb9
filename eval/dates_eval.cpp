// Date resolution scored on the hand-labelled dates of the demo corpus
// (tests/fixtures/examples_truth.json) and of the seeds
// (tests/fixtures/seeds_truth.json), through the whole engine. Each article's
// anchor is its publication date, else the median date of its story, else
// the latest full date written in it (dates/anchor.h).
//
// A label is found when an expression with exactly its words is found in its
// article; it is right when value and granularity match too. Printed:
// recall (found), accuracy of the values found, and the expressions found in
// the labelled articles that no label names (candidates for false positives:
// the labels cover dates introduced by a preposition or a relative word).
//
//   build/dates_eval [--shared DIR] [--verbose]
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dates/anchor.h"
#include "dates/time_expressions.h"
#include "storyline/engine.h"

namespace {

std::string anchor_of(const nlohmann::json& report, const nlohmann::json& article) {
  if (article["published"].is_string()) return article["published"];
  for (const auto& story : report["stories"]) {
    bool member = false;
    std::vector<std::string> dates;
    for (const auto& m : story["members"]) {
      if (m["id"] == article["id"]) member = true;
      if (m["published"].is_string()) dates.push_back(m["published"]);
    }
    if (member) return storyline::dates::median_day(dates);
  }
  return storyline::dates::latest_stated_day(article["text"].get<std::string>());
}

int score(const char* title, const std::string& inputs, const std::string& truth_path, bool verbose) {
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
  std::map<std::string, const nlohmann::json*> by_name;  // "file#index" → article
  std::map<std::string, int> per_file;
  for (const auto& a : report["articles"]) {
    std::string origin = a["origin"];
    std::string file = origin.substr(origin.rfind('/') + 1);
    file = file.substr(0, file.find('#'));
    by_name[file + "#" + std::to_string(per_file[file]++)] = &a;
  }
  struct Found {
    std::string words, value, granularity;
  };
  std::map<std::string, std::vector<Found>> found_in;
  size_t total = truth["dates"].size(), found = 0, right = 0;
  std::map<std::string, std::set<std::string>> labelled_words;
  for (const auto& label : truth["dates"]) {
    std::string name = label["article"];
    labelled_words[name].insert(label["expression"]);
    if (!by_name.count(name)) continue;
    const nlohmann::json& article = *by_name[name];
    if (!found_in.count(name)) {
      std::string text = article["text"];
      std::string anchor = anchor_of(report, article);
      for (const auto& e : storyline::dates::find_time_expressions(text, {0, static_cast<uint32_t>(text.size())}, anchor))
        found_in[name].push_back({std::string(storyline::slice(text, e.span)), e.value,
                                  std::string(storyline::dates::granularity_name(e.granularity))});
    }
    bool any = false, ok = false;
    for (const Found& f : found_in[name]) {
      if (f.words != label["expression"]) continue;
      any = true;
      ok |= f.value == label["value"] && f.granularity == label["granularity"];
    }
    found += any;
    right += ok;
    if (!ok) {
      std::string got;
      for (const Found& f : found_in[name])
        if (f.words == label["expression"]) got += f.value + " (" + f.granularity + ") ";
      std::printf("  %s %s: \"%s\" → %s, got %s\n", any ? "wrong" : "missed", name.c_str(),
                  label["expression"].get<std::string>().c_str(), label["value"].get<std::string>().c_str(),
                  got.empty() ? "nothing" : got.c_str());
    }
  }
  size_t unlabelled = 0, all = 0;
  for (const auto& [name, list] : found_in)
    for (const Found& f : list) {
      ++all;
      if (labelled_words[name].count(f.words)) continue;
      ++unlabelled;
      if (verbose) std::printf("  + unlabelled %s: \"%s\" → %s\n", name.c_str(), f.words.c_str(), f.value.c_str());
    }
  std::printf("%s: %zu labelled dates; found %zu (recall %.3f), right value and granularity %zu (%.3f of labels, "
              "%.3f of those found); %zu of %zu expressions found in these articles have no label\n",
              title, total, found, total ? double(found) / total : 0, right, total ? double(right) / total : 0,
              found ? double(right) / found : 0, unlabelled, all);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = STORYLINE_SHARED_DIR;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (arg == "--verbose") verbose = true;
    else {
      std::fprintf(stderr, "usage: dates_eval [--shared DIR] [--verbose]\n");
      return 2;
    }
  }
  std::string source = STORYLINE_SOURCE_DIR;
  int status = score("Examples", source + "/examples", source + "/tests/fixtures/examples_truth.json", verbose);
  if (std::filesystem::exists(shared + "/seeds"))
    status |= score("Seeds", shared + "/seeds", source + "/tests/fixtures/seeds_truth.json", verbose);
  return status;
}
