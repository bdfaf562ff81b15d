#pragma once
// Everything the HTTP server does except speak HTTP: routing, authentication, the API handlers,
// static files. The Beast server hands it HttpRequests; tests may call it directly.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "citysafe/core/basemap/basemap_service.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/identity/auth_service.hpp"
#include "citysafe/core/identity/user_service.hpp"
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/core/risk/risk_service.hpp"
#include "citysafe/core/services.hpp"
#include "citysafe/http/limits.hpp"
#include "citysafe/http/metrics.hpp"
#include "citysafe/http/router.hpp"

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
  // /metrics answers a bearer token equal to this, or a client address in metrics_addresses;
  // with neither configured it answers nobody.
  std::string metrics_token;
  std::vector<std::string> metrics_addresses;
  ServerLimits limits;
};

// What the headers alone decide, before a body is read: the route, the caller, and whether to
// refuse at once (unknown route, no login, no permission, a cross-site request, too large).
struct Admission {
  std::optional<HttpResponse> refusal;
  const Route* route = nullptr;  // null for static files
  std::map<std::string, std::string> params;
  std::optional<identity::Principal> principal;
  Work work = Work::Inline;
  std::size_t body_limit = 0;
  std::string client;  // the client's address (through trusted proxies)
};

struct Services {
  ServiceContext& ctx;
  identity::AuthService auth;
  identity::UserService users;
  org::OrgService orgs;
  basemap::BasemapService basemap;
  risk::RiskService risks;
  hazard::HazardServices hazards;
  monitoring::MonitoringService monitoring;
  // One per process: HTTP bulk ingestion and the MQTT consumer share it.
  monitoring::Ingestor ingestor;
  Services(ServiceContext& c, const identity::PasswordHasher& hasher,
           const hazard::ImageInspector* images)
      : ctx(c),
        auth(c, hasher),
        users(c, hasher),
        orgs(c),
        basemap(c),
        risks(c),
        hazards(c, images),
        monitoring(c),
        ingestor(c) {}
};

class Application {
 public:
  Application(ServiceContext& ctx, const identity::PasswordHasher& hasher, AppConfig config);
  // Never throws: failures become problem+json. Admits and handles in one call.
  [[nodiscard]] HttpResponse handle(const HttpRequest& request);
  // The two halves, for a server that reads the body only after admitting the headers:
  // `head` is the request without its body.
  [[nodiscard]] Admission admit(const HttpRequest& head);
  [[nodiscard]] HttpResponse handle(const HttpRequest& request, const Admission& admission);
  // May a page of this origin open the live channel (the WebSocket checks it too)?
  [[nodiscard]] bool originAllowed(const HttpRequest& head) const;
  // Is this caller allowed to read /metrics?
  [[nodiscard]] bool metricsAllowed(const HttpRequest& request) const;
  // The caller behind a request's cookie or bearer token.
  [[nodiscard]] Result<identity::Principal> authenticate(const HttpRequest& request);
  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] Metrics& metrics() { return metrics_; }
  [[nodiscard]] Services& services() { return services_; }
  [[nodiscard]] const AppConfig& config() const { return config_; }
  // The body limit for a request target: uploads and imports may be larger.
  [[nodiscard]] std::size_t bodyLimitFor(const std::string& target) const;
  // The caller's address: the socket's peer, or what a trusted proxy says it forwarded.
  [[nodiscard]] std::string clientAddress(const HttpRequest& request) const;

 private:
  std::optional<HttpResponse> crossSiteRefusal(const HttpRequest& head, const Route& route) const;
  void observe(const HttpRequest& request, const std::string& route_name, int status,
               std::chrono::steady_clock::time_point started);
  HttpResponse staticFile(const HttpRequest& request) const;
  std::unique_ptr<hazard::ImageInspector> images_;  // before services_, which uses it
  Services services_;
  AppConfig config_;
  Router router_;
  Metrics metrics_;
};

// The session token from the cs_session cookie or an "Authorization: Bearer" header.
std::string sessionToken(const HttpRequest& request);

// A problem+json (RFC 9457) response.
HttpResponse problemResponse(int status, const std::string& title, const std::string& detail,
                             const std::string& field = "");

// Live channel: does this event belong to what the principal may read? And its wire form.
bool visibleTo(const identity::Principal& principal, const events::DomainEvent& event);
std::string eventJson(const events::DomainEvent& event);

}  // namespace citysafe::http
