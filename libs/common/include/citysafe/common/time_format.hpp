#pragma once
// ISO-8601 with an explicit offset; Asia/Shanghai (+08:00, no DST) is the platform default.
#include <optional>
#include <string>
#include <string_view>

#include "citysafe/common/clock.hpp"

namespace citysafe {

inline constexpr int kShanghaiOffsetMinutes = 8 * 60;

// "2026-11-22T20:30:00.123+08:00" (milliseconds only when non-zero).
std::string formatIso8601(TimePoint t, int offset_minutes = kShanghaiOffsetMinutes);

// Accepts "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm)". nullopt when malformed.
std::optional<TimePoint> parseIso8601(std::string_view text);

}  // namespace citysafe
