#pragma once
// Devices, sensors and readings for integration tests, made through the API as the demo users
// would.
#include <nlohmann/json.hpp>
#include <string>

#include "test_server.hpp"

namespace citysafe::testing {

// Registers a device of `org` (in `sector`) as `cookie`; returns its id.
inline std::int64_t registerDevice(TestPlatform& p, const std::string& cookie,
                                   const std::string& code, const std::string& org,
                                   const std::string& sector) {
  const auto reply = p.send("POST", "/api/v1/devices",
                            nlohmann::json{{"code", code},
                                           {"name", "监测终端 " + code},
                                           {"org_id", p.orgIdByName(org)},
                                           {"sector", sector},
                                           {"lon", 120.1425},
                                           {"lat", 30.3258}}
                                .dump(),
                            cookie);
  EXPECT_EQ(reply.status, 201) << reply.body;
  return reply.status == 201 ? reply.json()["id"].get<std::int64_t>() : 0;
}

// A sensor on `device`; `rules` empty for the type's defaults.
inline std::int64_t registerSensor(TestPlatform& p, const std::string& cookie,
                                   const std::string& code, std::int64_t device,
                                   const std::string& type, const std::string& unit,
                                   int interval_s = 10, const std::string& rules = "") {
  const auto reply = p.send("POST", "/api/v1/sensors",
                            nlohmann::json{{"code", code},
                                           {"device_id", device},
                                           {"name", "测点 " + code},
                                           {"type", type},
                                           {"unit", unit},
                                           {"interval_s", interval_s},
                                           {"rules", rules}}
                                .dump(),
                            cookie);
  EXPECT_EQ(reply.status, 201) << reply.body;
  return reply.status == 201 ? reply.json()["id"].get<std::int64_t>() : 0;
}

// Pushes compact lines "CODE,MS,VALUE" over HTTP; returns the tally.
inline nlohmann::json pushReadings(TestPlatform& p, const std::string& cookie,
                                   const std::string& lines, int expect_status = 200) {
  const auto reply = p.send("POST", "/api/v1/readings", lines, cookie);
  EXPECT_EQ(reply.status, expect_status) << reply.body;
  return reply.json();
}

inline std::string reading(const std::string& code, TimePoint at, double value) {
  return code + "," + std::to_string(toEpochMs(at)) + "," + std::to_string(value) + "\n";
}

}  // namespace citysafe::testing
