#include "claims/claim_extractor.h"

#include <libstemmer.h>

#include <algorithm>
#include <set>

#include "core/data_files.h"
#include "core/text_util.h"

namespace storyline::claims {

namespace {

struct Stemmer {
  Stemmer() : handle(sb_stemmer_new("english", nullptr)) {}
  ~Stemmer() {
    if (handle) sb_stemmer_delete(handle);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(const std::string& word) const {
    if (!handle) return word;
    const sb_symbol* out =
        sb_stemmer_stem(handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!out) return word;
    return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(handle));
  }
  sb_stemmer* handle;
};

bool has_letter(const std::string& word) {
  for (char c : word)
    if (std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80)) return true;
  return false;
}

constexpr size_t kMinStatementConcepts = 3;  // fewer: a heading or a fragment, nothing to check
constexpr size_t kWhatWords = 2;             // content words that name what a figure counts
constexpr size_t kWhatLookBack = 6;          // tokens looked at before a figure without a noun after it
constexpr size_t kNegatedWords = 4;          // content words after a negation: what it negates

}  // namespace

nlohmann::json to_json(const ClaimMention& m) {
  nlohmann::json json = {{"s", m.sentence_index},
                         {"sentence", {m.sentence.begin, m.sentence.end}},
                         {"match", {m.match.begin, m.match.end}},
                         {"kind", m.kind},
                         {"content", m.content},
                         {"framing", framing_name(m.framing)},
                         {"negated", m.negated},
                         {"hedged", m.hedged},
                         {"denied_next", m.denied_next},
                         {"speaker", m.speaker}};
  if (m.kind != "quantity" && !m.what.empty()) json["negated_what"] = m.what;
  if (m.kind == "quantity")
    json["quantity"] = {{"value", m.quantity.value}, {"unit", m.quantity.unit},
                        {"dimension", m.quantity.dimension}, {"per", m.quantity.per},
                        {"qualifier", m.quantity.qualifier}, {"attributive", m.quantity.attributive},
                        {"text", m.value_text}, {"what", m.what}};
  return json;
}

ClaimMention claim_from_json(const nlohmann::json& json) {
  ClaimMention m;
  m.sentence_index = json.value("s", 0u);
  m.sentence = {json["sentence"][0].get<uint32_t>(), json["sentence"][1].get<uint32_t>()};
  m.match = {json["match"][0].get<uint32_t>(), json["match"][1].get<uint32_t>()};
  m.kind = json.value("kind", "statement");
  m.content = json.value("content", std::vector<std::string>{});
  std::string framing = json.value("framing", "asserted");
  for (Framing f : {Framing::kAsserted, Framing::kAttributed, Framing::kAlleged, Framing::kDenied, Framing::kHedged})
    if (framing == framing_name(f)) m.framing = f;
  m.negated = json.value("negated", false);
  m.hedged = json.value("hedged", false);
  m.denied_next = json.value("denied_next", false);
  m.speaker = json.value("speaker", "");
  m.what = json.value("negated_what", std::vector<std::string>{});
  if (auto q = json.find("quantity"); q != json.end()) {
    m.quantity.value = q->value("value", 0.0);
    m.quantity.unit = q->value("unit", "");
    m.quantity.dimension = q->value("dimension", "");
    m.quantity.per = q->value("per", "");
    m.quantity.qualifier = q->value("qualifier", "");
    m.quantity.attributive = q->value("attributive", false);
    m.value_text = q->value("text", "");
    m.what = q->value("what", std::vector<std::string>{});
  }
  return m;
}

