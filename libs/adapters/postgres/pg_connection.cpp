#include "pg_connection.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>

namespace citysafe::postgres {
namespace {

// '?' placeholders to $1, $2 ... (our SQL never has '?' inside literals).
std::string numbered(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  int n = 0;
  for (const char c : text) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  [[nodiscard]] sql::Dialect dialect() const override { return sql::Dialect::Postgres; }

  Result<std::vector<sql::Row>> query(std::string_view text,
                                      const std::vector<sql::Value>& params) override {
    PGresult* res = CS_TRY(run(text, params));
    std::vector<sql::Row> rows;
    const int n_rows = PQntuples(res);
    const int n_cols = PQnfields(res);
    rows.reserve(static_cast<std::size_t>(n_rows));
    for (int r = 0; r < n_rows; ++r) {
      std::vector<std::optional<std::string>> cells(static_cast<std::size_t>(n_cols));
      for (int c = 0; c < n_cols; ++c) {
        if (!PQgetisnull(res, r, c)) {
          cells[static_cast<std::size_t>(c)] =
              std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c)));
        }
      }
      rows.emplace_back(std::move(cells));
    }
    PQclear(res);
    return rows;
  }

  Result<std::int64_t> exec(std::string_view text, const std::vector<sql::Value>& params) override {
    PGresult* res = CS_TRY(run(text, params));
    const char* tuples = PQcmdTuples(res);
    const std::int64_t changed = tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
    PQclear(res);
    return changed;
  }

  Result<void> execScript(std::string_view text) override {
    PGresult* res = PQexec(conn_, std::string(text).c_str());
    const auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
      auto err = failure(res, text);
      PQclear(res);
      return tl::unexpected(err);
    }
    PQclear(res);
    return ok();
  }

  Result<void> begin(bool /*write*/) override {
    if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);
    return execScript("BEGIN");
  }

 private:
  // The caller clears the result.
  Result<PGresult*> run(std::string_view text, const std::vector<sql::Value>& params) {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              storage[i] = std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
              char buf[32];
              std::snprintf(buf, sizeof buf, "%.17g", v);
              storage[i] = buf;
            } else {
              storage[i] = v;
            }
            values[i] = storage[i].c_str();
          },
          params[i]);
    }
    const std::string sql_text = numbered(text);
    PGresult* res = PQexecParams(conn_, sql_text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    const auto status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      auto err = failure(res, text);
      PQclear(res);
      return tl::unexpected(err);
    }
    return res;
  }

  Error failure(PGresult* res, std::string_view text) const {
    if (PQstatus(conn_) != CONNECTION_OK) {
      return Error{Errc::Unavailable, "",
                   std::string("postgresql: connection lost: ") + PQerrorMessage(conn_)};
    }
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    Errc code = Errc::Internal;
    // A unique violation, a serialisation failure or a deadlock: Conflict; a lost connection or
    // an administrator's shutdown: Unavailable.
    if (sqlstate == "23505" || sqlstate == "40001" || sqlstate == "40P01")
      code = Errc::Conflict;
    else if (sqlstate.starts_with("08") || sqlstate == "57P01")
      code = Errc::Unavailable;
    std::string message = PQresultErrorMessage(res);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return Error{code, "", "postgresql: " + message + " in: " + std::string(text.substr(0, 120))};
  }

  PGconn* conn_;
};

}  // namespace

std::string redactUri(const std::string& uri) {
  // scheme://user:password@host... → scheme://user:***@host...
  const auto scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  const auto at = uri.find('@', scheme + 3);
  const auto colon = uri.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

Result<std::unique_ptr<sql::Connection>> openPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return fail(Errc::Unavailable, "db",
                "cannot connect to PostgreSQL at " + redactUri(uri) + ": " + message);
  }
  auto c = std::make_unique<PgConnection>(conn);
  // Quiet NOTICEs (IF NOT EXISTS) and keep times in UTC; we store epoch milliseconds anyway.
  CS_TRY(c->execScript("SET client_min_messages TO warning"));
  return std::unique_ptr<sql::Connection>(std::move(c));
}

}  // namespace citysafe::postgres
