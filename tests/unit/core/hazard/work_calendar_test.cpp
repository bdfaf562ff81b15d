#include "citysafe/core/hazard/work_calendar.hpp"

#include <gtest/gtest.h>

#include "citysafe/common/time_format.hpp"

namespace citysafe::hazard {
namespace {

Day day(const char* text) { return *parseDay(text); }

TEST(WorkCalendar, KnowsTheNationalDayWeekOf2026AndItsMakeUpWorkdays) {
  const auto china = WorkCalendar::china();
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"}) {
    EXPECT_FALSE(china.isWorkday(day(d))) << d;
  }
  EXPECT_TRUE(china.isWorkday(day("2026-09-20"))) << "Sunday made a workday";
  EXPECT_TRUE(china.isWorkday(day("2026-10-10"))) << "Saturday made a workday";
  EXPECT_FALSE(china.isWorkday(day("2026-10-11"))) << "an ordinary Sunday";
  EXPECT_FALSE(china.isWorkday(day("2026-09-25"))) << "Mid-Autumn Festival, a Friday";
  EXPECT_TRUE(china.isWorkday(day("2026-10-08")));
}

TEST(WorkCalendar, KnowsTheSpringFestivalOf2025) {
  const auto china = WorkCalendar::china();
  EXPECT_FALSE(china.isWorkday(day("2025-01-28")));
  EXPECT_FALSE(china.isWorkday(day("2025-02-04")));
  EXPECT_TRUE(china.isWorkday(day("2025-01-26")));
  EXPECT_TRUE(china.isWorkday(day("2025-02-08")));
}

TEST(WorkCalendar, CountsWorkingDaysAcrossTheNationalDayWeek) {
  const auto china = WorkCalendar::china();
  // From Friday 2026-09-25 (a holiday itself): 28 Mon, 29, 30 are workdays 1-3; 1-7 October are
  // off; Thursday 8 and Friday 9 are 4 and 5; Saturday 10 is a make-up workday, 6.
  EXPECT_EQ(china.addWorkingDays(day("2026-09-25"), 3), day("2026-09-30"));
  EXPECT_EQ(china.addWorkingDays(day("2026-09-25"), 5), day("2026-10-09"));
  EXPECT_EQ(china.addWorkingDays(day("2026-09-25"), 6), day("2026-10-10"));
  EXPECT_EQ(china.addWorkingDays(day("2026-09-25"), 7), day("2026-10-12"));
  EXPECT_EQ(china.workingDaysBetween(day("2026-09-25"), day("2026-10-12")), 7);
  EXPECT_EQ(china.workingDaysBetween(day("2026-10-12"), day("2026-09-25")), -7);
  // The make-up Sunday before the holiday counts too.
  EXPECT_EQ(china.addWorkingDays(day("2026-09-18"), 1), day("2026-09-20"));
}

TEST(WorkCalendar, AYearNotLoadedFallsBackToWeekends) {
  const auto china = WorkCalendar::china();
  EXPECT_FALSE(china.hasYear(2027));
  EXPECT_TRUE(china.isWorkday(day("2027-10-01")));  // a Friday; nobody has said otherwise yet
  EXPECT_FALSE(china.isWorkday(day("2027-10-02")));
}

TEST(WorkCalendar, AnAdministratorLoadsAYearAndMayReplaceIt) {
  auto cal = WorkCalendar::china();
  ASSERT_TRUE(
      cal.setYear(2027, {{day("2027-10-01"), false, "国庆节"}, {day("2027-09-26"), true, "调休"}}));
  EXPECT_FALSE(cal.isWorkday(day("2027-10-01")));
  EXPECT_TRUE(cal.isWorkday(day("2027-09-26")));
  ASSERT_TRUE(cal.setYear(2027, {}));
  EXPECT_TRUE(cal.isWorkday(day("2027-10-01")));
  EXPECT_FALSE(cal.isWorkday(day("2027-09-26")));
}

TEST(WorkCalendar, RefusesDaysOutsideTheYearAndRepeatedDays) {
  WorkCalendar cal;
  auto outside = cal.setYear(2027, {{day("2026-12-31"), false, "x"}});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().field, "days");
  auto twice = cal.setYear(2027, {{day("2027-01-01"), false, "a"}, {day("2027-01-01"), true, "b"}});
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("more than once"), std::string::npos);
}

TEST(WorkCalendar, BeijingDaysEndAtMidnightPlusEight) {
  const auto t = *parseIso8601("2026-10-08T23:30:00+08:00");
  EXPECT_EQ(localDay(t), day("2026-10-08"));
  EXPECT_EQ(formatIso8601(endOfLocalDay(day("2026-10-08"))), "2026-10-08T23:59:59.999+08:00");
  EXPECT_EQ(localDay(*parseIso8601("2026-10-07T16:30:00Z")), day("2026-10-08"));
  EXPECT_FALSE(parseDay("2026-02-30"));
  EXPECT_FALSE(parseDay("2026-2-3"));
}

}  // namespace
}  // namespace citysafe::hazard
