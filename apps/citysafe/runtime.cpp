#include "runtime.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

namespace citysafe::app {

Result<std::unique_ptr<Runtime>> openRuntime(const std::string& db_url,
                                             const std::string& audit_key_option,
                                             KeyMode key_mode) {
  if (db_url.starts_with("sqlite:")) {
    const std::filesystem::path file = db_url.substr(7);
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  }
  auto rt = std::make_unique<Runtime>();
  auto store = sql::openStore(db_url);
  if (!store) return tl::unexpected(store.error());
  rt->store = std::move(*store);
  rt->audit_files = auditFilesFor(db_url, rt->store->describe(), audit_key_option);
  auto key = loadAuditKey(rt->audit_files, key_mode);
  if (!key) return tl::unexpected(key.error());
  rt->checkpoints = std::make_unique<FileCheckpointLog>(rt->audit_files.checkpoints);
  rt->ctx = std::make_unique<ServiceContext>(*rt->store, rt->clock, rt->bus, key->bytes,
                                             rt->checkpoints.get());
  // The first checkpoint marks where keying began: every later record must be keyed.
  if (key->created) {
    if (auto head = rt->ctx->auditor.checkpointHead(*rt->store); !head) {
      return tl::unexpected(head.error());
    }
  } else if (std::error_code ec; !std::filesystem::exists(rt->audit_files.checkpoints, ec)) {
    // Not made afresh here: a new log would forget the head the old one vouched for.
    spdlog::warn(
        "audit: the checkpoint log {} is missing: restore it (or copy it from the node "
        "that made the key); until then a truncated audit tail goes unnoticed",
        rt->audit_files.checkpoints.string());
  }
  return rt;
}

int report(const Error& error) {
  std::cerr << "citysafe: " << (error.field.empty() ? "" : error.field + ": ") << error.message
            << "\n";
  return error.code == Errc::Invalid || error.code == Errc::NotFound || error.code == Errc::Conflict
             ? 2
             : 1;
}

}  // namespace citysafe::app
