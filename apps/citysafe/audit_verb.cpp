#include <iostream>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {

void addAuditVerb(CLI::App& cli, Action& action) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* cmd = cli.add_subcommand("audit", "Audit log tools");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand(
      "verify", "Check the SHA-256 chain; exit 1 and name the first broken record");
  verify->add_option("--db", *db, "sqlite:PATH or postgresql://...")->capture_default_str();
  verify->callback([db, &action] {
    action = [db] {
      auto rt = openRuntime(*db);
      if (!rt) return report(rt.error());
      auto result = audit::verifyChain(*(*rt)->store);
      if (!result) return report(result.error());
      JsonObject out;
      out.add("ok", result->ok).add("checked", result->checked);
      if (!result->ok)
        out.add("first_broken_seq", result->first_broken_seq).add("reason", result->reason);
      std::cout << out.str() << "\n";
      return result->ok ? 0 : 1;
    };
  });
}

void addMigrateVerb(CLI::App& cli, Action& action) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* cmd = cli.add_subcommand("migrate", "Apply pending schema migrations and exit");
  cmd->add_option("--db", *db, "sqlite:PATH or postgresql://...")->capture_default_str();
  cmd->callback([db, &action] {
    action = [db] {
      auto rt = openRuntime(*db);
      if (!rt) return report(rt.error());
      std::cout << JsonObject().add("store", (*rt)->store->describe()).add("migrated", true).str()
                << "\n";
      return 0;
    };
  });
}

}  // namespace citysafe::app
