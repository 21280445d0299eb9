// The report of `analyze` and the API: one JSON object whose top-level arrays
// are articles, stories, entities, events, quotes and claims
// (docs/schema.md), and its text and Markdown renderings.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "report/brief.h"
#include "storyline/engine.h"

namespace storyline::report {

// An article as the report shows it; spans in code points.
nlohmann::json article_json(const Article& article);

// Builds the whole report: the articles in `scope`, then each stage's
// sections. A stage whose report throws (an internal error) leaves its
// sections empty and is named in `problems`; without `problems` the error
// propagates.
Result<nlohmann::json> build_report(const pipeline::ReportScope& scope,
                                    const std::vector<std::unique_ptr<pipeline::Stage>>& stages,
                                    std::vector<std::string>* problems = nullptr);

// The report for people: each story's brief, then the articles no brief
// covers. A story whose brief fails is left out and named in `problems`.
std::string render_text(const nlohmann::json& report, BriefFormat format, std::vector<std::string>* problems = nullptr);

}  // namespace storyline::report
