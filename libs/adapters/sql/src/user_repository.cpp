#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {
constexpr Columns<11> kUser{{"id", "username", "display_name", "org_id", "roles", "disabled",
                             "password_hash", "failed_logins", "locked_until", "created_at",
                             "updated_at"}};

std::string joinRoles(const std::vector<identity::Role>& roles) {
  std::string out = ",";
  for (const auto r : roles) out += std::string(nameOf(r)) + ",";
  return out;
}

Result<identity::User> fromRow(const Row& r) {
  identity::User u;
  u.id = UserId{r.getInt(kUser.at("id"))};
  u.username = r.getText(kUser.at("username"));
  u.display_name = r.getText(kUser.at("display_name"));
  u.org_id = OrgId{r.getInt(kUser.at("org_id"))};
  for (const auto& name : splitSectors(r.getText(kUser.at("roles")))) {
    u.roles.push_back(CS_TRY(storedEnum<identity::Role>(name, "users.roles")));
  }
  u.disabled = r.getBool(kUser.at("disabled"));
  u.password_hash = r.getText(kUser.at("password_hash"));
  u.failed_logins = static_cast<int>(r.getInt(kUser.at("failed_logins")));
  if (!r.isNull(kUser.at("locked_until"))) {
    u.locked_until = fromEpochMs(r.getInt(kUser.at("locked_until")));
  }
  u.created_at = fromEpochMs(r.getInt(kUser.at("created_at")));
  u.updated_at = fromEpochMs(r.getInt(kUser.at("updated_at")));
  return u;
}

Value lockedUntil(const identity::User& u) {
  return u.locked_until ? Value{toEpochMs(*u.locked_until)} : Value{nullptr};
}
}  // namespace

Result<identity::User> SqlUserRepository::one(const std::string& where, const Value& key) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kUser.list("u") + " FROM users u WHERE " + where, {key}));
  if (rows.empty()) return fail(Errc::NotFound, "user", "no such user");
  return fromRow(rows.front());
}

Result<identity::User> SqlUserRepository::get(UserId id) { return one("u.id = ?", id.value); }

Result<identity::User> SqlUserRepository::getByUsername(const std::string& username) {
  return one("u.username = ?", username);
}

Result<UserId> SqlUserRepository::insert(const identity::User& u) {
  auto id = queryInt(conn_, kUser.insertInto("users") + " RETURNING id",
                     {u.username, u.display_name, u.org_id.value, joinRoles(u.roles),
                      std::int64_t{u.disabled}, u.password_hash, std::int64_t{u.failed_logins},
                      lockedUntil(u), toEpochMs(u.created_at), toEpochMs(u.updated_at)});
  if (!id) {
    if (id.error().code == Errc::Conflict)
      return fail(Errc::Conflict, "username", "'" + u.username + "' is taken");
    return tl::unexpected(id.error());
  }
  return UserId{*id};
}

Result<void> SqlUserRepository::update(const identity::User& u) {
  CS_TRY(conn_.query(
      "UPDATE users SET display_name = ?, roles = ?, disabled = ?, password_hash = ?, "
      "failed_logins = ?, "
      "locked_until = ?, updated_at = ? WHERE id = ?",
      {u.display_name, joinRoles(u.roles), std::int64_t{u.disabled}, u.password_hash,
       std::int64_t{u.failed_logins}, lockedUntil(u), toEpochMs(u.updated_at), u.id.value}));
  return ok();
}

Result<std::vector<identity::User>> SqlUserRepository::list(const identity::Scope& scope,
                                                            store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  std::string sql = "SELECT " + kUser.list("u") +
                    " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id > ? AND " +
                    scopeClause(conn_.dialect(), scope, "o.path", "o.sectors", params) +
                    " ORDER BY u.id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return queryRows(conn_, sql, params, fromRow);
}

namespace {
constexpr Columns<7> kSession{
    {"id", "token_hash", "user_id", "created_at", "expires_at", "revoked", "client"}};
}  // namespace

Result<std::int64_t> SqlSessionRepository::insert(const identity::Session& s) {
  return queryInt(conn_, kSession.insertInto("sessions") + " RETURNING id",
                  {s.token_hash, s.user_id.value, toEpochMs(s.created_at), toEpochMs(s.expires_at),
                   std::int64_t{s.revoked}, s.client});
}

Result<identity::Session> SqlSessionRepository::getByTokenHash(const std::string& token_hash) {
  auto rows = CS_TRY(conn_.query(
      "SELECT " + kSession.list() + " FROM sessions WHERE token_hash = ?", {token_hash}));
  if (rows.empty()) return fail(Errc::NotFound, "session", "no such session");
  const Row& r = rows.front();
  return identity::Session{r.getInt(kSession.at("id")),
                           r.getText(kSession.at("token_hash")),
                           UserId{r.getInt(kSession.at("user_id"))},
                           fromEpochMs(r.getInt(kSession.at("created_at"))),
                           fromEpochMs(r.getInt(kSession.at("expires_at"))),
                           r.getBool(kSession.at("revoked")),
                           r.getText(kSession.at("client"))};
}

Result<void> SqlSessionRepository::revoke(std::int64_t session_id) {
  CS_TRY(conn_.query("UPDATE sessions SET revoked = 1 WHERE id = ?", {session_id}));
  return ok();
}

Result<int> SqlSessionRepository::revokeAllOf(UserId user) {
  auto n = CS_TRY(queryInt(conn_, "SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked = 0",
                           {user.value}));
  CS_TRY(conn_.query("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0",
                     {user.value}));
  return static_cast<int>(n);
}

}  // namespace citysafe::sql
