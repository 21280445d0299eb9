// The entities stage: names found in each article (analyze), resolved across
// articles into stored entities with their aliases and mentions (add_batch).
//
// Tables (component "entities"):
//   entities(id, type, name, role, country, actor_code, latitude, longitude)
//   entity_aliases(entity_id, alias, mentions)          every spelling seen
//   entity_mentions(article_row, entity_id, local_entity, begin, end)   byte spans
#pragma once

#include <memory>

#include "entities/coreference.h"
#include "entities/entity_resolver.h"
#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "events/petrarch_dictionaries.h"
#include "pipeline/stage.h"

namespace storyline::entities {

class EntitiesStage : public pipeline::Stage {
 public:
  // `dictionaries`: CountryInfo files and PETRARCH actor dictionaries.
  static Result<std::unique_ptr<EntitiesStage>> create(const std::string& data_dir,
                                                      const std::vector<std::string>& dictionaries = {});
  // The same on a knowledge base already loaded (the engine shares it with
  // its annotator); CountryInfo files among `dictionaries` are added to it.
  static Result<std::unique_ptr<EntitiesStage>> create(std::shared_ptr<KnowledgeBase> kb,
                                                      const std::vector<std::string>& dictionaries = {});

  std::string_view name() const override { return "entities"; }
  // Every language: English with all its rules (titles, given names, name
  // shapes, appositions: English), others with the knowledge base's names
  // only, so that German nouns and French capitals become no one.
  pipeline::Coverage coverage(std::string_view language) const override {
    return language == "en" ? pipeline::Coverage::kFull : pipeline::Coverage::kReduced;
  }
  std::vector<store::Migration> migrations() const override;
  Status open(store::Database& db) override;
  void analyze(Article& article) override;
  Status add_batch(store::Database& db, std::vector<Article>& articles) override;
  Status rollback(store::Database& db) override;
  Status report(const pipeline::ReportScope& scope, nlohmann::json& report) override;

 private:
  explicit EntitiesStage(std::shared_ptr<const KnowledgeBase> kb) : kb_(kb), finder_(kb) {}
  // A code from the user's PETRARCH actor dictionaries, on the article's date.
  std::string dictionary_code(const std::string& name, const std::string& published) const;
  Status reload(store::Database& db);
  Result<int64_t> store_entity(store::Database& db, const LocalEntity& local);

  std::shared_ptr<const KnowledgeBase> kb_;
  MentionFinder finder_;
  EntityResolver resolver_;
  std::shared_ptr<events::ActorDictionary> actors_;  // null without PETRARCH dictionaries
  int64_t newest_id_ = 0;  // the newest entity the resolver holds
};

// "PERSON", "ORGANIZATION", "PLACE", "NORP".
std::string_view entity_type_name(EntityType type);

}  // namespace storyline::entities
