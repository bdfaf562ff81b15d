#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <unordered_map>

namespace citysafe::sqlite {
namespace {

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  [[nodiscard]] sql::Dialect dialect() const override { return sql::Dialect::Sqlite; }

  Result<std::vector<sql::Row>> query(std::string_view text,
                                      const std::vector<sql::Value>& params) override {
    std::vector<sql::Row> rows;
    CS_TRY(forEachRow(text, params, [&](sql::Row&& row) { rows.push_back(std::move(row)); }));
    return rows;
  }

  Result<void> forEachRow(std::string_view text, const std::vector<sql::Value>& params,
                          const std::function<void(sql::Row&&)>& each) override {
    sqlite3_stmt* s = CS_TRY(prepared(text));
    bind(s, params);
    for (;;) {
      const int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        auto err = failure(rc, text);
        sqlite3_reset(s);
        return tl::unexpected(err);
      }
      const int n = sqlite3_column_count(s);
      std::vector<std::optional<std::string>> cells(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(s, c)) {
          case SQLITE_NULL:
            break;
          case SQLITE_FLOAT: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(s, c));
            cells[static_cast<std::size_t>(c)] = buf;
            break;
          }
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
            cells[static_cast<std::size_t>(c)] =
                std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, c)));
          }
        }
      }
      each(sql::Row(std::move(cells)));
    }
    sqlite3_reset(s);
    return ok();
  }

  Result<std::int64_t> exec(std::string_view text, const std::vector<sql::Value>& params) override {
    sqlite3_stmt* s = CS_TRY(prepared(text));
    bind(s, params);
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) {
      auto err = failure(rc, text);
      sqlite3_reset(s);
      return tl::unexpected(err);
    }
    sqlite3_reset(s);
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<void> execScript(std::string_view text) override {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(text).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string m = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      return fail(rc == SQLITE_BUSY ? Errc::Unavailable : Errc::Internal, "", "sqlite: " + m);
    }
    return ok();
  }

  Result<void> begin(bool write) override {
    return execScript(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }

 private:
  static void bind(sqlite3_stmt* s, const std::vector<sql::Value>& params) {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i) + 1;
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
              sqlite3_bind_null(s, idx);
            else if constexpr (std::is_same_v<T, std::int64_t>)
              sqlite3_bind_int64(s, idx, v);
            else if constexpr (std::is_same_v<T, double>)
              sqlite3_bind_double(s, idx, v);
            else
              sqlite3_bind_text(s, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
          },
          params[i]);
    }
  }

  Result<sqlite3_stmt*> prepared(std::string_view text) {
    const std::string key(text);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return tl::unexpected(failure(rc, text));
    statements_.emplace(key, stmt);
    return stmt;
  }

  Error failure(int rc, std::string_view text) const {
    const int primary = rc & 0xff;
    const Errc code = primary == SQLITE_CONSTRAINT                           ? Errc::Conflict
                      : (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? Errc::Unavailable
                                                                             : Errc::Internal;
    return Error{
        code, "",
        std::string("sqlite: ") + sqlite3_errmsg(db_) + " in: " + std::string(text.substr(0, 120))};
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<sql::Connection>> openSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return invalid("db", "cannot open SQLite database '" + path + "': " + message);
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 10000);
  // WAL: readers never block the writer; synchronous=FULL so an acknowledged commit survives a
  // power cut, not only a process kill. A 32 MB page cache per connection and memory-mapped reads
  // keep list pages of a large registry in memory instead of re-reading them from the OS.
  CS_TRY(
      conn->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                       "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;"));
  return std::unique_ptr<sql::Connection>(std::move(conn));
}

}  // namespace citysafe::sqlite
