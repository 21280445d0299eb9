// Entity recognition and cross-document resolution, scored on hand-labelled
// mentions of the demo corpus (eval/data/entities/examples.tsv) and of the
// real seeds (eval/data/entities/seeds.tsv; the articles are read from
// ../shared/seeds, never copied), and of three held-out texts written and
// labelled after the stage was built (eval/data/entities/heldout.tsv): the
// first two sets were looked at while building, so the held-out figures are
// the honest ones.
//
// Recognition: precision/recall/F1 per type over distinct (article, type,
// surface) items — the same name written the same way twice in one article
// counts once, as the annotation does. Resolution: over the gold items the
// system also found, pairwise precision/recall/F1 of "these two surfaces name
// one entity" (pairs across and within articles), and B-cubed.
//
// Candidates come from the recogniser on the article's annotation (English);
// --rules runs the engine without the annotation, so that the rule finder
// alone finds them (what the stage did before the recogniser: the baseline).
//
//   build/entities_eval [--shared DIR] [--verbose] [--rules]
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "storyline/engine.h"

namespace {

using Item = std::tuple<std::string, std::string, std::string>;  // article, type, surface

struct Labelled {
  std::set<Item> items;
  std::map<std::pair<std::string, std::string>, std::string> entity_of;  // (article, surface) → entity
};

Labelled read_gold(const std::string& path) {
  Labelled gold;
  auto rows = storyline::core::read_table(path);
  if (!rows) {
    std::fprintf(stderr, "entities_eval: %s\n", rows.status().message().c_str());
    std::exit(2);
  }
  for (const auto& row : *rows) {
    if (row.size() < 4) continue;
    gold.items.insert({row[0], row[1], row[2]});
    gold.entity_of[{row[0], row[2]}] = row[3];
  }
  return gold;
}

// Runs the whole engine on `input` in a throwaway store and collects what
// the entities stage found, named like the annotation (file#index).
bool g_rules_only = false;

Labelled predict(const std::string& input) {
  storyline::EngineOptions options;
  options.db_path = ":memory:";
  options.annotate = !g_rules_only;
  auto engine = storyline::Engine::open(options);
  if (!engine) {
    std::fprintf(stderr, "entities_eval: %s\n", engine.status().message().c_str());
    std::exit(3);
  }
  auto summary = (*engine)->ingest({input}, {});
  if (!summary) {
    std::fprintf(stderr, "entities_eval: %s\n", summary.status().message().c_str());
    std::exit(3);
  }
  auto text = (*engine)->report({}, storyline::ReportFormat::kJson);
  auto report = nlohmann::json::parse(*text);
  std::map<std::string, std::string> name_of;
  std::map<std::string, std::u32string> text_of;
  std::map<std::string, int> per_file;
  for (const auto& article : report["articles"]) {
    std::string origin = article["origin"];
    std::string file = std::filesystem::path(origin.substr(0, origin.find('#'))).filename();
    name_of[article["id"]] = file + "#" + std::to_string(per_file[file]++);
    std::string utf8 = article["text"];
    std::u32string wide;
    for (size_t i = 0; i < utf8.size();) {
      unsigned char c = utf8[i];
      int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t code = length == 1 ? c : (c & (0xFF >> (length + 1)));
      for (int k = 1; k < length && i + k < utf8.size(); ++k) code = (code << 6) | (utf8[i + k] & 0x3F);
      wide.push_back(code);
      i += length;
    }
    text_of[article["id"]] = wide;
  }
  auto to_utf8 = [](const std::u32string& wide) {
    std::string out;
    for (char32_t c : wide) {
      if (c < 0x80) out.push_back(static_cast<char>(c));
      else if (c < 0x800) out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
      else if (c < 0x10000)
        out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                static_cast<char>(0x80 | (c & 0x3F))};
      else
        out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    return out;
  };
  Labelled predicted;
  for (const auto& entity : report["entities"]) {
    std::string key = entity["id"];
    for (const auto& mention : entity["mentions"]) {
      // Titles standing for a person are not names: the labels list names.
      if (mention.value("kind", "name") == "title") continue;
      std::string article = mention["article"];
      size_t begin = mention["span"][0], end = mention["span"][1];
      std::string surface = to_utf8(text_of[article].substr(begin, end - begin));
      predicted.items.insert({name_of[article], entity["type"], surface});
      predicted.entity_of[{name_of[article], surface}] = key;
    }
  }
  return predicted;
}

struct Counts {
  size_t true_positives = 0, predicted = 0, gold = 0;
};

void print_prf(const char* label, const Counts& c) {
  double p = c.predicted ? double(c.true_positives) / c.predicted : 0;
  double r = c.gold ? double(c.true_positives) / c.gold : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("  %-14s P %.3f  R %.3f  F1 %.3f   (%zu found, %zu labelled, %zu right)\n", label, p, r, f, c.predicted,
              c.gold, c.true_positives);
}

void score(const char* corpus, const Labelled& gold, const Labelled& predicted, bool verbose) {
  std::printf("%s\n", corpus);
  std::map<std::string, Counts> by_type;
  Counts all;
  for (const auto& item : predicted.items) {
    ++by_type[std::get<1>(item)].predicted, ++all.predicted;
    if (gold.items.count(item)) ++by_type[std::get<1>(item)].true_positives, ++all.true_positives;
    else if (verbose) std::printf("    extra   %s  %s  %s\n", std::get<0>(item).c_str(), std::get<1>(item).c_str(), std::get<2>(item).c_str());
  }
  for (const auto& item : gold.items) {
    ++by_type[std::get<1>(item)].gold, ++all.gold;
    if (verbose && !predicted.items.count(item))
      std::printf("    missed  %s  %s  %s\n", std::get<0>(item).c_str(), std::get<1>(item).c_str(), std::get<2>(item).c_str());
  }
  std::printf(" recognition (distinct article, type, surface)\n");
  for (const auto& [type, counts] : by_type) print_prf(type.c_str(), counts);
  print_prf("all", all);

  // Resolution over the gold items the system found (any type).
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& [key, entity] : gold.entity_of) {
    if (predicted.entity_of.count(key)) found.push_back(key);
  }
  Counts pairs;
  double bcubed_p = 0, bcubed_r = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    size_t same_gold = 0, same_predicted = 0, same_both = 0;
    for (size_t j = 0; j < found.size(); ++j) {
      bool g = gold.entity_of.at(found[i]) == gold.entity_of.at(found[j]);
      bool p = predicted.entity_of.at(found[i]) == predicted.entity_of.at(found[j]);
      same_gold += g, same_predicted += p, same_both += g && p;
      if (j > i) {
        pairs.gold += g, pairs.predicted += p, pairs.true_positives += g && p;
        if (verbose && g != p) {
          std::printf("    %s  %s / %s  %s\n", g ? "split " : "merged", found[i].second.c_str(), found[j].second.c_str(),
                      (found[i].first + " " + found[j].first).c_str());
        }
      }
    }
    bcubed_p += double(same_both) / same_predicted;
    bcubed_r += double(same_both) / same_gold;
  }
  std::printf(" resolution over %zu found surfaces\n", found.size());
  print_prf("pairwise", pairs);
  if (!found.empty()) {
    double p = bcubed_p / found.size(), r = bcubed_r / found.size();
    std::printf("  %-14s P %.3f  R %.3f  F1 %.3f\n", "B-cubed", p, r, 2 * p * r / (p + r));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = std::string(STORYLINE_SHARED_DIR);
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--rules") g_rules_only = true;
    else {
      std::fprintf(stderr, "usage: entities_eval [--shared DIR] [--verbose] [--rules]\n");
      return 2;
    }
  }
  const std::string source = STORYLINE_SOURCE_DIR;
  std::printf("entities_eval: candidates from %s\n\n",
              g_rules_only ? "the rule finder (--rules, no annotation)" : "the recogniser (annotation on)");
  score("examples/ (10 articles, hand-labelled)", read_gold(source + "/eval/data/entities/examples.tsv"),
        predict(source + "/examples"), verbose);
  score("held-out texts (3 articles, labelled before the first run)",
        read_gold(source + "/eval/data/entities/heldout.tsv"), predict(source + "/eval/data/entities/heldout"), verbose);
  if (std::filesystem::exists(shared + "/seeds")) {
    score("../shared/seeds (6 articles, hand-labelled)", read_gold(source + "/eval/data/entities/seeds.tsv"),
          predict(shared + "/seeds"), verbose);
  } else {
    std::printf("../shared/seeds not found: seeds not scored\n");
  }
  return 0;
}
