// Builds the brief of a story from the JSON report. See brief.h.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/json_fields.h"
#include "report/brief.h"

namespace storyline::report {

namespace {

using core::array_field;
using core::text_field;

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

// Where each story, article, claim, quote and event of a report is, built
// once: briefing every story by scanning the whole report per story costs
// stories × report (25 s for the 665 stories of a thousand real articles).
class ReportIndex {
 public:
  explicit ReportIndex(const nlohmann::json& report) {
    const auto& articles = array_field(report, "articles");
    for (size_t i = 0; i < articles.size(); ++i) article_position_.emplace(text_field(articles[i], "id"), i);
    for (const auto& story : array_field(report, "stories")) stories_.emplace(text_field(story, "id"), &story);
    index_by_article(array_field(report, "claims"), claims_, [](const nlohmann::json& claim, auto&& add) {
      for (const auto& source : array_field(claim, "sources")) add(text_field(source, "article"));
    });
    index_by_article(array_field(report, "quotes"), quotes_,
                     [](const nlohmann::json& quote, auto&& add) { add(text_field(quote, "article")); });
    index_by_article(array_field(report, "events"), events_, [](const nlohmann::json& event, auto&& add) {
      for (const auto& mention : array_field(event, "mentions")) add(text_field(mention, "article"));
      add(text_field(event, "article"));
    });
  }
  const nlohmann::json* story(const std::string& id) const {
    auto it = stories_.find(id);
    return it == stories_.end() ? nullptr : it->second;
  }
  // Positions in the report's "articles" of `members`, in report order
  // (the first of two entries with one id).
  std::vector<size_t> article_positions(const std::set<std::string>& members) const {
    std::vector<size_t> positions;
    for (const auto& id : members)
      if (auto it = article_position_.find(id); it != article_position_.end()) positions.push_back(it->second);
    std::sort(positions.begin(), positions.end());
    return positions;
  }
  // Positions of the claims, quotes or events citing any of `members`, in
  // report order.
  std::vector<size_t> claims_of(const std::set<std::string>& members) const { return of(claims_, members); }
  std::vector<size_t> quotes_of(const std::set<std::string>& members) const { return of(quotes_, members); }
  std::vector<size_t> events_of(const std::set<std::string>& members) const { return of(events_, members); }

 private:
  using ByArticle = std::map<std::string, std::vector<size_t>>;
  template <typename Articles>
  static void index_by_article(const nlohmann::json& items, ByArticle& index, Articles articles_of) {
    for (size_t i = 0; i < items.size(); ++i)
      articles_of(items[i], [&](const std::string& article) {
        if (article.empty()) return;
        auto& positions = index[article];
        if (positions.empty() || positions.back() != i) positions.push_back(i);
      });
  }
  static std::vector<size_t> of(const ByArticle& index, const std::set<std::string>& members) {
    std::vector<size_t> positions;
    for (const auto& id : members)
      if (auto it = index.find(id); it != index.end()) positions.insert(positions.end(), it->second.begin(), it->second.end());
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    return positions;
  }

  std::multimap<std::string, size_t> article_position_;
  std::map<std::string, const nlohmann::json*> stories_;
  ByArticle claims_, quotes_, events_;
};

class StoryContext {
 public:
  StoryContext(const nlohmann::json& report, const ReportIndex& index, const nlohmann::json& story) {
    for (const auto& id : array_field(story, "articles"))
      if (id.is_string()) members_.insert(id.get<std::string>());
    const auto& articles = array_field(report, "articles");
    for (size_t position : index.article_positions(members_)) {
      const auto& article = articles[position];
      std::string id = text_field(article, "id");
      if (articles_.count(id)) continue;
      refs_[id] = "A" + std::to_string(articles_.size() + 1);
      articles_[id] = &article;
      order_.push_back(id);
    }
  }
  const std::set<std::string>& members() const { return members_; }
  bool has(const std::string& article) const { return articles_.count(article) > 0; }
  const std::vector<std::string>& order() const { return order_; }
  const nlohmann::json& article(const std::string& id) const { return *articles_.at(id); }
  std::string ref(const std::string& id) const { return refs_.at(id); }
  std::string outlet(const std::string& id) const {
    std::string source = text_field(article(id), "source");
    return source.empty() ? "unnamed outlet (" + ref(id) + ")" : source;
  }
  // A citation of the sentence holding code point `begin` of article `id`.
  nlohmann::json cite(const std::string& id, const nlohmann::json& span) const {
    const nlohmann::json& a = article(id);
    size_t begin = 0, end = 0;
    // A span of another shape (a stage's bug, an older store) cites the
    // article as a whole: sentence 0, no text.
    bool has_span = core::json_span(span, begin, end);
    size_t sentence = 0;
    nlohmann::json sentence_span = has_span ? span : nlohmann::json(nullptr);
    const auto& sentences = array_field(a, "sentences");
    for (size_t i = 0; has_span && i < sentences.size(); ++i) {
      size_t from = 0, to = 0;
      if (core::json_span(sentences[i], from, to) && from <= begin && begin < to) {
        sentence = i + 1;
        sentence_span = sentences[i];
        break;
      }
    }
    size_t from = 0, to = 0;
    std::string text = core::json_span(sentence_span, from, to) ? code_point_slice(text_field(a, "text"), from, to)
                                                                : std::string();
    return {{"ref", ref(id) + "." + std::to_string(sentence)},
            {"article", id},
            {"source", outlet(id)},
            {"sentence", sentence},
            {"span", sentence_span},
            {"text", text}};
  }

