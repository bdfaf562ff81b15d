// The transport's bounded pieces: a worker pool that refuses past its queue, and the connection
// caps. Threaded, so the tsan preset runs them too.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <thread>

#include "citysafe/http/connection_limiter.hpp"
#include "citysafe/http/worker_pool.hpp"

namespace citysafe::http {
namespace {

TEST(WorkerPool, RunsJobsAndRefusesPastItsQueue) {
  WorkerPool pool("test", 1, 2);
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::latch started(1);
  std::atomic<int> ran{0};
  ASSERT_TRUE(pool.trySubmit([&] {
    started.count_down();
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
    ++ran;
  }));
  started.wait();  // the one thread is busy; the queue holds two more
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  EXPECT_FALSE(pool.trySubmit([&] { ++ran; })) << "a full queue refuses at once";
  EXPECT_EQ(pool.queued(), 2u);
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  while (ran < 3) std::this_thread::yield();
  EXPECT_TRUE(pool.trySubmit([&] { ++ran; }));
  pool.stop();
  EXPECT_FALSE(pool.trySubmit([&] { ++ran; })) << "a stopped pool takes nothing";
}

TEST(WorkerPool, ManyThreadsSubmittingAtOnceRunEachAcceptedJobOnce) {
  std::atomic<int> ran{0};
  std::atomic<int> accepted{0};
  {
    WorkerPool pool("test", 3, 10000);
    std::vector<std::thread> submitters;
    for (int t = 0; t < 4; ++t) {
      submitters.emplace_back([&] {
        for (int i = 0; i < 1000; ++i) accepted += pool.trySubmit([&] { ++ran; }) ? 1 : 0;
      });
    }
    for (auto& t : submitters) t.join();
    while (ran < accepted) std::this_thread::yield();
  }
  EXPECT_EQ(ran.load(), 4000);
}

TEST(ConnectionLimiter, CapsEachAddressAndTheTotalAndExemptsProxies) {
  ConnectionLimiter limiter(5, 2, {"10.0.0.1"});
  EXPECT_TRUE(limiter.tryOpen("a"));
  EXPECT_TRUE(limiter.tryOpen("a"));
  EXPECT_FALSE(limiter.tryOpen("a"));
  EXPECT_TRUE(limiter.tryOpen("10.0.0.1"));
  EXPECT_TRUE(limiter.tryOpen("10.0.0.1"));
  EXPECT_TRUE(limiter.tryOpen("10.0.0.1")) << "our proxy carries many clients";
  EXPECT_FALSE(limiter.tryOpen("b")) << "the total is reached";
  limiter.close("a");
  EXPECT_TRUE(limiter.tryOpen("b"));
  EXPECT_EQ(limiter.open(), 5u);
  EXPECT_EQ(limiter.refused(), 2u);
}

TEST(ConnectionLimiter, CountsStayExactUnderConcurrentOpensAndCloses) {
  ConnectionLimiter limiter(1000, 1000);
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      const std::string address = "192.0.2." + std::to_string(t);
      for (int i = 0; i < 5000; ++i) {
        if (limiter.tryOpen(address)) limiter.close(address);
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(limiter.open(), 0u);
}

}  // namespace
}  // namespace citysafe::http
