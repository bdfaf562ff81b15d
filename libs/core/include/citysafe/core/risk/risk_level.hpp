#pragma once
#include <optional>
#include <string_view>

#include "citysafe/common/enum_names.hpp"

namespace citysafe::risk {

// The four risk levels and their colours (四色): 重大 red, 较大 orange, 一般 yellow, 低 blue.
// Ordered from the most severe, so `a < b` means a is worse.
enum class RiskLevel : std::uint8_t { Major, Large, General, Low };
inline constexpr EnumNames<RiskLevel, 4> kRiskLevelNames{{"major", "large", "general", "low"}};
constexpr const auto& enumNames(RiskLevel /*tag*/) { return kRiskLevelNames; }

inline const char* levelName(RiskLevel level) { return nameOf(level); }
const char* colourName(RiskLevel level);   // "red", "orange", "yellow", "blue"
const char* levelNameZh(RiskLevel level);  // "重大", "较大", "一般", "低"
std::optional<RiskLevel> parseColour(std::string_view colour);

}  // namespace citysafe::risk
