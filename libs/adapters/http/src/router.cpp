#include "citysafe/http/router.hpp"

#include <sstream>

#include "citysafe/common/csv.hpp"

namespace citysafe::http {
namespace {
std::vector<std::string> segments(const std::string& path) { return splitNonEmpty(path, '/'); }
}  // namespace

Route& Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  return routes_.emplace_back(
      Route{std::move(method), std::move(pattern), access, std::move(handler)});
}

const Route* Router::match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params, bool& path_known) const {
  const auto parts = segments(path);
  path_known = false;
  for (const auto& route : routes_) {
    const auto pattern = segments(route.pattern);
    if (pattern.size() != parts.size()) continue;
    std::map<std::string, std::string> found;
    bool same = true;
    for (std::size_t i = 0; i < parts.size() && same; ++i) {
      if (pattern[i].size() > 2 && pattern[i].front() == '{' && pattern[i].back() == '}') {
        found[pattern[i].substr(1, pattern[i].size() - 2)] = parts[i];
      } else {
        same = pattern[i] == parts[i];
      }
    }
    if (!same) continue;
    path_known = true;
    if (route.method == method) {
      params = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

std::string percentDecode(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::map<std::string, std::string> parseQuery(const std::string& query) {
  std::map<std::string, std::string> out;
  std::stringstream in(query);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string::npos) {
      out[percentDecode(pair)] = "";
    } else {
      out[percentDecode(pair.substr(0, eq))] = percentDecode(pair.substr(eq + 1));
    }
  }
  return out;
}

}  // namespace citysafe::http
