#include "citysafe/core/identity/user_service.hpp"

#include <algorithm>

#include "citysafe/common/json_text.hpp"

namespace citysafe::identity {

Result<void> validateUsername(const std::string& username) {
  if (username.size() < 3 || username.size() > 32) {
    return invalid("username", "must be 3 to 32 characters");
  }
  const bool allowed = std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
  if (!allowed) return invalid("username", "may hold only a-z, 0-9, '_', '.' and '-'");
  return ok();
}

Result<void> validatePassword(const std::string& password) {
  if (password.size() < 10) return invalid("password", "must be at least 10 characters");
  if (password.size() > 256) return invalid("password", "must be at most 256 characters");
  return ok();
}

Result<void> validateRolesFor(org::OrgKind kind, const std::vector<Role>& roles) {
  if (roles.empty()) return invalid("roles", "a user needs at least one role");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const std::string field = "roles[" + std::to_string(i) + "]";
    const Role r = roles[i];
    if (r == Role::DepartmentOfficer && kind != org::OrgKind::Department) {
      return invalid(field, "department_officer belongs to a sector department");
    }
    if (r == Role::EnterpriseManager && kind != org::OrgKind::Enterprise) {
      return invalid(field, "enterprise_manager belongs to an enterprise");
    }
    if (r == Role::StreetOfficer && kind != org::OrgKind::Street &&
        kind != org::OrgKind::Community) {
      return invalid(field, "street_officer belongs to a street or community");
    }
    if (kind == org::OrgKind::Enterprise && r != Role::EnterpriseManager) {
      return invalid(field, "an enterprise's users are enterprise_manager only");
    }
  }
  return ok();
}

namespace {
Result<org::Organisation> orgInScope(store::Tx& tx, const Principal& who, OrgId id,
                                     const char* field) {
  // Accounts follow the subtree only: a department's sector reach does not extend to the
  // enterprises' people.
  auto org = CS_TRY(store::ifFound(tx.orgs().get(id)));
  if (!org || !reachesSubtree(who, *org)) return notInScope(field, id.value);
  return *org;
}

void announceUser(ServiceContext& ctx, const User& user, const std::string& org_path,
                  const char* action) {
  ctx.bus.publish(events::DomainEvent{
      .type = std::string("user.") + action,
      .entity = "user",
      .entity_id = std::to_string(user.id.value),
      .action = action,
      .org_path = org_path,
      .sectors = {},
      .at = ctx.clock.now(),
      .data_json = JsonObject().add("username", user.username).str(),
  });
}
}  // namespace

Result<User> UserService::create(const Principal& who, const UserDraft& draft) {
  CS_TRY(require(who, Permission::UserWrite));
  CS_TRY(validateUsername(draft.username));
  CS_TRY(validatePassword(draft.password));
  if (draft.display_name.empty()) return invalid("display_name", "must not be empty");
  // Hash outside the transaction: argon2id is deliberately slow.
  const std::string hash = hasher_.hash(draft.password);
  std::string org_path;
  auto created = store::writeReturning<User>(ctx_.store, [&](store::Tx& tx) -> Result<User> {
    auto org = CS_TRY(orgInScope(tx, who, draft.org_id, "org_id"));
    CS_TRY(validateRolesFor(org.kind, draft.roles));
    if (tx.users().getByUsername(draft.username)) {
      return fail(Errc::Conflict, "username", "'" + draft.username + "' is taken");
    }
    User user;
    user.username = draft.username;
    user.display_name = draft.display_name;
    user.org_id = draft.org_id;
    user.roles = draft.roles;
    user.password_hash = hash;
    user.created_at = user.updated_at = ctx_.clock.now();
    auto id = CS_TRY(tx.users().insert(user));
    user.id = id;
    org_path = org.path;
    CS_TRY(ctx_.auditor.record(
        tx, who,
        {"user", std::to_string(id.value), "create", "null", toAuditJson(user), org.path}));
    return user;
  });
  if (created) announceUser(ctx_, *created, org_path, "created");
  return created;
}

Result<User> UserService::loadForWrite(store::Tx& tx, const Principal& who, UserId id) {
  CS_TRY(require(who, Permission::UserWrite));
  auto user = CS_TRY(store::ifFound(tx.users().get(id)));
  if (!user) return notInScope("id", id.value, "user");
  const auto org = CS_TRY(store::ifFound(tx.orgs().get(user->org_id)));
  if (!org || !reachesSubtree(who, *org)) return notInScope("id", id.value, "user");
  return *user;
}

