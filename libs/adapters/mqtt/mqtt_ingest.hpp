#pragma once
// MQTT into the ingestor: each batch of messages is parsed, ingested in one transaction, and
// acknowledged only when that transaction committed.
#include <atomic>
#include <memory>

#include "citysafe/core/monitoring/ingestor.hpp"
#include "mqtt_subscriber.hpp"

namespace citysafe::mqtt {

class MqttIngest {
 public:
  MqttIngest(monitoring::Ingestor& ingestor, SubscriberOptions options);
  void start() { subscriber_.start(); }
  void stop() { subscriber_.stop(); }
  [[nodiscard]] bool connected() const { return subscriber_.connected(); }
  [[nodiscard]] SubscriberStats stats() const { return subscriber_.stats(); }

 private:
  bool handle(const std::vector<Message>& batch);
  monitoring::Ingestor& ingestor_;
  Subscriber subscriber_;
  std::int64_t logged_malformed_ = 0;
};

}  // namespace citysafe::mqtt
