// Read-only engines for the request threads. SQLite connections are not
// shared between threads, so each request borrows an engine of its own (its
// own read-only connection to the store, its own stages) and gives it back;
// engines are opened on first need and kept, so there are never more than
// the most requests ever served at once. In WAL mode every reader sees the
// last committed batch while an ingest (this server's POST or another
// process) writes the next one.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "storyline/engine.h"

namespace storyline::serve {

class EnginePool {
 public:
  explicit EnginePool(EngineOptions options) : options_(std::move(options)) { options_.read_only = true; }

  class Lease {
   public:
    Lease(EnginePool* pool, std::unique_ptr<Engine> engine) : pool_(pool), engine_(std::move(engine)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (engine_) pool_->give_back(std::move(engine_));
    }
    Engine& operator*() { return *engine_; }
    Engine* operator->() { return engine_.get(); }

   private:
    EnginePool* pool_;
    std::unique_ptr<Engine> engine_;
  };

  Result<Lease> borrow();
  size_t opened() const;

 private:
  void give_back(std::unique_ptr<Engine> engine);
  EngineOptions options_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Engine>> idle_;
  size_t opened_ = 0;
};

}  // namespace storyline::serve
