#include "clean/page_splitter.h"

#include "core/text_util.h"

namespace storyline::clean {

namespace {

bool is_mark(LineKind kind) {
  return kind == LineKind::kSourceMark || kind == LineKind::kRelatedMark || kind == LineKind::kEndMark;
}

bool ends_sentence(std::string_view text) {
  text = core::trim(text);
  if (text.empty()) return false;
  char last = text.back();
  if (last == '"' || last == '\'' ) text.remove_suffix(1);
  if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\x9D") text.remove_suffix(3);
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// A headline is short and does not end like a sentence.
bool headline_like(std::string_view text) {
  size_t words = core::count_words(text);
  return words > 0 && words <= 25 && !ends_sentence(text);
}

// A list under "Related Stories:" is short headline-like lines; it ends at
// the first paragraph of prose.
size_t skip_list(const std::vector<ClassifiedLine>& lines, size_t i, size_t end) {
  size_t taken = 0;
  while (i < end && taken < 20) {
    const auto& line = lines[i];
    if (line.cls.kind == LineKind::kBlank || line.cls.kind == LineKind::kDrop) {
      ++i;
      continue;
    }
    if (line.cls.kind != LineKind::kText || !headline_like(line.text)) break;
    ++i, ++taken;
  }
  return i;
}

PagePart read_part(const std::vector<ClassifiedLine>& lines, size_t begin, size_t end, size_t anchor,
                   const std::string& related_headline, bool headline_first) {
  PagePart part;
  part.begin = begin, part.end = end;
  part.headline = related_headline;
  if (anchor < end) {
    const LineClass& mark = lines[anchor].cls;
    part.outlet = mark.value;
    part.byline = mark.byline;
    part.date = mark.date;
  }
  bool headline_taken = !part.headline.empty();
  size_t headline_line = static_cast<size_t>(-1);  // the text line taken as headline
  bool at_top = true;  // metadata marks count only near the top of a part
  size_t text_lines = 0;
  for (size_t i = begin; i < end; ++i) {
    const ClassifiedLine& line = lines[i];
    switch (line.cls.kind) {
      case LineKind::kBlank:
      case LineKind::kDrop:
      case LineKind::kEndMark:
      case LineKind::kRelatedMark:
        break;
      case LineKind::kListHead:
        i = skip_list(lines, i + 1, end) - 1;
        break;
      case LineKind::kSourceMark:
        if (part.outlet.empty()) part.outlet = line.cls.value;
        break;
      case LineKind::kByline:
        if (part.byline.empty()) part.byline = line.cls.byline;
        break;
      case LineKind::kDateline:
        if (i == anchor || at_top) {
          if (!part.date) part.date = line.cls.date;
          if (part.byline.empty()) part.byline = line.cls.byline;
          if (part.outlet.empty()) part.outlet = line.cls.value;
          if (i == anchor && !headline_taken) headline_taken = true;  // prelude before the anchor is captions
        } else {
          part.body.push_back(i);  // a date line inside the text is text
        }
        break;
      case LineKind::kText:
        if (anchor < end && i < anchor) {
          // Lines before an article's dateline on an aggregator page: its
          // headline (when no RELATED mark gave one) and photo captions.
          if (!headline_taken) {
            part.headline = line.text;
            headline_taken = true;
          }
          break;
        }
        if (!headline_taken && headline_first && text_lines == 0) {
          part.headline = line.text;
          headline_taken = true;
          headline_line = i;
          // A first line that is a whole lede paragraph stays in the body.
          if (!(core::count_words(line.text) >= 20 && ends_sentence(line.text))) break;
        }
        part.body.push_back(i);
        ++text_lines;
        if (text_lines >= 2) at_top = false;
        break;
    }
  }
  // A part whose only text is the line taken as its headline (a one-line
  // article without a title) is that line: the text is never lost to the
  // headline.
  if (part.body.empty() && headline_line != static_cast<size_t>(-1)) part.body.push_back(headline_line);
  return part;
}

}  // namespace

std::vector<PagePart> split_page(const std::vector<ClassifiedLine>& lines, bool headline_first) {
  // Anchors: datelines that name an outlet. Two or more of them, or two or
  // more SOURCE marks with text between, mean a page of several articles.
  std::vector<size_t> anchors;
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].cls.kind == LineKind::kDateline && !lines[i].cls.value.empty()) anchors.push_back(i);

  std::vector<size_t> starts;         // first line of each part
  std::vector<size_t> part_anchor;    // its dateline, or npos
  std::vector<std::string> related;   // a RELATED headline announcing it
  const size_t none = static_cast<size_t>(-1);
  if (anchors.size() >= 2) {
    for (size_t k = 0; k < anchors.size(); ++k) {
      size_t start = 0;
      std::string headline;
      if (k > 0) {
        // The part starts after the previous part's closing marks; without
        // marks, just before the dateline and its headline line.
        size_t last_mark = none;
        for (size_t i = anchors[k - 1] + 1; i < anchors[k]; ++i)
          if (is_mark(lines[i].cls.kind) || lines[i].cls.kind == LineKind::kDrop) last_mark = i;
        if (last_mark != none) {
          start = last_mark + 1;
          for (size_t i = last_mark + 1; i-- > anchors[k - 1] + 1;) {
            if (lines[i].cls.kind == LineKind::kRelatedMark) {
              headline = lines[i].cls.value;
              break;
            }
            if (lines[i].cls.kind == LineKind::kText) break;
          }
        } else {
          start = anchors[k] > 0 && lines[anchors[k] - 1].cls.kind == LineKind::kText &&
                          headline_like(lines[anchors[k] - 1].text)
                      ? anchors[k] - 1
                      : anchors[k];
        }
      }
      starts.push_back(start);
      part_anchor.push_back(anchors[k]);
      related.push_back(headline);
    }
  } else {
    // One article: its dateline heads it (a headline and a caption may come
    // first); a dateline further down is a line of its text (a correction's
    // date at the end), and the prose before it is the article, not captions.
    size_t anchor = none;
    if (!anchors.empty()) {
      size_t text_before = 0;
      for (size_t i = 0; i < anchors[0]; ++i) text_before += lines[i].cls.kind == LineKind::kText;
      if (text_before <= 2) anchor = anchors[0];
    }
    // SOURCE marks followed by more articles split the page after each mark.
    starts.push_back(0);
    part_anchor.push_back(anchor);
    related.emplace_back();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].cls.kind != LineKind::kSourceMark) continue;
      size_t following_text = 0;
      for (size_t j = i + 1; j < lines.size(); ++j)
        if (lines[j].cls.kind == LineKind::kText && core::count_words(lines[j].text) >= 8) ++following_text;
      if (following_text >= 3) {
        size_t start = i + 1;
        std::string headline;
        while (start < lines.size() && lines[start].cls.kind != LineKind::kText) {
          if (lines[start].cls.kind == LineKind::kRelatedMark) headline = lines[start].cls.value;
          ++start;
        }
        starts.push_back(start);
        part_anchor.push_back(none);
        related.push_back(headline);
      }
    }
  }

  std::vector<PagePart> parts;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    PagePart part = read_part(lines, starts[k], end, part_anchor[k], related[k], headline_first || k > 0);
    if (!part.body.empty()) parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace storyline::clean
