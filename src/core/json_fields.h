// Reading the JSON report (docs/schema.md) without trusting its shapes.
//
// The schema lets many fields be null (a quote's speaker with no name, an
// undated event, an outlet no one named), lets later versions add fields
// and older stores miss them, and lets a stage that did not run leave its
// section empty. nlohmann's get<T>() and value(key, default) throw on a null
// or a value of another type (type_error 302), and operator[] on a const
// object is undefined for a missing key, so every reader of the report goes
// through these: a missing key, a null or a value of another type gives the
// fallback, never an exception. (Issue #15 will replace the untyped report
// with a typed one; until then these are the one way to read it.)
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace storyline::core {

// The value of `key`, or a null when `object` is not an object or lacks it.
const nlohmann::json& json_field(const nlohmann::json& object, std::string_view key);

// A string value as text: the string itself; a name-bearing object (an
// actor, a speaker) its "name"; a number or bool its JSON form; anything
// else (null, missing, array, nameless object) `fallback`.
std::string json_text(const nlohmann::json& value, std::string_view fallback = "");
std::string text_field(const nlohmann::json& object, std::string_view key, std::string_view fallback = "");

// The array `key` (by reference: no copy), or an empty array.
const nlohmann::json& array_field(const nlohmann::json& object, std::string_view key);

// Numbers and flags: `fallback` unless the value is of that kind (a negative
// or fractional count reads as the fallback too).
int64_t int_field(const nlohmann::json& object, std::string_view key, int64_t fallback = 0);
size_t count_field(const nlohmann::json& object, std::string_view key, size_t fallback = 0);
bool bool_field(const nlohmann::json& object, std::string_view key, bool fallback = false);

// A span [begin, end) of code points: true with both ends when `value` is an
// array of two non-negative integers, begin <= end.
bool json_span(const nlohmann::json& value, size_t& begin, size_t& end);

}  // namespace storyline::core
