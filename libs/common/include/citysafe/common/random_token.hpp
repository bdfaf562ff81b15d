#pragma once
#include <cstddef>
#include <string>

namespace citysafe {

// `bytes` of OS randomness, hex-encoded. For session tokens and salts.
std::string randomHexToken(std::size_t bytes);

}  // namespace citysafe
