#pragma once
// How an MQTT client makes sure the broker is the broker (TLS, its certificate checked against a
// CA and the host name) and proves who it is (user name and password, and a client certificate
// for brokers that require one). Shared by our subscriber and the libmosquitto publisher.
#include <string>

#include "citysafe/common/result.hpp"

namespace citysafe::mqtt {

struct TlsSettings {
  bool enabled = false;
  std::string ca_file;    // PEM CAs to trust; empty: the system's CAs
  std::string cert_file;  // PEM client certificate chain; empty: none
  std::string key_file;   // its PEM private key, unencrypted: a service has nobody to type a phrase
};

struct ConnectionSecurity {
  TlsSettings tls;
  std::string username;  // empty: anonymous
  std::string password;  // sent only with a user name (MQTT 3.1.1 allows no password alone)
};

// Loads the CA, certificate and key as a connection would, so bad files are found at start-up;
// Invalid with `field` "ca_file", "cert_file" or "key_file".
[[nodiscard]] Result<void> checkTlsSettings(const TlsSettings& tls);

}  // namespace citysafe::mqtt
