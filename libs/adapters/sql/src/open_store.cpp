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
    store = std::make_unique<SqlStore>([path] { return sqlite::openSqlite(path); }, url);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    store = std::make_unique<SqlStore>([url] { return postgres::openPostgres(url); },
                                       postgres::redactUri(url));
  } else {
    return invalid("db", "must start with sqlite: or postgresql://, got '" + url + "'");
  }
  CS_TRY(store->migrate());
  return store;
}

}  // namespace citysafe::sql
