#include "citysafe/common/time_format.hpp"

#include <gtest/gtest.h>

namespace citysafe {
namespace {

TEST(TimeFormat, WritesShanghaiTimeWithOffset) {
  const auto t = parseIso8601("2026-10-01T00:00:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(formatIso8601(*t), "2026-10-01T08:00:00+08:00");
  EXPECT_EQ(formatIso8601(*t, 0), "2026-10-01T00:00:00+00:00");
}

TEST(TimeFormat, KeepsMillisecondsWhenPresent) {
  const auto t = parseIso8601("2026-11-22T20:30:00.125+08:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(formatIso8601(*t), "2026-11-22T20:30:00.125+08:00");
}

TEST(TimeFormat, ParsesOffsetsToTheSameInstant) {
  EXPECT_EQ(parseIso8601("2026-11-22T12:00:00Z"), parseIso8601("2026-11-22T20:00:00+08:00"));
  EXPECT_EQ(parseIso8601("2026-11-22T12:00:00Z"), parseIso8601("2026-11-22T07:00:00-05:00"));
}

TEST(TimeFormat, RejectsMalformedText) {
  for (const char* bad :
       {"", "2026-11-22", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-22T25:00:00Z",
        "2026-11-22T10:00:00", "2026-11-22T10:00:00+0800", "2026-11-22T10:00:00Zjunk"}) {
    EXPECT_FALSE(parseIso8601(bad)) << bad;
  }
}

}  // namespace
}  // namespace citysafe
