#pragma once
// The MQTT flags `serve` and `replay` share: the broker, TLS and credentials. The password is read
// from a file or CITYSAFE_MQTT_PASSWORD, never taken as a command-line value, which every local
// user can read (ps, /proc/PID/cmdline) and shells keep in their history.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "citysafe/common/result.hpp"
#include "mqtt_security.hpp"

namespace citysafe::app {

inline constexpr const char* kMqttPasswordVariable = "CITYSAFE_MQTT_PASSWORD";

struct MqttFlags {
  std::string broker;  // HOST[:PORT], mqtt://HOST[:PORT] or mqtts://HOST[:PORT]; empty: none
  bool tls = false;
  std::string tls_ca;
  std::string tls_cert;
  std::string tls_key;
  std::string username;
  std::string password_file;
};

struct MqttEndpoint {
  std::string host;
  int port = 1883;
  mqtt::ConnectionSecurity security;
};

// Adds --mqtt (described by `broker_help`) and the --mqtt-tls*, --mqtt-username and
// --mqtt-password-file flags.
void addMqttFlags(CLI::App& cmd, MqttFlags& flags, const std::string& broker_help);

// The broker address and its security, every file read and checked now; none without --mqtt.
// Invalid naming the flag.
[[nodiscard]] Result<std::optional<MqttEndpoint>> resolveMqtt(const MqttFlags& flags);

}  // namespace citysafe::app
