#include "json_schema.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace citysafe::testing {
namespace {

using nlohmann::json;

const std::set<std::string>& knownKeywords() {
  static const std::set<std::string> known{"type",
                                           "properties",
                                           "required",
                                           "items",
                                           "enum",
                                           "nullable",
                                           "oneOf",
                                           "anyOf",
                                           "allOf",
                                           "$ref",
                                           "minLength",
                                           "maxLength",
                                           "minimum",
                                           "maximum",
                                           "minItems",
                                           "maxItems",
                                           "additionalProperties",
                                           "description",
                                           "format",
                                           "example",
                                           "title",
                                           "default",
                                           "readOnly",
                                           "writeOnly",
                                           "deprecated"};
  return known;
}

std::string typeOf(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "unknown";
  }
}

bool hasType(const json& value, const std::string& type) {
  if (type == "integer") {
    return value.is_number_integer() ||
           (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
  }
  if (type == "number") return value.is_number();
  return typeOf(value) == type;
}

}  // namespace

std::string escapePointer(const std::string& token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string describe(const std::vector<SchemaError>& errors) {
  std::string out;
  for (const auto& e : errors)
    out += (e.pointer.empty() ? "(root)" : e.pointer) + ": " + e.reason + "\n";
  return out;
}

JsonSchemaValidator::JsonSchemaValidator(nlohmann::json document, bool closed_objects)
    : document_(std::move(document)), closed_objects_(closed_objects) {}

std::vector<SchemaError> JsonSchemaValidator::validate(const json& schema,
                                                       const json& value) const {
  std::vector<SchemaError> errors;
  check(schema, value, "", errors, 0);
  return errors;
}

const json* JsonSchemaValidator::resolve(const std::string& ref) const {
  if (!ref.starts_with("#")) return nullptr;
  try {
    const json::json_pointer pointer(ref.substr(1));
    return document_.contains(pointer) ? &document_.at(pointer) : nullptr;
  } catch (const json::exception&) {
    return nullptr;
  }
}

void JsonSchemaValidator::check(const json& schema, const json& value, const std::string& pointer,
                                std::vector<SchemaError>& errors, int depth) const {
  if (depth > 64) {
    errors.push_back({pointer, "schema nesting deeper than 64 (a $ref cycle?)"});
    return;
  }
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) errors.push_back({pointer, "no value is allowed here"});
    return;
  }
  if (!schema.is_object()) {
    errors.push_back({pointer, "the schema is not an object: " + schema.dump()});
    return;
  }
  for (const auto& [keyword, _] : schema.items()) {
    if (!knownKeywords().contains(keyword) && !keyword.starts_with("x-")) {
      errors.push_back({pointer, "unsupported schema keyword '" + keyword + "'"});
    }
  }
  if (schema.contains("$ref")) {
    const auto ref = schema["$ref"].get<std::string>();
    const json* target = resolve(ref);
    if (target == nullptr) {
      errors.push_back({pointer, "unresolved $ref " + ref});
      return;
    }
    // OpenAPI 3.0: siblings of $ref are ignored, except that we honour nullable next to it.
    if (value.is_null() && schema.value("nullable", false)) return;
    check(*target, value, pointer, errors, depth + 1);
    return;
  }
  if (value.is_null() && schema.value("nullable", false)) return;

  if (schema.contains("allOf")) {
    for (const auto& part : schema["allOf"]) check(part, value, pointer, errors, depth + 1);
  }
  for (const char* any : {"oneOf", "anyOf"}) {
    if (!schema.contains(any)) continue;
    int matches = 0;
    std::string first_reasons;
    for (const auto& option : schema[any]) {
      std::vector<SchemaError> option_errors;
      check(option, value, pointer, option_errors, depth + 1);
      if (option_errors.empty()) {
        ++matches;
      } else if (first_reasons.empty()) {
        first_reasons = option_errors.front().pointer + ": " + option_errors.front().reason;
      }
    }
    const bool one = std::string(any) == "oneOf";
    if (matches == 0) {
      errors.push_back({pointer, std::string("matches none of ") + any +
                                     " (first option: " + first_reasons + ")"});
    } else if (one && matches > 1) {
      errors.push_back({pointer, "matches " + std::to_string(matches) + " options of oneOf"});
    }
  }

  if (schema.contains("type")) {
    const auto type = schema["type"].get<std::string>();
    if (!hasType(value, type)) {
      errors.push_back({pointer, "expected " + type +
                                     (schema.value("nullable", false) ? " or null" : "") +
                                     ", got " + typeOf(value) + " " + value.dump().substr(0, 80)});
      return;
    }
  }
  if (schema.contains("enum")) {
    const auto& allowed = schema["enum"];
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      errors.push_back(
          {pointer, "value " + value.dump().substr(0, 80) + " is not one of " + allowed.dump()});
    }
  }
  if (value.is_string()) {
    // Lengths in code points, as JSON Schema counts them.
    const auto text = value.get<std::string>();
    const auto length =
        static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    if (schema.contains("minLength") && length < schema["minLength"].get<std::size_t>()) {
      errors.push_back({pointer, "shorter than minLength " + schema["minLength"].dump()});
    }
    if (schema.contains("maxLength") && length > schema["maxLength"].get<std::size_t>()) {
      errors.push_back({pointer, "longer than maxLength " + schema["maxLength"].dump()});
    }
  }
  if (value.is_number()) {
    if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) {
      errors.push_back({pointer, "below minimum " + schema["minimum"].dump()});
    }
    if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) {
      errors.push_back({pointer, "above maximum " + schema["maximum"].dump()});
    }
  }
  if (value.is_array()) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) {
      errors.push_back({pointer, "fewer items than minItems " + schema["minItems"].dump()});
    }
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>()) {
      errors.push_back({pointer, "more items than maxItems " + schema["maxItems"].dump()});
    }
    if (schema.contains("items")) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        check(schema["items"], value[i], pointer + "/" + std::to_string(i), errors, depth + 1);
      }
    }
  }
  if (value.is_object()) checkObject(schema, value, pointer, errors, depth);
}

void JsonSchemaValidator::checkObject(const json& schema, const json& value,
                                      const std::string& pointer, std::vector<SchemaError>& errors,
                                      int depth) const {
  if (schema.contains("required")) {
    for (const auto& name : schema["required"]) {
      if (!value.contains(name.get<std::string>())) {
        errors.push_back({pointer, "missing required property '" + name.get<std::string>() + "'"});
      }
    }
  }
  const json empty = json::object();
  const json& properties = schema.contains("properties") ? schema["properties"] : empty;
  const bool closed_by_default = closed_objects_ && schema.contains("properties");
  for (const auto& [name, item] : value.items()) {
    const auto at = pointer + "/" + escapePointer(name);
    if (properties.contains(name)) {
      check(properties[name], item, at, errors, depth + 1);
    } else if (schema.contains("additionalProperties")) {
      const auto& extra = schema["additionalProperties"];
      if (extra.is_boolean() && !extra.get<bool>()) {
        errors.push_back({at, "property '" + name + "' is not allowed by the schema"});
      } else if (extra.is_object()) {
        check(extra, item, at, errors, depth + 1);
      }
    } else if (closed_by_default) {
      errors.push_back({at, "property '" + name + "' is not documented"});
    }
  }
}

}  // namespace citysafe::testing
