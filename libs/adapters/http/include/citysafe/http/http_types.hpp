#pragma once
// Transport-neutral request and response: the server (Beast) fills these in and writes them out,
// everything else in this adapter works on them and never sees Beast.
#include <map>
#include <string>
#include <vector>

namespace citysafe::http {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string, percent-decoded
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_address;

  [[nodiscard]] std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Splits "a=1&b=%E4%B8%AD" into decoded pairs. Malformed escapes are kept literally.
std::map<std::string, std::string> parseQuery(const std::string& query);
std::string percentDecode(const std::string& text);

}  // namespace citysafe::http
