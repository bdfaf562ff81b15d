#pragma once
#include <cstdint>

#include "citysafe/core/identity/user.hpp"

namespace citysafe::crypto {

// argon2id (RFC 9106) with a random 16-byte salt, stored in the PHC string form
// "$argon2id$v=19$m=...,t=...,p=...$salt$hash". Thread-safe.
class Argon2PasswordHasher final : public identity::PasswordHasher {
 public:
  // Defaults follow OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
  explicit Argon2PasswordHasher(std::uint32_t memory_kib = 19 * 1024, std::uint32_t passes = 2)
      : memory_kib_(memory_kib), passes_(passes) {}
  [[nodiscard]] std::string hash(const std::string& password) const override;
  [[nodiscard]] bool verify(const std::string& encoded, const std::string& password) const override;

 private:
  std::uint32_t memory_kib_;
  std::uint32_t passes_;
};

}  // namespace citysafe::crypto
