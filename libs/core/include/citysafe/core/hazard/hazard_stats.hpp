#pragma once
// The figures the bureau is judged on, computed from the hazards found in a period.
//   found          every hazard found in the period except those rejected as not a hazard
//   closed         of those, how many are closed (销号) now
//   closure_rate   closed / found
//   on_time_rate   closed by the deadline (the accepted submission no later than the deadline,
//                  extensions included) / closed
//   overdue_now    of those, how many are being fixed past their deadline now
//   avg_days_to_close  mean of (closed − found) in days, over the closed ones
#include <array>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"

namespace citysafe::hazard {

struct Figures {
  std::int64_t found = 0;
  std::int64_t closed = 0;
  std::int64_t closed_on_time = 0;
  std::int64_t overdue_now = 0;
  std::int64_t open = 0;
  double days_to_close_sum = 0;
  [[nodiscard]] double closureRate() const;  // 0..1; 0 when nothing was found
  [[nodiscard]] double onTimeRate() const;   // 0..1; 0 when nothing was closed
  [[nodiscard]] double averageDaysToClose() const;
  void add(const Hazard& hazard, TimePoint now);
};

struct Statistics {
  Figures total;
  std::array<Figures, 2> by_grade;
  std::array<Figures, kSourceCount> by_source;
};

Statistics computeStatistics(const std::vector<Hazard>& hazards, TimePoint now);

// One row of a ranking: a street, or a department over its sectors.
struct RankedUnit {
  OrgId org_id;
  std::string name;
  Figures figures;
};

// Best first: higher closure rate, then higher on-time rate, then fewer overdue.
void rank(std::vector<RankedUnit>& units);

}  // namespace citysafe::hazard
