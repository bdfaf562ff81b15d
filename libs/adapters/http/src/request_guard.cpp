#include "citysafe/http/request_guard.hpp"

#include <algorithm>

#include "api/json_io.hpp"

namespace citysafe::http {

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

std::size_t RequestGuard::bodyLimitFor(const std::string& target) const {
  const std::string path = target.substr(0, target.find('?'));  // the query decides nothing
  if (path.starts_with("/api/v1/public/tips/") && path.ends_with("/media")) {
    return std::min(config_.upload_limit, std::size_t{10} << 20);  // the public send photos only
  }
  const bool upload = (path.starts_with("/api/v1/hazards/") && path.ends_with("/media")) ||
                      path == "/api/v1/hazards/import";
  return upload ? config_.upload_limit : config_.body_limit;
}

std::string RequestGuard::clientAddress(const HttpRequest& request) const {
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

bool RequestGuard::originAllowed(const HttpRequest& head) const {
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

std::optional<HttpResponse> RequestGuard::crossSiteRefusal(const HttpRequest& head,
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

bool RequestGuard::metricsAllowed(const HttpRequest& request) const {
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

}  // namespace citysafe::http
