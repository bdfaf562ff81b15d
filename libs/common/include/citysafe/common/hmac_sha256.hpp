#pragma once
// HMAC-SHA-256 (RFC 2104) over the Sha256 beside it: the audit chain's keyed hash.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "citysafe/common/sha256.hpp"

namespace citysafe {

class HmacSha256 {
 public:
  explicit HmacSha256(std::string_view key);
  void update(std::string_view data) { inner_.update(data); }
  std::array<std::uint8_t, 32> finish();

 private:
  Sha256 inner_;
  std::array<std::uint8_t, 64> outer_pad_{};
};

std::string hmacSha256Hex(std::string_view key, std::string_view message);

// Compares without stopping at the first difference, so timing does not reveal how much of a
// MAC an attacker guessed.
bool constantTimeEqual(std::string_view a, std::string_view b);

}  // namespace citysafe
