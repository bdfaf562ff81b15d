#include "audit_files.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "citysafe/common/random_token.hpp"
#include "citysafe/core/audit/auditor.hpp"

namespace citysafe::app {

namespace {
constexpr const char* kField = "audit-key";

std::string fileNameFrom(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_';
    if (plain) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  return out;
}

// Writes `text` to a new file only its owner may read; fails if the file exists.
Result<void> createPrivateFile(const std::filesystem::path& file, const std::string& text) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return fail(Errc::Invalid, kField,
                "cannot create " + file.string() + ": " + std::strerror(errno));
  }
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return fail(Errc::Internal, kField, "cannot write " + file.string());
  return ok();
}

Result<std::string> decodeHex(const std::string& text, const std::filesystem::path& file) {
  std::string hex;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) hex += c;
  }
  const bool all_hex = hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (!all_hex || hex.size() % 2 != 0 || hex.size() < 2 * audit::kMinKeyBytes) {
    return fail(Errc::Invalid, kField,
                file.string() + " must hold at least " + std::to_string(2 * audit::kMinKeyBytes) +
                    " hexadecimal digits");
  }
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}
}  // namespace

AuditFiles auditFilesFor(const std::string& db_url, const std::string& store_description,
                         const std::string& key_option) {
  std::filesystem::path key;
  if (!key_option.empty()) {
    key = key_option;
  } else if (const char* env = std::getenv(kAuditKeyEnv); env && *env) {
    key = env;
  } else if (db_url.starts_with("sqlite:")) {
    key = db_url.substr(7) + ".audit-key";
  } else {
    key = std::filesystem::path("var") / "audit" / (fileNameFrom(store_description) + ".audit-key");
  }
  return {key, key.string() + ".checkpoints"};
}

void addAuditKeyOption(CLI::App& cmd, std::string& key_option) {
  cmd.add_option("--audit-key", key_option,
                 "file holding the audit log's HMAC key, made (0600) on first start if missing "
                 "(default: $CITYSAFE_AUDIT_KEY, else beside the SQLite file, else "
                 "var/audit/NAME.audit-key for PostgreSQL); signed checkpoints go to "
                 "FILE.checkpoints");
}

Result<AuditKey> loadAuditKey(const AuditFiles& files, KeyMode mode) {
  struct stat info {};
  if (::stat(files.key.c_str(), &info) != 0) {
    if (errno != ENOENT || mode == KeyMode::MustExist) {
      return fail(Errc::Invalid, kField,
                  "cannot read " + files.key.string() + ": " + std::strerror(errno) +
                      " (the key is made by migrate or serve; give its file with --audit-key)");
    }
    // Both or neither: checkpoints signed by a lost key would only ever fail.
    std::error_code ec;
    if (std::filesystem::exists(files.checkpoints, ec)) {
      return fail(Errc::Invalid, kField,
                  files.key.string() + " is missing but " + files.checkpoints.string() +
                      " exists: restore the key (a new one cannot vouch for the old chain)");
    }
    const std::string hex = randomHexToken(audit::kMinKeyBytes);
    CS_TRY(createPrivateFile(files.key, hex + "\n"));
    CS_TRY(createPrivateFile(files.checkpoints, ""));
    auto bytes = CS_TRY(decodeHex(hex, files.key));
    spdlog::info("audit: made a new key at {} (back it up apart from the database)",
                 files.key.string());
    return AuditKey{std::move(bytes), true};
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return fail(Errc::Invalid, kField,
                files.key.string() + " may be read or written by others: chmod 600 it");
  }
  std::ifstream in(files.key);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return fail(Errc::Invalid, kField, "cannot read " + files.key.string());
  return AuditKey{CS_TRY(decodeHex(text.str(), files.key)), false};
}

void FileCheckpointLog::append(const std::string& line) {
  std::lock_guard lock(mutex_);
  const std::string text = line + "\n";
  // No O_CREAT: the log is made with the key only.
  const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  const bool written =
      fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0) ::close(fd);
  if (written) {
    reported_failure_ = false;
  } else if (!reported_failure_) {
    reported_failure_ = true;
    spdlog::error(
        "audit: cannot append to the checkpoint log {}: {}; a truncated tail of the "
        "audit log will not be detected until it is restored",
        file_.string(), std::strerror(errno));
  }
}

Result<std::vector<std::string>> FileCheckpointLog::lines() {
  std::lock_guard lock(mutex_);
  std::ifstream in(file_);
  if (!in) return fail(Errc::NotFound, "checkpoints", file_.string() + " is missing");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace citysafe::app
