#include "pipeline/stage_registry.h"

#include "claims/claims_stage.h"
#include "entities/entities_stage.h"
#include "events/events_stage.h"
#include "quotes/quotes_stage.h"
#include "search/search_stage.h"
#include "stories/stories_stage.h"

namespace storyline::pipeline {

std::string_view coverage_name(Coverage coverage) {
  switch (coverage) {
    case Coverage::kNone: return "none";
    case Coverage::kReduced: return "reduced";
    case Coverage::kFull: return "full";
  }
  return "none";
}

Result<std::vector<std::unique_ptr<Stage>>> make_stages(const std::string& data_dir,
                                                         std::shared_ptr<entities::KnowledgeBase> knowledge_base,
                                                         const std::vector<std::string>& dictionaries) {
  std::vector<std::unique_ptr<Stage>> stages;
  // In pipeline order: entities, stories, events, quotes, claims; the
  // full-text index (search) depends on nothing and goes first.
  stages.push_back(std::make_unique<search::SearchStage>());
  auto entities = entities::EntitiesStage::create(std::move(knowledge_base), dictionaries);
  if (!entities) return entities.status();
  stages.push_back(std::move(*entities));
  auto stories = stories::StoriesStage::create(data_dir);
  if (!stories) return stories.status();
  stages.push_back(std::move(*stories));
  auto events = events::EventsStage::create(data_dir);
  if (!events) return events.status();
  stages.push_back(std::move(*events));
  auto quotes = quotes::QuotesStage::create(data_dir);
  if (!quotes) return quotes.status();
  stages.push_back(std::move(*quotes));
  auto claims = claims::ClaimsStage::create(data_dir);  // last: reads every earlier stage's output
  if (!claims) return claims.status();
  stages.push_back(std::move(*claims));
  return stages;
}

}  // namespace storyline::pipeline
