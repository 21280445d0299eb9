// Text, Markdown and HTML renderings of the brief (brief.h). Every line ends
// with its citations ("A3.5": article 3 of the story's sources, sentence 5);
// Markdown and HTML link each to the cited sentence, listed at the end.
#include <cstdlib>
#include <map>
#include <sstream>

#include "core/json_fields.h"
#include "core/text_util.h"
#include "report/brief.h"

namespace storyline::report {

namespace {

using core::array_field;
using core::html_escape;
using core::text_field;

std::string shorten(std::string text, size_t max_chars) {
  for (char& c : text)
    if (c == '\n') c = ' ';
  if (text.size() <= max_chars) return text;
  size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos) cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string anchor(const std::string& ref) {
  std::string out;
  for (char c : ref) out += c == '.' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string join(const nlohmann::json& names, const char* separator = ", ") {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : separator) + core::json_text(name);
  return out;
}

class Writer {
 public:
  explicit Writer(BriefFormat format) : format_(format) {}
  std::string text(const std::string& s) const { return format_ == BriefFormat::kHtml ? html_escape(s) : s; }
  void title(const std::string& s) {
    if (format_ == BriefFormat::kMarkdown) out_ << "# " << s << "\n\n";
    else if (format_ == BriefFormat::kHtml) out_ << "<h1>" << text(s) << "</h1>\n";
    else out_ << s << "\n" << std::string(std::min<size_t>(s.size(), 78), '=') << "\n";
  }
  void paragraph(const std::string& s) {
    if (format_ == BriefFormat::kHtml) out_ << "<p>" << text(s) << "</p>\n";
    else out_ << s << "\n" << (format_ == BriefFormat::kMarkdown ? "\n" : "");
  }
  void heading(const std::string& s) {
    if (format_ == BriefFormat::kMarkdown) out_ << "\n## " << s << "\n\n";
    else if (format_ == BriefFormat::kHtml) out_ << "<h2>" << text(s) << "</h2>\n";
    else out_ << "\n" << s << "\n" << std::string(s.size(), '-') << "\n";
  }
  void begin_list() {
    if (format_ == BriefFormat::kHtml) out_ << "<ul>\n";
  }
  void end_list() {
    if (format_ == BriefFormat::kHtml) out_ << "</ul>\n";
  }
  // One item: already-escaped `body` (use text()) at `depth`.
  void item(const std::string& body, int depth = 0) {
    if (format_ == BriefFormat::kHtml) out_ << (depth ? "<li style=\"margin-left:2em\">" : "<li>") << body << "</li>\n";
    else out_ << std::string(2 * depth + (format_ == BriefFormat::kMarkdown ? 0 : 2), ' ') << (depth ? "- " : "* ") << body << "\n";
  }
  std::string cites(const nlohmann::json& cites) {
    std::string out;
    for (const auto& cite : cites) {
      std::string ref = text_field(cite, "ref");
      std::string label = ref;
      std::string framing = text_field(cite, "framing");
      if (framing == "alleged" || framing == "denied") label += " (" + framing + ")";
      if (format_ == BriefFormat::kMarkdown) out += " [" + label + "](#" + anchor(ref) + ")";
      else if (format_ == BriefFormat::kHtml) out += " <a href=\"#" + html_escape(anchor(ref)) + "\">" + html_escape(label) + "</a>";
      else out += " " + label;
      cited_.emplace(ref, text_field(cite, "text"));
    }
    return out;
  }
  void cited_sentences() {
    if (cited_.empty()) return;
    heading("Cited sentences");
    if (format_ == BriefFormat::kHtml) out_ << "<dl>\n";
    for (const auto& [ref, sentence] : cited_) {
      if (format_ == BriefFormat::kHtml)
        out_ << "<dt id=\"" << html_escape(anchor(ref)) << "\">" << html_escape(ref) << "</dt><dd>" << html_escape(sentence) << "</dd>\n";
      else if (format_ == BriefFormat::kMarkdown)
        out_ << "- <a id=\"" << anchor(ref) << "\"></a>**" << ref << "** " << shorten(sentence, 400) << "\n";
      else
        out_ << "  " << ref << "  " << shorten(sentence, 300) << "\n";
    }
    if (format_ == BriefFormat::kHtml) out_ << "</dl>\n";
    cited_.clear();
  }
  std::string str() const { return out_.str(); }

