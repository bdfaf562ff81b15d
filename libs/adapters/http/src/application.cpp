#include "citysafe/http/application.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
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
  a.client = clientAddress(head);
  a.body_limit = bodyLimitFor(head.path);
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
  if (auto refused = crossSiteRefusal(head, route))
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
      response = problem(500, "Internal", "internal error");
    }
  }
  observe(request, route.pattern, response.status, started);
  return response;
}

namespace {
bool stateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The media type without parameters, lower-cased: "application/json; charset=utf-8" → ...
std::string mediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  type.erase(type.find_last_not_of(" \t") + 1);
  type.erase(0, type.find_first_not_of(" \t"));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// What an HTML form or a "simple" cross-origin fetch may send without a CORS preflight.
bool formType(const std::string& type) {
  return type.empty() || type == "text/plain" || type == "application/x-www-form-urlencoded" ||
         type == "multipart/form-data";
}
}  // namespace

bool Application::originAllowed(const HttpRequest& head) const {
  const std::string origin = head.header("origin");
  if (!origin.empty()) {
    if (!config_.public_origins.empty()) {
      return std::find(config_.public_origins.begin(), config_.public_origins.end(), origin) !=
             config_.public_origins.end();
    }
    const std::string host = head.header("host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
  }
  // No Origin: a browser says where the request came from in Sec-Fetch-Site instead (or it is
  // not a browser at all, which no page can make send our cookie).
  const std::string site = head.header("sec-fetch-site");
  return site.empty() || site == "same-origin" || site == "none";
}

std::optional<HttpResponse> Application::crossSiteRefusal(const HttpRequest& head,
                                                          const Route& route) const {
  if (!stateChanging(head.method)) return std::nullopt;
  // A bearer token is never sent by a browser on its own, so no other site can forge it.
  if (head.header("authorization").starts_with("Bearer ")) return std::nullopt;
  if (!originAllowed(head)) {
    return problem(403, "Forbidden",
                   "cross-site request refused: this origin may not change anything here",
                   "origin");
  }
  const std::string length = head.header("content-length");
  const bool has_body =
      (!length.empty() && length != "0") || !head.header("transfer-encoding").empty();
  if (!has_body) return std::nullopt;
  const std::string type = mediaType(head.header("content-type"));
  if (route.body == Body::Json && type != "application/json") {
    return problem(415, "Unsupported Media Type", "send the body as application/json",
                   "content-type");
  }
  if (route.body == Body::File && formType(type)) {
    return problem(415, "Unsupported Media Type",
                   "send the file with its own media type (text/csv, image/jpeg, ...), not as "
                   "a form",
                   "content-type");
  }
  return std::nullopt;
}

bool Application::metricsAllowed(const HttpRequest& request) const {
  const std::string auth = request.header("authorization");
  if (!config_.metrics_token.empty() && auth.starts_with("Bearer ")) {
    // Compare every byte, so the time taken does not tell how much of a guess was right.
    const std::string given = auth.substr(7);
    const std::string& want = config_.metrics_token;
    unsigned char diff = given.size() == want.size() ? 0 : 1;
    for (std::size_t i = 0; i < given.size(); ++i) {
      diff |= static_cast<unsigned char>(given[i] ^ want[i % want.size()]);
    }
    if (diff == 0) return true;
  }
  const auto& allowed = config_.metrics_addresses;
  return std::find(allowed.begin(), allowed.end(), clientAddress(request)) != allowed.end();
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
