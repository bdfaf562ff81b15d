#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "citysafe/core/store/store.hpp"
#include "citysafe/sql/connection.hpp"

namespace citysafe::sql {

using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;

// store::Store over any Connection: a pool of connections, one transaction per call.
class SqlStore final : public store::Store {
 public:
  SqlStore(ConnectionFactory factory, std::string description, std::size_t max_idle = 32);
  ~SqlStore() override;
  [[nodiscard]] Result<void> write(const store::Work& work) override;
  [[nodiscard]] Result<void> read(const store::Work& work) override;
  [[nodiscard]] std::string describe() const override { return description_; }
  // Applies the numbered migrations not yet applied. Call once at start.
  [[nodiscard]] Result<int> migrate();

 private:
  [[nodiscard]] Result<void> run(const store::Work& work, bool write);
  Result<std::unique_ptr<Connection>> acquire();
  void release(std::unique_ptr<Connection> conn);

  ConnectionFactory factory_;
  std::string description_;
  std::size_t max_idle_;
  std::mutex mutex_;
  // SQLite has one writer at a time. Writers of this process queue here, where the one waiting
  // wakes the moment the lock is free; SQLite's busy handler would sleep in steps of up to
  // 100 ms (other processes still meet the busy timeout).
  std::mutex sqlite_writer_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// The tables whose rows the audit log vouches for, with the columns their content covers and
// those it leaves out (src/audited_content.cpp); a test checks that they name every column.
struct AuditedTableColumns {
  std::string entity;
  std::string table;
  std::vector<std::string> covered;  // besides the id
  std::vector<std::string> excluded;
};
[[nodiscard]] std::vector<AuditedTableColumns> auditedTableColumns();

// Opens "sqlite:PATH" or "postgresql://..." and applies migrations.
[[nodiscard]] Result<std::unique_ptr<SqlStore>> openStore(const std::string& url);

}  // namespace citysafe::sql
