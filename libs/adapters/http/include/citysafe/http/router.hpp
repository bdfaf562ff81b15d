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

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/orgs/{id}"
  Access access = Access::Authenticated;
  Handler handler;
};

// Matches method + path against patterns. Thread-safe once built.
class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  // The route for a path; `method_allowed` false when the path exists with other methods.
  [[nodiscard]] const Route* match(const std::string& method, const std::string& path,
                                   std::map<std::string, std::string>& params,
                                   bool& path_known) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace citysafe::http
