#include "citysafe/core/hazard/hazard_stats.hpp"

#include <algorithm>

namespace citysafe::hazard {

double Figures::closureRate() const {
  return found == 0 ? 0.0 : static_cast<double>(closed) / static_cast<double>(found);
}

double Figures::onTimeRate() const {
  return closed == 0 ? 0.0 : static_cast<double>(closed_on_time) / static_cast<double>(closed);
}

double Figures::averageDaysToClose() const {
  return closed == 0 ? 0.0 : days_to_close_sum / static_cast<double>(closed);
}

void Figures::add(const Hazard& h, TimePoint now) {
  if (h.state == State::Rejected) return;
  ++found;
  if (h.state == State::Closed && h.closed_at) {
    ++closed;
    if (h.closed_on_time.value_or(false)) ++closed_on_time;
    using Days = std::chrono::duration<double, std::ratio<86400>>;
    days_to_close_sum += std::chrono::duration_cast<Days>(*h.closed_at - h.found_at).count();
  } else {
    ++open;
  }
  if (isOverdue(h, now)) ++overdue_now;
}

Statistics computeStatistics(const std::vector<Hazard>& hazards, TimePoint now) {
  Statistics s;
  for (const auto& h : hazards) {
    s.total.add(h, now);
    s.by_grade[static_cast<std::size_t>(h.grade)].add(h, now);
    s.by_source[static_cast<std::size_t>(h.source)].add(h, now);
  }
  return s;
}

void rank(std::vector<RankedUnit>& units) {
  std::stable_sort(units.begin(), units.end(), [](const RankedUnit& a, const RankedUnit& b) {
    const auto& x = a.figures;
    const auto& y = b.figures;
    if (x.closureRate() != y.closureRate()) return x.closureRate() > y.closureRate();
    if (x.onTimeRate() != y.onTimeRate()) return x.onTimeRate() > y.onTimeRate();
    return x.overdue_now < y.overdue_now;
  });
}

}  // namespace citysafe::hazard
