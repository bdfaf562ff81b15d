#include "repositories.hpp"

namespace citysafe::sql {
namespace {
constexpr const char* kColumns =
    "u.id, u.username, u.display_name, u.org_id, u.roles, u.disabled, u.password_hash, "
    "u.failed_logins, "
    "u.locked_until, u.created_at, u.updated_at";

std::string joinRoles(const std::vector<identity::Role>& roles) {
  std::string out = ",";
  for (const auto r : roles) out += std::string(identity::toString(r)) + ",";
  return out;
}

identity::User fromRow(const Row& r) {
  identity::User u;
  u.id = UserId{r.getInt(0)};
  u.username = r.getText(1);
  u.display_name = r.getText(2);
  u.org_id = OrgId{r.getInt(3)};
  for (const auto& name : splitSectors(r.getText(4))) {
    if (auto role = identity::parseRole(name)) u.roles.push_back(*role);
  }
  u.disabled = r.getBool(5);
  u.password_hash = r.getText(6);
  u.failed_logins = static_cast<int>(r.getInt(7));
  if (!r.isNull(8)) u.locked_until = fromEpochMs(r.getInt(8));
  u.created_at = fromEpochMs(r.getInt(9));
  u.updated_at = fromEpochMs(r.getInt(10));
  return u;
}

Value lockedUntil(const identity::User& u) {
  return u.locked_until ? Value{toEpochMs(*u.locked_until)} : Value{nullptr};
}
}  // namespace

Result<identity::User> SqlUserRepository::one(const std::string& where, const Value& key) {
  auto rows =
      conn_.query(std::string("SELECT ") + kColumns + " FROM users u WHERE " + where, {key});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "user", "no such user");
  return fromRow(rows->front());
}

Result<identity::User> SqlUserRepository::get(UserId id) { return one("u.id = ?", id.value); }

Result<identity::User> SqlUserRepository::getByUsername(const std::string& username) {
  return one("u.username = ?", username);
}

Result<UserId> SqlUserRepository::insert(const identity::User& u) {
  auto id = queryInt(
      conn_,
      "INSERT INTO users (username, display_name, org_id, roles, disabled, password_hash, "
      "failed_logins, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {u.username, u.display_name, u.org_id.value, joinRoles(u.roles), std::int64_t{u.disabled},
       u.password_hash, std::int64_t{u.failed_logins}, lockedUntil(u), toEpochMs(u.created_at),
       toEpochMs(u.updated_at)});
  if (!id) {
    if (id.error().code == Errc::Conflict)
      return fail(Errc::Conflict, "username", "'" + u.username + "' is taken");
    return tl::unexpected(id.error());
  }
  return UserId{*id};
}

Result<void> SqlUserRepository::update(const identity::User& u) {
  auto rows = conn_.query(
      "UPDATE users SET display_name = ?, roles = ?, disabled = ?, password_hash = ?, "
      "failed_logins = ?, "
      "locked_until = ?, updated_at = ? WHERE id = ?",
      {u.display_name, joinRoles(u.roles), std::int64_t{u.disabled}, u.password_hash,
       std::int64_t{u.failed_logins}, lockedUntil(u), toEpochMs(u.updated_at), u.id.value});
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<std::vector<identity::User>> SqlUserRepository::list(const identity::Scope& scope,
                                                            store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id > ? AND " +
                    scopeClause(conn_.dialect(), scope, "o.path", "o.sectors", params) +
                    " ORDER BY u.id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<identity::User> out;
  for (const auto& r : *rows) out.push_back(fromRow(r));
  return out;
}

Result<std::int64_t> SqlSessionRepository::insert(const identity::Session& s) {
  return queryInt(
      conn_,
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked, client) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {s.token_hash, s.user_id.value, toEpochMs(s.created_at), toEpochMs(s.expires_at),
       std::int64_t{s.revoked}, s.client});
}

Result<identity::Session> SqlSessionRepository::getByTokenHash(const std::string& token_hash) {
  auto rows = conn_.query(
      "SELECT id, token_hash, user_id, created_at, expires_at, revoked, client FROM sessions WHERE "
      "token_hash = ?",
      {token_hash});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "session", "no such session");
  const Row& r = rows->front();
  return identity::Session{r.getInt(0),
                           r.getText(1),
                           UserId{r.getInt(2)},
                           fromEpochMs(r.getInt(3)),
                           fromEpochMs(r.getInt(4)),
                           r.getBool(5),
                           r.getText(6)};
}

Result<void> SqlSessionRepository::revoke(std::int64_t session_id) {
  auto rows = conn_.query("UPDATE sessions SET revoked = 1 WHERE id = ?", {session_id});
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<int> SqlSessionRepository::revokeAllOf(UserId user) {
  auto n = queryInt(conn_, "SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked = 0",
                    {user.value});
  if (!n) return tl::unexpected(n.error());
  auto rows = conn_.query("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0",
                          {user.value});
  if (!rows) return tl::unexpected(rows.error());
  return static_cast<int>(*n);
}

}  // namespace citysafe::sql
