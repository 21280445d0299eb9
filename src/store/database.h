// A thin RAII layer over SQLite: a connection, prepared statements, and
// transactions that roll back unless committed. Every error names the SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::store {

class Statement;

class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens (creating when missing) the store at `path`; ":memory:" for a
  // throwaway store. Sets WAL mode and a busy timeout so that readers and one
  // writer can share the file.
  static Result<Database> open(const std::string& path, bool read_only = false);

  Status execute(std::string_view sql);  // one or more statements, no results
  Result<Statement> prepare(std::string_view sql);
  int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  explicit Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  // Binds text, or NULL when empty.
  Statement& bind_optional(int index, std::string_view text);

  // Advances: true when a row is ready, false when done. Errors become a
  // Status through `status()` and end the iteration.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status run();
  Status status() const { return status_; }
  void reset();

  int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string_view column_blob(int index) const;
  bool column_is_null(int index) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* statement, sqlite3* db) : statement_(statement), db_(db) {}
  sqlite3_stmt* statement_ = nullptr;
  sqlite3* db_ = nullptr;
  Status status_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit()
// succeeded. IMMEDIATE takes the write lock up front so that two writers
// queue on the busy timeout instead of failing half-way.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status begin_status() const { return begin_status_; }
  Status commit();

 private:
  Database& db_;
  Status begin_status_;
  bool open_ = false;
};

}  // namespace storyline::store
