#include <iostream>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {

namespace {
struct StoreOptions {
  std::string db = kDefaultDb;
  std::string audit_key;
};

int verifyAudit(const StoreOptions& o) {
  // Verifying never makes a key: a missing one is a finding, not a first start.
  auto rt = openRuntime(o.db, o.audit_key, KeyMode::MustExist);
  if (!rt) return report(rt.error());
  auto result = (*rt)->ctx->auditor.verify(*(*rt)->store);
  if (!result) return report(result.error());
  JsonObject out;
  out.add("ok", result->ok)
      .add("checked", result->checked)
      .add("checkpoints", result->checkpoints)
      .add("rows_checked", result->rows_checked)
      .add("rows_unchecked", result->rows_unchecked);
  if (!result->ok) {
    if (result->first_broken_seq > 0) out.add("first_broken_seq", result->first_broken_seq);
    out.add("reason", result->reason).add("problems", result->problems);
  }
  std::cout << out.str() << "\n";
  for (const auto& problem : result->problems) std::cerr << "citysafe: audit: " << problem << "\n";
  return result->ok ? 0 : 1;
}

void addStoreOptions(CLI::App& cmd, StoreOptions& o) {
  cmd.add_option("--db", o.db, "sqlite:PATH or postgresql://...")->capture_default_str();
  addAuditKeyOption(cmd, o.audit_key);
}
}  // namespace

void addAuditVerb(CLI::App& cli, Action& action) {
  auto opts = std::make_shared<StoreOptions>();
  auto* cmd = cli.add_subcommand("audit", "Audit log tools");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand(
      "verify",
      "Check the keyed chain, the signed checkpoints and the audited rows; exit 1 and name every "
      "problem found");
  addStoreOptions(*verify, *opts);
  verify->callback([opts, &action] { action = [opts] { return verifyAudit(*opts); }; });
}

void addMigrateVerb(CLI::App& cli, Action& action) {
  auto opts = std::make_shared<StoreOptions>();
  auto* cmd = cli.add_subcommand(
      "migrate", "Apply pending schema migrations, make the audit key if missing, and exit");
  addStoreOptions(*cmd, *opts);
  cmd->callback([opts, &action] {
    action = [opts] {
      auto rt = openRuntime(opts->db, opts->audit_key);
      if (!rt) return report(rt.error());
      std::cout << JsonObject()
                       .add("store", (*rt)->store->describe())
                       .add("migrated", true)
                       .add("audit_key", (*rt)->audit_files.key.string())
                       .str()
                << "\n";
      return 0;
    };
  });
}

}  // namespace citysafe::app
