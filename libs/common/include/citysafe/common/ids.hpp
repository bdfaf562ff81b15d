#pragma once
// Strong ids: an OrgId cannot be passed where a UserId is expected.
#include <compare>
#include <cstdint>
#include <functional>

namespace citysafe {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr auto operator<=>(const Id&) const = default;
  [[nodiscard]] constexpr bool valid() const { return value > 0; }
};

using OrgId = Id<struct OrgTag>;
using UserId = Id<struct UserTag>;
using HazardId = Id<struct HazardTag>;
using MediaId = Id<struct MediaTag>;
using DeviceId = Id<struct DeviceTag>;
using SensorId = Id<struct SensorTag>;
using AlarmId = Id<struct AlarmTag>;
using RiskPointId = Id<struct RiskPointTag>;

}  // namespace citysafe

template <class Tag>
struct std::hash<citysafe::Id<Tag>> {
  std::size_t operator()(const citysafe::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
