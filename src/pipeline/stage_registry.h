// The stages after segmentation, in pipeline order. A new stage is one line
// in stage_registry.cpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "entities/knowledge_base.h"
#include "pipeline/stage.h"

namespace storyline::pipeline {

// `knowledge_base`: shared with the engine's annotator (its gazetteer); the
// user's CountryInfo files among `dictionaries` are added to it.
Result<std::vector<std::unique_ptr<Stage>>> make_stages(const std::string& data_dir,
                                                         std::shared_ptr<entities::KnowledgeBase> knowledge_base,
                                                         const std::vector<std::string>& dictionaries = {});

}  // namespace storyline::pipeline
