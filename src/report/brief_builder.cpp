// Builds the brief of a story from the JSON report. See brief.h.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "report/brief.h"

namespace storyline::report {

namespace {

std::string string_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) return it->value("name", "");
  return it->dump();
}

// The array `key` of `object` by reference (value() would copy it), or an
// empty array.
const nlohmann::json& array_of(const nlohmann::json& object, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!object.is_object()) return empty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : empty;
}

// Code points [begin, end) of UTF-8 `text`.
std::string code_point_slice(const std::string& text, size_t begin, size_t end) {
  size_t cp = 0, from = std::string::npos, to = text.size();
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == begin) from = i;
    if (cp == end) {
      to = i;
      break;
    }
    ++cp;
  }
  return from == std::string::npos ? std::string() : text.substr(from, to - from);
}

class StoryContext {
 public:
  StoryContext(const nlohmann::json& report, const nlohmann::json& story) {
    std::set<std::string> members;
    for (const auto& id : array_of(story, "articles")) members.insert(id.get<std::string>());
    for (const auto& article : array_of(report, "articles")) {
      std::string id = article.value("id", "");
      if (!members.count(id)) continue;
      refs_[id] = "A" + std::to_string(articles_.size() + 1);
      articles_[id] = &article;
      order_.push_back(id);
    }
  }
  bool has(const std::string& article) const { return articles_.count(article) > 0; }
  const std::vector<std::string>& order() const { return order_; }
  const nlohmann::json& article(const std::string& id) const { return *articles_.at(id); }
  std::string ref(const std::string& id) const { return refs_.at(id); }
  std::string outlet(const std::string& id) const {
    std::string source = string_of(article(id), "source");
    return source.empty() ? "unnamed outlet (" + ref(id) + ")" : source;
  }
  // A citation of the sentence holding code point `begin` of article `id`.
  nlohmann::json cite(const std::string& id, const nlohmann::json& span) const {
    const nlohmann::json& a = article(id);
    size_t begin = span.is_array() && !span.empty() ? span[0].get<size_t>() : 0;
    size_t sentence = 0;
    nlohmann::json sentence_span = span;
    const auto& sentences = array_of(a, "sentences");
    for (size_t i = 0; i < sentences.size(); ++i)
      if (sentences[i][0].get<size_t>() <= begin && begin < sentences[i][1].get<size_t>()) {
        sentence = i + 1;
        sentence_span = sentences[i];
        break;
      }
    std::string text = sentence_span.is_array() && sentence_span.size() == 2
                           ? code_point_slice(a.value("text", ""), sentence_span[0], sentence_span[1])
                           : std::string();
    return {{"ref", ref(id) + "." + std::to_string(sentence)},
            {"article", id},
            {"source", outlet(id)},
            {"sentence", sentence},
            {"span", sentence_span},
            {"text", text}};
  }

 private:
  std::map<std::string, const nlohmann::json*> articles_;
  std::map<std::string, std::string> refs_;
  std::vector<std::string> order_;
};

nlohmann::json cites_of(const StoryContext& story, const nlohmann::json& sources) {
  nlohmann::json cites = nlohmann::json::array();
  std::set<std::string> seen;
  for (const auto& source : sources) {
    std::string article = source.value("article", "");
    if (!story.has(article)) continue;
    nlohmann::json cite = story.cite(article, source["span"]);
    if (!seen.insert(cite["ref"].get<std::string>()).second) continue;
    if (source.contains("framing")) cite["framing"] = source["framing"];
    cites.push_back(std::move(cite));
  }
  return cites;
}

nlohmann::json outlets_of(const StoryContext& story, const nlohmann::json& sources) {
  std::set<std::string> outlets;
  for (const auto& source : sources)
    if (story.has(source.value("article", ""))) outlets.insert(story.outlet(source["article"]));
  return nlohmann::json(std::vector<std::string>(outlets.begin(), outlets.end()));
}

