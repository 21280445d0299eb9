// Text, Markdown and HTML renderings of the brief (brief.h). Every line ends
// with its citations ("A3.5": article 3 of the story's sources, sentence 5);
// Markdown and HTML link each to the cited sentence, listed at the end.
#include <cstdlib>
#include <map>
#include <sstream>

#include "report/brief.h"

namespace storyline::report {

namespace {

std::string shorten(std::string text, size_t max_chars) {
  for (char& c : text)
    if (c == '\n') c = ' ';
  if (text.size() <= max_chars) return text;
  size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos) cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string anchor(const std::string& ref) {
  std::string out;
  for (char c : ref) out += c == '.' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string join(const nlohmann::json& names, const char* separator = ", ") {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : separator) + name.get<std::string>();
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
      std::string ref = cite.value("ref", "");
      std::string label = ref;
      std::string framing = cite.value("framing", "");
      if (framing == "alleged" || framing == "denied") label += " (" + framing + ")";
      if (format_ == BriefFormat::kMarkdown) out += " [" + label + "](#" + anchor(ref) + ")";
      else if (format_ == BriefFormat::kHtml) out += " <a href=\"#" + anchor(ref) + "\">" + html_escape(label) + "</a>";
      else out += " " + label;
      cited_.emplace(ref, cite.value("text", ""));
    }
    return out;
  }
  void cited_sentences() {
    if (cited_.empty()) return;
    heading("Cited sentences");
    if (format_ == BriefFormat::kHtml) out_ << "<dl>\n";
    for (const auto& [ref, sentence] : cited_) {
      if (format_ == BriefFormat::kHtml)
        out_ << "<dt id=\"" << anchor(ref) << "\">" << ref << "</dt><dd>" << html_escape(sentence) << "</dd>\n";
      else if (format_ == BriefFormat::kMarkdown)
        out_ << "- <a id=\"" << anchor(ref) << "\"></a>**" << ref << "** " << shorten(sentence, 400) << "\n";
      else
        out_ << "  " << ref << "  " << shorten(sentence, 300) << "\n";
    }
    if (format_ == BriefFormat::kHtml) out_ << "</dl>\n";
    cited_.clear();
  }
  std::ostringstream& raw() { return out_; }
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
  w.title(brief.value("story", "") + ": " + brief.value("label", ""));
  std::string first = brief["first"].is_string() ? brief["first"].get<std::string>() : "?";
  std::string last = brief["last"].is_string() ? brief["last"].get<std::string>() : "?";
  w.paragraph(std::to_string(brief["sources"].size()) + " article(s) from " + outlet_count(brief.value("outlets", 0)) +
              " (" + std::to_string(brief.value("independent_sources", 0)) +
              " independent: copies and rewrites count with their original), " + first + " .. " + last);
  const size_t kText = 180;

  if (!brief["key_facts"].empty()) {
    w.heading("Key facts (independent outlets backing each)");
    w.begin_list();
    for (const auto& fact : brief["key_facts"]) {
      std::string value = fact.contains("value") ? fact["value"].get<std::string>() + " — " : "";
      w.item("[" + std::to_string(fact.value("independent_sources", 0)) + "] " +
             w.text(value + shorten(fact.value("text", ""), kText)) + w.cites(fact["cites"]));
    }
    w.end_list();
  }
  if (!brief["disagreements"].empty()) {
    w.heading("Disagreements");
    w.begin_list();
    for (const auto& claim : brief["disagreements"]) {
      w.item(w.text(shorten(claim.value("text", ""), kText)));
      for (const auto& value : claim["values"])
        w.item(w.text(value.value("value", "") + " — " + std::to_string(value.value("independent_sources", 0)) +
                      " independent: " +
                      join(value["outlets"])) +
                   w.cites(value["cites"]),
               1);
    }
    w.end_list();
  }
  if (!brief["framing"].empty()) {
    w.heading("Framing differences");
    w.begin_list();
    for (const auto& claim : brief["framing"]) {
      w.item(w.text(shorten(claim.value("text", ""), kText)));
      w.item(w.text("stated as fact by " + join(claim["stated"]["outlets"])) + w.cites(claim["stated"]["cites"]), 1);
      w.item(w.text("reported as alleged or denied by " + join(claim["disputed"]["outlets"])) +
                 w.cites(claim["disputed"]["cites"]),
             1);
    }
    w.end_list();
  }
  if (!brief["quotes"].empty()) {
    w.heading("Who said what");
    w.begin_list();
    for (const auto& speaker : brief["quotes"]) {
      w.item(w.text(speaker.value("speaker", "")));
      for (const auto& quote : speaker["quotes"]) {
        std::string text = quote.value("text", "");
        if (quote.value("direct", true)) text = "“" + text + "”";
        w.item(w.text(shorten(text, kText)) +
                   w.cites(quote.contains("cites") ? quote["cites"] : nlohmann::json::array({quote["cite"]})),
               1);
      }
    }
    w.end_list();
  }
  if (!brief["timeline"].empty()) {
    w.heading("Timeline");
    w.begin_list();
    for (const auto& event : brief["timeline"]) {
      std::string date = event["date"].is_string() ? event["date"].get<std::string>() : "undated";
      std::string modality = event["modality"].is_string() && event["modality"] != "asserted"
                                 ? " (" + event["modality"].get<std::string>() + ")"
                                 : "";
      w.item(w.text(date + "  " + event.value("what", "") + modality) + w.cites(event["cites"]));
    }
    w.end_list();
  }
  if (!brief["outlet_only"].empty()) {
    w.heading("What each outlet alone adds");
    w.begin_list();
    for (const auto& outlet : brief["outlet_only"]) {
      size_t total = outlet.value("total", 0), shown = outlet["facts"].size();
      w.item(w.text(outlet.value("outlet", "") + (total > shown ? " (" + std::to_string(shown) + " of " +
                                                                      std::to_string(total) + ")"
                                                                : "")));
      for (const auto& fact : outlet["facts"]) {
        std::string value = fact.contains("value") ? fact["value"].get<std::string>() + " — " : "";
        w.item(w.text(value + shorten(fact.value("text", ""), kText)) + w.cites(fact["cites"]), 1);
      }
    }
    w.end_list();
  }
  w.heading("Sources");
  w.begin_list();
  for (const auto& source : brief["sources"]) {
    std::string published = source["published"].is_string() ? source["published"].get<std::string>() : "undated";
    std::string from = source.value("published_from", nlohmann::json()).is_string() ? source["published_from"].get<std::string>() : "";
    if (from == "story" || from == "text") published += " (inferred from its " + from + ")";
    else if (from == "crawl") published += " (inferred: fetched then)";
    w.item(w.text(source.value("ref", "") + "  " + source.value("source", "") + " — " + source.value("title", "") +
                  " — " + published + " — " + source.value("article", "")));
  }
  w.end_list();
  w.cited_sentences();
}

}  // namespace

std::string render_brief(const nlohmann::json& brief, BriefFormat format) {
  return render_briefs(nlohmann::json::array({brief}), format);
}

std::string render_briefs(const nlohmann::json& briefs, BriefFormat format) {
  Writer w(format);
  if (format == BriefFormat::kHtml)
    w.raw() << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>storyline brief</title></head><body>\n";
  bool first = true;
  for (const auto& brief : briefs) {
    if (brief.empty()) continue;
    if (!first) w.raw() << (format == BriefFormat::kHtml ? "<hr>\n" : "\n");
    first = false;
    render_one(brief, w);
  }
  if (format == BriefFormat::kHtml) w.raw() << "</body></html>\n";
  return w.str();
}

}  // namespace storyline::report
