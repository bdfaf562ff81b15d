// China's public holidays and make-up workdays, from the State Council General Office's yearly
// notices (国务院办公厅关于2025年/2026年部分节假日安排的通知). Later years are loaded by an
// administrator (PUT /api/v1/hazard-calendar/{year}) when the notice is published.
#include <array>
#include <stdexcept>

#include "citysafe/core/hazard/work_calendar.hpp"

namespace citysafe::hazard {
namespace {

struct Block {
  const char* first;
  const char* last;
  const char* name;
};

struct Workday {
  const char* day;
  const char* name;
};

struct YearSchedule {
  int year;
  std::vector<Block> holidays;
  std::vector<Workday> workdays;
};

const std::array<YearSchedule, 2>& schedules() {
  static const std::array<YearSchedule, 2> kSchedules = {{
      {2025,
       {{"2025-01-01", "2025-01-01", "元旦"},
        {"2025-01-28", "2025-02-04", "春节"},
        {"2025-04-04", "2025-04-06", "清明节"},
        {"2025-05-01", "2025-05-05", "劳动节"},
        {"2025-05-31", "2025-06-02", "端午节"},
        {"2025-10-01", "2025-10-08", "国庆节、中秋节"}},
       {{"2025-01-26", "春节调休上班"},
        {"2025-02-08", "春节调休上班"},
        {"2025-04-27", "劳动节调休上班"},
        {"2025-09-28", "国庆节调休上班"},
        {"2025-10-11", "国庆节调休上班"}}},
      {2026,
       {{"2026-01-01", "2026-01-03", "元旦"},
        {"2026-02-15", "2026-02-23", "春节"},
        {"2026-04-04", "2026-04-06", "清明节"},
        {"2026-05-01", "2026-05-05", "劳动节"},
        {"2026-06-19", "2026-06-21", "端午节"},
        {"2026-09-25", "2026-09-27", "中秋节"},
        {"2026-10-01", "2026-10-07", "国庆节"}},
       {{"2026-01-04", "元旦调休上班"},
        {"2026-02-14", "春节调休上班"},
        {"2026-02-28", "春节调休上班"},
        {"2026-05-09", "劳动节调休上班"},
        {"2026-09-20", "国庆节调休上班"},
        {"2026-10-10", "国庆节调休上班"}}},
  }};
  return kSchedules;
}

}  // namespace

WorkCalendar WorkCalendar::china() {
  WorkCalendar calendar;
  for (const auto& s : schedules()) {
    std::vector<CalendarException> days;
    for (const auto& block : s.holidays) {
      for (Day d = *parseDay(block.first); d <= *parseDay(block.last); d += std::chrono::days(1)) {
        days.push_back({d, false, block.name});
      }
    }
    for (const auto& w : s.workdays) days.push_back({*parseDay(w.day), true, w.name});
    // The tables above are the code's own (work_calendar_test checks them): a bad one is a bug.
    if (auto set = calendar.setYear(s.year, std::move(days)); !set) {
      throw std::logic_error("built-in calendar " + std::to_string(s.year) + ": " +
                             set.error().message);
    }
  }
  return calendar;
}

}  // namespace citysafe::hazard
