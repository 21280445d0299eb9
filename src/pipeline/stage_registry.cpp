#include "pipeline/stage_registry.h"

#include "claims/claims_stage.h"
#include "stories/stories_stage.h"

namespace storyline::pipeline {

Result<std::vector<std::unique_ptr<Stage>>> make_stages(const std::string& data_dir) {
  std::vector<std::unique_ptr<Stage>> stages;
  // In pipeline order: entities, stories, events, quotes, claims.
  auto stories = stories::StoriesStage::create(data_dir);
  if (!stories) return stories.status();
  stages.push_back(std::move(*stories));
  auto claims = claims::ClaimsStage::create(data_dir);  // last: reads every earlier stage's output
  if (!claims) return claims.status();
  stages.push_back(std::move(*claims));
  return stages;
}

}  // namespace storyline::pipeline
