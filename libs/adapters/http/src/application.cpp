#include "citysafe/http/application.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "api/json_io.hpp"
#include "api/routes.hpp"
#include "stb_image_inspector.hpp"

namespace citysafe::http {

Application::Application(ServiceContext& ctx, const identity::PasswordHasher& hasher,
                         AppConfig config)
    : images_(std::make_unique<media::StbImageInspector>()),
      services_(ctx, hasher, images_.get()),
      config_(std::move(config)) {
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
  router_.add("GET", "/api/v1/events", Access::Authenticated, [](Call&) -> Result<HttpResponse> {
    return problem(426, "Upgrade Required", "connect with a WebSocket to receive live events");
  });
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

std::size_t Application::bodyLimitFor(const std::string& target) const {
  const std::string path = target.substr(0, target.find('?'));  // the query decides nothing
  if (path.starts_with("/api/v1/public/tips/") && path.ends_with("/media")) {
    return std::min(config_.upload_limit, std::size_t{10} << 20);  // the public send photos only
  }
  const bool upload = (path.starts_with("/api/v1/hazards/") && path.ends_with("/media")) ||
                      path == "/api/v1/hazards/import";
  return upload ? config_.upload_limit : config_.body_limit;
}

std::string Application::clientAddress(const HttpRequest& request) const {
  const auto& proxies = config_.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), request.remote_address) == proxies.end()) {
    return request.remote_address;
  }
  // Behind our own proxy: the nearest address it saw that is not itself one of ours.
  const std::string forwarded = request.header("x-forwarded-for");
  std::string client = request.remote_address;
  std::size_t end = forwarded.size();
  while (end > 0) {
    const auto comma = forwarded.rfind(',', end - 1);
    const std::size_t start = comma == std::string::npos ? 0 : comma + 1;
    std::string hop = forwarded.substr(start, end - start);
    hop.erase(0, hop.find_first_not_of(' '));
    hop.erase(hop.find_last_not_of(' ') + 1);
    if (hop.empty()) break;
    client = hop;
    if (std::find(proxies.begin(), proxies.end(), hop) == proxies.end()) break;
    if (comma == std::string::npos) break;
    end = comma;
  }
  return client;
}

HttpResponse Application::handle(const HttpRequest& incoming) {
  const auto started = std::chrono::steady_clock::now();
  std::string route_name = "static";
  HttpResponse response;
  HttpRequest request = incoming;
  request.remote_address = clientAddress(incoming);
  try {
    response = dispatch(request, route_name);
  } catch (const std::exception& e) {
    response = problem(500, "Internal", "internal error");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // Only known methods get their own series, so odd requests cannot grow /metrics.
  static const std::set<std::string> kMethods = {"GET", "HEAD",   "POST",   "PATCH",
                                                 "PUT", "DELETE", "OPTIONS"};
  metrics_.observe(kMethods.count(request.method) ? request.method : "OTHER", route_name,
                   response.status, seconds);
  return response;
}

HttpResponse Application::dispatch(const HttpRequest& request, std::string& route_name) {
  const bool api =
      request.path.starts_with("/api/") || request.path == "/healthz" || request.path == "/metrics";
  if (!api) return staticFile(request);
  if (request.body.size() > bodyLimitFor(request.path)) {
    return problem(
        413, "TooLarge",
        "the body is larger than " + std::to_string(bodyLimitFor(request.path)) + " bytes", "body");
  }
  std::map<std::string, std::string> params;
  bool path_known = false;
  const Route* route = router_.match(request.method, request.path, params, path_known);
  if (!route) {
    route_name = "unmatched";
    if (path_known)
      return problem(405, "Method Not Allowed",
                     request.method + " is not allowed on " + request.path);
    return problem(404, "NotFound", "no such endpoint: " + request.path);
  }
  route_name = route->pattern;
  Call call{request, std::move(params), std::nullopt, sessionToken(request)};
  if (route->access == Access::Authenticated) {
    auto who = services_.auth.authenticate(call.token);
    if (!who) return problem(who.error());
    call.principal = std::move(*who);
  }
  auto result = route->handler(call);
  if (!result) return problem(result.error());
  return *result;
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

bool visibleTo(const identity::Principal& principal, const events::DomainEvent& event) {
  // The same permission a read of the entity needs, then the same scope rule.
  using identity::Permission;
  const Permission needed = event.entity == "user"         ? Permission::UserRead
                            : event.entity == "org"        ? Permission::OrgRead
                            : event.entity == "risk_point" ? Permission::RiskRead
                            : event.entity == "hazard"     ? Permission::HazardRead
                            : event.entity == "alarm" || event.entity == "sensor"
                                ? Permission::MonitorRead
                                : Permission::EventsRead;
  if (!principal.can(Permission::EventsRead) || !principal.can(needed)) return false;
  if (event.org_path == "/") return true;  // platform-wide events, e.g. a new basemap
  const auto scope = identity::scopeOf(principal);
  return identity::reaches(scope, event.org_path, event.sectors) ||
         (!event.also_path.empty() && event.also_path.starts_with(scope.subtree_path));
}

std::string eventJson(const events::DomainEvent& event) {
  Json data = Json::parse(event.data_json, nullptr, false);
  if (data.is_discarded()) data = nullptr;
  return Json{{"type", event.type},     {"entity", event.entity},  {"entity_id", event.entity_id},
              {"action", event.action}, {"at", isoTime(event.at)}, {"data", data}}
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace citysafe::http
