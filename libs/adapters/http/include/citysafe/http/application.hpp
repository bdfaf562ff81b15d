#pragma once
// Everything the HTTP server does except speak HTTP: routing, authentication, the API handlers,
// static files. The Beast server hands it HttpRequests; tests may call it directly.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "citysafe/core/core_services.hpp"
#include "citysafe/http/app_config.hpp"
#include "citysafe/http/metrics.hpp"
#include "citysafe/http/request_guard.hpp"
#include "citysafe/http/router.hpp"

namespace citysafe::http {

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

class Application {
 public:
  // The services are built by the composition root and outlive the application.
  Application(Services& services, AppConfig config);
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;
  // Never throws: failures become problem+json. Admits and handles in one call.
  [[nodiscard]] HttpResponse handle(const HttpRequest& request);
  // The two halves, for a server that reads the body only after admitting the headers:
  // `head` is the request without its body.
  [[nodiscard]] Admission admit(const HttpRequest& head);
  [[nodiscard]] HttpResponse handle(const HttpRequest& request, const Admission& admission);
  // The caller behind a request's cookie or bearer token.
  [[nodiscard]] Result<identity::Principal> authenticate(const HttpRequest& request);
  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] Metrics& metrics() { return metrics_; }
  [[nodiscard]] Services& services() { return services_; }
  [[nodiscard]] const AppConfig& config() const { return config_; }
  // Origins, body types, /metrics access, body limits and the client behind proxies.
  [[nodiscard]] const RequestGuard& guard() const { return guard_; }

 private:
  void observe(const HttpRequest& request, const std::string& route_name, int status,
               std::chrono::steady_clock::time_point started);
  HttpResponse staticFile(const HttpRequest& request) const;
  Services& services_;
  AppConfig config_;
  RequestGuard guard_{config_};
  Router router_;
  Metrics metrics_;
};

// The session token from the cs_session cookie or an "Authorization: Bearer" header.
std::string sessionToken(const HttpRequest& request);

// A problem+json (RFC 9457) response.
HttpResponse problemResponse(int status, const std::string& title, const std::string& detail,
                             const std::string& field = "");

// A live event's wire form (who receives it: events::visibleTo in the core).
std::string eventJson(const events::DomainEvent& event);

}  // namespace citysafe::http
