#include "serve/engine_pool.h"

#include <sqlite3.h>

#include "pipeline/engine_access.h"
#include "store/database.h"

namespace storyline::serve {

Result<EnginePool::Lease> EnginePool::borrow() {
  std::unique_ptr<Engine> engine;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      engine = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!engine) {
    // Opened outside the lock: opening reads the stages' state from the store.
    auto opened = Engine::open(options_);
    if (!opened) return opened.status();
    engine = std::move(*opened);
    std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
  }
  // One read transaction per lease: every query of a request sees the same
  // committed batch, so a story and its members, or a listing and the
  // stories on its page, never come from two sides of an ingest's commit.
  if (Status status = pipeline::engine_database(*engine).execute("BEGIN"); !status.is_ok()) {
    give_back(std::move(engine));
    return status;
  }
  return Lease(this, std::move(engine));
}

void EnginePool::give_back(std::unique_ptr<Engine> engine) {
  // Ends the lease's read transaction (a no-op when none is open).
  store::Database& db = pipeline::engine_database(*engine);
  if (!sqlite3_get_autocommit(db.handle())) db.execute("ROLLBACK");
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(engine));
}

size_t EnginePool::opened() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

}  // namespace storyline::serve
