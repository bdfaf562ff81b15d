#include "runtime.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "stb_image_inspector.hpp"

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
  rt->store = CS_TRY(sql::openStore(db_url));
  rt->audit_files = auditFilesFor(db_url, rt->store->describe(), audit_key_option);
  const auto key = CS_TRY(loadAuditKey(rt->audit_files, key_mode));
  rt->checkpoints = std::make_unique<FileCheckpointLog>(rt->audit_files.checkpoints);
  rt->ctx = std::make_unique<ServiceContext>(*rt->store, rt->clock, rt->bus, key.bytes,
                                             rt->checkpoints.get());
  rt->services = buildServices(*rt->ctx, rt->hasher);
  // The first checkpoint marks where keying began: every later record must be keyed.
  if (key.created) {
    CS_TRY(rt->ctx->auditor.checkpointHead(*rt->store));
  } else if (std::error_code ec; !std::filesystem::exists(rt->audit_files.checkpoints, ec)) {
    // Not made afresh here: a new log would forget the head the old one vouched for.
    spdlog::warn(
        "audit: the checkpoint log {} is missing: restore it (or copy it from the node "
        "that made the key); until then a truncated audit tail goes unnoticed",
        rt->audit_files.checkpoints.string());
  }
  return rt;
}

std::unique_ptr<Services> buildServices(ServiceContext& ctx,
                                        const identity::PasswordHasher& hasher) {
  return std::make_unique<Services>(ctx, hasher, std::make_unique<media::StbImageInspector>());
}

int report(const Error& error) {
  std::cerr << "citysafe: " << (error.field.empty() ? "" : error.field + ": ") << error.message
            << "\n";
  return error.code == Errc::Invalid || error.code == Errc::NotFound || error.code == Errc::Conflict
             ? 2
             : 1;
}

}  // namespace citysafe::app