 private:
  std::set<std::string> members_;
  std::map<std::string, const nlohmann::json*> articles_;
  std::map<std::string, std::string> refs_;
  std::vector<std::string> order_;
};

nlohmann::json cites_of(const StoryContext& story, const nlohmann::json& sources) {
  nlohmann::json cites = nlohmann::json::array();
  std::set<std::string> seen;
  for (const auto& source : sources) {
    std::string article = text_field(source, "article");
    if (!story.has(article)) continue;
    nlohmann::json cite = story.cite(article, core::json_field(source, "span"));
    if (!seen.insert(text_field(cite, "ref")).second) continue;
    if (core::json_field(source, "framing").is_string()) cite["framing"] = source["framing"];
    cites.push_back(std::move(cite));
  }
  return cites;
}

nlohmann::json outlets_of(const StoryContext& story, const nlohmann::json& sources) {
  std::set<std::string> outlets;
  for (const auto& source : sources)
    if (std::string article = text_field(source, "article"); story.has(article)) outlets.insert(story.outlet(article));
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
  for (const auto& relation : array_field(story, "relations")) {
    std::string type = text_field(relation, "type");
    std::string from = text_field(relation, "from"), to = text_field(relation, "to");
    if ((type == "duplicate" || type == "rewrite") && context.has(from) && context.has(to)) unite(from, to);
  }
  std::set<std::string> roots;
  for (const auto& id : context.order()) roots.insert(find(id));
  return roots.size();
}

bool disputed(const nlohmann::json& source) {
  std::string framing = text_field(source, "framing");
  return framing == "alleged" || framing == "denied";
}

nlohmann::json build_indexed_brief(const nlohmann::json& report, const ReportIndex& index, const std::string& story_id,
                                   const BriefOptions& options) {
  const nlohmann::json* story = index.story(story_id);
  if (!story) return nlohmann::json::object();
  StoryContext context(report, index, *story);
  nlohmann::json brief = {{"story", story_id},
                          {"label", text_field(*story, "label")},
                          {"first", core::json_field(*story, "first")},
                          {"last", core::json_field(*story, "last")},
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
                                {"title", text_field(a, "title")}, {"published", core::json_field(a, "published")},
                                {"published_from", core::json_field(a, "published_from")}});
  }
  brief["outlets"] = outlets.size();
  brief["independent_sources"] = independent_sources(context, *story);

