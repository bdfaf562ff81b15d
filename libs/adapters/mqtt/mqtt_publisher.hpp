#pragma once
// Publishing readings (replay, the demo simulator, benchmarks) with libmosquitto: QoS 1, and a
// way to wait until the broker has acknowledged everything sent. With TLS it uses the same
// OpenSSL set-up as our subscriber.
#include <cstdint>
#include <memory>
#include <string>

#include "citysafe/common/result.hpp"
#include "mqtt_security.hpp"

namespace citysafe::mqtt {

class Publisher {
 public:
  Publisher(std::string host, int port, std::string client_id, ConnectionSecurity security = {});
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // Connects and waits for the broker's answer: Unavailable when it cannot be reached or the TLS
  // handshake fails, Unauthenticated when it refuses the credentials.
  [[nodiscard]] Result<void> connect();
  // Queues one message; Unavailable when the connection is gone.
  [[nodiscard]] Result<void> publish(const std::string& topic, const std::string& payload,
                                     int qos = 1);
  // Blocks until every QoS 1 message sent so far is acknowledged, or the timeout passes.
  [[nodiscard]] Result<void> drain(int timeout_ms);
  [[nodiscard]] std::int64_t published() const;
  [[nodiscard]] std::int64_t acknowledged() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace citysafe::mqtt
