// What each line of a page is: article text, page furniture to drop, or a
// mark that carries metadata (outlet, date, byline, the next article's
// headline). Phrases come from data/boilerplate.txt; marks are recognised by
// their shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/outlets.h"
#include "clean/publication_date.h"
#include "storyline/status.h"

namespace storyline::clean {

enum class LineKind {
  kBlank,
  kText,
  kDrop,         // furniture: "Leave a comment", "Share this article"
  kListHead,     // "Related Stories:": drop it and the list below it
  kSourceMark,   // "SOURCE: www.dw.com": value names the outlet
  kRelatedMark,  // "RELATED: <headline>": value is another article's headline
  kEndMark,      // "READ FULL ARTICLE": an article ends here
  kDateline,     // "DW | Published January 17, 2025": outlet and/or date, byline
  kByline,       // "By Ana Ruiz"
};

struct LineClass {
  LineKind kind = LineKind::kText;
  std::string value;               // mark value (outlet, headline)
  std::string byline;              // for kDateline / kByline
  std::optional<FoundDate> date;   // for kDateline
};

class LineClassifier {
 public:
  // `outlets` tells a SOURCE mark that names a publisher from a credit line
  // ("Source: NATO." under a chart).
  static Result<LineClassifier> load(const std::string& path, const OutletDirectory& outlets);
  LineClassifier() = default;
  LineClass classify(std::string_view line) const;

  // Lower-cased, spaces folded, bullets and punctuation trimmed at both ends.
  static std::string match_key(std::string_view line);

 private:
  std::unordered_map<std::string, LineKind> exact_;  // key → kind (drop, list-head, end)
  std::vector<std::string> drop_prefixes_;
  std::unordered_map<std::string, LineKind> labels_;  // "source", "related", "credit" before a colon
  OutletDirectory outlets_;
};

}  // namespace storyline::clean
