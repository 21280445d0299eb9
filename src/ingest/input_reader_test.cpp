#include "ingest/input_reader.h"

#include "ingest/charset.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace storyline::ingest {
namespace {

struct Collected {
  std::vector<RawDocument> documents;
  std::vector<InputError> errors;
};

Collected read(const std::string& name, std::string_view bytes) {
  Collected out;
  read_buffer(
      name, bytes, ReadLimits{}, [&](RawDocument&& document) { out.documents.push_back(std::move(document)); },
      [&](const InputError& error) { out.errors.push_back(error); });
  return out;
}

std::string gzip(std::string_view data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string warc_record(const std::string& type, const std::string& uri, const std::string& block,
                        const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2026-03-03T10:00:00Z\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http_page(const std::string& html) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
}

TEST(DetectFormat, ByNameThenByContent) {
  EXPECT_EQ(detect_format("a.warc.gz", ""), InputFormat::kWarc);
  EXPECT_EQ(detect_format("a.jsonl", ""), InputFormat::kJsonLines);
  EXPECT_EQ(detect_format("a.htm", ""), InputFormat::kHtml);
  EXPECT_EQ(detect_format("noext", "<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("noext", "WARC/1.0\r\n"), InputFormat::kWarc);
  EXPECT_EQ(detect_format("noext", "{\"title\": 1}"), InputFormat::kJsonLines);
  EXPECT_EQ(detect_format("a.txt", "Headline\nText."), InputFormat::kText);
  EXPECT_EQ(detect_format("a.bin", std::string("\x7f" "ELF\0\0\0", 7)), InputFormat::kUnknown);
}

TEST(JsonLines, ReadsArticlesAndReportsBadLinesByNumber) {
  Collected got = read("feed.jsonl",
                       "{\"id\":\"x1\",\"url\":\"https://a.example/1\",\"source\":\"A\",\"title\":\"T1\","
                       "\"published\":\"2026-03-03\",\"text\":\"Body one.\"}\n"
                       "{\"id\": broken\n"
                       "\n"
                       "[1,2]\n"
                       "{\"title\":\"no body\"}\n"
                       "{\"id\":\"x2\",\"html\":\"<p>Body two.</p>\",\"source\":{\"name\":\"B\"}}");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].external_id, "x1");
  EXPECT_EQ(got.documents[0].origin, "feed.jsonl#line 1");
  EXPECT_EQ(got.documents[0].format, RawDocument::Format::kText);
  EXPECT_EQ(got.documents[1].format, RawDocument::Format::kHtml);
  EXPECT_EQ(got.documents[1].source, "B");
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].place.rfind("line 2", 0), 0u);
  EXPECT_EQ(got.errors[1].place, "line 4");
  EXPECT_EQ(got.errors[2].place, "line 5");
}

// Found by fuzz/input_reader_fuzz: a number too large for a double made the
// JSON library throw an exception other than a parse error.
TEST(JsonLines, OutOfRangeNumberIsAnErrorNotACrash) {
  Collected got = read("feed.jsonl", "8884e848\n{\"text\":\"ok\"}\n");
  EXPECT_EQ(got.documents.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].place, "line 1");
}

TEST(JsonLines, TruncatedLastLineIsAnError) {
  Collected got = read("feed.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"cut in the mid");
  EXPECT_EQ(got.documents.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].to_string().find("feed.jsonl: line 2"), std::string::npos);
}

TEST(Charset, LabelsMeanWhatTheWhatwgEncodingStandardSays) {
  EXPECT_EQ(whatwg_encoding("iso-8859-1"), "windows-1252");
  EXPECT_EQ(whatwg_encoding(" Latin1 "), "windows-1252");
  EXPECT_EQ(whatwg_encoding("ascii"), "windows-1252");
  EXPECT_EQ(whatwg_encoding("us-ascii"), "windows-1252");
  EXPECT_EQ(whatwg_encoding("iso-8859-9"), "windows-1254");
  EXPECT_EQ(whatwg_encoding("gb2312"), "GBK");
  EXPECT_EQ(whatwg_encoding("utf8"), "UTF-8");
  EXPECT_EQ(whatwg_encoding("no-such-charset"), "");
  // „Ja“ – … in windows-1252 bytes, labelled as ISO-8859-1.
  EXPECT_EQ(convert_to_utf8("\x84Ja\x93 \x96 \x85", "iso-8859-1"), "\xE2\x80\x9EJa\xE2\x80\x9C \xE2\x80\x93 \xE2\x80\xA6");
  EXPECT_EQ(convert_to_utf8("K\xF6ln", "latin1"), "K\xC3\xB6ln");
  // No label: UTF-8 when it is valid, else windows-1252.
  EXPECT_EQ(convert_to_utf8("K\xC3\xB6ln", ""), "K\xC3\xB6ln");
  EXPECT_EQ(convert_to_utf8("K\xF6ln", ""), "K\xC3\xB6ln");
  // A byte order mark wins over the label.
  EXPECT_EQ(convert_to_utf8("\xEF\xBB\xBFK\xC3\xB6ln", "iso-8859-1"), "K\xC3\xB6ln");
  EXPECT_EQ(convert_to_utf8("\xC0\xE0", "koi8-r"), "\xD1\x8E\xD0\xAE");  // ю Ю
}

