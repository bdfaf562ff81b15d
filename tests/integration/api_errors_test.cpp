#include <gtest/gtest.h>

#include "test_server.hpp"

namespace citysafe::testing {
namespace {

class ApiErrors : public ::testing::Test {
 protected:
  void SetUp() override { admin_ = platform_.loginCookie("admin"); }
  // Expects a problem+json answer with this status naming this field.
  void expectProblem(const HttpReply& reply, int status, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.headers.at("content-type"), "application/problem+json");
    const auto body = reply.json();
    ASSERT_TRUE(body.is_object()) << reply.body;
    EXPECT_EQ(body.value("status", 0), status);
    EXPECT_FALSE(body.value("detail", "").empty());
    if (!field.empty()) {
      EXPECT_EQ(body.value("field", ""), field) << reply.body;
    }
  }
  std::int64_t streetId() { return platform_.orgIdByName("和平街道"); }
  std::string enterprise(const std::string& extra) {
    return R"({"name":"新企业","kind":"enterprise","parent_id":)" + std::to_string(streetId()) +
           R"(,"sectors":["gas"])" + extra + "}";
  }

  TestPlatform platform_;
  std::string admin_;
};

TEST_F(ApiErrors, MalformedJsonIsA400NamingTheBody) {
  expectProblem(platform_.send("POST", "/api/v1/orgs", "{\"name\": ", admin_), 400, "body");
}

TEST_F(ApiErrors, ABodyThatIsNotAnObjectIsRefused) {
  expectProblem(platform_.send("POST", "/api/v1/orgs", "[1,2]", admin_), 400, "body");
}

TEST_F(ApiErrors, AnUnknownFieldIsNamed) {
  expectProblem(platform_.send("POST", "/api/v1/orgs",
                               R"({"name":"x","kind":"street","colour":"red"})", admin_),
                400, "colour");
}

TEST_F(ApiErrors, AMissingFieldIsNamed) {
  expectProblem(platform_.send("POST", "/api/v1/orgs", R"({"kind":"street"})", admin_), 400,
                "name");
}

TEST_F(ApiErrors, AWrongTypeIsNamed) {
  expectProblem(platform_.send("POST", "/api/v1/orgs", R"({"name":7,"kind":"street"})", admin_),
                400, "name");
  expectProblem(platform_.send("POST", "/api/v1/orgs",
                               R"({"name":"x","kind":"street","parent_id":"2"})", admin_),
                400, "parent_id");
}

TEST_F(ApiErrors, AnOutOfRangeValueIsNamed) {
  expectProblem(
      platform_.send(
          "POST", "/api/v1/orgs",
          enterprise(R"(,"credit_code":"91350100M000100Y43","location":{"lon":200,"lat":30})"),
          admin_),
      400, "location.lon");
  expectProblem(platform_.get("/api/v1/orgs?limit=0", admin_), 400, "limit");
  expectProblem(platform_.get("/api/v1/orgs?limit=501", admin_), 400, "limit");
}

TEST_F(ApiErrors, AnUnknownEnumValueIsNamed) {
  expectProblem(platform_.send("POST", "/api/v1/orgs", R"({"name":"x","kind":"province"})", admin_),
                400, "kind");
  const std::string body = R"({"name":"x","kind":"department","parent_id":)" +
                           std::to_string(platform_.orgIdByName("安澜区")) +
                           R"(,"sectors":["gas","space"]})";
  expectProblem(platform_.send("POST", "/api/v1/orgs", body, admin_), 400, "sectors[1]");
}

TEST_F(ApiErrors, ABadCreditCodeSaysWhy) {
  const auto reply = platform_.send("POST", "/api/v1/orgs",
                                    enterprise(R"(,"credit_code":"91350100M000100Y44")"), admin_);
  expectProblem(reply, 400, "credit_code");
  EXPECT_NE(reply.json().value("detail", "").find("expected '3'"), std::string::npos) << reply.body;
}

TEST_F(ApiErrors, BadIdsAreNamed) {
  expectProblem(platform_.get("/api/v1/orgs/abc", admin_), 400, "id");
  expectProblem(platform_.get("/api/v1/orgs/-4", admin_), 400, "id");
  expectProblem(platform_.get("/api/v1/orgs/999999", admin_), 404, "id");
  expectProblem(platform_.get("/api/v1/orgs?cursor=xyz", admin_), 400, "cursor");
}

TEST_F(ApiErrors, ABodyOverTheLimitIsA413) {
  const std::string huge = R"({"name":")" + std::string(100 * 1024, 'x') + R"(","kind":"street"})";
  const auto reply = platform_.send("POST", "/api/v1/orgs", huge, admin_);
  EXPECT_EQ(reply.status, 413) << reply.body.substr(0, 200);
}

TEST_F(ApiErrors, NothingIsHalfWrittenWhenARequestFails) {
  const auto before = platform_.get("/api/v1/audit?limit=500", admin_).json()["items"].size();
  ASSERT_EQ(platform_
                .send("POST", "/api/v1/orgs", enterprise(R"(,"credit_code":"91350100M000100Y44")"),
                      admin_)
                .status,
            400);
  const auto after = platform_.get("/api/v1/audit?limit=500", admin_).json()["items"].size();
  EXPECT_EQ(before, after);
}

TEST_F(ApiErrors, UnknownPathsAndMethodsAreProblems) {
  expectProblem(platform_.get("/api/v1/nothing", admin_), 404, "");
  expectProblem(platform_.send("DELETE", "/api/v1/orgs", "", admin_), 405, "");
}

TEST_F(ApiErrors, HeadAnswersWithHeadersButNoBody) {
  const auto get = platform_.get("/api/v1/sectors", "");
  const auto head = platform_.send("HEAD", "/api/v1/sectors", "", "");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty()) << head.body.substr(0, 100);
  EXPECT_EQ(head.headers.at("content-length"), std::to_string(get.body.size()));
}

TEST_F(ApiErrors, UnknownMethodsDoNotGrowTheMetrics) {
  for (const char* method : {"FOO1", "FOO2", "FOO3"})
    platform_.send(method, "/api/v1/orgs", "", admin_);
  const auto metrics = platform_.get("/metrics", "").body;
  EXPECT_EQ(metrics.find("FOO"), std::string::npos);
  EXPECT_NE(metrics.find("method=\"OTHER\""), std::string::npos);
}

TEST_F(ApiErrors, AGoodRequestCreatesAndIsAudited) {
  const auto reply = platform_.send(
      "POST", "/api/v1/orgs",
      enterprise(R"(,"credit_code":"91350100M000100Y43","location":{"lon":120.15,"lat":30.31})"),
      admin_);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto id = reply.json()["id"].get<std::int64_t>();
  const auto history =
      platform_.get("/api/v1/audit?entity=org&entity_id=" + std::to_string(id), admin_).json();
  ASSERT_EQ(history["items"].size(), 1U);
  EXPECT_EQ(history["items"][0]["action"], "create");
  EXPECT_EQ(history["items"][0]["actor"], "admin");
  EXPECT_EQ(history["items"][0]["after"]["credit_code"], "91350100M000100Y43");
  EXPECT_TRUE(history["items"][0]["at"].get<std::string>().ends_with("+08:00"));
}

}  // namespace
}  // namespace citysafe::testing
