#pragma once
#include <string>
#include <vector>

#include "citysafe/core/identity/user.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::demo {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  std::string org;
};

inline constexpr org::GeoPoint kDemoCentre{120.155, 30.315};

// Builds the deterministic demo district (organisations, one user per role, enterprises) if the
// store is empty; does nothing when it already holds a city. Returns the demo logins. The district
// is laid out around `centre`: the generated road network's, or an imported extract's.
[[nodiscard]] Result<std::vector<DemoLogin>> buildDemoDistrict(
    ServiceContext& ctx, const identity::PasswordHasher& hasher,
    org::GeoPoint centre = kDemoCentre);

// Password of a demo user: "demo-<username>-2026". Only ever used with --demo.
std::string demoPassword(const std::string& username);

}  // namespace citysafe::demo

namespace citysafe::demo {

// Adds `count` deterministic risk points of every kind around `centre`, graded so that all four
// colours and all four major-hazard grades occur. Does nothing when risk points already exist.
// Returns how many were added.
[[nodiscard]] Result<int> buildDemoRisks(ServiceContext& ctx, org::GeoPoint centre = kDemoCentre,
                                         int count = 300);

}  // namespace citysafe::demo

namespace citysafe::demo {

// Adds `count` deterministic hidden hazards in every state, found over the last five months, some
// overdue and some under supervision (the scheduler runs once at the end). Does nothing when
// hazards already exist. Returns how many were added.
// Hazards sit around their enterprises and streets.
[[nodiscard]] Result<int> buildDemoHazards(ServiceContext& ctx, int count = 300);

}  // namespace citysafe::demo
