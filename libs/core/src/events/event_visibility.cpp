#include "citysafe/core/events/event_visibility.hpp"

namespace citysafe::events {

bool visibleTo(const identity::Principal& principal, const DomainEvent& event) {
  // The same permission a read of the entity needs, then the same scope rule.
  using identity::Permission;
  const Permission needed = event.entity == "user"         ? Permission::UserRead
                            : event.entity == "org"        ? Permission::OrgRead
                            : event.entity == "risk_point" ? Permission::RiskRead
                            : event.entity == "hazard"     ? Permission::HazardRead
                            : event.entity == "alarm" || event.entity == "sensor"
                                ? Permission::MonitorRead
                                : Permission::EventsRead;
  if (!principal.can(Permission::EventsRead) || !principal.can(needed)) return false;
  if (event.org_path == "/") return true;  // platform-wide events, e.g. a new basemap
  const auto scope = identity::scopeOf(principal);
  return identity::reaches(scope, event.org_path, event.sectors) ||
         (!event.also_path.empty() && event.also_path.starts_with(scope.subtree_path));
}

}  // namespace citysafe::events
