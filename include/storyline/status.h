// Errors as values. Every fallible call at a boundary of the engine (reading
// input, the store, loading dictionaries) returns a Status or a Result<T>;
// exceptions never cross the public API.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the input is malformed (names the input and the place)
  kNotFound,      // a path, id or record does not exist
  kIoError,       // reading or writing failed (disk full, permissions)
  kTooLarge,      // the input is over a configured limit
  kCorrupt,       // stored data does not read back as written
  kInternal,      // a bug: an invariant did not hold
};

class Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status error(StatusCode code, std::string message) { return Status(code, std::move(message)); }
  static Status invalid_input(std::string message) { return Status(StatusCode::kInvalidInput, std::move(message)); }
  static Status not_found(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
  static Status io_error(std::string message) { return Status(StatusCode::kIoError, std::move(message)); }
  static Status too_large(std::string message) { return Status(StatusCode::kTooLarge, std::move(message)); }
  static Status corrupt(std::string message) { return Status(StatusCode::kCorrupt, std::move(message)); }
  static Status internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool is_ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return is_ok(); }
  // REQUIRES: is_ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // The error; an ok Status when there is a value.
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace storyline
