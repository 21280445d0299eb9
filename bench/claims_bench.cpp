// Claims and brief throughput on generated stories of 5, 50 and 500
// articles: per story, claim extraction of every article, alignment of the
// story's claims, and the brief (built and rendered as text). Prints
// stories/s and articles/s on one core for each size; the cost per article
// must stay flat as stories grow (alignment is indexed, not pairwise).
//
// Generated articles: each story has its own facts (figures with units,
// negative statements, allegations), told by many outlets in varied
// wordings, some with a different figure, some as copies; plus filler
// sentences from a made-up vocabulary.
//
//   build/claims_bench [--seconds S]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "claims/claim_extractor.h"
#include "claims/story_claims.h"
#include "core/data_files.h"
#include "core/text_util.h"
#include "report/brief.h"

namespace {

using storyline::Article;
using storyline::Span;

struct Generator {
  std::mt19937 random{7};
  std::vector<std::string> words;
  Generator() {
    const char* syllables[] = {"ka", "lo", "mi", "ren", "ta", "vo", "sel", "dan", "ri", "mar", "ost", "bel", "nu", "pra"};
    for (int i = 0; i < 5000; ++i) {
      std::string word;
      for (int k = 0; k < 2 + i % 3; ++k) word += syllables[(i * 7 + k * 13 + i / 14) % 14];
      words.push_back(word);
    }
  }
  const std::string& word() { return words[random() % words.size()]; }
  size_t pick(size_t n) { return random() % n; }

  // The facts of one story: each a list of wordings of the same claim.
  std::vector<std::vector<std::string>> facts(int story) {
    std::string thing = words[(story * 31) % words.size()], place = words[(story * 17 + 5) % words.size()];
    std::string years = std::to_string(5 + story % 20), amount = std::to_string(2 + story % 30);
    std::string count = std::to_string(2 + story % 9);
    return {
        {"The " + thing + " accord will run for " + years + " years, officials said.",
         "Both sides signed a " + years + "-year " + thing + " accord in " + place + ".",
         "The " + years + "-year deal on " + thing + " was sealed on Tuesday."},
        {"Investors expect to put " + amount + " billion euros into the " + thing + " plants.",
         "The " + thing + " plants will draw " + amount + "bn euros of investment.",
         "Investment in the " + thing + " plants is put at " + std::to_string(3 + story % 30) +
             " billion euros, according to the ministry."},
        {"The accord contains no military clause, the minister said.",
         "The minister said the " + thing + " deal does not include any defence provisions."},
        {"Opposition lawmakers accused the government of buying " + count + " patrol boats from " + place + " yards.",
         place + " yards have delivered " + count + " patrol vessels to the navy."},
        {"The " + thing + " terminal would handle " + amount + " million tonnes of ammonia a year."},
        {"The first " + thing + " cargoes could reach the port in 20" + std::to_string(27 + story % 5) + "."},
    };
  }

