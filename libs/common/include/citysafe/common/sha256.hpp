#pragma once
// SHA-256 (FIPS 180-4), kept here so the audit chain in the core needs no crypto library.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace citysafe {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::array<std::uint8_t, 32> finish();

 private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string sha256Hex(std::string_view data);
std::string toHex(const std::uint8_t* bytes, std::size_t n);

}  // namespace citysafe
