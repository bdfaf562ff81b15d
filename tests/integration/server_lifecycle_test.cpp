// Stopping the server while connections arrive: the acceptor's re-armed accept must never race
// its close on another thread (caught by the asan preset as a crash inside epoll_reactor).
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>

#include "test_server.hpp"

namespace citysafe::testing {
namespace {

TEST(ServerLifecycle, StopsCleanlyWhileConnectionsArrive) {
  TestPlatform platform;
  for (int round = 0; round < 20; ++round) {
    std::optional<http::HttpServer> server(std::in_place, *platform.app, platform.bus, 4);
    auto port = server->start("127.0.0.1", 0);
    ASSERT_TRUE(port);
    std::atomic<bool> go{true};
    std::thread clients([&] {
      while (go) {
        try {
          (void)httpRequest(*port, "GET", "/healthz");
        } catch (const std::exception&) {
          // refused once the server is gone: expected
        }
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + round));
    server->stop();
    go = false;
    server.reset();  // closes what it accepted but never served, releasing a waiting client
    clients.join();
  }
}

}  // namespace
}  // namespace citysafe::testing
