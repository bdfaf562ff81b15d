#include "argon2_password_hasher.hpp"

#include <argon2.h>

#include <array>
#include <random>
#include <stdexcept>

namespace citysafe::crypto {

namespace {
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
}  // namespace

std::string Argon2PasswordHasher::hash(const std::string& password) const {
  thread_local std::random_device device;
  std::array<std::uint8_t, kSaltBytes> salt{};
  for (auto& b : salt) b = static_cast<std::uint8_t>(device());
  const std::size_t length =
      argon2_encodedlen(passes_, memory_kib_, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(length, '\0');
  const int rc =
      argon2id_hash_encoded(passes_, memory_kib_, kLanes, password.data(), password.size(),
                            salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

bool Argon2PasswordHasher::verify(const std::string& encoded, const std::string& password) const {
  if (!encoded.starts_with("$argon2id$")) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace citysafe::crypto
