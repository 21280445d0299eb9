// The story brief: what a busy reader of several articles wants first —
// the key facts with how many independent outlets back each, who said what,
// the timeline, the disagreements and framing differences side by side, and
// what each outlet alone adds. Built from the JSON report (claims, quotes,
// events, stories, articles), so the brief never disagrees with it; every
// line cites its article and sentence.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace storyline::report {

struct BriefOptions {
  size_t key_facts = 12;        // corroborated claims shown
  size_t per_outlet = 4;        // single-source claims shown per outlet
  size_t quotes_per_speaker = 4;
  size_t timeline = 20;
};

// The brief of one story of `report` (its "stories" entry with this id) as
// JSON (docs/schema.md, "brief"); an empty object when the report has no
// such story.
nlohmann::json build_brief(const nlohmann::json& report, const std::string& story_id, const BriefOptions& options = {});

// Every story of the report, in report order. A story whose brief fails (an
// internal error) is left out and named in `problems`; without `problems`
// the error propagates.
nlohmann::json build_briefs(const nlohmann::json& report, const BriefOptions& options = {},
                            std::vector<std::string>* problems = nullptr);

enum class BriefFormat { kText, kMarkdown, kHtml };
std::string render_brief(const nlohmann::json& brief, BriefFormat format);
// Several briefs in one document (the default text output of analyze);
// `appendix` (already in `format`) goes after them, inside the HTML body. A
// brief that fails to render is left out and named in `problems` (without
// it, the error propagates).
std::string render_briefs(const nlohmann::json& briefs, BriefFormat format, const std::string& appendix = "",
                          std::vector<std::string>* problems = nullptr);

}  // namespace storyline::report
