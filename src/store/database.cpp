#include "store/database.h"

#include <chrono>
#include <thread>
#include <utility>

namespace storyline::store {

namespace {
Status sqlite_error(sqlite3* db, std::string_view what, std::string_view sql) {
  std::string message = "store: ";
  message += what;
  message += ": ";
  message += db ? sqlite3_errmsg(db) : "out of memory";
  if (!sql.empty()) {
    message += " [in: ";
    message += sql.substr(0, 120);
    message += "]";
  }
  int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  int primary = code & 0xff;
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
      primary == SQLITE_READONLY || primary == SQLITE_PERM)
    return Status::io_error(std::move(message));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Status::corrupt(std::move(message));
  return Status::internal(std::move(message));
}
}  // namespace

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Result<Database> Database::open(const std::string& path, bool read_only) {
  sqlite3* handle = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = Status::io_error("store: cannot open '" + path + "': " +
                                     (handle ? sqlite3_errmsg(handle) : "out of memory"));
    if (handle) sqlite3_close_v2(handle);
    return status;
  }
  Database db(handle, path);
  sqlite3_busy_timeout(handle, 30000);
  sqlite3_extended_result_codes(handle, 1);
  // WAL lets readers (serve, analyze) see the last committed batch while an
  // ingest writes the next one. synchronous=NORMAL is durable across process
  // crashes in WAL mode; only a power loss can drop the last commits, never
  // corrupt the file.
  const char* pragmas = read_only ? "PRAGMA foreign_keys=ON;"
                                  : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                                    "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;";
  // Switching a new, still empty file to WAL needs an exclusive lock, and
  // SQLite does not wait on the busy timeout for it: while another process
  // creates the schema in its first transaction, retry instead of failing.
  Status status = db.execute(pragmas);
  for (int attempt = 0; !status.is_ok() && (sqlite3_errcode(handle) & 0xff) == SQLITE_BUSY && attempt < 3000;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    status = db.execute(pragmas);
  }
  if (!status.is_ok()) {
    if (status.code() == StatusCode::kCorrupt || status.code() == StatusCode::kInternal)
      return Status::corrupt("store: '" + path + "' is not a storyline store (" + status.message() + ")");
    return status;
  }
  return db;
}

Status Database::execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    Status status = sqlite_error(db_, "execute", sql);
    sqlite3_free(error);
    return status;
  }
  return Status::ok();
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &statement, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, "prepare", sql);
  return Statement(statement, db_);
}

int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::~Statement() {
  if (statement_) sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), db_(other.db_), status_(std::move(other.status_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (statement_) sqlite3_finalize(statement_);
    statement_ = std::exchange(other.statement_, nullptr);
    db_ = other.db_;
    status_ = std::move(other.status_);
  }
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}
Statement& Statement::bind_optional(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

bool Statement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = sqlite_error(db_, "step", sqlite3_sql(statement_));
  return false;
}

Status Statement::run() {
  status_ = Status::ok();
  while (step()) {
  }
  Status result = status_;
  reset();
  return result;
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

int64_t Statement::column_int(int index) const { return sqlite3_column_int64(statement_, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(statement_, index); }
std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(statement_, index);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(statement_, index));
}
std::string_view Statement::column_blob(int index) const {
  const void* data = sqlite3_column_blob(statement_, index);
  if (!data) return {};
  return std::string_view(static_cast<const char*>(data), sqlite3_column_bytes(statement_, index));
}
bool Statement::column_is_null(int index) const { return sqlite3_column_type(statement_, index) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) {
  begin_status_ = db_.execute("BEGIN IMMEDIATE");
  open_ = begin_status_.is_ok();
}

Transaction::~Transaction() {
  if (open_) db_.execute("ROLLBACK");
}

Status Transaction::commit() {
  if (!open_) return begin_status_.is_ok() ? Status::internal("store: commit without transaction") : begin_status_;
  Status status = db_.execute("COMMIT");
  if (status.is_ok()) open_ = false;
  return status;
}

}  // namespace storyline::store
