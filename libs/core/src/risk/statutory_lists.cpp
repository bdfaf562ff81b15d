#include "citysafe/core/risk/statutory_lists.hpp"

#include <algorithm>

namespace citysafe::risk {
namespace {

// `allowed` ∩ `asked`, where an empty `asked` means "any"; nullopt when nothing is left.
template <class T, class Keep>
std::optional<std::vector<T>> within(const std::vector<T>& asked, std::span<const T> all,
                                     Keep keep) {
  std::vector<T> out;
  for (const T value : all) {
    if (keep(value) && (asked.empty() || std::ranges::count(asked, value) > 0)) {
      out.push_back(value);
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

constexpr std::array<RiskLevel, 4> kLevels = {RiskLevel::Major, RiskLevel::Large,
                                              RiskLevel::General, RiskLevel::Low};

}  // namespace

std::optional<store::RiskFilter> narrowToList(StatutoryList list, store::RiskFilter asked) {
  switch (list) {
    case StatutoryList::MajorRisks: {
      auto levels = within<RiskLevel>(asked.levels, kLevels, [](RiskLevel l) {
        return l == RiskLevel::Major || l == RiskLevel::Large;
      });
      if (!levels) return std::nullopt;
      asked.levels = std::move(*levels);
      return asked;
    }
    case StatutoryList::MajorHazardSources:
      asked.major_hazard_only = true;
      return asked;
    case StatutoryList::VulnerableTargets: {
      auto kinds = within<RiskKind>(asked.kinds, allRiskKinds(), isVulnerableTarget);
      if (!kinds) return std::nullopt;
      asked.kinds = std::move(*kinds);
      return asked;
    }
  }
  return std::nullopt;
}

}  // namespace citysafe::risk
