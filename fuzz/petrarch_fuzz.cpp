// Fuzzes the PETRARCH/TABARI dictionary loaders. The first byte chooses the
// format (verbs, actors, agents) and whether typos are repaired with
// warnings or are errors; the rest is the file. What loads is then used:
// verb rules match a few sentences, actors and agents tag an article.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "events/petrarch_dictionaries.h"
#include "events/verb_lexicon.h"
#include "fuzz_support.h"

using namespace storyline;

namespace {

const Article& sample_article() {
  static const std::vector<Article> articles = [] {
    std::string text =
        "Arnor's president signed a treaty with the government of Estmark on Monday.\n\n"
        "The Arnorian foreign minister angrily accused rebels of attacking a convoy.";
    return fuzz::segmented_articles(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  }();
  return articles.front();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  uint8_t choice = data[0];
  std::string path = fuzz::write_input(data + 1, size - 1, ".dictionary");
  std::vector<std::string> warnings;
  std::vector<std::string>* repair = (choice & 4) ? &warnings : nullptr;
  switch (choice % 3) {
    case 0: {
      events::VerbLexicon lexicon;
      size_t rules = 0;
      if (!events::load_petrarch_verbs(path, lexicon, &rules, repair).is_ok()) return 0;
      std::vector<std::string_view> words = {"arnor", "signed", "a", "treaty", "with", "estmark",
                                             "and", "accused", "rebels", "of", "attacking"};
      std::vector<events::PatternMatch> cues;
      for (uint32_t i = 0; i < words.size(); ++i) {
        events::PatternMatch match;
        lexicon.best_event_at(words, i, match);
        lexicon.cues_at(words, i, cues);
      }
      break;
    }
    case 1: {
      events::ActorDictionary actors;
      if (!actors.add_file(path, repair).is_ok()) return 0;
      events::AgentDictionary agents;
      auto mentions = events::tag_dictionary_actors(sample_article(), actors, agents, 20260303);
      for (const EntityMention& mention : mentions) fuzz::check_span(mention.span, sample_article().text);
      break;
    }
    default: {
      events::AgentDictionary agents;
      if (!agents.add_file(path, repair).is_ok()) return 0;
      events::ActorDictionary actors;
      auto mentions = events::tag_dictionary_actors(sample_article(), actors, agents, 20260303);
      for (const EntityMention& mention : mentions) fuzz::check_span(mention.span, sample_article().text);
      break;
    }
  }
  return 0;
}
