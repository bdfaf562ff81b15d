#pragma once
// A durable MQTT 3.1.1 subscriber: QoS 1, a persistent session (clean session off), and PUBACKs
// sent only after the handler says a batch is durable.
//
// Why not libmosquitto or Paho: both acknowledge a QoS 1 message when it arrives, before the
// application has it (libmosquitto's handle__publish sends PUBACK, then calls on_message), so a
// crash between the two loses an acknowledged reading. Here the acknowledgement is ours to send.
// The protocol subset a subscriber needs is small: CONNECT, SUBSCRIBE, PUBLISH in, PUBACK out,
// PINGREQ.
//
// If the handler fails, the connection is dropped and re-made: the broker keeps the
// unacknowledged messages in the session and sends them again.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "mqtt_security.hpp"

namespace citysafe::mqtt {

class Transport;

struct SubscriberOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string client_id = "citysafe-ingest";  // stable across restarts: it names the session
  std::string filter = "citysafe/v1/#";       // or "$share/GROUP/citysafe/v1/#" for several nodes
  ConnectionSecurity security;                // TLS, user name and password
  int keepalive_s = 30;
  std::size_t batch_messages = 2000;         // hand over at most this many at once
  std::chrono::milliseconds batch_wait{20};  // or when the oldest waited this long
  // When nothing more is waiting, the batch still lingers this long from its oldest message:
  // under load a commit then takes a few messages rather than one.
  std::chrono::milliseconds batch_linger{5};
};

struct Message {
  std::string topic;
  std::string payload;
  std::uint16_t packet_id = 0;  // 0 for QoS 0
  bool dup = false;             // the broker says it may have been sent before
  std::chrono::steady_clock::time_point received;
};

struct SubscriberStats {
  std::int64_t messages = 0;
  std::int64_t batches = 0;
  std::int64_t acknowledged = 0;
  std::int64_t reconnects = 0;
  std::int64_t handler_failures = 0;
};

class Subscriber {
 public:
  // Returns true when every message of the batch is durable (or deliberately dropped).
  using BatchHandler = std::function<bool(const std::vector<Message>&)>;
  Subscriber(SubscriberOptions options, BatchHandler handler);
  ~Subscriber();
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  void start();
  void stop();
  [[nodiscard]] bool connected() const { return connected_.load(); }
  [[nodiscard]] SubscriberStats stats() const;

 private:
  void run();
  bool session();  // one connection, until it fails or stop(); false on a handshake failure
  bool sendConnect(Transport& transport) const;
  bool sendSubscribe(Transport& transport) const;
  bool flush(Transport& transport, std::vector<Message>& pending);
  void reportFailure(const std::string& reason);

  SubscriberOptions options_;
  BatchHandler handler_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  std::string last_failure_;  // the run thread's own: the failure last logged
  std::atomic<std::int64_t> messages_{0};
  std::atomic<std::int64_t> batches_{0};
  std::atomic<std::int64_t> acknowledged_{0};
  std::atomic<std::int64_t> reconnects_{0};
  std::atomic<std::int64_t> failures_{0};
};

}  // namespace citysafe::mqtt
