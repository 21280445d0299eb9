#include "events/gdelt_export.h"

#include <cmath>
#include <cstdio>

#include "core/text_util.h"

namespace storyline::events {

namespace {
std::string digits_only(const std::string& iso, size_t count) {
  std::string out;
  for (char c : iso)
    if (c >= '0' && c <= '9' && out.size() < count) out += c;
  return out;
}

// "2026-03-03T10:30:00Z" → "20260303103000" (missing parts are zeros).
std::string timestamp(const std::string& iso) {
  std::string d = digits_only(iso, 14);
  if (d.size() < 8) return "";
  d.resize(14, '0');
  return d;
}

int day_of_year(int y, int m, int d) {
  static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return before[m - 1] + d + (leap && m > 2 ? 1 : 0);
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

std::string clean_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void actor_columns(std::ostream& out, const std::string& code, const std::string& name) {
  std::string country, types;
  if (code.size() >= 3 && std::isupper(static_cast<unsigned char>(code[0]))) {
    // A CAMEO actor code is a 3-letter country (or a bloc) then 3-letter
    // roles; a code of roles alone ("GOV") has no country.
    static const char* kRoles[] = {"GOV", "MIL", "LEG", "OPP", "COP", "JUD", "REB", "MED", "BUS",
                                   "CVL", "LAB", "REF", "EDU", "HLH", "ELI", "SPY", "IGO", "NGO"};
    bool role_first = false;
    for (const char* r : kRoles) role_first |= code.compare(0, 3, r) == 0;
    country = role_first ? "" : code.substr(0, 3);
    types = role_first ? code : code.substr(3);
  }
  std::string type1 = types.size() >= 3 ? types.substr(0, 3) : "";
  std::string type2 = types.size() >= 6 ? types.substr(3, 3) : "";
  std::string type3 = types.size() >= 9 ? types.substr(6, 3) : "";
  out << clean_field(code) << '\t' << clean_field(upper(name)) << '\t' << country << "\t\t\t\t\t" << type1 << '\t' << type2
      << '\t' << type3;
}

// Geo columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
void geo_columns(std::ostream& out, const std::string& place) {
  if (place.empty()) {
    out << "0\t\t\t\t\t\t\t";
    return;
  }
  out << "4\t" << clean_field(place) << "\t\t\t\t\t\t";
}
}  // namespace

int gdelt_confidence(const std::string& modality) {
  if (modality == "asserted") return 100;
  if (modality == "reported") return 80;
  if (modality == "planned") return 50;
  if (modality == "alleged") return 40;
  if (modality == "hypothetical") return 30;
  return 0;
}

Result<GdeltCounts> write_gdelt(const std::vector<StoredEvent>& events, const EventTypes& types, std::ostream& events_out,
                                std::ostream& mentions_out) {
  GdeltCounts counts;
  for (const StoredEvent& event : events) {
    std::vector<const StoredMention*> kept;
    for (const auto& m : event.mentions)
      if (gdelt_confidence(m.modality) > 0) kept.push_back(&m);
    if (kept.empty()) continue;
    // The event's day: its resolved date when it is a day, else the first
    // publication day among its mentions.
    std::string day = event.date_granularity == "day" ? event.date : "";
    std::string added;
    for (const StoredMention* m : kept) {
      if (!m->published.empty() && (added.empty() || timestamp(m->published) < added)) added = timestamp(m->published);
    }
    if (day.empty() && !added.empty()) day = added.substr(0, 4) + "-" + added.substr(4, 2) + "-" + added.substr(6, 2);
    std::string sql_date = digits_only(day, 8);
    if (sql_date.size() != 8) continue;  // GDELT rows need a day
    int y = std::atoi(sql_date.substr(0, 4).c_str()), mo = std::atoi(sql_date.substr(4, 2).c_str()),
        d = std::atoi(sql_date.substr(6, 2).c_str());
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, "%.4f", y + day_of_year(y, mo, d) / 365.0);
    const EventType* type = types.find(event.code);
    bool root = false;
    for (const StoredMention* m : kept) root |= m->sentence_index == 0;
    std::string base = event.code.substr(0, std::min<size_t>(3, event.code.size()));
    events_out << event.id << '\t' << sql_date << '\t' << sql_date.substr(0, 6) << '\t' << y << '\t' << fraction << '\t';
    actor_columns(events_out, event.source_code, event.source_name);
    events_out << '\t';
    actor_columns(events_out, event.target_code, event.target_name);
    events_out << '\t' << (root ? 1 : 0) << '\t' << event.code << '\t' << base << '\t' << event.code.substr(0, 2) << '\t'
               << (type ? std::to_string(type->quad_class) : "") << '\t';
    if (type) events_out << type->goldstein;
    events_out << '\t' << kept.size() << '\t' << event.num_sources << '\t' << event.num_articles << "\t\t";
    geo_columns(events_out, "");  // actor geography: not resolved
    events_out << '\t';
    geo_columns(events_out, "");
    events_out << '\t';
    geo_columns(events_out, event.location);
    events_out << '\t' << (added.empty() ? sql_date + "000000" : added) << '\t' << clean_field(kept.front()->url) << '\n';
    ++counts.events;
    std::string event_time = sql_date + "000000";
    for (const StoredMention* m : kept) {
      std::string source = m->outlet;
      mentions_out << event.id << '\t' << event_time << '\t' << timestamp(m->published) << '\t' << 1 << '\t'
                   << clean_field(source) << '\t' << clean_field(m->url) << '\t' << m->sentence_index + 1 << '\t'
                   << m->source_offset << '\t' << m->target_offset << '\t' << m->trigger_begin << '\t' << 1 << '\t'
                   << gdelt_confidence(m->modality) << '\t' << m->article_length << "\t\t\t\n";
      ++counts.mentions;
    }
  }
  if (!events_out || !mentions_out) return Status::io_error("writing the GDELT files failed");
  return counts;
}

}  // namespace storyline::events
