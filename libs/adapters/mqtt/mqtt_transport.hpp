#pragma once
// The byte stream under our MQTT subscriber: a plain TCP socket or TLS over one. The subscriber
// sees only whole sends and "what has arrived", so its keepalive, batching and partial-packet
// handling do not care which.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "citysafe/common/result.hpp"
#include "mqtt_security.hpp"

namespace citysafe::mqtt {

class Transport {
 public:
  virtual ~Transport() = default;
  // Appends what has arrived to `into`, waiting up to `wait_ms` for something; false when the
  // connection is gone.
  virtual bool receive(std::string& into, int wait_ms) = 0;
  // Sends all of `data`; false when the connection is gone.
  virtual bool send(std::string_view data) = 0;
  // Whether something has arrived that receive() would return at once.
  virtual bool readable() = 0;
};

// Connects to host:port, with the TLS handshake (server certificate and host name checked) when
// `tls.enabled`, finishing by `deadline`. Unavailable when the broker cannot be reached;
// Unauthenticated when the TLS handshake fails (the message says why).
[[nodiscard]] Result<std::unique_ptr<Transport>> openTransport(
    const std::string& host, int port, const TlsSettings& tls,
    std::chrono::steady_clock::time_point deadline);

// A connected TCP socket (TCP_NODELAY, close-on-exec), or -1.
int connectTcp(const std::string& host, int port);

// TLS over an open socket, which it then owns (mqtt_tls.cpp).
[[nodiscard]] Result<std::unique_ptr<Transport>> startTls(
    int fd, const std::string& host, const TlsSettings& tls,
    std::chrono::steady_clock::time_point deadline);

}  // namespace citysafe::mqtt
