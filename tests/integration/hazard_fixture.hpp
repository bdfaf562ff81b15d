#pragma once
// Hazards for integration tests, made through the API as the demo users would.
#include <nlohmann/json.hpp>
#include <string>

#include "citysafe/common/base64.hpp"
#include "test_server.hpp"

namespace citysafe::testing {

// A valid 1×1 PNG.
inline std::string tinyPng() {
  return *base64Decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
      "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

inline const char* kHepingLon = "120.1425";
inline const char* kHepingLat = "30.3258";

// Reports a hazard at `org` as `cookie`; returns its id (0 and a test failure otherwise).
inline std::int64_t reportHazard(TestPlatform& p, const std::string& cookie, const std::string& org,
                                 const std::string& sector, const std::string& grade = "general",
                                 const std::string& source = "grid_inspection") {
  const auto reply = p.send("POST", "/api/v1/hazards",
                            nlohmann::json{{"description", "测试隐患：" + org},
                                           {"source", source},
                                           {"grade", grade},
                                           {"sector", sector},
                                           {"org_id", p.orgIdByName(org)},
                                           {"location", {{"lon", 120.1425}, {"lat", 30.3258}}}}
                                .dump(),
                            cookie);
  EXPECT_EQ(reply.status, 201) << reply.body;
  return reply.status == 201 ? reply.json()["id"].get<std::int64_t>() : 0;
}

inline HttpReply act(TestPlatform& p, const std::string& cookie, std::int64_t id,
                     nlohmann::json body) {
  return p.send("POST", "/api/v1/hazards/" + std::to_string(id) + "/actions", body.dump(), cookie);
}

}  // namespace citysafe::testing
