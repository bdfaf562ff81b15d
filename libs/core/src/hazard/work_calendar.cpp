#include "citysafe/core/hazard/work_calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "citysafe/common/time_format.hpp"

namespace citysafe::hazard {

using std::chrono::days;
using std::chrono::minutes;

Day localDay(TimePoint t) { return std::chrono::floor<days>(t + minutes(kShanghaiOffsetMinutes)); }

TimePoint startOfLocalDay(Day day) {
  return TimePoint(day.time_since_epoch()) - minutes(kShanghaiOffsetMinutes);
}

TimePoint endOfLocalDay(Day day) {
  return startOfLocalDay(day + days(1)) - std::chrono::milliseconds(1);
}

std::optional<Day> parseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  y = std::stoi(std::string(text.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return Day(ymd);
}

std::string formatDay(Day day) {
  const std::chrono::year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int yearOf(Day day) { return static_cast<int>(std::chrono::year_month_day(day).year()); }

Result<void> WorkCalendar::setYear(int year, std::vector<CalendarException> exceptions) {
  if (year < 2000 || year > 2100) return invalid("year", "must be between 2000 and 2100");
  std::set<Day> seen;
  for (const auto& e : exceptions) {
    if (yearOf(e.day) != year) {
      return invalid("days", formatDay(e.day) + " is not in " + std::to_string(year));
    }
    if (!seen.insert(e.day).second) {
      return invalid("days", formatDay(e.day) + " appears more than once");
    }
  }
  if (auto old = years_.find(year); old != years_.end()) {
    for (const auto& e : old->second) overrides_.erase(e.day);
  }
  std::sort(exceptions.begin(), exceptions.end(),
            [](const CalendarException& a, const CalendarException& b) { return a.day < b.day; });
  for (const auto& e : exceptions) overrides_[e.day] = e.workday;
  years_[year] = std::move(exceptions);
  return ok();
}

std::vector<int> WorkCalendar::years() const {
  std::vector<int> out;
  for (const auto& [year, _] : years_) out.push_back(year);
  return out;
}

const std::vector<CalendarException>& WorkCalendar::exceptionsOf(int year) const {
  static const std::vector<CalendarException> kNone;
  auto it = years_.find(year);
  return it == years_.end() ? kNone : it->second;
}

bool WorkCalendar::isWorkday(Day day) const {
  if (auto it = overrides_.find(day); it != overrides_.end()) return it->second;
  const std::chrono::weekday wd(day);
  return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

Day WorkCalendar::addWorkingDays(Day from, int count) const {
  Day day = from;
  while (count > 0) {
    day += days(1);
    if (isWorkday(day)) --count;
  }
  return day;
}

int WorkCalendar::workingDaysBetween(Day from, Day to) const {
  if (to < from) return -workingDaysBetween(to, from);
  int n = 0;
  for (Day d = from + days(1); d <= to; d += days(1)) {
    if (isWorkday(d)) ++n;
  }
  return n;
}

}  // namespace citysafe::hazard
