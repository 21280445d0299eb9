#include "core/json_fields.h"

namespace storyline::core {

const nlohmann::json& json_field(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json null_value;
  if (!object.is_object()) return null_value;
  auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

std::string json_text(const nlohmann::json& value, std::string_view fallback) {
  if (value.is_string()) return value.get_ref<const std::string&>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  if (value.is_object()) {
    const nlohmann::json& name = json_field(value, "name");
    if (name.is_string()) return name.get_ref<const std::string&>();
  }
  return std::string(fallback);
}

std::string text_field(const nlohmann::json& object, std::string_view key, std::string_view fallback) {
  return json_text(json_field(object, key), fallback);
}

const nlohmann::json& array_field(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json& value = json_field(object, key);
  return value.is_array() ? value : empty;
}

int64_t int_field(const nlohmann::json& object, std::string_view key, int64_t fallback) {
  const nlohmann::json& value = json_field(object, key);
  if (value.is_number_integer()) return value.get<int64_t>();
  return fallback;
}

size_t count_field(const nlohmann::json& object, std::string_view key, size_t fallback) {
  const nlohmann::json& value = json_field(object, key);
  if (value.is_number_unsigned()) return value.get<size_t>();
  if (value.is_number_integer() && value.get<int64_t>() >= 0) return static_cast<size_t>(value.get<int64_t>());
  return fallback;
}

bool bool_field(const nlohmann::json& object, std::string_view key, bool fallback) {
  const nlohmann::json& value = json_field(object, key);
  return value.is_boolean() ? value.get<bool>() : fallback;
}

bool json_span(const nlohmann::json& value, size_t& begin, size_t& end) {
  if (!value.is_array() || value.size() != 2) return false;
  auto natural = [](const nlohmann::json& v) {
    return v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
  };
  if (!natural(value[0]) || !natural(value[1])) return false;
  begin = value[0].get<size_t>();
  end = value[1].get<size_t>();
  return begin <= end;
}

}  // namespace storyline::core
