#include "openapi_contract.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace citysafe::testing {
namespace {

using nlohmann::json;

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool isJsonType(const std::string& media) {
  return media == "application/json" || media.ends_with("+json");
}

}  // namespace

OpenApiContract::OpenApiContract(json document)
    : document_(std::move(document)), validator_(document_, true) {}

OpenApiContract OpenApiContract::fromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto doc = json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) throw std::runtime_error(path + " is not JSON");
  return OpenApiContract(std::move(doc));
}

const json* OpenApiContract::deref(const json& node) const {
  const json* at = &node;
  for (int hops = 0; at->is_object() && at->contains("$ref") && hops < 8; ++hops) {
    const auto ref = (*at)["$ref"].get<std::string>();
    if (!ref.starts_with("#")) return nullptr;
    const json::json_pointer pointer(ref.substr(1));
    if (!document_.contains(pointer)) return nullptr;
    at = &document_.at(pointer);
  }
  return at;
}

std::optional<std::string> OpenApiContract::operationPath(const std::string& method,
                                                          const std::string& target) const {
  const auto path = target.substr(0, target.find_first_of("?#"));
  const auto wanted = segments(path);
  const auto verb = lower(method);
  std::optional<std::string> best;
  long best_literals = -1;
  for (const auto& [pattern, ops] : document_["paths"].items()) {
    if (!ops.contains(verb)) continue;
    const auto parts = segments(pattern);
    if (parts.size() != wanted.size()) continue;
    long literals = 0;
    bool match = true;
    for (std::size_t i = 0; i < parts.size() && match; ++i) {
      if (parts[i].starts_with("{") && parts[i].ends_with("}")) {
        match = !wanted[i].empty();
      } else {
        match = parts[i] == wanted[i];
        ++literals;
      }
    }
    if (match && literals > best_literals) {
      best = pattern;
      best_literals = literals;
    }
  }
  return best;
}

std::vector<ContractViolation> OpenApiContract::check(const std::string& method,
                                                      const std::string& target, int status,
                                                      const std::string& content_type,
                                                      const std::string& body) const {
  const auto path = operationPath(method, target);
  if (!path) return {};
  const auto code = std::to_string(status);
  const std::string operation = method + " " + *path + " -> " + code;
  const auto& responses = document_["paths"][*path][lower(method)]["responses"];
  const json* response = nullptr;
  for (const auto& key : {code, code.substr(0, 1) + "XX", std::string("default")}) {
    if (responses.contains(key)) {
      response = deref(responses[key]);
      break;
    }
  }
  if (response == nullptr) {
    return {{operation, "", "status " + code + " is not documented for this operation"}};
  }
  const auto media = lower(content_type.substr(0, content_type.find(';')));
  const auto trimmed = media.substr(0, media.find_last_not_of(' ') + 1);
  if (!isJsonType(trimmed)) return {};  // files, images, text: no schema to check
  const auto& content = response->contains("content") ? (*response)["content"] : json::object();
  // A response documented without content may still carry a Content-Type with an empty body.
  if (body.empty() && content.empty()) return {};
  if (!content.contains(trimmed)) {
    return {{operation, "", "content type " + trimmed + " is not documented for this response"}};
  }
  const auto& entry = content[trimmed];
  if (!entry.contains("schema")) {
    return {{operation, "", "the documented " + trimmed + " response has no schema"}};
  }
  const auto value = json::parse(body, nullptr, false);
  if (value.is_discarded()) return {{operation, "", "the body is not JSON"}};
  std::vector<ContractViolation> out;
  for (auto& e : validator_.validate(entry["schema"], value)) {
    out.push_back({operation, std::move(e.pointer), std::move(e.reason)});
  }
  return out;
}

std::string describe(const std::vector<ContractViolation>& violations) {
  std::string out;
  for (const auto& v : violations) {
    out +=
        v.operation + " at " + (v.pointer.empty() ? "(root)" : v.pointer) + ": " + v.reason + "\n";
  }
  return out;
}

}  // namespace citysafe::testing
