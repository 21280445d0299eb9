// HTTP API latency and throughput under concurrent load, on a store of many
// generated articles (default 100,000: about 2,000 events, each told by ~50
// articles from 40 outlets over a few days, one in ten a syndicated copy).
//
//   build/serve_bench [--articles N] [--db FILE] [--threads T] [--clients C] [--seconds S]
//
// Builds the store once (kept at --db, default build/serve_bench.db, and
// reused when it already holds N articles), starts the real server
// in-process on a loopback port with T request threads, then, for each
// endpoint, C client threads (keep-alive connections) send requests for S
// seconds. Prints the median and p99 latency and requests/s per endpoint.
// Server and clients share this machine's cores: the figures are a floor.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "serve/server.h"
#include "store/database.h"
#include "storyline/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

// Made-up words from syllables (so no real text is reproduced), drawn
// Zipf-like: a few frequent, a long tail of rare ones.
struct Words {
  std::mt19937 random{2026};
  std::vector<std::string> vocabulary;
  Words() {
    const char* syllables[] = {"ba", "ke", "lu", "mor", "ti", "sa", "ven", "do", "ri", "pal", "esk", "un", "zo", "gar"};
    for (int i = 0; i < 30000; ++i) {
      std::string word;
      for (int k = 0, n = 2 + i % 3; k < n; ++k) word += syllables[(i * 5 + k * 11 + i / 14) % 14];
      word += syllables[(i / 196) % 14];
      word += static_cast<char>('a' + i % 26);
      vocabulary.push_back(word);
    }
  }
  const std::string& common() {
    double u = std::generate_canonical<double, 32>(random);
    return vocabulary[static_cast<size_t>(u * u * u * vocabulary.size()) % vocabulary.size()];
  }
  const std::string& any() { return vocabulary[random() % vocabulary.size()]; }
};

struct Event {
  std::vector<std::string> words;  // its own rare words, in every article about it
  int day = 0;
};

std::string date_of(int day) {
  // Days from 2025-01-01, as an ISO date (months of 28 days keep it simple
  // and valid).
  int month = 1 + (day / 28) % 12, year = 2025 + day / (28 * 12), d = 1 + day % 28;
  char text[32];  // room for any int, so the format is never cut
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, d);
  return text;
}

std::vector<storyline::RawDocument> generate(size_t total, std::vector<Event>& events) {
  Words words;
  std::vector<storyline::RawDocument> documents;
  documents.reserve(total);
  std::vector<size_t> active;
  std::string previous;
  for (size_t i = 0; i < total; ++i) {
    if (i % 50 == 0) {
      Event event;
      for (int k = 0; k < 12; ++k) event.words.push_back(words.any());
      event.day = static_cast<int>(i / 500);
      events.push_back(std::move(event));
      active.push_back(events.size() - 1);
      if (active.size() > 40) active.erase(active.begin());
    }
    const Event& event = events[active[words.random() % active.size()]];
    storyline::RawDocument document;
    document.origin = "bench#" + std::to_string(i);
    document.source = "Outlet " + std::to_string(words.random() % 40);
    document.published = date_of(event.day + static_cast<int>(words.random() % 3));
    document.title = event.words[0] + " " + words.common() + " " + event.words[1] + " " + std::to_string(i);
    std::string text;
    if (i % 10 == 9 && !previous.empty()) {
      text = previous;  // a syndicated copy
    } else {
      for (int s = 0; s < 10; ++s) {
        std::string sentence;
        for (int w = 0; w < 16; ++w) sentence += (w % 4 == 0 ? event.words[words.random() % 12] : words.common()) + " ";
        sentence[0] = static_cast<char>(std::toupper(sentence[0]));
        sentence.back() = '.';
        text += sentence + (s % 3 == 2 ? "\n" : " ");
      }
    }
    previous = text;
    document.body = text + "\nReport " + std::to_string(i) + ".";  // distinct ids for copies
    documents.push_back(std::move(document));
  }
  return documents;
}

int64_t count_articles(const std::string& path) {
  if (!std::filesystem::exists(path)) return 0;
  auto db = storyline::store::Database::open(path, true);
  if (!db) return 0;
  auto query = db->prepare("SELECT count(*) FROM articles");
  return query && query->step() ? query->column_int(0) : 0;
}

struct Figures {
  size_t requests = 0, errors = 0;
  double seconds = 0, median_ms = 0, p99_ms = 0, mean_bytes = 0;
};

