// JSON Lines: one article per line with id, url, source, title, published and
// text or html. Common alternative field names from news datasets are
// accepted so that a user's dump need not be rewritten first.
#include <nlohmann/json.hpp>

#include "ingest/record_readers.h"

namespace storyline::ingest {

namespace {

std::string first_string(const nlohmann::json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    if (it->is_object()) {  // {"source": {"name": "..."}} as in some news APIs
      auto name = it->find("name");
      if (name != it->end() && name->is_string()) return name->get<std::string>();
    }
  }
  return {};
}

}  // namespace

size_t read_json_lines(const std::string& input, ByteSource& source, const ReadLimits& limits,
                       const DocumentSink& on_document, const ErrorSink& on_error, size_t& documents) {
  size_t errors = 0;
  LineReader reader(source, limits.max_record_bytes);
  std::string line;
  for (;;) {
    LineReader::Outcome outcome = reader.next(line);
    if (outcome == LineReader::Outcome::kEnd) break;
    std::string place = "line " + std::to_string(reader.line_number());
    if (outcome == LineReader::Outcome::kTooLong) {
      on_error({input, place, "line longer than " + std::to_string(limits.max_record_bytes) + " bytes; skipped"});
      ++errors;
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& error) {
      on_error({input, place + ", byte " + std::to_string(error.byte),
                "malformed JSON (" + std::string(error.what()).substr(0, 160) + ")"});
      ++errors;
      continue;
    } catch (const nlohmann::json::exception& error) {
      // Valid syntax the parser still refuses (a number out of range).
      on_error({input, place, "unreadable JSON (" + std::string(error.what()).substr(0, 160) + ")"});
      ++errors;
      continue;
    }
    if (!object.is_object()) {
      on_error({input, place, "expected a JSON object per line"});
      ++errors;
      continue;
    }
    RawDocument document;
    document.origin = input + "#" + place;
    document.external_id = first_string(object, {"id", "_id", "article_id", "uuid"});
    document.url = first_string(object, {"url", "link", "uri"});
    document.source = first_string(object, {"source", "outlet", "publisher", "site_name", "domain"});
    document.title = first_string(object, {"title", "headline"});
    document.language = first_string(object, {"language", "lang", "inLanguage"});
    document.published = first_string(object, {"published", "date", "published_at", "publishedAt", "pubdate",
                                               "date_publish", "datePublished"});
    std::string text = first_string(object, {"text", "body", "content", "maintext", "articleBody"});
    std::string html = first_string(object, {"html", "raw_html"});
    if (!text.empty()) {
      document.format = RawDocument::Format::kText;
      document.body = std::move(text);
    } else if (!html.empty()) {
      document.format = RawDocument::Format::kHtml;
      document.body = std::move(html);
    } else {
      on_error({input, place, "no \"text\" or \"html\" field"});
      ++errors;
      continue;
    }
    ++documents;
    on_document(std::move(document));
  }
  if (!source.status().is_ok()) {
    on_error({input, "line " + std::to_string(reader.line_number() + 1), source.status().message()});
    ++errors;
  }
  return errors;
}

}  // namespace storyline::ingest
