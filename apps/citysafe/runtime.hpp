#pragma once
// The composition root: the only place that picks adapters and hands them to the core.
#include <memory>
#include <string>

#include "argon2_password_hasher.hpp"
#include "audit_files.hpp"
#include "citysafe/core/core_services.hpp"
#include "citysafe/core/events/event_bus.hpp"
#include "citysafe/sql/sql_store.hpp"

namespace citysafe::app {

inline constexpr const char* kDefaultDb = "sqlite:var/citysafe.db";

struct Runtime {
  std::unique_ptr<sql::SqlStore> store;
  SystemClock clock;
  events::EventBus bus;
  crypto::Argon2PasswordHasher hasher;
  AuditFiles audit_files;
  std::unique_ptr<FileCheckpointLog> checkpoints;
  std::unique_ptr<ServiceContext> ctx;
  std::unique_ptr<Services> services;  // over ctx and the hasher above (buildServices)
};

// Every core service over `ctx`, with this process's adapters (the image inspector). The one
// place they are built: `serve`, the CLI verbs and the integration tests' platform call it.
[[nodiscard]] std::unique_ptr<Services> buildServices(ServiceContext& ctx,
                                                      const identity::PasswordHasher& hasher);

// Opens the store (creating var/ for the default SQLite file), loads the audit key (making it,
// and signing the first checkpoint, on first start unless `key_mode` says it must exist) and
// builds the services. `audit_key_option` is the --audit-key flag, "" when not given.
[[nodiscard]] Result<std::unique_ptr<Runtime>> openRuntime(
    const std::string& db_url, const std::string& audit_key_option = "",
    KeyMode key_mode = KeyMode::CreateIfMissing);

// Prints an error as "field: message" to stderr and returns the CLI exit code: 2 for bad input,
// 1 for anything else.
int report(const Error& error);

}  // namespace citysafe::app
