#include "repositories.hpp"

namespace citysafe::sql {
namespace {
using identity::Session;
using identity::User;

const RowMap<User> kUser{"users", stored<&User::id>("id"),
                         columns<&User::username, &User::display_name, &User::org_id, &User::roles,
                                 &User::disabled, &User::password_hash, &User::failed_logins,
                                 &User::locked_until, &User::created_at, &User::updated_at>()};
// What an update writes: the username and organisation stay.
const RowMap<User> kUserEdit = kUser.only({"display_name", "roles", "disabled", "password_hash",
                                           "failed_logins", "locked_until", "updated_at"});
}  // namespace

Result<User> SqlUserRepository::one(const std::string& where, const Value& key) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kUser.list("u") + " FROM users u WHERE " + where, {key}));
  if (rows.empty()) return fail(Errc::NotFound, "user", "no such user");
  return kUser.read(rows.front());
}

Result<User> SqlUserRepository::get(UserId id) { return one("u.id = ?", id.value); }

Result<User> SqlUserRepository::getByUsername(const std::string& username) {
  return one("u.username = ?", username);
}

Result<UserId> SqlUserRepository::insert(const User& u) {
  auto id = kUser.add(conn_, u);
  if (!id) {
    if (id.error().code == Errc::Conflict)
      return fail(Errc::Conflict, "username", "'" + u.username + "' is taken");
    return tl::unexpected(id.error());
  }
  return UserId{*id};
}

Result<void> SqlUserRepository::update(const User& u) {
  CS_TRY(kUserEdit.set(conn_, u, " WHERE id = ?", {u.id.value}));
  return ok();
}

Result<std::vector<User>> SqlUserRepository::list(const identity::Scope& scope,
                                                  store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  std::string sql = "SELECT " + kUser.list("u") +
                    " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id > ? AND " +
                    scopeClause(conn_.dialect(), scope, "o.path", "o.sectors", params) +
                    " ORDER BY u.id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return kUser.readAll(CS_TRY(conn_.query(sql, params)));
}

namespace {
const RowMap<Session> kSession{
    "sessions", stored<&Session::id>("id"),
    columns<&Session::token_hash, &Session::user_id, &Session::created_at, &Session::expires_at,
            &Session::revoked, &Session::client>()};
}  // namespace

Result<std::int64_t> SqlSessionRepository::insert(const Session& s) {
  return kSession.add(conn_, s);
}

Result<Session> SqlSessionRepository::getByTokenHash(const std::string& token_hash) {
  auto rows = CS_TRY(conn_.query(kSession.select() + " WHERE token_hash = ?", {token_hash}));
  if (rows.empty()) return fail(Errc::NotFound, "session", "no such session");
  return kSession.read(rows.front());
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
