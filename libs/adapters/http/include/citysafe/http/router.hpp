#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/common/result.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/http/http_types.hpp"

namespace citysafe::http {

struct Call {
  const HttpRequest& request;
  std::map<std::string, std::string> params;  // from {name} segments of the pattern
  std::optional<identity::Principal> principal;
  std::string token;  // the session token the caller presented, if any
};

using Handler = std::function<Result<HttpResponse>(Call&)>;

enum class Access : std::uint8_t { Public, Authenticated };

// Where a route's handler runs. Network threads must never wait on a password hash or an image
// decode, so those go to a small pool of their own whose queue is short (503 when full).
enum class Work : std::uint8_t {
  Inline,  // cheap and bounded: answered on the network thread (health, metrics)
  Normal,  // the worker pool: store reads and writes
  Heavy,   // the CPU pool: password hashing, image decoding, file imports
};

// What a route's body is: state-changing requests must say so in their Content-Type, which a
// cross-site form cannot (see Application::admit).
enum class Body : std::uint8_t { Json, File };

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/orgs/{id}"
  Access access = Access::Authenticated;
  Handler handler;
  Work work = Work::Normal;
  Body body = Body::Json;
  // Checked from the headers, before the body is read; the core service checks again.
  std::optional<identity::Permission> permission;

  Route& runs(Work w) {
    work = w;
    return *this;
  }
  Route& takesFile() {
    body = Body::File;
    return *this;
  }
  Route& needs(identity::Permission p) {
    permission = p;
    return *this;
  }
};

// Matches method + path against patterns. Thread-safe once built.
class Router {
 public:
  // The returned route may be refined (runs, takesFile, needs) before the next add.
  Route& add(std::string method, std::string pattern, Access access, Handler handler);
  // The route for a path; `method_allowed` false when the path exists with other methods.
  [[nodiscard]] const Route* match(const std::string& method, const std::string& path,
                                   std::map<std::string, std::string>& params,
                                   bool& path_known) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace citysafe::http
