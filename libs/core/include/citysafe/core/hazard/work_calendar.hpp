#pragma once
// Working days in China: Monday to Friday, except public holidays, plus the weekend days that
// the State Council's yearly notice turns into make-up workdays (调休). Deadlines count on it.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/result.hpp"

namespace citysafe::hazard {

using Day = std::chrono::sys_days;

// A day that departs from the weekly rule: a holiday on a weekday, or a make-up workday.
struct CalendarException {
  Day day;
  bool workday = false;  // true: 调休上班
  std::string name;      // 国庆节, 春节 ...
};

// Beijing's civil date of an instant, and the last millisecond of a Beijing day.
Day localDay(TimePoint t);
TimePoint endOfLocalDay(Day day);
TimePoint startOfLocalDay(Day day);
// "2026-10-08"; nullopt unless it is a real date in that form.
std::optional<Day> parseDay(std::string_view text);
std::string formatDay(Day day);
int yearOf(Day day);

class WorkCalendar {
 public:
  // Replaces a year. Every exception must fall in that year; a holiday on a weekend and a
  // workday on a weekday are accepted (they change nothing) but a day may appear only once.
  [[nodiscard]] Result<void> setYear(int year, std::vector<CalendarException> exceptions);
  [[nodiscard]] bool hasYear(int year) const { return years_.contains(year); }
  [[nodiscard]] std::vector<int> years() const;
  [[nodiscard]] const std::vector<CalendarException>& exceptionsOf(int year) const;
  [[nodiscard]] bool isWorkday(Day day) const;
  // The day `days` working days after `from` (`from` itself does not count).
  [[nodiscard]] Day addWorkingDays(Day from, int days) const;
  // Working days in (from, to]; negative when `to` is before `from`.
  [[nodiscard]] int workingDaysBetween(Day from, Day to) const;

  // China's published schedule for the years the code knows (2025 and 2026); an administrator
  // loads later years as the State Council publishes them.
  static WorkCalendar china();

 private:
  std::map<int, std::vector<CalendarException>> years_;
  std::map<Day, bool> overrides_;  // day → is a workday
};

}  // namespace citysafe::hazard
