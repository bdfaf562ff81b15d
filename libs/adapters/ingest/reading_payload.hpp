#pragma once
// Reading payloads, the same for MQTT and HTTP (docs/monitoring.md § Payloads):
//   citysafe/v1/readings/{sensor}  {"t": 1763856000000, "v": 0.42} or an array of such
//   citysafe/v1/batch/{gateway}    [{"s": "GAS-1", "t": ..., "v": ...}, ...]
//                                  or compact text, a reading a line: GAS-1,1763856000000,0.42
// `t` is epoch milliseconds or ISO-8601 text. What cannot be read is counted, not thrown.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/core/monitoring/ingestor.hpp"

namespace citysafe::ingest {

struct ParsedPayload {
  std::vector<monitoring::RawReading> readings;
  std::int64_t malformed = 0;  // readings (or whole payloads) that could not be read
  std::string first_error;     // for the log: what was wrong with the first of them
};

// Appends what `payload` holds to `out`. `topic` decides the form; an empty topic (HTTP) means a
// batch.
void parsePayload(std::string_view topic, std::string_view payload, ParsedPayload& out);

// The sensor code in a single-sensor topic, or empty for a batch topic. False for a topic that is
// neither.
bool sensorOfTopic(std::string_view topic, std::string& sensor);

}  // namespace citysafe::ingest