  Article article(int story, int index, const std::vector<std::vector<std::string>>& facts, const std::string& outlet) {
    Article a;
    a.id = "s" + std::to_string(story) + "-a" + std::to_string(index);
    a.source = outlet;
    a.store_row = index + 1;
    for (int s = 0; s < 12; ++s) {
      std::string sentence;
      if (s % 2 == 0) {
        const auto& fact = facts[pick(facts.size())];
        sentence = fact[pick(fact.size())];
      } else {
        sentence = "The " + word() + " " + word() + " said " + word() + " " + word() + " would " + word() + " the " +
                   word() + " near " + word() + ".";
      }
      uint32_t begin = static_cast<uint32_t>(a.text.size());
      a.text += sentence;
      a.sentences.push_back({begin, static_cast<uint32_t>(a.text.size())});
      a.text += s % 4 == 3 ? "\n" : " ";
    }
    return a;
  }
};

struct Result {
  double stories_per_second = 0, articles_per_second = 0;
  double extract_share = 0, align_share = 0, brief_share = 0;  // of the time
  size_t claims = 0;
};

Result run(int size, double seconds, const storyline::claims::ClaimExtractor& extractor, Generator& generator) {
  std::vector<std::string> outlets;
  for (int i = 0; i < 60; ++i) outlets.push_back("Outlet " + std::to_string(i));
  Result result;
  size_t stories = 0;
  double elapsed = 0, extracting = 0, aligning = 0;
  int story = 0;
  while (elapsed < seconds || stories < 3) {
    // Generated outside the timed part.
    auto facts = generator.facts(story);
    std::vector<Article> articles;
    for (int i = 0; i < size; ++i) articles.push_back(generator.article(story, i, facts, outlets[generator.pick(outlets.size())]));
    std::vector<std::pair<int64_t, int64_t>> related;
    for (int i = 1; i < size; i += 10) related.emplace_back(i + 1, i);  // every tenth a copy of its neighbour
    auto start = std::chrono::steady_clock::now();
    std::vector<storyline::claims::StoryArticle> story_articles;
    nlohmann::json report = {{"articles", nlohmann::json::array()}, {"claims", nlohmann::json::array()}};
    nlohmann::json members = nlohmann::json::array();
    for (const Article& a : articles) {
      story_articles.push_back({a.store_row, a.id, a.source, a.text, extractor.extract(a)});
      storyline::core::CodePointIndex index(a.text);
      nlohmann::json sentences = nlohmann::json::array();
      for (const Span& s : a.sentences) sentences.push_back({index.at(s.begin), index.at(s.end)});
      report["articles"].push_back({{"id", a.id}, {"source", a.source}, {"title", "t"}, {"published", nullptr},
                                    {"text", a.text}, {"sentences", sentences}});
      members.push_back(a.id);
    }
    auto extracted = std::chrono::steady_clock::now();
    std::string key = "story-" + std::to_string(story + 1);
    report["claims"] = storyline::claims::align_story_claims(story_articles, related, key);
    auto aligned = std::chrono::steady_clock::now();
    report["stories"] = nlohmann::json::array({{{"id", key}, {"label", "generated"}, {"articles", members}}});
    nlohmann::json brief = storyline::report::build_brief(report, key);
    std::string text = storyline::report::render_brief(brief, storyline::report::BriefFormat::kText);
    elapsed += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    extracting += std::chrono::duration<double>(extracted - start).count();
    aligning += std::chrono::duration<double>(aligned - extracted).count();
    result.claims += report["claims"].size();
    if (text.empty()) std::fprintf(stderr, "empty brief\n");
    ++stories, ++story;
  }
  result.stories_per_second = static_cast<double>(stories) / elapsed;
  result.articles_per_second = result.stories_per_second * size;
  result.claims /= stories;
  result.extract_share = extracting / elapsed;
  result.align_share = aligning / elapsed;
  result.brief_share = 1 - result.extract_share - result.align_share;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else {
      std::fprintf(stderr, "usage: claims_bench [--seconds S]\n");
      return 2;
    }
  }
  auto extractor = storyline::claims::ClaimExtractor::load(storyline::core::data_dir());
  if (!extractor) {
    std::fprintf(stderr, "claims_bench: %s\n", extractor.status().message().c_str());
    return 1;
  }
  Generator generator;
  std::printf("%-10s %12s %14s %14s   %s\n", "articles", "stories/s", "articles/s", "claim groups",
              "time: extract / align / brief");
  for (int size : {5, 50, 500}) {
    Result r = run(size, seconds, *extractor, generator);
    std::printf("%-10d %12.1f %14.0f %14zu   %.0f%% / %.0f%% / %.0f%%\n", size, r.stories_per_second,
                r.articles_per_second, r.claims, 100 * r.extract_share, 100 * r.align_share, 100 * r.brief_share);
  }
  return 0;
}
