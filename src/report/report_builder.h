// The report of `analyze` and the API: one JSON object whose top-level arrays
// are articles, stories, entities, events, quotes and claims
// (docs/schema.md), and its text and Markdown renderings.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "storyline/engine.h"

namespace storyline::report {

// An article as the report shows it; spans in code points.
nlohmann::json article_json(const Article& article);

// Builds the whole report: the articles in `scope`, then each stage's sections.
Result<nlohmann::json> build_report(const pipeline::ReportScope& scope,
                                    const std::vector<std::unique_ptr<pipeline::Stage>>& stages);

std::string render_text(const nlohmann::json& report, bool markdown);

}  // namespace storyline::report
