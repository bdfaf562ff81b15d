#include "citysafe/common/hmac_sha256.hpp"

#include <algorithm>

namespace citysafe {

namespace {
constexpr std::size_t kBlockSize = 64;
constexpr std::uint8_t kInnerPad = 0x36;
constexpr std::uint8_t kOuterPad = 0x5c;
}  // namespace

HmacSha256::HmacSha256(std::string_view key) {
  // RFC 2104: a key longer than the block is hashed first; a shorter one is padded with zeros.
  std::array<std::uint8_t, kBlockSize> block{};
  if (key.size() > kBlockSize) {
    Sha256 h;
    h.update(key);
    const auto digest = h.finish();
    std::copy(digest.begin(), digest.end(), block.begin());
  } else {
    std::copy(key.begin(), key.end(), block.begin());
  }
  std::array<char, kBlockSize> inner_pad{};
  for (std::size_t i = 0; i < kBlockSize; ++i) {
    inner_pad[i] = static_cast<char>(block[i] ^ kInnerPad);
    outer_pad_[i] = static_cast<std::uint8_t>(block[i] ^ kOuterPad);
  }
  inner_.update(std::string_view(inner_pad.data(), inner_pad.size()));
}

std::array<std::uint8_t, 32> HmacSha256::finish() {
  const auto inner_digest = inner_.finish();
  Sha256 outer;
  outer.update(std::string_view(reinterpret_cast<const char*>(outer_pad_.data()), kBlockSize));
  outer.update(
      std::string_view(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size()));
  return outer.finish();
}

std::string hmacSha256Hex(std::string_view key, std::string_view message) {
  HmacSha256 mac(key);
  mac.update(message);
  const auto digest = mac.finish();
  return toHex(digest.data(), digest.size());
}

bool constantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace citysafe