Result<User> UserService::update(const Principal& who, UserId id, const UserPatch& patch) {
  if (patch.display_name && patch.display_name->empty()) {
    return invalid("display_name", "must not be empty");
  }
  return store::writeReturning<User>(ctx_.store, [&](store::Tx& tx) -> Result<User> {
    auto user = CS_TRY(loadForWrite(tx, who, id));
    const std::string before = toAuditJson(user);
    if (patch.roles) {
      auto org = CS_TRY(tx.orgs().get(user.org_id));
      CS_TRY(validateRolesFor(org.kind, *patch.roles));
      user.roles = *patch.roles;
    }
    if (patch.display_name) user.display_name = *patch.display_name;
    if (patch.disabled) {
      if (*patch.disabled && id == who.user_id)
        return invalid("disabled", "you cannot disable yourself");
      user.disabled = *patch.disabled;
      if (user.disabled) {
        CS_TRY(tx.sessions().revokeAllOf(id));
      }
    }
    user.updated_at = ctx_.clock.now();
    CS_TRY(tx.users().update(user));
    const char* action = patch.disabled ? (*patch.disabled ? "disable" : "enable") : "update";
    CS_TRY(ctx_.auditor.record(tx, who,
                               {"user", std::to_string(id.value), action, before, toAuditJson(user),
                                CS_TRY(store::orgPathOf(tx, user.org_id))}));
    return user;
  });
}

Result<void> UserService::setPassword(const Principal& who, UserId id,
                                      const std::string& password) {
  CS_TRY(validatePassword(password));
  const std::string hash = hasher_.hash(password);
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto user = CS_TRY(loadForWrite(tx, who, id));
    user.password_hash = hash;
    user.failed_logins = 0;
    user.locked_until.reset();
    user.updated_at = ctx_.clock.now();
    CS_TRY(tx.users().update(user));
    CS_TRY(tx.sessions().revokeAllOf(id));
    CS_TRY(ctx_.auditor.record(tx, who,
                               {"user", std::to_string(id.value), "password", "null", "null",
                                CS_TRY(store::orgPathOf(tx, user.org_id))}));
    return ok();
  });
}

Result<int> UserService::revokeSessions(const Principal& who, UserId id) {
  return store::writeReturning<int>(ctx_.store, [&](store::Tx& tx) -> Result<int> {
    auto user = CS_TRY(loadForWrite(tx, who, id));
    auto n = CS_TRY(tx.sessions().revokeAllOf(id));
    CS_TRY(ctx_.auditor.record(tx, who,
                               {"user", std::to_string(id.value), "revoke_sessions", "null",
                                JsonObject().add("revoked", std::int64_t{n}).str(),
                                CS_TRY(store::orgPathOf(tx, user.org_id))}));
    return n;
  });
}

Result<User> UserService::get(const Principal& who, UserId id) {
  CS_TRY(require(who, Permission::UserRead));
  return store::readReturning<User>(ctx_.store, [&](store::Tx& tx) -> Result<User> {
    auto user = CS_TRY(store::ifFound(tx.users().get(id)));
    if (!user) return notInScope("id", id.value, "user");
    const auto org = CS_TRY(store::ifFound(tx.orgs().get(user->org_id)));
    if (!org || !reachesSubtree(who, *org)) return notInScope("id", id.value, "user");
    return *user;
  });
}

Result<User> UserService::getByUsername(const Principal& who, const std::string& username) {
  const auto user =
      CS_TRY(store::readReturning<std::optional<User>>(ctx_.store, [&](store::Tx& tx) {
        return store::ifFound(tx.users().getByUsername(username));
      }));
  if (!user) return fail(Errc::NotFound, "username", "no such user");
  return get(who, user->id);
}

Result<std::vector<User>> UserService::list(const Principal& who, store::PageRequest page) {
  CS_TRY(require(who, Permission::UserRead));
  return store::readReturning<std::vector<User>>(ctx_.store, [&](store::Tx& tx) {
    return tx.users().list(Scope{who.org_path, {}, {}}, page);
  });
}

Result<Profile> UserService::profile(const Principal& who) {
  Profile out;
  for (const auto p : allPermissions()) {
    if (who.can(p)) out.permissions.push_back(p);
  }
  CS_TRY(ctx_.store.read([&](store::Tx& tx) -> Result<void> {
    out.user = CS_TRY(tx.users().get(who.user_id));
    out.org = CS_TRY(tx.orgs().get(who.org_id));
    return ok();
  }));
  return out;
}

}  // namespace citysafe::identity
