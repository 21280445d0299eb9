// For the thin layers inside this repository (CLI, server, evaluations):
// the engine's store and stages, so that they can call a stage's library
// functions directly. Not part of the public API.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"
#include "storyline/engine.h"
#include "store/database.h"

namespace storyline::pipeline {

store::Database& engine_database(Engine& engine);
const std::vector<std::unique_ptr<Stage>>& engine_stages(Engine& engine);
// The stage with this name, or nullptr.
Stage* engine_stage(Engine& engine, std::string_view name);
// Appends a stage after the others (fault-injection tests: a stage that
// throws). It must need no migration, and is opened here.
Status engine_add_stage(Engine& engine, std::unique_ptr<Stage> stage);

}  // namespace storyline::pipeline
