// Pathological inputs through the whole engine (clean, segment, entities,
// stories, events, quotes, claims, report): each must finish in bounded
// time and memory, measured on a child process (wall time, peak RSS from
// wait4). The figures are printed for docs/reliability.md. And the caps on
// sentences and mentions per article cut with a warning naming the article.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace storyline {
namespace {

using testing::TempDir;

struct Measured {
  int exit_code = -1;
  double seconds = 0;
  long peak_rss_kb = 0;
};

constexpr const char* kTime = "/usr/bin/time";

// Runs `storyline --quiet --db DB analyze --format json --max-article-kb
// 4096 FILE` as a child (nothing cut: the whole input reaches every stage)
// and measures it; the report goes to /dev/null. The peak RSS comes from
// /usr/bin/time, which starts storyline from its own small process: a child
// forked from this test would count the test's pages in its peak. Without
// it, the figure from wait4 is an upper bound.
Measured analyze_measured(const std::string& db, const std::string& file, const std::string& rss_file) {
  Measured measured;
  bool have_time = access(kTime, X_OK) == 0;
  std::fflush(stdout);  // the child must not write this process's buffer again
  auto started = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(126);
    if (have_time)
      execl(kTime, kTime, "-f", "%M", "-o", rss_file.c_str(), STORYLINE_BINARY, "--quiet", "--db", db.c_str(),
            "analyze", "--format", "json", "--max-article-kb", "4096", file.c_str(), static_cast<char*>(nullptr));
    else
      execl(STORYLINE_BINARY, STORYLINE_BINARY, "--quiet", "--db", db.c_str(), "analyze", "--format", "json",
            "--max-article-kb", "4096", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  measured.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  measured.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  measured.peak_rss_kb = usage.ru_maxrss;
  if (have_time) {
    std::ifstream in(rss_file);
    long kb = 0;
    if (in >> kb) measured.peak_rss_kb = kb;
  }
  return measured;
}

// A capitalised made-up word from `n` (syllables chosen by its digits), so
// that 100,000 of them are not one name repeated.
std::string made_up_name(size_t n) {
  static const char* syllables[] = {"ka", "lo", "mir", "ven", "sa", "tor", "el", "dun", "ri", "bas"};
  std::string word;
  do {
    word += syllables[n % 10];
    n /= 10;
  } while (n > 0);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

struct Pathological {
  const char* name;
  const char* file;
  std::string content;
};

std::vector<Pathological> pathological_inputs() {
  std::vector<Pathological> inputs;
  {
    std::string html =
        "<html><head><title>Nested</title></head><body><p>The harbour board of Solvik met on Monday and said "
        "the quays would reopen.</p>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "<p>Officials in Solvik said the harbour reopened on Monday.</p>";
    for (int i = 0; i < 100000; ++i) html += "</div>";
    html += "</body></html>";
    inputs.push_back({"100,000 nested elements", "nested.html", std::move(html)});
  }
  {
    std::string text = "Quote marks\n\nThe harbour master said: ";
    text += std::string(1000000, '"');
    text += " and left.\n";
    inputs.push_back({"10^6 quote characters", "quotes.txt", std::move(text)});
  }
  {
    std::string text = "One long sentence\n\n";
    static const char* words[] = {"the", "harbour", "board", "said", "that", "ships", "would", "dock", "near", "piers"};
    for (size_t i = 0; i < 100000; ++i) text += std::string(words[i % 10]) + (i % 13 == 12 ? ", " : " ");
    text += "today.\n";
    inputs.push_back({"one sentence of 100,000 tokens", "sentence.txt", std::move(text)});
  }
  {
    std::string text = "Capitalised words\n\nThe minister met ";
    for (size_t i = 0; i < 100000; ++i) text += made_up_name(i) + " ";
    text += "on Monday.\n";
    inputs.push_back({"100,000 capitalised words in a row", "names.txt", std::move(text)});
  }
  {
    // Thousands of events, names, titles and cues in one sentence: every
    // per-event look at the sentence (its dates, its article) must be done
    // once per sentence or article, not once per event.
    std::string text = "One crowded sentence\n\n";
    for (size_t i = 0; i < 1000; ++i)
      text += (i ? " and " : "") + std::string("Minister ") + made_up_name(i) + " " + made_up_name(i + 7) +
              " of Norway met Mr. " + made_up_name(i + 7) + " and " + made_up_name(i + 3) +
              " in Oslo on Monday, said the ministry";
    text += ".\n";
    inputs.push_back({"one sentence of 1,000 clauses with names", "clauses.txt", std::move(text)});
  }
  return inputs;
}

TEST(Limits, PathologicalInputsFinishInBoundedTimeAndMemory) {
  TempDir dir;
  for (const Pathological& input : pathological_inputs()) {
    std::string file = dir.file(input.file);
    std::ofstream(file, std::ios::binary) << input.content;
    Measured measured =
        analyze_measured(dir.file(std::string(input.file) + ".db"), file, dir.file(std::string(input.file) + ".rss"));
    std::printf("[ limits   ] %-36s %8zu bytes: %6.2f s, peak RSS %6.1f MB\n", input.name, input.content.size(),
                measured.seconds, measured.peak_rss_kb / 1024.0);
    EXPECT_EQ(measured.exit_code, 0) << input.name;
    // Generous bounds (the sanitizer build is several times slower): a
    // quadratic stage takes minutes or gigabytes on these inputs.
    EXPECT_LT(measured.seconds, 120.0) << input.name;
    EXPECT_LT(measured.peak_rss_kb, 2L << 20) << input.name;
  }
}

TEST(Limits, SentenceAndMentionCapsCutWithAWarningNamingTheArticle) {
  TempDir dir;
  std::string file = dir.file("many.txt");
  {
    std::ofstream out(file);
    out << "Many sentences\n\n";
    for (int i = 0; i < 40; ++i) out << "Minister Ada Brenn met Tomas Veller in Oslo on day " << i << ". ";
    out << "\n";
  }
  std::string output;
  std::string errors = dir.file("errors.txt");
  ASSERT_EQ(testing::run_cli("--verbose --db " + dir.file("capped.db") + " analyze --format json --max-sentences 10 "
                                 "--max-mentions 5 " + file,
                             output, errors),
            0);
  std::ifstream in(errors);
  std::string messages((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(messages.find("many.txt"), std::string::npos) << messages;
  EXPECT_NE(messages.find("cut after 10"), std::string::npos) << messages;
  EXPECT_NE(messages.find("only the first 5 kept"), std::string::npos) << messages;
  auto report = nlohmann::json::parse(output);
  ASSERT_EQ(report["articles"].size(), 1u);
  std::string text = report["articles"][0]["text"];
  EXPECT_NE(text.find("day 9."), std::string::npos);
  EXPECT_EQ(text.find("day 10."), std::string::npos) << "sentences past the cap are not stored";
  size_t mentions = 0;
  for (const auto& entity : report["entities"]) mentions += entity["mentions"].size();
  EXPECT_LE(mentions, 5u);
  EXPECT_GT(mentions, 0u);
}

}  // namespace
}  // namespace storyline