  std::map<std::string, nlohmann::json> alone;  // outlet(s) → their single-source facts
  const auto& claims = array_field(report, "claims");
  for (size_t position : index.claims_of(context.members())) {
    const auto& claim = claims[position];
    if (core::json_field(claim, "story").is_string() && claim["story"] != story_id) continue;
    const auto& sources = array_field(claim, "sources");
    bool in_story = false;
    for (const auto& source : sources) in_story |= context.has(text_field(source, "article"));
    if (!in_story) continue;
    std::string status = text_field(claim, "status");
    nlohmann::json line = {{"claim", text_field(claim, "id")}, {"text", text_field(claim, "text")}};
    if (core::json_field(claim, "value").is_string()) line["value"] = claim["value"];
    if (status == "corroborated") {
      line["independent_sources"] = core::count_field(claim, "independent_sources");
      line["outlets"] = outlets_of(context, sources);
      line["cites"] = cites_of(context, sources);
      brief["key_facts"].push_back(std::move(line));
    } else if (status == "contradicted") {
      line["values"] = nlohmann::json::array();
      for (const auto& value : array_field(claim, "values"))
        line["values"].push_back({{"value", text_field(value, "value")},
                                  {"independent_sources", core::count_field(value, "independent_sources")},
                                  {"outlets", outlets_of(context, array_field(value, "sources"))},
                                  {"cites", cites_of(context, array_field(value, "sources"))}});
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
      for (const auto& name : names) key += (key.empty() ? "" : " / ") + core::json_text(name);
      line["cites"] = cites_of(context, sources);
      line["kind"] = text_field(claim, "kind", "statement");
      alone[key].push_back(std::move(line));
    }
  }
  // Key facts: the most widely backed first (the report's order breaks ties).
  auto& facts = brief["key_facts"];
  std::stable_sort(facts.begin(), facts.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return core::count_field(a, "independent_sources") > core::count_field(b, "independent_sources");
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
  const auto& quotes = array_field(report, "quotes");
  for (size_t position : index.quotes_of(context.members())) {
    const auto& quote = quotes[position];
    std::string article = text_field(quote, "article");
    if (!context.has(article)) continue;
    std::string speaker = text_field(quote, "speaker");
    if (speaker.empty()) speaker = "unnamed speaker";
    nlohmann::json& list = by_speaker[speaker];
    // The same words in a copy or a rewrite: one line, every citation.
    std::string text = text_field(quote, "text");
    nlohmann::json cite = context.cite(article, array_field(quote, "span"));
    bool known = false;
    for (auto& entry : list)
      if (entry["text"] == text) entry["cites"].push_back(cite), known = true;
    if (known || list.size() >= options.quotes_per_speaker) continue;
    list.push_back({{"text", text}, {"direct", core::bool_field(quote, "direct", true)}, {"cite", cite}, {"cites", {cite}}});
  }
  for (auto& [speaker, quotes] : by_speaker) brief["quotes"].push_back({{"speaker", speaker}, {"quotes", std::move(quotes)}});

  // The timeline: the report's events (when the events stage ran), by date.
  const auto& events = array_field(report, "events");
  for (size_t position : index.events_of(context.members())) {
    const auto& event = events[position];
    nlohmann::json mentions = array_field(event, "mentions");
    if (mentions.empty() && core::json_field(event, "article").is_string())
      mentions.push_back({{"article", event["article"]}, {"span", core::json_field(event, "span")}});
    nlohmann::json cites = nlohmann::json::array();
    for (const auto& mention : mentions)
      if (std::string article = text_field(mention, "article"); context.has(article))
        cites.push_back(context.cite(article, core::json_field(mention, "span")));
    if (cites.empty()) continue;
    // "Norway — sign formal agreement — Chile (Oslo)"; the code when the
    // event type has no label.
    std::string action = text_field(event, "label");
    if (action.empty()) action = "[" + text_field(event, "code") + "]";
    auto actor = [&](const char* side) {
      const nlohmann::json& who = core::json_field(event, side);
      std::string name = core::json_text(who);
      return name.empty() ? text_field(who, "actor_code") : name;
    };
    std::string source = actor("source"), target = actor("target");
    std::string location = text_field(event, "location");
    std::string what = (source.empty() ? "" : source + " — ") + action + (target.empty() ? "" : " — " + target) +
                       (location.empty() ? "" : " (" + location + ")");
    std::string modality = text_field(event, "modality");
    brief["timeline"].push_back({{"date", core::json_field(event, "date")},
                                 {"what", what},
                                 {"modality", modality.empty() ? nlohmann::json() : nlohmann::json(modality)},
                                 {"cites", cites}});
  }
  auto& timeline = brief["timeline"];
  std::stable_sort(timeline.begin(), timeline.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    std::string x = text_field(a, "date", "~"), y = text_field(b, "date", "~");
    return x < y;
  });
  if (timeline.size() > options.timeline) timeline.erase(timeline.begin() + static_cast<long>(options.timeline), timeline.end());
  return brief;
}

}  // namespace

nlohmann::json build_brief(const nlohmann::json& report, const std::string& story_id, const BriefOptions& options) {
  return build_indexed_brief(report, ReportIndex(report), story_id, options);
}

nlohmann::json build_briefs(const nlohmann::json& report, const BriefOptions& options,
                            std::vector<std::string>* problems) {
  nlohmann::json briefs = nlohmann::json::array();
  ReportIndex index(report);
  for (const auto& story : array_field(report, "stories")) {
    std::string id = text_field(story, "id");
    try {
      nlohmann::json brief = build_indexed_brief(report, index, id, options);
      if (!brief.empty()) briefs.push_back(std::move(brief));
    } catch (const std::exception& error) {
      // One story's bug must not cost the reader every other story.
      if (!problems) throw;  // no one to tell: the caller handles it
      problems->push_back((id.empty() ? "a story without id" : id) + ": its brief could not be built (internal error: " + error.what() + ")");
    }
  }
  return briefs;
}

}  // namespace storyline::report