TEST(Warc, TheHttpCharsetDecodesThePage) {
  std::string page = "<html><p>\x84Ja\x93, sagte sie.</p></html>";
  std::string warc = warc_record("response", "https://a.example/1",
                                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n" + page);
  Collected got = read("crawl.warc", warc);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].charset, "windows-1252");
  EXPECT_NE(got.documents[0].body.find("\xE2\x80\x9EJa\xE2\x80\x9C"), std::string::npos) << got.documents[0].body;
}

TEST(Warc, HtmlResponsesBecomeDocumentsWithUrlAndDate) {
  std::string warc = warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
                     warc_record("request", "https://a.example/1", "GET / HTTP/1.1\r\n\r\n",
                                 "application/http; msgtype=request") +
                     warc_record("response", "https://a.example/1", http_page("<html><p>One</p></html>")) +
                     warc_record("response", "https://a.example/img.png",
                                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG") +
                     warc_record("response", "https://b.example/2", http_page("<html><p>Two</p></html>"));
  for (bool compressed : {false, true}) {
    Collected got = read(compressed ? "crawl.warc.gz" : "crawl.warc", compressed ? gzip(warc) : warc);
    ASSERT_EQ(got.documents.size(), 2u) << compressed;
    EXPECT_TRUE(got.errors.empty());
    EXPECT_EQ(got.documents[0].url, "https://a.example/1");
    EXPECT_EQ(got.documents[0].fetched, "2026-03-03T10:00:00Z");
    EXPECT_EQ(got.documents[0].charset, "UTF-8");
    EXPECT_EQ(got.documents[1].body, "<html><p>Two</p></html>");
  }
}

TEST(Warc, TruncatedGzipKeepsEarlierRecordsAndReportsThePlace) {
  std::string first = gzip(warc_record("response", "https://a.example/1", http_page("<p>One</p>")));
  std::string second = gzip(warc_record("response", "https://a.example/2", http_page("<p>Two</p>")));
  std::string data = first + second.substr(0, second.size() / 2);
  Collected got = read("crawl.warc.gz", data);
  EXPECT_EQ(got.documents.size(), 1u);
  ASSERT_FALSE(got.errors.empty());
  EXPECT_NE(got.errors[0].message.find("truncated"), std::string::npos) << got.errors[0].to_string();
}

TEST(Warc, TruncatedRecordIsReported) {
  std::string record = warc_record("response", "https://a.example/1", http_page("<p>One</p>"));
  Collected got = read("crawl.warc", record.substr(0, record.size() - 10));
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].place.rfind("record 1", 0), 0u);
}

TEST(Inputs, EmptyBinaryAndMissingInputsAreErrorsAndTheRestGoesOn) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "storyline_input_reader_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "empty.txt").close();
  std::ofstream(dir / "blob.bin", std::ios::binary) << std::string("\0\1\2\3binary\0", 11);
  std::ofstream(dir / "sub" / "good.txt") << "Headline\nText of the article.\n";
  std::ofstream(dir / ".hidden.txt") << "not read\n";
  std::vector<RawDocument> documents;
  std::vector<std::string> errors;
  ReadSummary summary = read_inputs(
      {dir.string(), (dir / "missing.txt").string()}, ReadLimits{},
      [&](RawDocument&& document) { documents.push_back(std::move(document)); },
      [&](const InputError& error) { errors.push_back(error.to_string()); });
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].origin, (dir / "sub" / "good.txt").string());
  EXPECT_EQ(summary.failed_inputs, 3u);
  ASSERT_EQ(errors.size(), 3u);
  std::string all = errors[0] + errors[1] + errors[2];
  EXPECT_NE(all.find("missing.txt: no such file"), std::string::npos) << all;
  EXPECT_NE(all.find("empty.txt: empty input"), std::string::npos) << all;
  EXPECT_NE(all.find("blob.bin: binary data"), std::string::npos) << all;
  fs::remove_all(dir);
}

TEST(Inputs, FileOverTheLimitIsSkippedWithAClearError) {
  ReadLimits limits;
  limits.max_file_bytes = 1 << 20;
  std::string big = "Headline\n" + std::string(3 << 20, 'a');
  std::vector<InputError> errors;
  size_t documents = read_buffer("big.txt", big, limits, [](RawDocument&&) {},
                                 [&](const InputError& error) { errors.push_back(error); });
  EXPECT_EQ(documents, 0u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("limit"), std::string::npos);
}

}  // namespace
}  // namespace storyline::ingest
