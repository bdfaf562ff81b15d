#include <gtest/gtest.h>

#include <set>

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

}  // namespace
}  // namespace citysafe::testing
