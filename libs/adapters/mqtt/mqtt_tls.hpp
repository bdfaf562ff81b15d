#pragma once
// The one TLS client set-up of our MQTT clients, the subscriber's TLS transport and the
// libmosquitto publisher alike: TLS 1.2 or later, the broker's certificate checked against the CA
// file (or the system's CAs) and against the host name or IP address dialled.
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "mqtt_security.hpp"

namespace citysafe::mqtt {

using TlsContext = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;

// Invalid with `field` "ca_file", "cert_file" or "key_file" when one cannot be used.
[[nodiscard]] Result<TlsContext> makeTlsContext(const TlsSettings& tls, const std::string& host);

[[nodiscard]] bool isIpAddress(const std::string& host);

}  // namespace citysafe::mqtt
