#include "pipeline/stage_registry.h"

namespace storyline::pipeline {

Result<std::vector<std::unique_ptr<Stage>>> make_stages(const std::string& data_dir) {
  (void)data_dir;
  std::vector<std::unique_ptr<Stage>> stages;
  // Stages are added here in pipeline order: dedup and stories, entities,
  // events, quotes, claims.
  return stages;
}

}  // namespace storyline::pipeline
