#include "claims/story_claims.h"

#include <map>
#include <set>

#include "claims/source_units.h"
#include "core/text_util.h"

namespace storyline::claims {

namespace {

Result<std::vector<std::pair<int64_t, int64_t>>> copy_relations(store::Database& db, const std::vector<int64_t>& rows) {
  std::vector<std::pair<int64_t, int64_t>> out;
  auto query = db.prepare(
      "SELECT from_row, to_row FROM article_relations WHERE from_row = ?1 AND type IN ('duplicate', 'rewrite')");
  if (!query) {
    // Without the stories stage there are no relations: every article stands on its own.
    return out;
  }
  for (int64_t row : rows) {
    query->reset();
    query->bind(1, row);
    while (query->step()) out.emplace_back(query->column_int(0), query->column_int(1));
    if (!query->status().is_ok()) return query->status();
  }
  return out;
}

}  // namespace

Result<nlohmann::json> claims_json(store::Database& db, const std::vector<int64_t>& rows, const std::string& story,
                                   const AlignmentOptions& options) {
  auto article_query = db.prepare("SELECT a.id, coalesce(a.source, ''), a.text, c.claims FROM articles a"
                                  " JOIN claim_mentions c ON c.article_row = a.row WHERE a.row = ?1");
  if (!article_query) return article_query.status();
  std::vector<StoryArticle> articles;
  for (int64_t row : rows) {
    article_query->reset();
    article_query->bind(1, row);
    if (!article_query->step()) {
      if (!article_query->status().is_ok()) return article_query->status();
      continue;  // stored before the claims stage existed
    }
    StoryArticle article{row, article_query->column_text(0), article_query->column_text(1),
                         article_query->column_text(2), {}};
    nlohmann::json stored = nlohmann::json::parse(article_query->column_text(3), nullptr, false);
    if (stored.is_discarded()) return Status::corrupt("claim_mentions: unreadable row " + std::to_string(row));
    for (const auto& item : stored) article.mentions.push_back(claim_from_json(item));
    articles.push_back(std::move(article));
  }
  std::vector<int64_t> loaded_rows;
  for (const auto& a : articles) loaded_rows.push_back(a.row);
  auto related = copy_relations(db, loaded_rows);
  if (!related) return related.status();
  return align_story_claims(articles, *related, story, options);
}

nlohmann::json align_story_claims(const std::vector<StoryArticle>& articles,
                                  const std::vector<std::pair<int64_t, int64_t>>& related, const std::string& story,
                                  const AlignmentOptions& options) {
  std::vector<ClaimMention> mentions;
  std::vector<size_t> article_of;
  std::vector<SourceArticle> sources;
  for (size_t a = 0; a < articles.size(); ++a) {
    sources.push_back({articles[a].row, articles[a].source});
    for (const auto& mention : articles[a].mentions) mentions.push_back(mention), article_of.push_back(a);
  }
  std::vector<size_t> units = independence_units(sources, related);
  std::vector<size_t> unit_of(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m) unit_of[m] = units[article_of[m]];

  std::vector<ClaimGroup> groups = align_claims(mentions, unit_of, options);
  std::vector<core::CodePointIndex> indexes;
  indexes.reserve(articles.size());
  for (const auto& a : articles) indexes.emplace_back(a.text);
  auto source_json = [&](size_t m) {
    const ClaimMention& mention = mentions[m];
    const StoryArticle& article = articles[article_of[m]];
    const core::CodePointIndex& index = indexes[article_of[m]];
    nlohmann::json json = {
        {"source", article.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(article.source)},
        {"article", article.id},
        {"span", {index.at(mention.sentence.begin), index.at(mention.sentence.end)}},
        {"framing", framing_name(mention.framing)},
        {"negated", mention.negated},
        {"independent_source", unit_of[m]},
    };
    if (mention.hedged) json["hedged"] = true;
    if (mention.kind == "quantity") {
      json["value"] = mention.value_text;
      json["value_span"] = {index.at(mention.match.begin), index.at(mention.match.end)};
    }
    if (!mention.speaker.empty()) json["speaker"] = mention.speaker;
    return json;
  };
  nlohmann::json out = nlohmann::json::array();
  for (const ClaimGroup& group : groups) {
    // The group's text: the sentence of its first mention that states it
    // (rather than alleges or denies it).
    size_t representative = group.members.front();
    for (size_t m : group.members)
      if (mentions[m].framing != Framing::kAlleged && mentions[m].framing != Framing::kDenied) {
        representative = m;
        break;
      }
    const ClaimMention& rep = mentions[representative];
    const StoryArticle& rep_article = articles[article_of[representative]];
    std::string text(slice(rep_article.text, rep.sentence));
    nlohmann::json claim = {
        {"id", "claim-" + core::hex64(core::hash64(story + "|" + rep_article.id + "|" +
                                                    std::to_string(rep.match.begin) + "|" + rep.kind))
                              .substr(0, 12)},
        {"story", story.empty() ? nlohmann::json(nullptr) : nlohmann::json(story)},
        {"kind", rep.kind},
        {"text", text},
        {"status", group.status},
        {"independent_sources", group.independent_sources},
        {"sources", nlohmann::json::array()},
    };
    if (rep.kind == "quantity") {
      claim["value"] = rep.value_text;
      claim["dimension"] = rep.quantity.dimension;
    } else {
      claim["negated"] = rep.negated;
    }
    for (size_t m : group.members) claim["sources"].push_back(source_json(m));
    if (group.status == "contradicted") {
      claim["values"] = nlohmann::json::array();
      for (const auto& [value, members] : group.values) {
        nlohmann::json sources = nlohmann::json::array();
        std::set<size_t> units_of_value;
        for (size_t m : members) sources.push_back(source_json(m)), units_of_value.insert(unit_of[m]);
        claim["values"].push_back(
            {{"value", value}, {"independent_sources", units_of_value.size()}, {"sources", std::move(sources)}});
      }
    }
    out.push_back(std::move(claim));
  }
  return out;
}

}  // namespace storyline::claims
