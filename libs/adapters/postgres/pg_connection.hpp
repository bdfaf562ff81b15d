#pragma once
#include <memory>
#include <string>

#include "citysafe/sql/connection.hpp"

namespace citysafe::postgres {

// Connects with a libpq URI ("postgresql://user@host:port/db"). Unavailable when the server
// cannot be reached.
[[nodiscard]] Result<std::unique_ptr<sql::Connection>> openPostgres(const std::string& uri);

// The same URI with any password replaced by "***", for logs and describe().
std::string redactUri(const std::string& uri);

}  // namespace citysafe::postgres