 private:
  BriefFormat format_;
  std::ostringstream out_;
  // "A3.12" after "A3.5": by article number, then sentence number.
  struct RefOrder {
    bool operator()(const std::string& a, const std::string& b) const {
      auto parts = [](const std::string& ref) {
        size_t dot = ref.find('.');
        return std::make_pair(std::atoi(ref.c_str() + 1), dot == std::string::npos ? 0 : std::atoi(ref.c_str() + dot + 1));
      };
      return parts(a) < parts(b);
    }
  };
  std::map<std::string, std::string, RefOrder> cited_;
};

std::string outlet_count(size_t n) { return std::to_string(n) + (n == 1 ? " outlet" : " outlets"); }

void render_one(const nlohmann::json& brief, Writer& w) {
  w.title(text_field(brief, "story") + ": " + text_field(brief, "label"));
  std::string first = text_field(brief, "first", "?");
  std::string last = text_field(brief, "last", "?");
  w.paragraph(std::to_string(array_field(brief, "sources").size()) + " article(s) from " +
              outlet_count(core::count_field(brief, "outlets")) + " (" +
              std::to_string(core::count_field(brief, "independent_sources")) +
              " independent: copies and rewrites count with their original), " + first + " .. " + last);
  const size_t kText = 180;

  // A figure's value before its sentence: "15 years — …".
  auto value_of = [](const nlohmann::json& fact) {
    std::string value = text_field(fact, "value");
    return value.empty() ? value : value + " — ";
  };
  if (!array_field(brief, "key_facts").empty()) {
    w.heading("Key facts (independent outlets backing each)");
    w.begin_list();
    for (const auto& fact : array_field(brief, "key_facts")) {
      w.item("[" + std::to_string(core::count_field(fact, "independent_sources")) + "] " +
             w.text(value_of(fact) + shorten(text_field(fact, "text"), kText)) + w.cites(array_field(fact, "cites")));
    }
    w.end_list();
  }
  if (!array_field(brief, "disagreements").empty()) {
    w.heading("Disagreements");
    w.begin_list();
    for (const auto& claim : array_field(brief, "disagreements")) {
      w.item(w.text(shorten(text_field(claim, "text"), kText)));
      for (const auto& value : array_field(claim, "values"))
        w.item(w.text(text_field(value, "value") + " — " +
                      std::to_string(core::count_field(value, "independent_sources")) + " independent: " +
                      join(array_field(value, "outlets"))) +
                   w.cites(array_field(value, "cites")),
               1);
    }
    w.end_list();
  }
  if (!array_field(brief, "framing").empty()) {
    w.heading("Framing differences");
    w.begin_list();
    for (const auto& claim : array_field(brief, "framing")) {
      const nlohmann::json& stated = core::json_field(claim, "stated");
      const nlohmann::json& disputed = core::json_field(claim, "disputed");
      w.item(w.text(shorten(text_field(claim, "text"), kText)));
      w.item(w.text("stated as fact by " + join(array_field(stated, "outlets"))) + w.cites(array_field(stated, "cites")), 1);
      w.item(w.text("reported as alleged or denied by " + join(array_field(disputed, "outlets"))) +
                 w.cites(array_field(disputed, "cites")),
             1);
    }
    w.end_list();
  }
  if (!array_field(brief, "quotes").empty()) {
    w.heading("Who said what");
    w.begin_list();
    for (const auto& speaker : array_field(brief, "quotes")) {
      w.item(w.text(text_field(speaker, "speaker", "unnamed speaker")));
      for (const auto& quote : array_field(speaker, "quotes")) {
        std::string text = text_field(quote, "text");
        if (core::bool_field(quote, "direct", true)) text = "“" + text + "”";
        const nlohmann::json& cite = core::json_field(quote, "cite");
        w.item(w.text(shorten(text, kText)) +
                   w.cites(core::json_field(quote, "cites").is_array() ? quote["cites"]
                           : cite.is_object()                          ? nlohmann::json::array({cite})
                                                                       : nlohmann::json::array()),
               1);
      }
    }
    w.end_list();
  }
  if (!array_field(brief, "timeline").empty()) {
    w.heading("Timeline");
    w.begin_list();
    for (const auto& event : array_field(brief, "timeline")) {
      std::string date = text_field(event, "date", "undated");
      std::string modality = text_field(event, "modality", "asserted");
      modality = modality == "asserted" ? "" : " (" + modality + ")";
      w.item(w.text(date + "  " + text_field(event, "what") + modality) + w.cites(array_field(event, "cites")));
    }
    w.end_list();
  }
  if (!array_field(brief, "outlet_only").empty()) {
    w.heading("What each outlet alone adds");
    w.begin_list();
    for (const auto& outlet : array_field(brief, "outlet_only")) {
      size_t total = core::count_field(outlet, "total"), shown = array_field(outlet, "facts").size();
      w.item(w.text(text_field(outlet, "outlet") + (total > shown ? " (" + std::to_string(shown) + " of " +
                                                                      std::to_string(total) + ")"
                                                                : "")));
      for (const auto& fact : array_field(outlet, "facts"))
        w.item(w.text(value_of(fact) + shorten(text_field(fact, "text"), kText)) + w.cites(array_field(fact, "cites")), 1);
    }
    w.end_list();
  }
  w.heading("Sources");
  w.begin_list();
  for (const auto& source : array_field(brief, "sources")) {
    std::string published = text_field(source, "published", "undated");
    std::string from = text_field(source, "published_from");
    if (from == "story" || from == "text") published += " (inferred from its " + from + ")";
    else if (from == "crawl") published += " (inferred: fetched then)";
    w.item(w.text(text_field(source, "ref") + "  " + text_field(source, "source", "unnamed outlet") + " — " +
                  text_field(source, "title") + " — " + published + " — " + text_field(source, "article")));
  }
  w.end_list();
  w.cited_sentences();
}

}  // namespace

std::string render_brief(const nlohmann::json& brief, BriefFormat format) {
  return render_briefs(nlohmann::json::array({brief}), format);
}

std::string render_briefs(const nlohmann::json& briefs, BriefFormat format, const std::string& appendix,
                          std::vector<std::string>* problems) {
  std::string out;
  if (format == BriefFormat::kHtml)
    out += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>storyline brief</title></head><body>\n";
  bool first = true;
  for (const auto& brief : briefs) {
    if (!brief.is_object() || brief.empty()) continue;
    // Each brief in its own writer: one that throws leaves no half-written
    // section behind, and the others are still rendered.
    Writer w(format);
    try {
      render_one(brief, w);
    } catch (const std::exception& error) {
      if (!problems) throw;  // no one to tell: the caller handles it
      problems->push_back(text_field(brief, "story", "a story") + ": its brief could not be rendered (internal error: " +
                          error.what() + ")");
      continue;
    }
    if (!first) out += format == BriefFormat::kHtml ? "<hr>\n" : "\n";
    first = false;
    out += w.str();
  }
  out += appendix;
  if (format == BriefFormat::kHtml) out += "</body></html>\n";
  return out;
}

}  // namespace storyline::report
