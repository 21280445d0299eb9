// Fuzzes the entity mention finder and in-article coreference: the input is
// cleaned and segmented as the engine does, names are found and linked into
// local entities. Every mention must lie inside the text and point at an
// entity that exists.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/data_files.h"
#include "entities/coreference.h"
#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "fuzz_support.h"

using namespace storyline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::shared_ptr<entities::KnowledgeBase> kb = *entities::KnowledgeBase::load(core::data_dir());
  static entities::MentionFinder finder(kb);
  for (const Article& article : fuzz::segmented_articles(data, size)) {
    auto found = finder.find(article);
    for (const auto& mention : found) {
      fuzz::check_span(mention.span, article.text);
      if (mention.first_token > mention.last_token || mention.last_token >= article.tokens.size()) std::abort();
    }
    auto linked = entities::link_mentions(std::move(found), *kb, "2026-03-03");
    for (const EntityMention& mention : linked.mentions) {
      fuzz::check_span(mention.span, article.text);
      if (mention.local_entity < 0 || static_cast<size_t>(mention.local_entity) >= linked.entities.size())
        std::abort();
    }
  }
  return 0;
}
