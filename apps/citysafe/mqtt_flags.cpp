#include "mqtt_flags.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace citysafe::app {
namespace {

constexpr int kPlainPort = 1883;
constexpr int kTlsPort = 8883;

struct BrokerAddress {
  std::string host;
  int port = 0;  // 0: the scheme's default
  bool tls_scheme = false;
  bool plain_scheme = false;
};

Result<BrokerAddress> parseBroker(std::string_view text) {
  BrokerAddress address;
  if (text.starts_with("mqtts://")) {
    address.tls_scheme = true;
    text.remove_prefix(8);
  } else if (text.starts_with("mqtt://")) {
    address.plain_scheme = true;
    text.remove_prefix(7);
  }
  const auto colon = text.rfind(':');
  address.host = std::string(text.substr(0, colon));
  if (colon != std::string_view::npos) {
    const auto p = text.substr(colon + 1);
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), address.port);
    if (ec != std::errc() || end != p.data() + p.size() || address.port < 1 ||
        address.port > 65535) {
      return invalid("mqtt", "must be HOST:PORT or mqtts://HOST:PORT, e.g. 127.0.0.1:1883");
    }
  }
  if (address.host.empty()) {
    return invalid("mqtt", "must be HOST:PORT or mqtts://HOST:PORT, e.g. 127.0.0.1:1883");
  }
  return address;
}

// A file the flag names must be there and readable now, not at the first reconnect.
Result<void> requireReadable(const std::string& path, const std::string& flag) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || !std::ifstream(path)) {
    return invalid(flag, "cannot read " + path);
  }
  return ok();
}

Result<mqtt::TlsSettings> resolveTls(const MqttFlags& flags, bool tls_scheme) {
  mqtt::TlsSettings tls{.enabled = flags.tls || tls_scheme || !flags.tls_ca.empty() ||
                                   !flags.tls_cert.empty() || !flags.tls_key.empty(),
                        .ca_file = flags.tls_ca,
                        .cert_file = flags.tls_cert,
                        .key_file = flags.tls_key};
  if (!tls.enabled) return tls;
  const std::pair<const std::string*, const char*> files[] = {{&tls.ca_file, "mqtt-tls-ca"},
                                                              {&tls.cert_file, "mqtt-tls-cert"},
                                                              {&tls.key_file, "mqtt-tls-key"}};
  for (const auto& [path, flag] : files) {
    if (path->empty()) continue;
    CS_TRY(requireReadable(*path, flag));
  }
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return invalid(tls.cert_file.empty() ? "mqtt-tls-cert" : "mqtt-tls-key",
                   "--mqtt-tls-cert and --mqtt-tls-key go together");
  }
  if (auto checked = mqtt::checkTlsSettings(tls); !checked) {
    const auto& field = checked.error().field;
    const char* flag = field == "ca_file"     ? "mqtt-tls-ca"
                       : field == "cert_file" ? "mqtt-tls-cert"
                       : field == "key_file"  ? "mqtt-tls-key"
                                              : "mqtt-tls";
    return invalid(flag, checked.error().message);
  }
  return tls;
}

// The first line of the file, else the environment variable; empty when neither.
Result<std::string> readPassword(const MqttFlags& flags) {
  if (flags.password_file.empty()) {
    const char* from_env = std::getenv(kMqttPasswordVariable);
    return std::string(from_env == nullptr ? "" : from_env);
  }
  CS_TRY(requireReadable(flags.password_file, "mqtt-password-file"));
  std::ifstream in(flags.password_file);
  std::string password;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) {
    return invalid("mqtt-password-file", flags.password_file + " holds no password");
  }
  using std::filesystem::perms;
  std::error_code ec;
  const auto mode = std::filesystem::status(flags.password_file, ec).permissions();
  if (!ec && (mode & (perms::group_read | perms::others_read)) != perms::none) {
    spdlog::warn("mqtt: {} can be read by other users; chmod 600 it", flags.password_file);
  }
  return password;
}

}  // namespace

void addMqttFlags(CLI::App& cmd, MqttFlags& flags, const std::string& broker_help) {
  auto* broker = cmd.add_option("--mqtt", flags.broker, broker_help);
  if (!flags.broker.empty()) broker->capture_default_str();
  cmd.add_flag("--mqtt-tls", flags.tls,
               "connect with TLS (port 8883 unless given); implied by mqtts:// and the "
               "--mqtt-tls-* files");
  cmd.add_option("--mqtt-tls-ca", flags.tls_ca,
                 "PEM file of the CAs that sign the broker's certificate (default: the system's)");
  cmd.add_option("--mqtt-tls-cert", flags.tls_cert,
                 "PEM client certificate, for a broker that requires one");
  cmd.add_option("--mqtt-tls-key", flags.tls_key, "the client certificate's unencrypted PEM key");
  cmd.add_option("--mqtt-username", flags.username, "the MQTT user name");
  cmd.add_option("--mqtt-password-file", flags.password_file,
                 std::string("file whose first line is the MQTT password (else $") +
                     kMqttPasswordVariable + "; never on the command line)");
  // Refused by name: as an unknown argument CLI11 would echo it, password and all, to the log.
  const std::string refusal = std::string(
                                  "the password is never taken on the command line; use "
                                  "--mqtt-password-file or $") +
                              kMqttPasswordVariable;
  cmd.add_option_function<std::string>(
         "--mqtt-password",
         [refusal](const std::string&) { throw CLI::ValidationError("--mqtt-password", refusal); })
      ->group("");
}

Result<std::optional<MqttEndpoint>> resolveMqtt(const MqttFlags& flags) {
  if (flags.broker.empty()) {
    const bool secured = flags.tls || !flags.tls_ca.empty() || !flags.tls_cert.empty() ||
                         !flags.tls_key.empty() || !flags.username.empty() ||
                         !flags.password_file.empty();
    if (secured) return invalid("mqtt", "the --mqtt-tls* and credential flags need --mqtt");
    return std::nullopt;
  }
  const auto address = CS_TRY(parseBroker(flags.broker));
  const auto tls = CS_TRY(resolveTls(flags, address.tls_scheme));
  if (address.plain_scheme && tls.enabled) {
    return invalid("mqtt", "mqtt:// means no TLS; use mqtts:// with the --mqtt-tls flags");
  }
  if (!flags.password_file.empty() && flags.username.empty()) {
    return invalid("mqtt-password-file", "a password needs --mqtt-username");
  }
  MqttEndpoint endpoint{.host = address.host,
                        .port = address.port != 0 ? address.port
                                : tls.enabled     ? kTlsPort
                                                  : kPlainPort,
                        .security = {.tls = tls, .username = flags.username}};
  if (!flags.username.empty()) {
    endpoint.security.password = CS_TRY(readPassword(flags));
    if (!endpoint.security.password.empty() && !tls.enabled) {
      spdlog::warn("mqtt: the password goes to {} unencrypted; use TLS (--mqtt-tls-ca or mqtts://)",
                   endpoint.host);
    }
  }
  return endpoint;
}

}  // namespace citysafe::app
