#include "../../support/json_schema.hpp"

#include <gtest/gtest.h>

#include "../../support/openapi_contract.hpp"

namespace citysafe::testing {
namespace {

using nlohmann::json;

const json kDocument = json::parse(R"({
  "openapi": "3.0.3",
  "paths": {
    "/api/v1/things": {"get": {"responses": {
      "200": {"description": "OK", "content": {"application/json": {"schema": {
        "type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}},
      "4XX": {"$ref": "#/components/responses/Problem"}}}},
    "/api/v1/things/{id}": {"get": {"responses": {
      "200": {"description": "OK", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Thing"}}}},
      "404": {"$ref": "#/components/responses/Problem"}}}},
    "/api/v1/things/counts": {"get": {"responses": {
      "200": {"description": "OK", "content": {"application/json": {"schema": {
        "type": "object", "additionalProperties": {"type": "integer"}}}}}}}},
    "/api/v1/things/{id}/read": {"post": {"responses": {"204": {"description": "read"}}}},
    "/api/v1/things/{id}/photo": {"get": {"responses": {
      "200": {"description": "a JPEG", "content": {"image/jpeg": {}}}}}}
  },
  "components": {
    "schemas": {
      "Thing": {"type": "object", "required": ["id", "kind"], "properties": {
        "id": {"type": "integer", "minimum": 1},
        "kind": {"type": "string", "enum": ["a", "b"]},
        "name": {"type": "string", "minLength": 1, "nullable": true},
        "where": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "number"}}]},
        "parent": {"$ref": "#/components/schemas/Thing"}}},
      "Problem": {"type": "object", "properties": {"title": {"type": "string"}, "status": {"type": "integer"}}}
    },
    "responses": {"Problem": {"description": "RFC 9457", "content": {
      "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}
  }
})");

std::vector<SchemaError> validateThing(const json& value, bool closed = false) {
  return JsonSchemaValidator(kDocument, closed)
      .validate(json{{"$ref", "#/components/schemas/Thing"}}, value);
}

TEST(JsonSchema, AcceptsAValueThatMatches) {
  EXPECT_TRUE(validateThing({{"id", 3}, {"kind", "a"}, {"name", nullptr}, {"where", "x"}}).empty());
  EXPECT_TRUE(validateThing({{"id", 3}, {"kind", "b"}, {"where", json::array({1.5, 2})}}).empty());
}

TEST(JsonSchema, NamesThePointerOfAWrongType) {
  const auto errors = validateThing({{"id", "3"}, {"kind", "a"}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/id");
  EXPECT_NE(errors[0].reason.find("expected integer"), std::string::npos) << errors[0].reason;
}

TEST(JsonSchema, IntegerRefusesAFractionButNumberTakesBoth) {
  EXPECT_FALSE(validateThing({{"id", 1.5}, {"kind", "a"}}).empty());
  EXPECT_TRUE(validateThing({{"id", 2.0}, {"kind", "a"}}).empty());
}

TEST(JsonSchema, ReportsAMissingRequiredProperty) {
  const auto errors = validateThing({{"id", 3}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "");
  EXPECT_NE(errors[0].reason.find("'kind'"), std::string::npos);
}

TEST(JsonSchema, ReportsAValueOutsideTheEnum) {
  const auto errors = validateThing({{"id", 3}, {"kind", "c"}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/kind");
}

TEST(JsonSchema, NullOnlyWhereNullable) {
  EXPECT_TRUE(validateThing({{"id", 3}, {"kind", "a"}, {"name", nullptr}}).empty());
  const auto errors = validateThing({{"id", 3}, {"kind", nullptr}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/kind");
}

TEST(JsonSchema, FollowsReferencesIntoNestedValues) {
  const auto errors =
      validateThing({{"id", 3}, {"kind", "a"}, {"parent", {{"id", 0}, {"kind", "a"}}}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/parent/id");
  EXPECT_NE(errors[0].reason.find("minimum"), std::string::npos);
}

TEST(JsonSchema, OneOfNeedsExactlyOneMatch) {
  const auto errors = validateThing({{"id", 3}, {"kind", "a"}, {"where", 7}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/where");
  const json both = {{"oneOf", json::array({{{"type", "number"}}, {{"type", "integer"}}})}};
  EXPECT_EQ(JsonSchemaValidator(json::object()).validate(both, 4).size(), 1U);
  EXPECT_TRUE(JsonSchemaValidator(json::object()).validate(both, 4.5).empty());
}

TEST(JsonSchema, ArrayItemsArePointedAtByIndex) {
  const json schema = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Thing"}}}};
  const auto errors = JsonSchemaValidator(kDocument).validate(
      schema, json::array({{{"id", 1}, {"kind", "a"}}, {{"id", 2}}}));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/1");
}

TEST(JsonSchema, AdditionalPropertiesSchemaChecksEveryValue) {
  const json schema = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  const auto errors =
      JsonSchemaValidator(json::object()).validate(schema, {{"a", 1}, {"b/c", "x"}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/b~1c");
  const json closed = {
      {"type", "object"}, {"properties", json::object()}, {"additionalProperties", false}};
  EXPECT_EQ(JsonSchemaValidator(json::object()).validate(closed, {{"a", 1}}).size(), 1U);
}

TEST(JsonSchema, ClosedObjectsRefuseUndocumentedProperties) {
  EXPECT_TRUE(validateThing({{"id", 3}, {"kind", "a"}, {"extra", 1}}).empty());
  const auto errors = validateThing({{"id", 3}, {"kind", "a"}, {"extra", 1}}, true);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pointer, "/extra");
}

TEST(JsonSchema, UnknownKeywordsAndReferencesAreErrorsNotSilence) {
  const json schema = {{"type", "string"}, {"pattern", "^a"}};
  EXPECT_EQ(JsonSchemaValidator(json::object()).validate(schema, "b").size(), 1U);
  const json dangling = {{"$ref", "#/components/schemas/Nothing"}};
  EXPECT_EQ(JsonSchemaValidator(kDocument).validate(dangling, 1).size(), 1U);
}

TEST(JsonSchema, MinLengthCountsCharactersNotBytes) {
  const json schema = {{"type", "string"}, {"maxLength", 2}};
  EXPECT_TRUE(JsonSchemaValidator(json::object()).validate(schema, "隐患").empty());
}

TEST(OpenApiContractCheck, LiteralSegmentsWinOverParameters) {
  const OpenApiContract contract(kDocument);
  EXPECT_EQ(contract.operationPath("GET", "/api/v1/things/counts?x=1"), "/api/v1/things/counts");
  EXPECT_EQ(contract.operationPath("GET", "/api/v1/things/7"), "/api/v1/things/{id}");
  EXPECT_EQ(contract.operationPath("POST", "/api/v1/things/7"), std::nullopt);
  EXPECT_EQ(contract.operationPath("GET", "/api/v1/things/"), std::nullopt);
}

TEST(OpenApiContractCheck, ValidatesTheBodyOfTheDocumentedStatus) {
  const OpenApiContract contract(kDocument);
  EXPECT_TRUE(
      contract.check("GET", "/api/v1/things/7", 200, "application/json", R"({"id":7,"kind":"a"})")
          .empty());
  const auto wrong = contract.check("GET", "/api/v1/things/7", 200,
                                    "application/json; charset=utf-8", R"({"id":7,"kind":"z"})");
  ASSERT_EQ(wrong.size(), 1U);
  EXPECT_EQ(wrong[0].operation, "GET /api/v1/things/{id} -> 200");
  EXPECT_EQ(wrong[0].pointer, "/kind");
  // Closed: a field the document does not name is a drift.
  EXPECT_EQ(contract
                .check("GET", "/api/v1/things/7", 200, "application/json",
                       R"({"id":7,"kind":"a","secret":1})")
                .size(),
            1U);
}

TEST(OpenApiContractCheck, AnUndocumentedStatusFails) {
  const OpenApiContract contract(kDocument);
  const auto v = contract.check("GET", "/api/v1/things/7", 409, "application/problem+json", "{}");
  ASSERT_EQ(v.size(), 1U);
  EXPECT_NE(v[0].reason.find("409"), std::string::npos);
  // A range key covers its class.
  EXPECT_TRUE(
      contract.check("GET", "/api/v1/things", 422, "application/problem+json", R"({"status":422})")
          .empty());
}

TEST(OpenApiContractCheck, AnUndocumentedJsonContentTypeOrABadBodyFails) {
  const OpenApiContract contract(kDocument);
  EXPECT_EQ(contract.check("GET", "/api/v1/things/7", 404, "application/json", "{}").size(), 1U);
  EXPECT_EQ(contract.check("GET", "/api/v1/things/7", 200, "application/json", "{not json").size(),
            1U);
  // Non-JSON answers carry no schema to check.
  EXPECT_TRUE(
      contract.check("GET", "/api/v1/things/7/photo", 200, "image/jpeg", "\xff\xd8").empty());
  // An empty answer where none is documented, whatever its Content-Type.
  EXPECT_TRUE(contract.check("POST", "/api/v1/things/7/read", 204, "application/json", "").empty());
  EXPECT_EQ(contract.check("POST", "/api/v1/things/7/read", 204, "application/json", "{}").size(),
            1U);
  // Undocumented routes are the route-list test's business.
  EXPECT_TRUE(contract.check("GET", "/nowhere", 200, "application/json", "[]").empty());
}

}  // namespace
}  // namespace citysafe::testing
