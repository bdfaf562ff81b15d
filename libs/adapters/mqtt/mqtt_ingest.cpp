#include "mqtt_ingest.hpp"

#include <spdlog/spdlog.h>

#include "reading_payload.hpp"

namespace citysafe::mqtt {

MqttIngest::MqttIngest(monitoring::Ingestor& ingestor, SubscriberOptions options)
    : ingestor_(ingestor),
      subscriber_(std::move(options), [this](const std::vector<Message>& b) { return handle(b); }) {
}

bool MqttIngest::handle(const std::vector<Message>& batch) {
  ingest::ParsedPayload parsed;
  for (const auto& m : batch) ingest::parsePayload(m.topic, m.payload, parsed);
  if (parsed.malformed > 0) {
    ingestor_.countMalformed(parsed.malformed);
    // Logged, but not so often that a broken sender fills the disk.
    if (logged_malformed_++ % 1000 == 0) {
      spdlog::warn("mqtt: {} unreadable readings in a batch: {}", parsed.malformed,
                   parsed.first_error);
    }
  }
  auto tally = ingestor_.ingest(parsed.readings);
  if (!tally) {
    spdlog::error("mqtt: a batch of {} readings was not stored ({}); it will be redelivered",
                  parsed.readings.size(), tally.error().message);
    return false;
  }
  return true;
}

}  // namespace citysafe::mqtt
