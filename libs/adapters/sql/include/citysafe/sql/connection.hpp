#pragma once
// The small SQL surface the repositories are written against, once for both stores. Drivers
// (SQLite, libpq) implement it; SQL text uses '?' placeholders, rewritten to $n for PostgreSQL.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "citysafe/common/result.hpp"

namespace citysafe::sql {

enum class Dialect : std::uint8_t { Sqlite, Postgres };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  [[nodiscard]] bool isNull(std::size_t i) const { return !cells_.at(i).has_value(); }
  [[nodiscard]] std::int64_t getInt(std::size_t i) const;
  [[nodiscard]] double getDouble(std::size_t i) const;
  [[nodiscard]] const std::string& getText(std::size_t i) const;
  [[nodiscard]] bool getBool(std::size_t i) const { return getInt(i) != 0; }

 private:
  std::vector<std::optional<std::string>> cells_;
};

// Not thread-safe: one thread uses a connection at a time (the store's pool sees to it).
class Connection {
 public:
  virtual ~Connection() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  // One statement with bound parameters; rows for SELECT/RETURNING, empty otherwise.
  // Conflict for unique violations, Unavailable when the server is gone, Internal otherwise.
  [[nodiscard]] virtual Result<std::vector<Row>> query(std::string_view sql,
                                                       const std::vector<Value>& params) = 0;
  // The same, a row at a time, for results too large to hold as rows (the default holds them).
  [[nodiscard]] virtual Result<void> forEachRow(std::string_view sql,
                                                const std::vector<Value>& params,
                                                const std::function<void(Row&&)>& each) {
    auto rows = query(sql, params);
    if (!rows) return tl::unexpected(rows.error());
    for (auto& r : *rows) each(std::move(r));
    return ok();
  }
  // One statement without rows to return; how many rows it inserted, changed or deleted.
  [[nodiscard]] virtual Result<std::int64_t> exec(std::string_view sql,
                                                  const std::vector<Value>& params) = 0;
  // Several statements, no parameters (migrations, BEGIN/COMMIT).
  [[nodiscard]] virtual Result<void> execScript(std::string_view sql) = 0;
  // BEGIN IMMEDIATE on SQLite so writers queue instead of failing mid-transaction.
  [[nodiscard]] virtual Result<void> begin(bool write) = 0;
};

// First column of the first row as an integer (for RETURNING id and COUNT).
[[nodiscard]] Result<std::int64_t> queryInt(Connection& conn, std::string_view sql,
                                            const std::vector<Value>& params);

}  // namespace citysafe::sql
