#include "citysafe/core/hazard/hazard_policy.hpp"

namespace citysafe::hazard {

HazardPolicy HazardPolicy::defaults() {
  HazardPolicy p;
  p.rules = {
      // Hangzhou: exposed by undercover checks, fixed within 60 days [seed 003].
      {Source::UndercoverExposure, std::nullopt, 60, 60, DayCount::Calendar,
       "暗访曝光隐患 60 日内整改到位"},
      // Major hazards: a plan, then at most a year [DOMAIN.md § Hidden hazards].
      {std::nullopt, Grade::Major, 180, 365, DayCount::Calendar, "重大隐患整改期限不超过 1 年"},
      // The 30-day rectification-supervision method for what inspections find [seed 000].
      {Source::ExpertCheck, Grade::General, 30, 30, DayCount::Calendar, "30 日整改督办"},
      {Source::DepartmentInspection, Grade::General, 30, 30, DayCount::Calendar, "30 日整改督办"},
      {Source::EnforcementCheck, Grade::General, 30, 30, DayCount::Calendar, "30 日整改督办"},
      // Everything else: the assigning unit decides; ten working days unless it says otherwise.
      {std::nullopt, std::nullopt, 10, 90, DayCount::Working, "一般隐患由交办单位确定整改期限"},
  };
  // Qingdao's scheme for listed major hazards: steps at 3/5/10/20 working days.
  p.major_milestones = {{"report_to_regulator", 3},
                        {"rectification_plan_filed", 5},
                        {"listing_published", 10},
                        {"first_progress_report", 20}};
  return p;
}

const DeadlineRule& HazardPolicy::ruleFor(Source source, Grade grade) const {
  const DeadlineRule* best = nullptr;
  int best_score = -1;
  for (const auto& r : rules) {
    if (r.source && *r.source != source) continue;
    if (r.grade && *r.grade != grade) continue;
    const int score = (r.source ? 2 : 0) + (r.grade ? 1 : 0);
    if (score > best_score) {
      best = &r;
      best_score = score;
    }
  }
  static const DeadlineRule kFallback{};
  return best ? *best : kFallback;
}

Result<void> HazardPolicy::validate() const {
  bool catch_all = false;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    const std::string field = "rules[" + std::to_string(i) + "]";
    if (r.default_days < 1) return invalid(field + ".default_days", "must be at least 1");
    if (r.max_days < r.default_days) {
      return invalid(field + ".max_days", "must be at least default_days");
    }
    if (r.max_days > 3660) return invalid(field + ".max_days", "must be at most 3660");
    for (std::size_t j = 0; j < i; ++j) {
      if (rules[j].source == r.source && rules[j].grade == r.grade) {
        return invalid(field, "repeats the sources and grades of rules[" + std::to_string(j) + "]");
      }
    }
    catch_all = catch_all || (!r.source && !r.grade);
  }
  if (!catch_all) return invalid("rules", "needs one rule for any source and any grade");
  for (std::size_t i = 0; i < major_milestones.size(); ++i) {
    const auto& m = major_milestones[i];
    const std::string field = "major_milestones[" + std::to_string(i) + "]";
    if (m.name.empty()) return invalid(field + ".name", "must not be empty");
    if (m.working_days < 1 || m.working_days > 2600) {
      return invalid(field + ".working_days", "must be between 1 and 2600 (ten years)");
    }
  }
  const auto& e = escalation;
  if (e.due_soon_days < 0) return invalid("escalation.due_soon_days", "must not be negative");
  if (e.general_city_after_days < 0 || e.general_province_after_days < e.general_city_after_days) {
    return invalid("escalation.general_province_after_days",
                   "must not be below general_city_after_days, which must not be negative");
  }
  if (e.major_city_after_days < 0 || e.major_province_after_days < e.major_city_after_days) {
    return invalid("escalation.major_province_after_days",
                   "must not be below major_city_after_days, which must not be negative");
  }
  return ok();
}

TimePoint deadlineAfter(const WorkCalendar& calendar, TimePoint from, int days, DayCount count) {
  const Day start = localDay(from);
  const Day last = count == DayCount::Working ? calendar.addWorkingDays(start, days)
                                              : start + std::chrono::days(days);
  return endOfLocalDay(last);
}

int daysGiven(const WorkCalendar& calendar, TimePoint from, TimePoint deadline, DayCount count) {
  const Day a = localDay(from);
  const Day b = localDay(deadline);
  if (count == DayCount::Working) return calendar.workingDaysBetween(a, b);
  return static_cast<int>((b - a).count());
}

Result<AssignedDeadline> assignDeadline(const HazardSettings& s, Source source, Grade grade,
                                        TimePoint now, const DeadlineRequest& req) {
  constexpr int kMaxDays = 3660;  // ten years: no rule gives more, and loops stay short
  const auto& rule = s.policy.ruleFor(source, grade);
  TimePoint deadline;
  if (req.deadline) {
    if (*req.deadline < localDay(now)) {
      return invalid("deadline", formatDay(*req.deadline) + " is in the past");
    }
    deadline = endOfLocalDay(*req.deadline);
    if (deadline - now > std::chrono::days(kMaxDays)) {
      return invalid("deadline", "is more than ten years away");
    }
  } else {
    const int days = req.days.value_or(rule.default_days);
    if (days < 1 || days > kMaxDays) return invalid("days", "must be between 1 and 3660");
    deadline = deadlineAfter(s.calendar, now, days, req.count.value_or(rule.count));
  }
  const int given = daysGiven(s.calendar, now, deadline, rule.count);
  if (given > rule.max_days) {
    return invalid(req.deadline ? "deadline" : "days",
                   "gives " + std::to_string(given) + " " + nameOf(rule.count) +
                       " days; the rule allows at most " + std::to_string(rule.max_days) + " (" +
                       rule.basis + ")");
  }
  return AssignedDeadline{deadline, rule.basis};
}

void extendDeadline(Hazard& h, TimePoint deadline, TimePoint now) {
  h.deadline_at = deadline;
  h.due_soon_at.reset();
  h.overdue_at.reset();
  h.updated_at = now;
}

std::optional<Tier> tierFor(const EscalationPolicy& p, Grade grade, bool assigned,
                            std::optional<int> overdue_days) {
  if (grade == Grade::Major) {
    if (overdue_days && *overdue_days >= p.major_province_after_days) return Tier::Province;
    if (overdue_days && *overdue_days >= p.major_city_after_days) return Tier::City;
    if (assigned) return Tier::District;
    return std::nullopt;
  }
  if (!overdue_days) return std::nullopt;
  if (*overdue_days >= p.general_province_after_days) return Tier::Province;
  if (*overdue_days >= p.general_city_after_days) return Tier::City;
  return Tier::District;
}

}  // namespace citysafe::hazard
