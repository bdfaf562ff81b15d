#pragma once
// The three statutory lists (三张清单): 较大以上风险 (red and orange risks), 重大危险源 (GB 18218
// grades 1..4) and 脆弱性目标 (schools, hospitals and the other vulnerable targets), each defined
// as a narrowing of the registry's filter.
#include <cstdint>
#include <optional>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/core/store/store.hpp"

namespace citysafe::risk {

enum class StatutoryList : std::uint8_t { MajorRisks, MajorHazardSources, VulnerableTargets };
inline constexpr EnumNames<StatutoryList, 3> kStatutoryListNames{
    {"major_risks", "major_hazard_sources", "vulnerable_targets"}};
constexpr const auto& enumNames(StatutoryList /*tag*/) { return kStatutoryListNames; }

// The list's rows among those `asked` selects: `asked` narrowed to the list's definition, or
// nullopt when the two exclude each other and the list is empty. Never wider than `asked`.
[[nodiscard]] std::optional<store::RiskFilter> narrowToList(StatutoryList list,
                                                            store::RiskFilter asked);

// Whether the list shows the people living near each row (the sources of risk do; the
// vulnerable targets are where the people are).
[[nodiscard]] constexpr bool showsPeopleNear(StatutoryList list) {
  return list != StatutoryList::VulnerableTargets;
}

}  // namespace citysafe::risk
