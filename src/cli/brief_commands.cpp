// storyline brief STORY: the story's brief (report/brief.h) from the store.
#include <iostream>

#include "cli/commands.h"
#include "core/json_fields.h"
#include "pipeline/engine_access.h"
#include "report/brief.h"
#include "stories/story_queries.h"

namespace storyline::cli {

void add_brief_commands(CLI::App& app, GlobalOptions& global, std::function<int()>& run) {
  auto story_id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* brief = app.add_subcommand(
      "brief", "A story's brief: key facts and how many outlets back them, quotes, timeline, disagreements");
  brief->add_option("story", *story_id, "Story id (story-N or N)")->required();
  brief->add_option("--format", *format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}));
  brief->callback([&global, &run, story_id, format] {
    run = [&global, story_id, format]() -> int {
      std::unique_ptr<Engine> engine;
      nlohmann::json found;
      if (auto failed = open_story(global, *story_id, engine, found)) return *failed;
      std::vector<std::string> articles;
      for (const auto& id : core::array_field(found, "articles")) articles.push_back(core::json_text(id));
      std::string id = core::text_field(found, "id");
      std::vector<std::string> problems;
      auto report = engine->report(articles, ReportFormat::kJson, &problems);
      if (!report) {
        std::cerr << "storyline: " << report.status().message() << "\n";
        return kExitStoreError;
      }
      for (const std::string& problem : problems) std::cerr << "error: " << id << ": " << problem << "\n";
      try {
        nlohmann::json brief = report::build_brief(nlohmann::json::parse(*report), id);
        if (*format == "json") std::cout << brief.dump(2) << "\n";
        else
          std::cout << report::render_brief(brief, *format == "html"       ? report::BriefFormat::kHtml
                                                   : *format == "markdown" ? report::BriefFormat::kMarkdown
                                                                           : report::BriefFormat::kText);
      } catch (const std::exception& error) {
        std::cerr << "error: " << id << ": the brief could not be built (internal error: " << error.what() << ")\n";
        return kExitSomeInputsFailed;
      }
      if (!problems.empty()) return kExitSomeInputsFailed;
      return kExitOk;
    };
  });
}

}  // namespace storyline::cli
