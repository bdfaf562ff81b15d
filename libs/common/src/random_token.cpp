#include "citysafe/common/random_token.hpp"

#include <random>
#include <vector>

#include "citysafe/common/sha256.hpp"

namespace citysafe {

std::string randomHexToken(std::size_t bytes) {
  // libstdc++'s random_device reads the kernel's CSPRNG (getrandom) on Linux.
  thread_local std::random_device device;
  std::vector<std::uint8_t> buffer(bytes);
  for (std::size_t i = 0; i < bytes; i += 4) {
    const std::uint32_t word = device();
    for (std::size_t j = 0; j < 4 && i + j < bytes; ++j) {
      buffer[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
    }
  }
  return toHex(buffer.data(), buffer.size());
}

}  // namespace citysafe
