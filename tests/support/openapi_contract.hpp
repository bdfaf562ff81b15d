#pragma once
// openapi.json as a checkable contract: finds the documented operation for a method and a concrete
// target ("/api/v1/hazards/12?limit=5" -> "GET /api/v1/hazards/{id}"), the response documented
// for a status (exact code, then "4XX"-style ranges, then "default"), and validates a JSON body
// against its schema with JsonSchemaValidator (objects closed: every field must be documented).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_schema.hpp"

namespace citysafe::testing {

struct ContractViolation {
  std::string operation;  // "GET /api/v1/hazards/{id} -> 200"
  std::string pointer;
  std::string reason;
};

class OpenApiContract {
 public:
  explicit OpenApiContract(nlohmann::json document);
  // Reads the file; throws std::runtime_error when it is missing or not JSON.
  static OpenApiContract fromFile(const std::string& path);

  // The documented path template for a concrete target and method, if any. Literal segments win
  // over parameters ("/api/v1/hazards/counts" over "/api/v1/hazards/{id}").
  [[nodiscard]] std::optional<std::string> operationPath(const std::string& method,
                                                         const std::string& target) const;

  // Nothing when the route+method is undocumented (the route-list test covers those); otherwise
  // every way the answer disagrees with the document: an undocumented status, an undocumented
  // JSON content type, a body that is not JSON, or a body that does not match the schema.
  [[nodiscard]] std::vector<ContractViolation> check(const std::string& method,
                                                     const std::string& target, int status,
                                                     const std::string& content_type,
                                                     const std::string& body) const;

  [[nodiscard]] const nlohmann::json& document() const { return document_; }

 private:
  [[nodiscard]] const nlohmann::json* deref(const nlohmann::json& node) const;

  nlohmann::json document_;
  JsonSchemaValidator validator_;
};

std::string describe(const std::vector<ContractViolation>& violations);

}  // namespace citysafe::testing
