// Fuzzes the event coder on any text: the input is cleaned and segmented as
// the engine does, its names are found and linked (the entities stage's
// per-article work), and every sentence is coded with the project's verb
// lexicon and agent nouns, agreement parties and "the two leaders" included.
// Every span an event gives back (sentence, trigger, actors, location) must
// lie inside the text, and its sentence must be one of the article's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/data_files.h"
#include "entities/coreference.h"
#include "entities/knowledge_base.h"
#include "entities/mention_finder.h"
#include "events/event_coder.h"
#include "fuzz_support.h"

using namespace storyline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::shared_ptr<entities::KnowledgeBase> kb = *entities::KnowledgeBase::load(core::data_dir());
  static entities::MentionFinder finder(kb);
  static events::VerbLexicon lexicon = *events::VerbLexicon::load(core::data_path("events/verb_patterns.txt"));
  static events::AgentNouns agents = *events::AgentNouns::load(core::data_path("events/agent_nouns.tsv"));
  static events::EventCoder coder(lexicon, &agents);
  for (Article& article : fuzz::segmented_articles(data, size)) {
    article.mentions = entities::link_mentions(finder.find(article), *kb, "2026-03-03").mentions;
    for (const events::CodedEvent& event : coder.code_article(article)) {
      for (const Span& span : {event.sentence, event.trigger, event.source.span, event.target.span,
                               event.attributor.span, event.location_span})
        fuzz::check_span(span, article.text);
      if (event.sentence_index >= article.sentences.size()) std::abort();
      if (event.code.empty()) std::abort();
    }
  }
  return 0;
}
