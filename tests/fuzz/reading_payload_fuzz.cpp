// Sensor reading payloads, as MQTT and HTTP deliver them: one input read under a single-sensor
// topic, a batch topic and HTTP's empty topic, and as a topic itself.
#include "fuzz_input.hpp"
#include "reading_payload.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe;
  const auto payload = fuzz::textOf(data, size);
  for (const std::string_view topic :
       {"", "citysafe/v1/readings/GAS-1", "citysafe/v1/batch/gw-7"}) {
    ingest::ParsedPayload parsed;
    ingest::parsePayload(topic, payload, parsed);
    fuzz::require(parsed.malformed >= 0, "malformed readings are counted up from zero");
    fuzz::require(parsed.malformed == 0 || !parsed.first_error.empty(),
                  "a malformed payload says what was wrong");
  }
  std::string sensor;
  (void)ingest::sensorOfTopic(payload, sensor);
  return 0;
}
