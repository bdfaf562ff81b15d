#pragma once
// The audit key and its checkpoint log on disk: the only file I/O the audit needs, kept out of
// the core (docs/security.md says where they live and why).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <mutex>
#include <string>

#include "citysafe/common/result.hpp"
#include "citysafe/core/audit/checkpoint.hpp"

namespace citysafe::app {

inline constexpr const char* kAuditKeyEnv = "CITYSAFE_AUDIT_KEY";

struct AuditFiles {
  std::filesystem::path key;
  std::filesystem::path checkpoints;  // always the key's path + ".checkpoints"
};

// --audit-key when given, else $CITYSAFE_AUDIT_KEY, else beside the SQLite file
// (PATH.audit-key), or for PostgreSQL var/audit/<the redacted URL, made a file name>.audit-key.
AuditFiles auditFilesFor(const std::string& db_url, const std::string& store_description,
                         const std::string& key_option);

void addAuditKeyOption(CLI::App& cmd, std::string& key_option);

enum class KeyMode { CreateIfMissing, MustExist };

struct AuditKey {
  std::string bytes;
  bool created = false;  // made just now: the caller signs the first checkpoint
};

// Reads the key (64+ hex digits), or makes a new random one with 0600 permissions together with
// an empty checkpoint log beside it. Refuses a key others can read.
[[nodiscard]] Result<AuditKey> loadAuditKey(const AuditFiles& files, KeyMode mode);

// An append-only file of signed checkpoints, one a line. It is created only with the key: a
// missing log is reported, never silently started afresh (which would hide a truncated tail).
class FileCheckpointLog final : public audit::CheckpointLog {
 public:
  explicit FileCheckpointLog(std::filesystem::path file) : file_(std::move(file)) {}
  void append(const std::string& line) override;
  Result<std::vector<std::string>> lines() override;

 private:
  std::filesystem::path file_;
  std::mutex mutex_;
  bool reported_failure_ = false;
};

}  // namespace citysafe::app
