#pragma once
// The admission rules the headers alone decide, apart from routing and login: who the client is
// behind our proxies, how large a body may be, which pages may change state (cross-site request
// forgery), which body types a route takes, and who may read /metrics. It enforces what
// AppConfig says; the policy itself (origins, proxies, the metrics token and addresses) is the
// operator's, set by the composition root.
#include <cstddef>
#include <optional>
#include <string>

#include "citysafe/http/app_config.hpp"
#include "citysafe/http/http_types.hpp"
#include "citysafe/http/router.hpp"

namespace citysafe::http {

class RequestGuard {
 public:
  explicit RequestGuard(const AppConfig& config) : config_(config) {}
  // The caller's address: the socket's peer, or what a trusted proxy says it forwarded.
  [[nodiscard]] std::string clientAddress(const HttpRequest& request) const;
  // The body limit for a request target: uploads and imports may be larger.
  [[nodiscard]] std::size_t bodyLimitFor(const std::string& target) const;
  // May a page of this origin change state here and open the live channel?
  [[nodiscard]] bool originAllowed(const HttpRequest& head) const;
  // 403 for a state-changing request another site's page may have sent, 415 for a body the
  // route does not take; nothing when the request may go on.
  [[nodiscard]] std::optional<HttpResponse> crossSiteRefusal(const HttpRequest& head,
                                                             const Route& route) const;
  // May this caller read /metrics?
  [[nodiscard]] bool metricsAllowed(const HttpRequest& request) const;

 private:
  const AppConfig& config_;
};

}  // namespace citysafe::http
