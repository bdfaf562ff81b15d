#include "citysafe/core/hazard/hazard_stats.hpp"

#include <gtest/gtest.h>

namespace citysafe::hazard {
namespace {

const TimePoint kNow = fromEpochMs(1795000000000);

Hazard made(State state, Grade grade, Source source, int found_days_ago) {
  Hazard h;
  h.state = state;
  h.grade = grade;
  h.source = source;
  h.found_at = kNow - std::chrono::days(found_days_ago);
  return h;
}

TEST(HazardStatistics, CountsClosureOnTimeOverdueAndDaysToClose) {
  std::vector<Hazard> hs;
  auto closed_on_time = made(State::Closed, Grade::General, Source::GridInspection, 20);
  closed_on_time.closed_at = closed_on_time.found_at + std::chrono::days(4);
  closed_on_time.closed_on_time = true;
  auto closed_late = made(State::Closed, Grade::Major, Source::PublicTip, 40);
  closed_late.closed_at = closed_late.found_at + std::chrono::days(10);
  closed_late.closed_on_time = false;
  auto overdue = made(State::Rectifying, Grade::General, Source::PublicTip, 30);
  overdue.deadline_at = kNow - std::chrono::days(2);
  auto in_time = made(State::Assigned, Grade::General, Source::GridInspection, 3);
  in_time.deadline_at = kNow + std::chrono::days(2);
  auto submitted_late = made(State::Submitted, Grade::General, Source::GridInspection, 30);
  submitted_late.deadline_at =
      kNow - std::chrono::days(1);  // waiting for verification: not overdue
  auto rejected = made(State::Rejected, Grade::General, Source::PublicTip, 5);
  hs = {closed_on_time, closed_late, overdue, in_time, submitted_late, rejected};

  const auto s = computeStatistics(hs, kNow);
  EXPECT_EQ(s.total.found, 5) << "a rejected report is not a hazard";
  EXPECT_EQ(s.total.closed, 2);
  EXPECT_EQ(s.total.open, 3);
  EXPECT_EQ(s.total.overdue_now, 1);
  EXPECT_DOUBLE_EQ(s.total.closureRate(), 0.4);
  EXPECT_DOUBLE_EQ(s.total.onTimeRate(), 0.5);
  EXPECT_DOUBLE_EQ(s.total.averageDaysToClose(), 7.0);
  EXPECT_EQ(s.by_grade[static_cast<int>(Grade::Major)].found, 1);
  EXPECT_EQ(s.by_source[static_cast<int>(Source::PublicTip)].found, 2);
  EXPECT_EQ(s.by_source[static_cast<int>(Source::PublicTip)].overdue_now, 1);
}

TEST(HazardStatistics, NothingFoundGivesZeroRatesNotNaN) {
  const Figures f;
  EXPECT_EQ(f.closureRate(), 0.0);
  EXPECT_EQ(f.onTimeRate(), 0.0);
  EXPECT_EQ(f.averageDaysToClose(), 0.0);
}

TEST(HazardStatistics, RanksByClosureThenOnTimeThenFewestOverdue) {
  auto unit = [](const char* name, int found, int closed, int on_time, int overdue) {
    RankedUnit u{OrgId{1}, name, {}};
    u.figures.found = found;
    u.figures.closed = closed;
    u.figures.closed_on_time = on_time;
    u.figures.overdue_now = overdue;
    return u;
  };
  std::vector<RankedUnit> units = {unit("甲", 10, 5, 5, 1), unit("乙", 10, 8, 4, 0),
                                   unit("丙", 10, 8, 6, 2), unit("丁", 10, 8, 6, 1)};
  rank(units);
  EXPECT_EQ(units[0].name, "丁");
  EXPECT_EQ(units[1].name, "丙");
  EXPECT_EQ(units[2].name, "乙");
  EXPECT_EQ(units[3].name, "甲");
}

}  // namespace
}  // namespace citysafe::hazard
