#include "citysafe/http/application.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "api/json_io.hpp"
#include "api/routes.hpp"

namespace citysafe::http {

Application::Application(Services& services, AppConfig config)
    : services_(services), config_(std::move(config)) {
  addSystemRoutes(router_, *this);
  addAuthRoutes(router_, services_, config_);
  addOrgRoutes(router_, services_);
  addUserRoutes(router_, services_);
  addAuditRoutes(router_, services_);
  addBasemapRoutes(router_, services_);
  addRiskRoutes(router_, services_);
  addRiskViewRoutes(router_, services_);
  addRiskImportRoutes(router_, services_);
  addHazardRoutes(router_, services_);
  addHazardAdminRoutes(router_, services_);
  addPublicTipRoutes(router_, services_);
  addMonitoringRoutes(router_, services_);
  addAlarmRoutes(router_, services_);
  // The live channel is answered by the server's WebSocket upgrade; listed here so the OpenAPI
  // check and the 426 for plain GETs come from one place.
  router_
      .add("GET", "/api/v1/events", Access::Authenticated,
           [](Call&) -> Result<HttpResponse> {
             return problem(426, "Upgrade Required",
                            "connect with a WebSocket to receive live events");
           })
      .runs(Work::Inline);
}

std::string sessionToken(const HttpRequest& request) {
  const std::string auth = request.header("authorization");
  if (auth.starts_with("Bearer ")) return auth.substr(7);
  const std::string cookies = request.header("cookie");
  std::stringstream in(cookies);
  std::string part;
  while (std::getline(in, part, ';')) {
    const auto start = part.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    part = part.substr(start);
    if (part.starts_with("cs_session=")) return part.substr(11);
  }
  return {};
}

Result<identity::Principal> Application::authenticate(const HttpRequest& request) {
  return services_.auth.authenticate(sessionToken(request));
}

void Application::observe(const HttpRequest& request, const std::string& route_name, int status,
                          std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // Only known methods get their own series, so odd requests cannot grow /metrics.
  static const std::set<std::string> kMethods = {"GET", "HEAD",   "POST",   "PATCH",
                                                 "PUT", "DELETE", "OPTIONS"};
  metrics_.observe(kMethods.count(request.method) ? request.method : "OTHER", route_name, status,
                   seconds);
}

HttpResponse Application::handle(const HttpRequest& request) {
  Admission admission = admit(request);
  if (admission.refusal) return *admission.refusal;
  return handle(request, admission);
}

Admission Application::admit(const HttpRequest& head) {
  const auto started = std::chrono::steady_clock::now();
  Admission a;
  a.client = guard_.clientAddress(head);
  a.body_limit = guard_.bodyLimitFor(head.path);
  auto refuse = [&](HttpResponse response, const std::string& route_name) {
    observe(head, route_name, response.status, started);
    a.refusal = std::move(response);
    return std::move(a);
  };
  const bool api =
      head.path.starts_with("/api/") || head.path == "/healthz" || head.path == "/metrics";
  if (!api) {
    a.body_limit = 0;  // static files take no body
    return a;
  }
  bool path_known = false;
  a.route = router_.match(head.method, head.path, a.params, path_known);
  if (!a.route) {
    if (path_known) {
      return refuse(
          problem(405, "Method Not Allowed", head.method + " is not allowed on " + head.path),
          "unmatched");
    }
    return refuse(problem(404, "NotFound", "no such endpoint: " + head.path), "unmatched");
  }
  const Route& route = *a.route;
  a.work = route.work;
  if (auto refused = guard_.crossSiteRefusal(head, route))
    return refuse(std::move(*refused), route.pattern);
  if (route.access == Access::Authenticated) {
    auto who = services_.auth.authenticate(sessionToken(head));
    if (!who) return refuse(problem(who.error()), route.pattern);
    if (route.permission) {
      if (auto allowed = identity::require(*who, *route.permission); !allowed) {
        return refuse(problem(allowed.error()), route.pattern);
      }
    }
    a.principal = std::move(*who);
  }
  return a;
}

HttpResponse Application::handle(const HttpRequest& incoming, const Admission& admission) {
  const auto started = std::chrono::steady_clock::now();
  HttpRequest request = incoming;
  request.remote_address = admission.client;
  if (!admission.route) return staticFile(request);
  const Route& route = *admission.route;
  HttpResponse response;
  if (request.body.size() > admission.body_limit) {
    response = problem(413, "TooLarge",
                       "the body is larger than " + std::to_string(admission.body_limit) + " bytes",
                       "body");
  } else {
    Call call{request, admission.params, admission.principal, sessionToken(request)};
    try {
      auto result = route.handler(call);
      response = result ? std::move(*result) : problem(result.error());
      // The caller learns only "internal error"; the log keeps the cause.
      if (!result && response.status >= 500) {
        std::cerr << "citysafe: " << request.method << ' ' << route.pattern << ": "
                  << errcName(result.error().code) << ": " << result.error().field
                  << (result.error().field.empty() ? "" : ": ") << result.error().message << '\n';
      }
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", request.method, route.pattern, e.what());
      response = problem(500, "Internal", "internal error");
    }
  }
  observe(request, route.pattern, response.status, started);
  return response;
}

HttpResponse Application::staticFile(const HttpRequest& request) const {
  namespace fs = std::filesystem;
  if (config_.web_root.empty()) return problem(404, "NotFound", "no web UI is configured");
  if (request.method != "GET" && request.method != "HEAD")
    return problem(405, "Method Not Allowed", "static files are read-only");
  const fs::path root = fs::weakly_canonical(config_.web_root);
  fs::path file = fs::weakly_canonical(root / request.path.substr(1));
  // Refuse anything that escapes the web root (../), and fall back to the SPA's index.html.
  const auto rel = file.lexically_relative(root);
  if (rel.empty() || rel.native().starts_with("..")) file = root / "index.html";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) file = root / "index.html";
  std::ifstream in(file, std::ios::binary);
  if (!in) return problem(404, "NotFound", "the web UI is not built (run make run)");
  std::ostringstream body;
  body << in.rdbuf();
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".wasm", "application/wasm"},
      {".mp3", "audio/mpeg"}};
  const auto it = kTypes.find(file.extension().string());
  HttpResponse response{
      200, it == kTypes.end() ? "application/octet-stream" : it->second, body.str(), {}};
  // Hashed asset names may be cached for long; index.html must be re-read to pick up new builds.
  response.headers.emplace_back("Cache-Control", file.filename() == "index.html"
                                                     ? "no-cache"
                                                     : "public, max-age=31536000, immutable");
  return response;
}

HttpResponse problemResponse(int status, const std::string& title, const std::string& detail,
                             const std::string& field) {
  return problem(status, title, detail, field);
}

std::string eventJson(const events::DomainEvent& event) {
  Json data = Json::parse(event.data_json, nullptr, false);
  if (data.is_discarded()) data = nullptr;
  return Json{{"type", event.type},     {"entity", event.entity},  {"entity_id", event.entity_id},
              {"action", event.action}, {"at", isoTime(event.at)}, {"data", data}}
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace citysafe::http
