#include "citysafe/core/risk/risk_level.hpp"

#include <array>
#include <string>

namespace citysafe::risk {
namespace {
constexpr std::array<const char*, 4> kColours = {"red", "orange", "yellow", "blue"};
constexpr std::array<const char*, 4> kLevelsZh = {"重大", "较大", "一般", "低"};
}  // namespace

const char* colourName(RiskLevel level) { return kColours[static_cast<std::size_t>(level)]; }
const char* levelNameZh(RiskLevel level) { return kLevelsZh[static_cast<std::size_t>(level)]; }

std::optional<RiskLevel> parseColour(std::string_view colour) {
  for (std::size_t i = 0; i < kColours.size(); ++i) {
    if (colour == kColours[i]) return static_cast<RiskLevel>(i);
  }
  return std::nullopt;
}

}  // namespace citysafe::risk
