#pragma once
// What every service needs: the store, the clock, the live channel and the audit writer.
#include "citysafe/common/clock.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "citysafe/core/events/event_bus.hpp"
#include "citysafe/core/store/store.hpp"

namespace citysafe {

struct ServiceContext {
  store::Store& store;
  const Clock& clock;
  events::EventBus& bus;
  audit::Auditor auditor;
  // The audit key (bytes) and the checkpoint log come from the composition root.
  ServiceContext(store::Store& s, const Clock& c, events::EventBus& b, std::string audit_key,
                 audit::CheckpointLog* checkpoints)
      : store(s), clock(c), bus(b), auditor(c, std::move(audit_key), checkpoints) {}
};

}  // namespace citysafe
