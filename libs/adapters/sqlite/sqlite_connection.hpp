#pragma once
#include <memory>
#include <string>

#include "citysafe/sql/connection.hpp"

namespace citysafe::sqlite {

// Opens (creating) the database file with WAL, foreign keys and a busy timeout.
[[nodiscard]] Result<std::unique_ptr<sql::Connection>> openSqlite(const std::string& path);

}  // namespace citysafe::sqlite
