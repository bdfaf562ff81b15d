#include "citysafe/sql/sql_store.hpp"
#include "pg_connection.hpp"
#include "sqlite_connection.hpp"

namespace citysafe::sql {

Result<std::unique_ptr<SqlStore>> openStore(const std::string& url) {
  std::unique_ptr<SqlStore> store;
  if (url.starts_with("sqlite:")) {
    const std::string path = url.substr(7);
    if (path.empty())
      return invalid("db", "sqlite: needs a file path, e.g. sqlite:var/citysafe.db");
    // Checkpoints (copying the WAL back into the database file) run on a thread of their own,
    // not in whichever commit fills the WAL: a writer would otherwise hold everyone up while it
    // copies a thousand pages.
    auto open = [path]() -> Result<std::unique_ptr<Connection>> {
      auto conn = sqlite::openSqlite(path);
      if (conn) {
        if (auto r = (*conn)->execScript(
                "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864");
            !r) {
          return tl::unexpected(r.error());
        }
      }
      return conn;
    };
    store = std::make_unique<SqlStore>(open, url);
    if (auto applied = store->migrate(); !applied) return tl::unexpected(applied.error());
    auto checkpointer = std::shared_ptr<Connection>(open().value_or(nullptr));
    if (!checkpointer) return fail(Errc::Unavailable, "db", "cannot open " + url);
    store->runInBackground(
        [checkpointer] { (void)checkpointer->execScript("PRAGMA wal_checkpoint(PASSIVE)"); },
        std::chrono::milliseconds(200));
    return store;
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    store = std::make_unique<SqlStore>([url] { return postgres::openPostgres(url); },
                                       postgres::redactUri(url));
  } else {
    return invalid("db", "must start with sqlite: or postgresql://, got '" + url + "'");
  }
  if (auto applied = store->migrate(); !applied) return tl::unexpected(applied.error());
  return store;
}

}  // namespace citysafe::sql
