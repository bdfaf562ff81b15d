#include <unistd.h>

#include <iostream>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/identity/user_service.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {
namespace {

struct UserOptions {
  std::string db = kDefaultDb;
  std::string audit_key;
  std::string username;
  std::string display_name;
  std::int64_t org_id = 0;
  std::vector<std::string> roles;
  bool password_stdin = false;
};

// The password comes from standard input (one line), never from the command line, so it does
// not end up in shell history or the process list.
Result<std::string> readPassword(bool from_stdin) {
  if (!from_stdin)
    return invalid("password", "pass --password-stdin and write the password on standard input");
  if (isatty(STDIN_FILENO)) std::cerr << "Password: ";
  std::string line;
  if (!std::getline(std::cin, line)) return invalid("password", "nothing on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

template <class Run>
int withUsers(const UserOptions& o, Run run) {
  auto rt = openRuntime(o.db, o.audit_key);
  if (!rt) return report(rt.error());
  return run((*rt)->services->users);
}

int addUser(const UserOptions& o) {
  std::vector<identity::Role> roles;
  for (std::size_t i = 0; i < o.roles.size(); ++i) {
    auto role = identity::parseRole(o.roles[i]);
    if (!role) return report(Error{Errc::Invalid, "role", "unknown role '" + o.roles[i] + "'"});
    roles.push_back(*role);
  }
  auto password = readPassword(o.password_stdin);
  if (!password) return report(password.error());
  return withUsers(o, [&](identity::UserService& users) {
    auto user = users.create(identity::Principal::system(),
                             {o.username, o.display_name.empty() ? o.username : o.display_name,
                              OrgId{o.org_id}, roles, *password});
    if (!user) return report(user.error());
    std::cout << JsonObject().add("id", user->id.value).add("username", user->username).str()
              << "\n";
    return 0;
  });
}

int changePassword(const UserOptions& o) {
  auto password = readPassword(o.password_stdin);
  if (!password) return report(password.error());
  return withUsers(o, [&](identity::UserService& users) {
    const auto system = identity::Principal::system();
    auto user = users.getByUsername(system, o.username);
    if (!user) return report(user.error());
    if (auto r = users.setPassword(system, user->id, *password); !r) return report(r.error());
    std::cout << JsonObject().add("username", o.username).add("password_changed", true).str()
              << "\n";
    return 0;
  });
}

int disableUser(const UserOptions& o) {
  return withUsers(o, [&](identity::UserService& users) {
    const auto system = identity::Principal::system();
    auto user = users.getByUsername(system, o.username);
    if (!user) return report(user.error());
    auto changed =
        users.update(system, user->id, {.display_name = {}, .roles = {}, .disabled = true});
    if (!changed) return report(changed.error());
    std::cout << JsonObject().add("username", o.username).add("disabled", true).str() << "\n";
    return 0;
  });
}

}  // namespace

void addUserVerb(CLI::App& cli, Action& action) {
  auto o = std::make_shared<UserOptions>();
  auto* cmd = cli.add_subcommand("user", "Manage user accounts");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand("add", "Create a user (password on standard input)");
  add->add_option("--username", o->username)->required();
  add->add_option("--name", o->display_name, "display name");
  add->add_option("--org-id", o->org_id, "organisation id")->required();
  add->add_option("--role", o->roles,
                  "role (repeatable): admin, leader, duty_officer, department_officer, "
                  "street_officer, inspector, enterprise_manager")
      ->required();
  auto* passwd = cmd->add_subcommand("passwd", "Set a user's password (on standard input)");
  passwd->add_option("--username", o->username)->required();
  auto* disable = cmd->add_subcommand("disable", "Disable a user and end their sessions");
  disable->add_option("--username", o->username)->required();
  for (auto* sub : {add, passwd})
    sub->add_flag("--password-stdin", o->password_stdin, "read the password from standard input");
  for (auto* sub : {add, passwd, disable}) {
    sub->add_option("--db", o->db, "sqlite:PATH or postgresql://...")->capture_default_str();
    addAuditKeyOption(*sub, o->audit_key);
  }
  add->callback([o, &action] { action = [o] { return addUser(*o); }; });
  passwd->callback([o, &action] { action = [o] { return changePassword(*o); }; });
  disable->callback([o, &action] { action = [o] { return disableUser(*o); }; });
}

}  // namespace citysafe::app
