// The document model every stage reads and adds to.
//
// An Article's `text` is the cleaned body (UTF-8, NFC, boilerplate removed,
// one paragraph per line, "\n" between paragraphs). It is stored verbatim, and every span any
// later stage produces is a byte range into it, so any output can be shown in
// its sentence. JSON output converts byte offsets to code-point offsets
// (docs/schema.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// A half-open byte range [begin, end) into Article::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

inline std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

// Universal Dependencies part-of-speech tags (UPOS), in the order UD lists them.
enum class Upos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX
};
inline constexpr int kUposCount = 17;
std::string_view upos_name(Upos upos);                       // "NOUN"
bool upos_from_name(std::string_view name, Upos& upos);      // false when not a UPOS tag

// Universal Dependencies relations, with the subtypes UD English uses
// ("nmod:poss", "obl:agent"); `universal()` drops the subtype.
enum class Deprel : uint8_t {
  kDep, kAcl, kAclRelcl, kAdvcl, kAdvclRelcl, kAdvmod, kAmod, kAppos, kAux, kAuxPass, kCase, kCc, kCcPreconj,
  kCcomp, kClf, kCompound, kCompoundPrt, kConj, kCop, kCsubj, kCsubjOuter, kCsubjPass, kDet, kDetPredet,
  kDiscourse, kDislocated, kExpl, kFixed, kFlat, kGoeswith, kIobj, kList, kMark, kNmod, kNmodDesc, kNmodPoss,
  kNmodUnmarked, kNsubj, kNsubjOuter, kNsubjPass, kNummod, kObj, kObl, kOblAgent, kOblUnmarked, kOrphan,
  kParataxis, kPunct, kReparandum, kRoot, kVocative, kXcomp
};
inline constexpr int kDeprelCount = 52;
std::string_view deprel_name(Deprel deprel);                  // "nsubj:pass"
bool deprel_from_name(std::string_view name, Deprel& deprel);  // false when not listed
Deprel universal(Deprel deprel);                              // kNsubjPass → kNsubj

// What a reader found before cleaning: one input record (a file, a JSON line,
// a WARC record). A page may still hold several articles; the cleaner splits it.
struct RawDocument {
  enum class Format { kText, kHtml };
  Format format = Format::kText;
  std::string origin;       // file path or URL, with "#line N" / "#record N" when inside a file
  std::string url;          // the article's URL when known
  std::string external_id;  // an id given by the input (JSON Lines "id")
  std::string source;       // outlet name from metadata, if any
  std::string title;        // headline from metadata, if any
  std::string published;    // publication date/time from metadata (any common format), if any
  std::string fetched;      // when a crawler fetched it (WARC-Date): a fallback, never a publication date
  std::string charset;      // declared character set (HTTP header), if any
  std::string language;     // declared language (JSON Lines "language", <html lang>), if any
  std::string body;         // the text or the HTML
};

// A name in an article: found by the entities stage (src/entities/), read by
// events, quotes and claims. After in-article coreference every mention of
// one person carries the same `local_entity` and their fullest `name`
// ("Peskov" → "Dmitry S. Peskov").
enum class EntityType { kPerson, kOrganization, kPlace, kNorp };

struct EntityMention {
  Span span;                // the words in the text ("the Kremlin spokesman", "Peskov")
  EntityType type = EntityType::kPerson;
  std::string name;         // the entity's fullest name in this article
  std::string actor_code;   // CAMEO-style ("RUSGOV", "IRN"), empty when unknown
  std::string country;      // ISO 3166 alpha-3, empty when unknown
  std::string role;         // "spokesperson", "foreign minister", ... empty when unknown
  int32_t local_entity = -1;  // index of the in-article entity (coreference chain)
  bool title_only = false;    // a title standing for the person ("the Kremlin spokesman"), not a name
  int64_t entity_id = 0;      // the resolved entity across articles; 0 until resolved
};

// The linguistic annotation of an article (src/nlp/annotator.h), made once,
// right after segmentation, and read by every later stage: the text cut
// into words as Universal Dependencies English cuts them (clitics apart:
// "Iran|'s", "do|n't"), each word with its part of speech, lemma and place
// in its sentence's dependency tree, and the names the recogniser found.
// Only for the languages the models are trained on (English); empty for
// the others, whose stages fall back on what needs no model.
struct AnnotatedWord {
  Span span;                          // the word as written
  Upos upos = Upos::kX;
  Deprel relation = Deprel::kDep;     // to its head; kRoot for the sentence's root
  int32_t head = -1;                  // the head's index within the sentence (0-based); -1 for the root
  std::string lemma;
};

// The words of Article::sentences[i] are Annotation::words[first, end).
struct SentenceWords {
  uint32_t first = 0, end = 0;
  uint32_t size() const { return end - first; }
};

// A name the recogniser found: words [first_word, last_word] (indices into
// Annotation::words, inclusive, always inside one sentence).
struct RecognizedName {
  Span span;  // first word's begin to last word's end
  EntityType type = EntityType::kPerson;
  uint32_t first_word = 0, last_word = 0;
};

struct Annotation {
  std::vector<AnnotatedWord> words;      // every sentence's words, in text order
  std::vector<SentenceWords> sentences;  // one per Article::sentences entry
  std::vector<RecognizedName> names;     // in text order, not overlapping
  bool empty() const { return sentences.empty(); }
};

struct Article {
  // Stable id: a hash of the outlet, headline and normalised text, so that the
  // same article ingested twice, from any path, is one document.
  std::string id;
  std::string external_id;
  std::string source;         // outlet display name ("DW", "Voice of America")
  std::string source_domain;  // registrable host ("dw.com"), empty when unknown
  std::string title;
  std::string byline;
  std::string published;      // ISO 8601 ("2025-01-17" or "2025-01-17T09:30:00Z"); empty when unknown
  bool published_inferred = false;  // true when the date was inferred, not stated
  std::string url;
  std::string origin;
  std::string text;
  std::vector<std::string> warnings;  // repairs and truncations, each naming the place

  // The language of the text (clean/language_id.h): an ISO 639-1 code
  // ("en", "de"), or "und" when it cannot be told; `language_reliable`
  // false when that is a guess (short or mixed text); `language_from` says
  // what told it: "text" (identified), "metadata" (declared by the input,
  // the text too short to tell), "guess" (identified, unreliably), "" for und.
  std::string language = "und";
  bool language_reliable = false;
  std::string language_from;
  // U+FFFD characters in the text: bytes the input's encoding could not give.
  uint32_t replacement_characters = 0;

  // Segmentation (src/segment/): byte spans into `text`.
  std::vector<Span> paragraphs;
  std::vector<Span> sentences;
  // ICU word breaks: what the rule-based stages (events, quotes, claims)
  // read; `annotation.words` are the same text cut the UD way.
  std::vector<Span> tokens;

  // The linguistic annotation (above); empty for languages without models
  // or when the engine runs without it (EngineOptions::annotate).
  Annotation annotation;

  // Entities stage: mentions in text order.
  std::vector<EntityMention> mentions;

  // The store's row number, assigned in arrival order; 0 until stored.
  int64_t store_row = 0;
};

}  // namespace storyline
