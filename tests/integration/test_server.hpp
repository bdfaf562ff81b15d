#pragma once
// The real server on port 0 over a temp SQLite file, with the demo district, a fake clock and a
// cheap argon2 setting. One per test fixture.
#include <filesystem>
#include <memory>
#include <string>

#include "../support/memory_checkpoint_log.hpp"
#include "argon2_password_hasher.hpp"
#include "citysafe/http/application.hpp"
#include "citysafe/http/server.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "http_client.hpp"

namespace citysafe::testing {

class TestPlatform {
 public:
  // `trusted_proxies`: addresses whose X-Forwarded-For the server believes.
  explicit TestPlatform(std::vector<std::string> trusted_proxies = {});
  ~TestPlatform();
  [[nodiscard]] unsigned short port() const { return port_; }
  // Logs a demo user in and returns "cs_session=<token>" for a Cookie header.
  [[nodiscard]] std::string loginCookie(const std::string& username);
  // Same, as an Authorization header value.
  [[nodiscard]] std::string loginBearer(const std::string& username);
  [[nodiscard]] std::int64_t orgIdByName(const std::string& name);
  [[nodiscard]] std::int64_t userIdByName(const std::string& username);
  HttpReply get(const std::string& target, const std::string& cookie);
  HttpReply send(const std::string& method, const std::string& target, const std::string& body,
                 const std::string& cookie);
  // What `audit verify` finds, one problem a line; "" when the log vouches for every row, as it
  // must after anything done through the platform.
  [[nodiscard]] std::string auditProblems();

  FakeClock clock{fromEpochMs(1795000000000)};  // 2026-11-18
  events::EventBus bus;
  testing::MemoryCheckpointLog checkpoints;
  crypto::Argon2PasswordHasher hasher{1024, 1};
  std::filesystem::path dir;
  std::unique_ptr<sql::SqlStore> store;
  std::unique_ptr<ServiceContext> ctx;
  std::unique_ptr<http::Application> app;
  std::unique_ptr<http::HttpServer> server;

 private:
  unsigned short port_ = 0;
};

}  // namespace citysafe::testing
