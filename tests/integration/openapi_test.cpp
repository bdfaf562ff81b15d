#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../support/json_schema.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

TEST(OpenApi, TheDocumentListsExactlyTheServersRoutes) {
  TestPlatform platform;
  const auto reply = httpRequest(platform.port(), "GET", "/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  const auto doc = reply.json();
  ASSERT_TRUE(doc.is_object()) << "the document is not JSON";
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");

  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path);
      EXPECT_TRUE(op.contains("summary")) << upper << " " << path;
      EXPECT_TRUE(op.contains("responses")) << upper << " " << path;
    }
  }
  std::set<std::string> served;
  for (const auto& route : platform.app->router().routes())
    served.insert(route.method + " " + route.pattern);
  EXPECT_EQ(documented, served);
}

TEST(OpenApi, EveryReferencedSchemaExists) {
  TestPlatform platform;
  const auto doc = httpRequest(platform.port(), "GET", "/api/v1/openapi.json").json();
  const std::string text = doc.dump();
  const std::string prefix = "#/components/";
  for (auto pos = text.find(prefix); pos != std::string::npos; pos = text.find(prefix, pos + 1)) {
    const auto end = text.find('"', pos);
    const std::string ref = text.substr(pos + prefix.size(), end - pos - prefix.size());
    const auto slash = ref.find('/');
    EXPECT_TRUE(doc["components"][ref.substr(0, slash)].contains(ref.substr(slash + 1))) << ref;
  }
}

// Every answer that carries JSON has a schema the contract check can hold the server to: no
// success without content (except 101/204), no JSON content without a schema, no bare object.
TEST(OpenApi, EverySuccessDocumentsItsBody) {
  TestPlatform platform;
  const auto doc = httpRequest(platform.port(), "GET", "/api/v1/openapi.json").json();
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      for (const auto& [code, response] : op["responses"].items()) {
        if (code[0] != '2' || code == "204") continue;
        const auto where = method + " " + path + " " + code;
        ASSERT_TRUE(response.contains("content")) << where << " documents no body";
        for (const auto& [type, media] : response["content"].items()) {
          if (type.find("json") == std::string::npos) continue;
          ASSERT_TRUE(media.contains("schema")) << where << " " << type;
          // A shape of its own, or alternatives (oneOf) that each have one.
          const auto shaped = [](const nlohmann::json& s) {
            return s.contains("$ref") || s.contains("properties") || s.contains("items") ||
                   s.contains("additionalProperties");
          };
          const auto& schema = media["schema"];
          const bool alternatives_shaped =
              schema.contains("oneOf") &&
              std::all_of(schema["oneOf"].begin(), schema["oneOf"].end(), shaped);
          EXPECT_TRUE(shaped(schema) || alternatives_shaped)
              << where << " " << type << " has no shape: " << schema.dump();
        }
      }
    }
  }
}

// The validator refuses keywords it does not know; validating null against every schema of the
// document visits each one's top level and proves the document uses only what it understands.
TEST(OpenApi, TheValidatorUnderstandsEverySchemaInTheDocument) {
  TestPlatform platform;
  const auto doc = httpRequest(platform.port(), "GET", "/api/v1/openapi.json").json();
  const JsonSchemaValidator validator(doc);
  std::vector<nlohmann::json> pending;
  for (const auto& [name, schema] : doc["components"]["schemas"].items()) pending.push_back(schema);
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      for (const auto& [code, response] : op["responses"].items()) {
        const auto content = response.value("content", nlohmann::json::object());
        for (const auto& [type, media] : content.items()) {
          if (media.contains("schema")) pending.push_back(media["schema"]);
        }
      }
    }
  }
  while (!pending.empty()) {
    const auto schema = pending.back();
    pending.pop_back();
    for (const auto& error : validator.validate(schema, nullptr)) {
      EXPECT_EQ(error.reason.find("unsupported"), std::string::npos) << error.reason;
    }
    if (!schema.is_object()) continue;
    const auto properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [_, sub] : properties.items()) {
      pending.push_back(sub);
    }
    if (schema.contains("items")) pending.push_back(schema["items"]);
    if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object()) {
      pending.push_back(schema["additionalProperties"]);
    }
    for (const char* many : {"oneOf", "anyOf", "allOf"}) {
      const auto options = schema.value(many, nlohmann::json::array());
      for (const auto& sub : options) pending.push_back(sub);
    }
  }
}

}  // namespace
}  // namespace citysafe::testing
