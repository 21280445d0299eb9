#include "serve/engine_pool.h"

namespace storyline::serve {

Result<EnginePool::Lease> EnginePool::borrow() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto engine = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(engine));
    }
  }
  // Opened outside the lock: opening reads the stages' state from the store.
  auto engine = Engine::open(options_);
  if (!engine) return engine.status();
  std::lock_guard<std::mutex> lock(mutex_);
  ++opened_;
  return Lease(this, std::move(*engine));
}

void EnginePool::give_back(std::unique_ptr<Engine> engine) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(engine));
}

size_t EnginePool::opened() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

}  // namespace storyline::serve