Result<ClaimExtractor> ClaimExtractor::load(const std::string& data_dir) {
  ClaimExtractor extractor;
  auto numbers = NumberNormalizer::load(data_dir);
  if (!numbers) return numbers.status();
  extractor.numbers_ = std::make_shared<NumberNormalizer>(std::move(*numbers));
  auto framing = FramingLexicon::load(data_dir);
  if (!framing) return framing.status();
  extractor.framing_ = std::make_shared<FramingLexicon>(std::move(*framing));
  auto stop_rows = core::read_table(data_dir + "/stories/stopwords.txt");
  if (!stop_rows) return stop_rows.status();
  auto stopwords = std::make_shared<std::unordered_set<std::string>>();
  for (const auto& row : *stop_rows)
    if (!row.empty()) stopwords->insert(row[0]);
  extractor.stopwords_ = stopwords;
  Stemmer stemmer;
  if (!stemmer.handle) return Status::internal("libstemmer: no English stemmer");
  auto concept_rows = core::read_table(data_dir + "/claims/concepts.tsv");
  if (!concept_rows) return concept_rows.status();
  auto concepts = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (const auto& row : *concept_rows) {
    if (row.size() < 2) return Status::invalid_input("claims/concepts.tsv: a row needs a class and words");
    for (auto word : core::split(row[1], ' '))
      if (!word.empty()) concepts->emplace(stemmer.stem(std::string(word)), row[0]);
  }
  extractor.concepts_ = concepts;
  auto place_rows = core::read_table(data_dir + "/claims/places.tsv");
  if (!place_rows) return place_rows.status();
  auto places = std::make_shared<std::vector<std::pair<std::vector<std::string>, std::string>>>();
  for (const auto& row : *place_rows) {
    if (row.size() < 2) return Status::invalid_input("claims/places.tsv: a row needs a code and names");
    for (auto name : core::split(row[1], '|')) {
      std::vector<std::string> words;
      for (auto word : core::split(name, ' '))
        if (!word.empty()) words.emplace_back(word);
      if (!words.empty()) places->emplace_back(std::move(words), row[0]);
    }
  }
  std::stable_sort(places->begin(), places->end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  auto by_first = std::make_shared<PlaceNames>();
  for (auto& place : *places) (*by_first)[place.first[0]].push_back(std::move(place));
  extractor.places_ = by_first;
  return extractor;
}

std::string ClaimExtractor::concept_of(const std::string& word, void* stemmer) const {
  std::string stem = static_cast<Stemmer*>(stemmer)->stem(word);
  auto it = concepts_->find(stem);
  return it != concepts_->end() ? "C:" + it->second : stem;
}

std::vector<ClaimMention> ClaimExtractor::extract(const Article& article) const {
  Stemmer stemmer;
  std::vector<ClaimMention> out;
  struct Sentence {
    std::vector<std::string> content;
    SentenceFraming framing;
    size_t first_claim = 0, claims = 0;
    bool own_statement_dropped = false;
  };
  std::vector<Sentence> sentences(article.sentences.size());
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    Span span = article.sentences[s];
    std::vector<ClaimToken> tokens = tokenize_claim_text(article.text, span);
    SentenceFraming framing = framing_->classify(tokens);
    std::vector<Quantity> quantities = numbers_->find(tokens);
    Span speaker_words;
    std::string speaker = framing.framing == Framing::kAsserted || framing.framing == Framing::kHedged
                              ? ""
                              : speaker_of(article, tokens, framing, speaker_words);
    std::vector<bool> in_quantity(tokens.size(), false);
    for (const Quantity& q : quantities)
      for (size_t k = q.first; k <= q.last && k < tokens.size(); ++k) in_quantity[k] = true;
    // Each token's concept: a country (by name, adjective or capital), an
    // entity of the entities stage, a synonym class, or its stem.
    std::vector<std::string> concept_at(tokens.size());
    for (size_t k = 0; k < tokens.size(); ++k) {
      const ClaimToken& token = tokens[k];
      if (token.punct || token.is_digits || in_quantity[k] || framing.cue_tokens[k]) continue;
      // Who says it is not what is said; but a denier is usually the
      // subject of what they deny ("Iran denies supplying drones").
      if (!speaker_words.empty() && speaker_words.contains(token.span) && framing.framing != Framing::kDenied) continue;
      bool matched = false;
      if (auto named = places_->find(token.lower); named != places_->end()) {
        for (const auto& [words, code] : named->second) {
          if (k + words.size() > tokens.size()) continue;
          bool equal = true;
          for (size_t w = 0; w < words.size() && equal; ++w) equal = tokens[k + w].lower == words[w];
          if (!equal) continue;
          concept_at[k] = "P:" + code;
          for (size_t w = 1; w < words.size(); ++w) in_quantity[k + w] = true;  // consumed
          matched = true;
          break;
        }
      }
      if (matched) continue;
      for (const EntityMention& mention : article.mentions)
        if (mention.span.contains(token.span)) {
          if (!mention.country.empty() && (mention.type == EntityType::kPlace || mention.type == EntityType::kNorp))
            concept_at[k] = "P:" + mention.country;
          else if (mention.entity_id != 0) concept_at[k] = "E:" + std::to_string(mention.entity_id);
          matched = !concept_at[k].empty();
          break;
        }
      if (matched) continue;
      if (token.lower.size() < 2 || !has_letter(token.lower) || stopwords_->count(token.lower)) continue;
      concept_at[k] = concept_of(token.lower, &stemmer);
    }
    std::set<std::string> content_set;
    for (const auto& c : concept_at)
      if (!c.empty()) content_set.insert(c);
    // Other figures of the sentence are context too ("covers fifteen years and 12 billion euros").
    for (const Quantity& q : quantities) content_set.insert("Q:" + format_quantity(q));
    Sentence& work = sentences[s];
    work.content.assign(content_set.begin(), content_set.end());
    work.framing = framing;
    work.first_claim = out.size();
    auto base = [&]() {
      ClaimMention m;
      m.sentence_index = static_cast<uint32_t>(s);
      m.sentence = span;
      m.framing = framing.framing;
      m.negated = framing.negated;
      m.hedged = framing.hedged;
      m.speaker = speaker;
      return m;
    };
    for (const Quantity& q : quantities) {
      ClaimMention m = base();
      m.kind = "quantity";
      m.quantity = q;
      m.value_text = format_quantity(q);
      m.match = {tokens[q.first].span.begin, tokens[q.last].span.end};
      // What the figure counts: the words after it ("15-year accord",
      // "two patrol vessels", "tonnes of ammonia").
      size_t k = q.last + 1;
      if (k < tokens.size() && tokens[k].lower == "of") ++k;
      if (q.dimension != "calendar_year")
        for (; k < tokens.size() && m.what.size() < kWhatWords && !tokens[k].punct; ++k) {
          if (concept_at[k].empty() || concept_at[k][0] == 'P') break;
          m.what.push_back(concept_at[k]);
        }
      if (q.dimension == "count" && m.what.empty()) continue;  // a bare number: nothing to check
      // Otherwise the words just before it ("the alliance, spanning twenty
      // years", "will run for 15 years").
      if (m.what.empty() && q.dimension != "calendar_year")
        for (size_t back = q.first, seen = 0; back > 0 && seen < kWhatLookBack && m.what.size() < kWhatWords + 1;
             ++seen) {
          --back;
          if (!concept_at[back].empty() && concept_at[back][0] != 'P') m.what.push_back(concept_at[back]);
        }
      std::set<std::string> own(work.content.begin(), work.content.end());
      own.erase("Q:" + m.value_text);
      m.content.assign(own.begin(), own.end());
      out.push_back(std::move(m));
    }
    bool has_figure = out.size() > work.first_claim;
    std::string_view sentence_text = slice(article.text, span);
    // A sentence's statement is a claim of its own when no figure stands
    // for it, and always when it is negative: "the 20-year pact does not
    // include a defence clause" makes a yes/no claim beside the figure.
    // A question asserts nothing; a line without final punctuation is a
    // heading or a caption, not a statement.
    std::string_view trimmed = core::trim(sentence_text);
    bool question = !trimmed.empty() && trimmed.back() == '?';
    bool finished = !trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == '!' || trimmed.back() == '"' ||
                                         trimmed.ends_with("\u201d") || trimmed.ends_with("\u2019"));
    if ((!has_figure || framing.negated) && !question && finished && work.content.size() >= kMinStatementConcepts) {
      ClaimMention m = base();
      m.kind = "statement";
      m.match = span;
      m.content = work.content;
      // What a negative statement denies exists: the content words right
      // after each negation ("contains no [defence or security clause]").
      std::set<std::string> negated_what;
      for (size_t cue : framing.negation_tokens) {
        size_t taken = 0;
        // Names are who, not what: "not to pardon Clinton" and "no chance
        // Clinton withdraws" negate different things.
        for (size_t k = cue + 1; k < tokens.size() && taken < kNegatedWords && !tokens[k].punct; ++k)
          if (!concept_at[k].empty() && !tokens[k].capitalized && concept_at[k][0] != 'P' && concept_at[k][0] != 'E')
            negated_what.insert(concept_at[k]), ++taken;
      }
      m.what.assign(negated_what.begin(), negated_what.end());
      out.push_back(std::move(m));
    }
    work.claims = out.size() - work.first_claim;
  }
  // A denial that refers back ("denied the claim", or a sentence that
  // shares the previous one's content: "Iran has denied providing weapons")
  // marks the previous sentence's claims as denied; an anaphoric denial has
  // no proposition of its own.
  std::vector<ClaimMention> denials;
  for (size_t s = 1; s < sentences.size(); ++s) {
    const Sentence& current = sentences[s];
    if (!current.framing.denied) continue;
    const Sentence& previous = sentences[s - 1];
    size_t shared = 0;
    for (const auto& c : current.content)
      if (std::binary_search(previous.content.begin(), previous.content.end(), c)) ++shared;
    // A sentence that alleges and denies at once ("..., a claim the ministry
    // denied") denies its own allegation, not the previous sentence.
    if (current.framing.alleged && !current.framing.anaphor) continue;
    if (!current.framing.anaphor && shared < 2) continue;
    for (size_t c = previous.first_claim; c < previous.first_claim + previous.claims; ++c) {
      out[c].denied_next = true;
      out[c].framing = Framing::kDenied;
    }
    if (current.framing.anaphor) {
      // "The ministry denied the claim": its own words say nothing checkable;
      // it is a denial of the previous sentence's claims, so it cites them.
      for (size_t c = current.first_claim; c < current.first_claim + current.claims; ++c)
        if (out[c].kind == "statement") out[c].kind = "anaphoric";
      for (size_t c = previous.first_claim; c < previous.first_claim + previous.claims; ++c) {
        ClaimMention denial = out[c];
        denial.sentence_index = static_cast<uint32_t>(s);
        denial.sentence = denial.match = article.sentences[s];
        denial.framing = Framing::kDenied;
        denial.denied_next = false;
        denial.speaker.clear();
        denials.push_back(std::move(denial));
      }
    }
  }
  for (auto& denial : denials) out.push_back(std::move(denial));
  out.erase(std::remove_if(out.begin(), out.end(), [](const ClaimMention& m) { return m.kind == "anaphoric"; }),
            out.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const ClaimMention& a, const ClaimMention& b) { return a.sentence_index < b.sentence_index; });
  return out;
}

}  // namespace storyline::claims
