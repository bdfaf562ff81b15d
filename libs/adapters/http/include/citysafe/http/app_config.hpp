#pragma once
// What the operator decides about the HTTP application (the `serve` flags fill it in).
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "citysafe/http/limits.hpp"

namespace citysafe::http {

struct AppConfig {
  std::string web_root;                           // the built UI (web/dist); empty serves no files
  std::size_t body_limit = 1 << 20;               // bytes; larger bodies get 413
  std::size_t upload_limit = 51 << 20;            // photos, videos and import files
  bool secure_cookies = false;                    // set when served over TLS by a proxy
  std::chrono::milliseconds live_recheck{15000};  // how often a live socket re-checks its session
  // Reverse proxies whose X-Forwarded-For we believe (per-address limits need the real client).
  std::vector<std::string> trusted_proxies;
  // Origins ("https://citysafe.example.org") whose pages may send state-changing requests and
  // open the live channel. Empty: the origin the request itself names in its Host header.
  std::vector<std::string> public_origins;
  // Who may read /metrics is the operator's policy, set here (not a domain permission: the
  // scraper is not a user): a bearer token equal to this, or a client address in
  // metrics_addresses; with neither configured it answers nobody.
  std::string metrics_token;
  std::vector<std::string> metrics_addresses;
  ServerLimits limits;
};

}  // namespace citysafe::http
