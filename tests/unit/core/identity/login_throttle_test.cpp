#include "citysafe/core/identity/login_throttle.hpp"

#include <gtest/gtest.h>

namespace citysafe::identity {
namespace {

using namespace std::chrono_literals;
const TimePoint t0 = fromEpochMs(1795000000000);

TEST(LoginThrottle, FailuresPastTheAllowanceDoubleTheWait) {
  LoginThrottle throttle;
  for (int i = 0; i < 5; ++i) throttle.recordFailure("admin", "203.0.113.1", t0);
  EXPECT_FALSE(throttle.blockedUntil("admin", "203.0.113.1", t0));
  throttle.recordFailure("admin", "203.0.113.1", t0);
  EXPECT_EQ(throttle.blockedUntil("admin", "203.0.113.1", t0), t0 + 1s);
  throttle.recordFailure("admin", "203.0.113.1", t0 + 1s);
  EXPECT_EQ(throttle.blockedUntil("admin", "203.0.113.1", t0 + 1s), t0 + 3s);
  for (int i = 0; i < 40; ++i) throttle.recordFailure("admin", "203.0.113.1", t0 + 2s);
  EXPECT_EQ(throttle.blockedUntil("admin", "203.0.113.1", t0 + 2s), t0 + 2s + 15min)
      << "the wait stops growing at its ceiling";
}

TEST(LoginThrottle, AnotherAddressIsNotSlowedByTheAttacker) {
  LoginThrottle throttle;
  for (int i = 0; i < 50; ++i) throttle.recordFailure("admin", "203.0.113.1", t0);
  EXPECT_TRUE(throttle.blockedUntil("admin", "203.0.113.1", t0));
  EXPECT_TRUE(throttle.blockedUntil("someone-else", "203.0.113.1", t0))
      << "the address as a whole is over its allowance";
  EXPECT_FALSE(throttle.blockedUntil("admin", "198.51.100.2", t0));
}

TEST(LoginThrottle, NamesCountAlikeInAnyCaseAndQuietKeysAreForgotten) {
  LoginThrottle throttle;
  for (int i = 0; i < 6; ++i) throttle.recordFailure(i % 2 ? "Admin" : "admin", "192.0.2.1", t0);
  EXPECT_TRUE(throttle.blockedUntil("ADMIN", "192.0.2.1", t0));
  throttle.recordFailure("admin", "192.0.2.1", t0 + 2h);
  EXPECT_FALSE(throttle.blockedUntil("admin", "192.0.2.1", t0 + 2h)) << "counting started again";
  throttle.recordSuccess("admin", "192.0.2.1");
  EXPECT_TRUE(throttle.recent(t0 + 2h).size() == 1) << "only the address row is left";
}

TEST(LoginThrottle, MemoryStaysBoundedUnderASprayOfAddresses) {
  LoginThrottle throttle({.max_keys = 1000});
  for (int i = 0; i < 20000; ++i) {
    throttle.recordFailure("admin",
                           "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256),
                           t0 + std::chrono::milliseconds(i));
  }
  EXPECT_LE(throttle.recent(t0 + 30s).size(), 1002u);
}

}  // namespace
}  // namespace citysafe::identity
