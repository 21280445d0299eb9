// The stages after segmentation, in pipeline order. A new stage is one line
// in stage_registry.cpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/stage.h"

namespace storyline::pipeline {

Result<std::vector<std::unique_ptr<Stage>>> make_stages(const std::string& data_dir,
                                                         const std::vector<std::string>& dictionaries = {});

}  // namespace storyline::pipeline