// Outlets, with a copy or a rewrite counted with its original (the story's
// relations), as the claims stage counts them.
size_t independent_sources(const StoryContext& context, const nlohmann::json& story) {
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find = [&](const std::string& x) -> std::string {
    auto it = parent.find(x);
    if (it == parent.end() || it->second == x) return x;
    return it->second = find(it->second);
  };
  auto unite = [&](const std::string& a, const std::string& b) { parent[find(a)] = find(b); };
  for (const auto& id : context.order()) unite(id, "outlet:" + context.outlet(id));
  for (const auto& relation : array_of(story, "relations")) {
    std::string type = relation.value("type", "");
    if ((type == "duplicate" || type == "rewrite") && context.has(relation.value("from", "")) &&
        context.has(relation.value("to", "")))
      unite(relation["from"], relation["to"]);
  }
  std::set<std::string> roots;
  for (const auto& id : context.order()) roots.insert(find(id));
  return roots.size();
}

bool disputed(const nlohmann::json& source) {
  std::string framing = source.value("framing", "");
  return framing == "alleged" || framing == "denied";
}

}  // namespace

nlohmann::json build_brief(const nlohmann::json& report, const std::string& story_id, const BriefOptions& options) {
  const nlohmann::json* story = nullptr;
  for (const auto& s : array_of(report, "stories"))
    if (s.value("id", "") == story_id) story = &s;
  if (!story) return nlohmann::json::object();
  StoryContext context(report, *story);
  nlohmann::json brief = {{"story", story_id},
                          {"label", story->value("label", "")},
                          {"first", story->value("first", nlohmann::json())},
                          {"last", story->value("last", nlohmann::json())},
                          {"sources", nlohmann::json::array()},
                          {"key_facts", nlohmann::json::array()},
                          {"disagreements", nlohmann::json::array()},
                          {"framing", nlohmann::json::array()},
                          {"quotes", nlohmann::json::array()},
                          {"timeline", nlohmann::json::array()},
                          {"outlet_only", nlohmann::json::array()}};
  std::set<std::string> outlets;
  for (const auto& id : context.order()) {
    const auto& a = context.article(id);
    outlets.insert(context.outlet(id));
    brief["sources"].push_back({{"ref", context.ref(id)}, {"article", id}, {"source", context.outlet(id)},
                                {"title", a.value("title", "")}, {"published", a.value("published", nlohmann::json())},
                                {"published_from", a.value("published_from", nlohmann::json())}});
  }
  brief["outlets"] = outlets.size();
  brief["independent_sources"] = independent_sources(context, *story);

  std::map<std::string, nlohmann::json> alone;  // outlet(s) → their single-source facts
  for (const auto& claim : array_of(report, "claims")) {
    if (claim.value("story", nlohmann::json()).is_string() && claim["story"] != story_id) continue;
    const auto& sources = array_of(claim, "sources");
    bool in_story = false;
    for (const auto& source : sources) in_story |= context.has(source.value("article", ""));
    if (!in_story) continue;
    std::string status = claim.value("status", "");
    nlohmann::json line = {{"claim", claim.value("id", "")}, {"text", claim.value("text", "")}};
    if (claim.contains("value")) line["value"] = claim["value"];
    if (status == "corroborated") {
      line["independent_sources"] = claim.value("independent_sources", 0);
      line["outlets"] = outlets_of(context, sources);
      line["cites"] = cites_of(context, sources);
      brief["key_facts"].push_back(std::move(line));
    } else if (status == "contradicted") {
      line["values"] = nlohmann::json::array();
      for (const auto& value : array_of(claim, "values"))
        line["values"].push_back({{"value", value.value("value", "")},
                                  {"independent_sources", value.value("independent_sources", 0)},
                                  {"outlets", outlets_of(context, value["sources"])},
                                  {"cites", cites_of(context, value["sources"])}});
      brief["disagreements"].push_back(std::move(line));
    } else if (status == "framing") {
      nlohmann::json stated = nlohmann::json::array(), contested = nlohmann::json::array();
      for (const auto& source : sources) (disputed(source) ? contested : stated).push_back(source);
      line["stated"] = {{"outlets", outlets_of(context, stated)}, {"cites", cites_of(context, stated)}};
      line["disputed"] = {{"outlets", outlets_of(context, contested)}, {"cites", cites_of(context, contested)}};
      brief["framing"].push_back(std::move(line));
    } else if (status == "single_source") {
      nlohmann::json names = outlets_of(context, sources);
      std::string key;
      for (const auto& name : names) key += (key.empty() ? "" : " / ") + name.get<std::string>();
      line["cites"] = cites_of(context, sources);
      line["kind"] = claim.value("kind", "statement");
      alone[key].push_back(std::move(line));
    }
  }
  // Key facts: the most widely backed first (the report's order breaks ties).
  auto& facts = brief["key_facts"];
  std::stable_sort(facts.begin(), facts.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["independent_sources"].get<size_t>() > b["independent_sources"].get<size_t>();
  });
  if (facts.size() > options.key_facts) facts.erase(facts.begin() + static_cast<long>(options.key_facts), facts.end());
  // What each outlet alone adds: figures first, then statements.
  for (auto& [outlet, lines] : alone) {
    std::stable_sort(lines.begin(), lines.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return (a["kind"] == "quantity") > (b["kind"] == "quantity");
    });
    size_t total = lines.size();
    if (lines.size() > options.per_outlet) lines.erase(lines.begin() + static_cast<long>(options.per_outlet), lines.end());
    brief["outlet_only"].push_back({{"outlet", outlet}, {"total", total}, {"facts", std::move(lines)}});
  }

  // Who said what: the report's quotes (when the quotes stage ran), by speaker.
  std::map<std::string, nlohmann::json> by_speaker;
  for (const auto& quote : array_of(report, "quotes")) {
    std::string article = string_of(quote, "article");
    if (!context.has(article)) continue;
    std::string speaker = string_of(quote, "speaker");
    if (speaker.empty()) speaker = "unnamed speaker";
    nlohmann::json& list = by_speaker[speaker];
    // The same words in a copy or a rewrite: one line, every citation.
    std::string text = string_of(quote, "text");
    nlohmann::json cite = context.cite(article, array_of(quote, "span"));
    bool known = false;
    for (auto& entry : list)
      if (entry["text"] == text) entry["cites"].push_back(cite), known = true;
    if (known || list.size() >= options.quotes_per_speaker) continue;
    list.push_back({{"text", text}, {"direct", quote.value("direct", true)}, {"cite", cite}, {"cites", {cite}}});
  }
  for (auto& [speaker, quotes] : by_speaker) brief["quotes"].push_back({{"speaker", speaker}, {"quotes", std::move(quotes)}});

  // The timeline: the report's events (when the events stage ran), by date.
  for (const auto& event : array_of(report, "events")) {
    nlohmann::json mentions = array_of(event, "mentions");
    if (mentions.empty() && event.contains("article"))
      mentions.push_back({{"article", event["article"]}, {"span", array_of(event, "span")}});
    nlohmann::json cites = nlohmann::json::array();
    for (const auto& mention : mentions)
      if (context.has(string_of(mention, "article")))
        cites.push_back(context.cite(mention["article"], array_of(mention, "span")));
    if (cites.empty()) continue;
    // "Norway — sign formal agreement — Chile (Oslo)"; the code when the
    // event type has no label.
    std::string action = string_of(event, "label");
    if (action.empty()) action = "[" + string_of(event, "code") + "]";
    std::string source = string_of(event, "source"), target = string_of(event, "target");
    std::string location = string_of(event, "location");
    std::string what = (source.empty() ? "" : source + " — ") + action + (target.empty() ? "" : " — " + target) +
                       (location.empty() ? "" : " (" + location + ")");
    std::string modality = string_of(event, "modality");
    brief["timeline"].push_back({{"date", event.value("date", nlohmann::json())},
                                 {"what", what},
                                 {"modality", modality.empty() ? nlohmann::json() : nlohmann::json(modality)},
                                 {"cites", cites}});
  }
  auto& timeline = brief["timeline"];
  std::stable_sort(timeline.begin(), timeline.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    std::string x = a["date"].is_string() ? a["date"].get<std::string>() : "~";
    std::string y = b["date"].is_string() ? b["date"].get<std::string>() : "~";
    return x < y;
  });
  if (timeline.size() > options.timeline) timeline.erase(timeline.begin() + static_cast<long>(options.timeline), timeline.end());
  return brief;
}

nlohmann::json build_briefs(const nlohmann::json& report, const BriefOptions& options) {
  nlohmann::json briefs = nlohmann::json::array();
  for (const auto& story : array_of(report, "stories")) {
    nlohmann::json brief = build_brief(report, story.value("id", ""), options);
    if (!brief.empty()) briefs.push_back(std::move(brief));
  }
  return briefs;
}

}  // namespace storyline::report
