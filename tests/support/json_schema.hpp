#pragma once
// A small JSON-Schema validator for the subset openapi.json uses (OpenAPI 3.0 schema objects):
// type, properties, required, items, enum, nullable, oneOf/anyOf/allOf, $ref into the document,
// additionalProperties, minLength/maxLength, minimum/maximum. Annotations (description, format,
// example, title, default, readOnly, writeOnly) are accepted and not checked. Any other keyword is
// reported as an error, so the validator never silently ignores part of a schema.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace citysafe::testing {

struct SchemaError {
  std::string pointer;  // JSON pointer into the validated value ("" is the root)
  std::string reason;
};

class JsonSchemaValidator {
 public:
  // `document` resolves "#/..." references (for OpenAPI: the whole openapi.json).
  // `closed_objects`: an object schema with `properties` and no `additionalProperties` refuses
  // properties it does not list (the contract documents every field the server writes).
  explicit JsonSchemaValidator(nlohmann::json document, bool closed_objects = false);

  [[nodiscard]] std::vector<SchemaError> validate(const nlohmann::json& schema,
                                                  const nlohmann::json& value) const;

 private:
  void check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer,
             std::vector<SchemaError>& errors, int depth) const;
  void checkObject(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& pointer, std::vector<SchemaError>& errors, int depth) const;
  [[nodiscard]] const nlohmann::json* resolve(const std::string& ref) const;

  nlohmann::json document_;
  bool closed_objects_;
};

// "a~b/c" -> "a~0b~1c" (RFC 6901).
std::string escapePointer(const std::string& token);

// One line per error: "<pointer>: <reason>".
std::string describe(const std::vector<SchemaError>& errors);

}  // namespace citysafe::testing
