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
};

struct Services {
  ServiceContext& ctx;
  identity::AuthService auth;
  identity::UserService users;
  org::OrgService orgs;
  basemap::BasemapService basemap;
  risk::RiskService risks;
  hazard::HazardService hazards;
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
  // Never throws: failures become problem+json.
  [[nodiscard]] HttpResponse handle(const HttpRequest& request);
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
  HttpResponse dispatch(const HttpRequest& request, std::string& route_name);
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
