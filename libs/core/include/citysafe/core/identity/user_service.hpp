#pragma once
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/identity/user.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::identity {

struct UserDraft {
  std::string username;
  std::string display_name;
  OrgId org_id;
  std::vector<Role> roles;
  std::string password;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::vector<Role>> roles;
  std::optional<bool> disabled;
};

// The caller's own account, organisation and what their roles let them do.
struct Profile {
  User user;
  org::Organisation org;
  std::vector<Permission> permissions;
};

class UserService {
 public:
  UserService(ServiceContext& ctx, const PasswordHasher& hasher) : ctx_(ctx), hasher_(hasher) {}
  [[nodiscard]] Result<User> create(const Principal& who, const UserDraft& draft);
  [[nodiscard]] Result<User> update(const Principal& who, UserId id, const UserPatch& patch);
  [[nodiscard]] Result<void> setPassword(const Principal& who, UserId id,
                                         const std::string& password);
  [[nodiscard]] Result<int> revokeSessions(const Principal& who, UserId id);
  [[nodiscard]] Result<User> get(const Principal& who, UserId id);
  [[nodiscard]] Result<User> getByUsername(const Principal& who, const std::string& username);
  [[nodiscard]] Result<std::vector<User>> list(const Principal& who, store::PageRequest page);
  [[nodiscard]] Result<Profile> profile(const Principal& who);

 private:
  // Loads the user and checks that `who` may write it.
  [[nodiscard]] Result<User> loadForWrite(store::Tx& tx, const Principal& who, UserId id);
  ServiceContext& ctx_;
  const PasswordHasher& hasher_;
};

[[nodiscard]] Result<void> validateUsername(const std::string& username);
[[nodiscard]] Result<void> validatePassword(const std::string& password);
// Roles must fit the organisation: a department officer belongs to a department, an enterprise
// safety manager to an enterprise, a street officer to a street or community.
[[nodiscard]] Result<void> validateRolesFor(org::OrgKind kind, const std::vector<Role>& roles);

}  // namespace citysafe::identity
