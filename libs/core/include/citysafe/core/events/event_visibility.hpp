#pragma once
// Who may receive a live event: the rule the live channel applies to every event and socket.
#include "citysafe/core/events/event_bus.hpp"
#include "citysafe/core/identity/principal.hpp"

namespace citysafe::events {

// The permission reading the event's entity needs (and events.read), then the scope rule on the
// event's organisation path, its sectors and the other subtree it also belongs to. Platform-wide
// events (org path "/") go to everyone with the permissions.
[[nodiscard]] bool visibleTo(const identity::Principal& principal, const DomainEvent& event);

}  // namespace citysafe::events
