// The attacks of issue 11 against the real binary (`citysafe serve --demo`), as an attacker on
// the network would send them: afterwards the server is alive and answers.
#include <gtest/gtest.h>

#include "../support/child_process.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/core/demo/demo_district.hpp"
#include "http_client.hpp"

namespace citysafe::testing {
namespace {

using namespace std::chrono_literals;

class HostileRequests : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("citysafe-hostile-" + randomHexToken(6));
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(server_.start(
        {CITYSAFE_BINARY, "serve", "--demo", "--db", "sqlite:" + (dir_ / "cs.db").string(),
         "--port", "0", "--web", (dir_ / "no-ui").string()},
        dir_ / "serve.log"));
    ASSERT_TRUE(server_.awaitLog("listening on http://127.0.0.1:", 60s)) << server_.log();
    const auto log = server_.log();
    const auto at = log.find("127.0.0.1:") + 10;
    port_ = static_cast<unsigned short>(std::stoi(log.substr(at, log.find('/', at) - at)));
  }
  void TearDown() override {
    // SIGTERM stops the server gracefully: no thread (the worker pools start early) may be left
    // with the signal unblocked, or it kills the process before it finishes.
    server_.kill(SIGTERM);
    EXPECT_TRUE(server_.exitedCleanly()) << server_.log();
    std::filesystem::remove_all(dir_);
  }
  void expectAlive() {
    EXPECT_TRUE(server_.running()) << server_.log();
    EXPECT_EQ(httpRequest(port_, "GET", "/healthz").status, 200);
  }
  std::filesystem::path dir_;
  ChildProcess server_;
  unsigned short port_ = 0;
};

// 200,000 arrays deep in 400 KB: the copy of the parsed value overflowed the stack and killed
// the server (SIGSEGV), for anyone, without a login.
std::string deepLocation(const std::string& head) {
  return head + R"("location":)" + std::string(200000, '[') + std::string(200000, ']') + "}";
}

TEST_F(HostileRequests, ADeeplyNestedPublicTipGets400AndTheServerLives) {
  const auto reply = httpRequest(port_, "POST", "/api/v1/public/tips",
                                 deepLocation(R"({"description":"路口井盖缺失，很危险",)"));
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.json()["field"], "body");
  expectAlive();
}

TEST_F(HostileRequests, ADeeplyNestedHazardFromAUserGets400AndTheServerLives) {
  const auto login = httpRequest(
      port_, "POST", "/api/v1/auth/login",
      nlohmann::json{{"username", "street"}, {"password", demo::demoPassword("street")}}.dump());
  ASSERT_EQ(login.status, 200) << login.body;
  const auto cookie =
      login.headers.at("set-cookie").substr(0, login.headers.at("set-cookie").find(';'));
  const auto reply = httpRequest(
      port_, "POST", "/api/v1/hazards",
      deepLocation(R"({"description":"测试","source":"grid_inspection","grade":"general",)"),
      {{"Cookie", cookie}});
  EXPECT_EQ(reply.status, 400) << reply.body;
  expectAlive();
}

TEST_F(HostileRequests, AnOversizedBodyGets413AndMalformedFraming400) {
  const std::string huge(2 << 20, ' ');
  EXPECT_EQ(httpRequest(port_, "POST", "/api/v1/public/tips", huge).status, 413);
  RawConnection smuggled(port_);
  ASSERT_TRUE(
      smuggled.send("POST /api/v1/public/tips HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
  EXPECT_EQ(RawConnection::status(smuggled.read(3000)), 400);
  expectAlive();
}

}  // namespace
}  // namespace citysafe::testing
