// Every JSON request body goes through BodyReader::parse; the hazard, calendar, policy and risk
// readers then take their fields from it. Any field some route allows is allowed here, so the
// readers see whatever the input holds.
#include <algorithm>
#include <initializer_list>

#include "citysafe/common/json_text.hpp"
#include "fuzz_input.hpp"
#include "hazard_json.hpp"
#include "json_io.hpp"
#include "risk_json.hpp"

namespace {

using citysafe::http::BodyReader;

// The backing array of a namespace-scope initializer_list lives as long as the program.
constexpr std::initializer_list<const char*> kFields = {"action",     "note",
                                                        "reason",     "grade",
                                                        "sector",     "responsible_org_id",
                                                        "deadline",   "days",
                                                        "day_count",  "media_ids",
                                                        "year",       "holidays",
                                                        "workdays",   "rules",
                                                        "basis",      "major_milestones",
                                                        "escalation", "geometry",
                                                        "inputs",     "method",
                                                        "name",       "code",
                                                        "org_id",     "roles",
                                                        "disabled",   "password",
                                                        "username",   "display_name",
                                                        "location",   "sectors",
                                                        "address",    "kind",
                                                        "capacity",   "row_version"};

std::size_t depthOf(const citysafe::http::Json& json) {
  std::size_t deepest = 0;
  if (json.is_structured()) {
    for (const auto& child : json) deepest = std::max(deepest, depthOf(child));
    ++deepest;
  }
  return deepest;
}

void readEveryField(const BodyReader& body) {
  for (const char* key : kFields) {
    (void)body.requiredString(key);
    (void)body.optionalString(key, 16);
    (void)body.optionalId(key);
    (void)body.optionalBool(key);
    (void)body.optionalStrings(key);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe::http;
  auto body = BodyReader::parse(std::string(citysafe::fuzz::textOf(data, size)), kFields);
  if (!body) return 0;
  citysafe::fuzz::require(depthOf(body->raw()) <= citysafe::kMaxJsonDepth,
                          "a body nested deeper than kMaxJsonDepth is refused");
  readEveryField(*body);
  (void)actionFrom(*body);
  (void)calendarFrom(*body, 2026);
  (void)policyFrom(*body);
  const Json& raw = body->raw();
  if (raw.contains("geometry")) {
    for (const auto crs : {Crs::Wgs84, Crs::Gcj02})
      (void)parseGeometry(raw["geometry"], "geometry", crs);
  }
  if (raw.contains("inputs")) {
    for (const char* method : {"lec", "ls", "gb18218"})
      (void)parseMethodInput(method, raw["inputs"]);
  }
  return 0;
}
