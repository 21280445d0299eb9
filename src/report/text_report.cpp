// Text and Markdown renderings of the report, for people at a terminal: the
// brief of each story (report/brief.h), then a listing of the articles that
// belong to no story. Everything renders what the stages put in the JSON, so
// the formats never disagree.
#include <algorithm>
#include <map>
#include <sstream>

#include <set>

#include "core/json_fields.h"
#include "core/text_util.h"
#include "report/brief.h"
#include "report/report_builder.h"

namespace storyline::report {

namespace {

using core::array_field;

std::string field(const nlohmann::json& object, const char* key, const char* fallback = "") {
  return core::text_field(object, key, fallback);
}

// "outlets" is a count in the store's story listing and a list in the
// report's stories; either reads as a number.
size_t outlets_of(const nlohmann::json& story) {
  const nlohmann::json& outlets = core::json_field(story, "outlets");
  return outlets.is_array() ? outlets.size() : core::count_field(story, "outlets");
}

std::string first_words(std::string text, size_t max_chars) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  if (text.size() <= max_chars) return text;
  size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos) cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

}  // namespace

// The listing of articles (and, when there is no brief, the sections) for
// what no brief covers.
std::string render_listing(const nlohmann::json& report, const nlohmann::json& articles, bool markdown,
                           bool with_sections) {
  std::ostringstream out;
  auto heading = [&](const std::string& title) {
    if (markdown) out << "\n## " << title << "\n\n";
    else out << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
  };
  heading("Articles (" + std::to_string(articles.size()) + ")");
  for (const auto& article : articles) {
    std::string title = field(article, "title", "(no headline)");
    std::string source = field(article, "source", "unknown outlet");
    std::string published = field(article, "published", "undated");
    if (core::bool_field(article, "published_inferred")) published += " (inferred)";
    if (markdown) {
      out << "- **" << title << "** — " << source << ", " << published << " `" << field(article, "id") << "`\n";
      out << "  - " << first_words(field(article, "text"), 200) << "\n";
    } else {
      out << "* " << title << "\n  " << source << " | " << published << " | " << field(article, "id") << " | "
          << field(article, "origin") << "\n  " << first_words(field(article, "text"), 160) << "\n";
    }
  }
  if (!with_sections) return out.str();
  const auto& stories = array_field(report, "stories");
  if (!stories.empty()) heading("Stories (" + std::to_string(stories.size()) + ")");
  for (const auto& story : stories) {
    std::map<std::string, int> relation_counts;
    for (const auto& relation : array_field(story, "relations")) ++relation_counts[field(relation, "type", "related")];
    std::string relations;
    for (const auto& [type, count] : relation_counts)
      relations += (relations.empty() ? "" : ", ") + std::to_string(count) + " " + type + (count > 1 ? "s" : "");
    out << (markdown ? "- **" : "* ") << field(story, "label") << (markdown ? "** " : " ") << "(" << field(story, "id")
        << "): " << array_field(story, "articles").size() << " article(s) from " << outlets_of(story) << " outlet(s), "
        << field(story, "first", "?") << " .. " << field(story, "last", "?")
        << (relations.empty() ? "" : "; " + relations) << "\n";
  }
  for (const char* section : {"entities", "events", "quotes", "claims"}) {
    const nlohmann::json& items = array_field(report, section);
    if (items.empty()) continue;
    std::string name = section;
    name[0] = static_cast<char>(std::toupper(name[0]));
    heading(name + " (" + std::to_string(items.size()) + ")");
    for (const auto& item : items) {
      if (name == "Events") {
        // "2026-03-03 Norway -> Chile: sign a formal agreement (057), asserted, in Oslo; 5 articles, 4 sources"
        auto actor = [&](const char* key) {
          const auto& a = core::json_field(item, key);
          return a.is_object() ? field(a, "name", field(a, "actor_code", "?").c_str()) : std::string("-");
        };
        out << (markdown ? "- " : "* ") << field(item, "date", "undated") << " " << actor("source") << " -> "
            << actor("target") << ": " << field(item, "label") << " (" << field(item, "code") << "), "
            << field(item, "modality");
        if (!field(item, "attributed_to").empty()) out << " by " << field(item, "attributed_to");
        if (!field(item, "denied_by").empty()) out << ", denied by " << field(item, "denied_by");
        if (!field(item, "location").empty()) out << ", in " << field(item, "location");
        out << "; " << field(item, "num_articles") << " article(s), " << field(item, "num_sources") << " source(s)\n";
        continue;
      }
      std::string label = field(item, "label");
      if (label.empty()) label = field(item, "name");
      if (label.empty() && std::string_view(section) == "quotes") {
        // Who said what: "Kazem Jalali (told, via IRNA, TASS): “…”".
        std::string speaker = field(core::json_field(item, "speaker"), "name", "unknown speaker");
        std::string via;
        for (const auto& link : array_field(item, "via")) via += (via.empty() ? ", via " : ", ") + core::json_text(link);
        std::string text = field(item, "text");
        bool direct = core::bool_field(item, "direct");
        label = speaker + " (" + field(item, "cue", "no cue") + via + "): " +
                (direct ? "\u201C" + text + "\u201D" : text);
      }
      if (label.empty()) label = field(item, "text");
      out << (markdown ? "- " : "* ") << first_words(label, 200) << "\n";
    }
  }
  return out.str();
}

std::string render_text(const nlohmann::json& report, BriefFormat format, std::vector<std::string>* problems) {
  nlohmann::json briefs = build_briefs(report, {}, problems);
  std::set<std::string> in_brief;
  for (const auto& brief : briefs)
    for (const auto& source : array_field(brief, "sources")) in_brief.insert(field(source, "article"));
  nlohmann::json others = nlohmann::json::array();
  for (const auto& article : array_field(report, "articles"))
    if (!in_brief.count(field(article, "id"))) others.push_back(article);
  bool markdown = format == BriefFormat::kMarkdown;
  std::string listing;
  if (!others.empty() || briefs.empty()) listing = render_listing(report, others, markdown, briefs.empty());
  // HTML shows the listing as the text report has it, preformatted.
  if (format == BriefFormat::kHtml && !listing.empty())
    listing = "<h2>Articles in no story's brief</h2>\n<pre>" + core::html_escape(listing) + "</pre>\n";
  return (markdown ? "# storyline report\n\n" : "") + render_briefs(briefs, format, listing, problems);
}

}  // namespace storyline::report