template <typename PathFn>
Figures load(int port, size_t clients, double seconds, PathFn next_path) {
  std::vector<std::vector<double>> latencies(clients);
  std::vector<size_t> errors(clients, 0);
  std::vector<double> bytes(clients, 0);
  auto start = Clock::now();
  auto stop_at = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (size_t c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60);
      std::mt19937 random(static_cast<unsigned>(c * 7919 + 1));
      while (Clock::now() < stop_at) {
        std::string path = next_path(random);
        auto t0 = Clock::now();
        auto result = client.Get(path);
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!result || result->status != 200) {
          ++errors[c];
          continue;
        }
        latencies[c].push_back(ms);
        bytes[c] += static_cast<double>(result->body.size());
      }
    });
  for (auto& thread : threads) thread.join();
  Figures figures;
  figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  double total_bytes = 0;
  for (size_t c = 0; c < clients; ++c) {
    all.insert(all.end(), latencies[c].begin(), latencies[c].end());
    figures.errors += errors[c];
    total_bytes += bytes[c];
  }
  std::sort(all.begin(), all.end());
  figures.requests = all.size();
  if (!all.empty()) {
    figures.median_ms = all[all.size() / 2];
    figures.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    figures.mean_bytes = total_bytes / all.size();
  }
  return figures;
}

void print(const char* name, const Figures& f) {
  std::printf("  %-34s %7zu requests  %7.1f req/s  median %7.2f ms  p99 %7.2f ms  %6.0f KB/answer  %zu errors\n",
              name, f.requests, f.requests / f.seconds, f.median_ms, f.p99_ms, f.mean_bytes / 1024, f.errors);
}

}  // namespace

int main(int argc, char** argv) {
  size_t total = 100000, threads = 4, clients = 8;
  double seconds = 10;
  std::string db_path = std::string(STORYLINE_SOURCE_DIR) + "/build/serve_bench.db";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--articles") total = std::stoul(value);
    else if (flag == "--db") db_path = value;
    else if (flag == "--threads") threads = std::stoul(value);
    else if (flag == "--clients") clients = std::stoul(value);
    else if (flag == "--seconds") seconds = std::stod(value);
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  std::vector<Event> events;
  auto documents = generate(total, events);
  if (count_articles(db_path) != static_cast<int64_t>(total)) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
    storyline::EngineOptions options;
    options.db_path = db_path;
    auto engine = storyline::Engine::open(options);
    if (!engine) return std::fprintf(stderr, "%s\n", engine.status().message().c_str()), 1;
    auto start = Clock::now();
    storyline::IngestOptions ingest;
    ingest.batch_size = 2000;
    auto summary = (*engine)->ingest_documents(documents, ingest);
    if (!summary) return std::fprintf(stderr, "%s\n", summary.status().message().c_str()), 1;
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("store: %zu generated articles ingested (every stage) in %.0f s, %.0f articles/s\n",
                summary->articles_new, elapsed, summary->articles_new / elapsed);
  }
  int64_t stories_count = 0;
  {
    auto db = storyline::store::Database::open(db_path, true);
    auto query = db->prepare("SELECT count(DISTINCT story_id) FROM story_members");
    if (query && query->step()) stories_count = query->column_int(0);
  }
  std::vector<int64_t> story_ids;
  {
    auto db = storyline::store::Database::open(db_path, true);
    auto query = db->prepare("SELECT DISTINCT story_id FROM story_members");
    while (query && query->step()) story_ids.push_back(query->column_int(0));
  }
  std::printf("store: %s, %lld articles, %lld stories, %.0f MB\n", db_path.c_str(),
              static_cast<long long>(count_articles(db_path)), static_cast<long long>(stories_count),
              std::filesystem::file_size(db_path) / 1048576.0);

  storyline::serve::ServeOptions options;
  options.db_path = db_path;
  options.port = 0;
  options.threads = threads;
  auto start_server = Clock::now();
  auto server = storyline::serve::Server::create(options);
  if (!server) return std::fprintf(stderr, "%s\n", server.status().message().c_str()), 1;
  if (!(*server)->bind().is_ok()) return 1;
  int port = (*server)->port();
  std::thread listener([&] { (*server)->listen(); });
  std::printf("server: started in %.1f s; %zu request threads, %zu client threads, %.0f s per endpoint, loopback\n",
              std::chrono::duration<double>(Clock::now() - start_server).count(), threads, clients, seconds);
  // Every request thread opens its read-only engine on first use: warm them.
  load(port, clients, 2, [](std::mt19937&) { return std::string("/api/stories?limit=1"); });

  print("GET /api/stories/{id}", load(port, clients, seconds, [&](std::mt19937& random) {
          return "/api/stories/story-" + std::to_string(story_ids[random() % story_ids.size()]);
        }));
  print("GET /api/stories?q=two words", load(port, clients, seconds, [&](std::mt19937& random) {
          const Event& event = events[random() % events.size()];
          return "/api/stories?q=" + event.words[2] + "+" + event.words[3] + "&limit=20";
        }));
  print("GET /api/stories?q=word&outlet=…", load(port, clients, seconds, [&](std::mt19937& random) {
          const Event& event = events[random() % events.size()];
          return "/api/stories?q=" + event.words[4] + "&outlet=Outlet+" + std::to_string(random() % 40) + "&limit=20";
        }));
  print("GET /api/stories (home page)", load(port, clients, seconds, [](std::mt19937&) {
          return std::string("/api/stories?limit=20");
        }));
  (*server)->stop();
  listener.join();
  return 0;
}
