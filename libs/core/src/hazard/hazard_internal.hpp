#pragma once
// Helpers shared by the hazard service's source files.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/store/store.hpp"

namespace citysafe::hazard::detail {

bool reachesHazard(const identity::Principal& who, const Hazard& h);
// The principal belongs to the unit that must fix the hazard.
bool inResponsibleUnit(const identity::Principal& who, const Hazard& h);
// Organisation ids along a path "/1/4/9/" → {1, 4, 9}.
std::vector<OrgId> idsOnPath(const std::string& path);
// At most `n` characters (code points) of UTF-8 text.
std::string utf8Prefix(const std::string& text, std::size_t n);
std::size_t utf8Length(const std::string& text);
std::string codeFor(HazardId id);
std::string displayName(const identity::Principal& who);
// Every organisation the filter takes, a page at a time.
Result<void> forEachOrg(store::Tx& tx, const store::OrgFilter& filter,
                        const std::function<void(const org::Organisation&)>& visit);
// Text that must say something, at most 4000 bytes.
Result<void> requireText(const std::string& text, const char* field, const char* why);

}  // namespace citysafe::hazard::detail
