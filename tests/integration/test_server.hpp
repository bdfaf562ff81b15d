#pragma once
// The real server on port 0 over a temp SQLite file, with the demo district, a fake clock and a
// cheap argon2 setting. One per test fixture.
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "../support/memory_checkpoint_log.hpp"
#include "argon2_password_hasher.hpp"
#include "citysafe/http/application.hpp"
#include "citysafe/http/server.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "http_client.hpp"

namespace citysafe::testing {

// The real hasher, with a gate a test can close: hashing then waits until it opens, as a slow
// hash would, without using the CPU or depending on timings.
class GatedPasswordHasher : public identity::PasswordHasher {
 public:
  explicit GatedPasswordHasher(const identity::PasswordHasher& inner) : inner_(inner) {}
  [[nodiscard]] std::string hash(const std::string& password) const override {
    wait();
    return inner_.hash(password);
  }
  [[nodiscard]] bool verify(const std::string& encoded,
                            const std::string& password) const override {
    wait();
    return inner_.verify(encoded, password);
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  void open() {
    {
      std::lock_guard lock(mutex_);
      closed_ = false;
    }
    opened_.notify_all();
  }
  // How many hashes are waiting at the gate now.
  [[nodiscard]] int waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
  }

 private:
  void wait() const {
    std::unique_lock lock(mutex_);
    ++waiting_;
    opened_.wait(lock, [this] { return !closed_; });
    --waiting_;
  }
  const identity::PasswordHasher& inner_;
  mutable std::mutex mutex_;
  mutable std::condition_variable opened_;
  mutable int waiting_ = 0;
  bool closed_ = false;
};

class TestPlatform {
 public:
  // `trusted_proxies`: addresses whose X-Forwarded-For the server believes.
  explicit TestPlatform(std::vector<std::string> trusted_proxies = {});
  // With the application's configuration adjusted first (limits, origins, metrics access).
  explicit TestPlatform(const std::function<void(http::AppConfig&)>& configure);
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
  GatedPasswordHasher gate{hasher};  // what the application hashes with
  std::filesystem::path dir;
  std::unique_ptr<sql::SqlStore> store;
  std::unique_ptr<ServiceContext> ctx;
  std::unique_ptr<Services> services;  // built as `serve` builds them (app::buildServices)
  std::unique_ptr<http::Application> app;
  std::unique_ptr<http::HttpServer> server;

 private:
  unsigned short port_ = 0;
};

}  // namespace citysafe::testing
