#pragma once
// How long a unit has to fix a hazard, and when a late or major one goes under supervision.
// Both are configurable; the defaults carry the numbers the plans name.
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/hazard/work_calendar.hpp"

namespace citysafe::hazard {

enum class DayCount : std::uint8_t { Calendar, Working };
inline constexpr EnumNames<DayCount, 2> kDayCountNames{{"calendar", "working"}};
constexpr const auto& enumNames(DayCount /*tag*/) { return kDayCountNames; }

// Applies to hazards of `source` (any when empty) and `grade` (any when empty). The most
// specific rule wins: source and grade, then source, then grade, then the catch-all.
struct DeadlineRule {
  std::optional<Source> source;
  std::optional<Grade> grade;
  int default_days = 30;  // when the assigning unit names none
  int max_days = 90;      // the assigning unit may not give longer (extensions may)
  DayCount count = DayCount::Calendar;
  std::string basis;  // where the number comes from, shown beside the deadline
};

// A step a major hazard's handling must reach within so many working days of assignment.
struct Milestone {
  std::string name;
  int working_days = 0;
};

struct EscalationPolicy {
  int due_soon_days = 3;  // calendar days before the deadline
  // Overdue general hazards: district at once, then city, then province after so many days late.
  int general_city_after_days = 30;
  int general_province_after_days = 90;
  // Major hazards are listed at district tier when assigned; late ones climb faster.
  int major_city_after_days = 0;
  int major_province_after_days = 30;
};

struct HazardPolicy {
  std::vector<DeadlineRule> rules;
  std::vector<Milestone> major_milestones;
  EscalationPolicy escalation;

  static HazardPolicy defaults();
  [[nodiscard]] const DeadlineRule& ruleFor(Source source, Grade grade) const;
  [[nodiscard]] Result<void> validate() const;
};

// The working-day calendar and the deadline policy in force, read together.
struct HazardSettings {
  WorkCalendar calendar;
  HazardPolicy policy;
};

// The deadline `days` days (calendar or working) after the local day of `from`, at the end of
// that Beijing day.
TimePoint deadlineAfter(const WorkCalendar& calendar, TimePoint from, int days, DayCount count);
// Days in (from_day, deadline_day] in the rule's count: how long a deadline gives.
int daysGiven(const WorkCalendar& calendar, TimePoint from, TimePoint deadline, DayCount count);

// What an assigning unit asks for: a day, or a number of days (counted as the rule says unless
// it names the count); neither gives the rule's default.
struct DeadlineRequest {
  std::optional<Day> deadline;
  std::optional<int> days;
  std::optional<DayCount> count;
};
struct AssignedDeadline {
  TimePoint deadline;
  std::string basis;
};
// The deadline a hazard of `source` and `grade` assigned at `now` gets, within the rule's maximum
// and ten years; Invalid naming "deadline" or "days" otherwise.
[[nodiscard]] Result<AssignedDeadline> assignDeadline(const HazardSettings& settings, Source source,
                                                      Grade grade, TimePoint now,
                                                      const DeadlineRequest& request);

// A granted extension: the new deadline, and the due-soon and overdue marks cleared so the
// scheduler looks at the new deadline afresh.
void extendDeadline(Hazard& hazard, TimePoint deadline, TimePoint now);

// The supervision tier a hazard belongs in now, or none. `overdue_days` is empty when it is not
// overdue.
std::optional<Tier> tierFor(const EscalationPolicy& policy, Grade grade, bool assigned,
                            std::optional<int> overdue_days);

}  // namespace citysafe::hazard
