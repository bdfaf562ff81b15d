#pragma once
// Checkpoints kept in memory, and a fixed audit key, for tests that wire a ServiceContext.
#include <mutex>
#include <string>
#include <vector>

#include "citysafe/core/audit/checkpoint.hpp"

namespace citysafe::testing {

inline const std::string kTestAuditKey = "a test audit key, 32 bytes or more, never for real";

class MemoryCheckpointLog final : public audit::CheckpointLog {
 public:
  void append(const std::string& line) override {
    std::lock_guard lock(mutex_);
    lines_.push_back(line);
  }
  Result<std::vector<std::string>> lines() override {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  void replace(std::vector<std::string> lines) {
    std::lock_guard lock(mutex_);
    lines_ = std::move(lines);
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

}  // namespace citysafe::testing
