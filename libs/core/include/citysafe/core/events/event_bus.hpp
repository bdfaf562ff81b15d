#pragma once
// The one live channel: services publish domain events after their transaction commits;
// transports (WebSocket) subscribe and filter each event by the receiver's scope.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "citysafe/common/clock.hpp"

namespace citysafe::events {

struct DomainEvent {
  std::string type;  // "<entity>.<action>", e.g. "org.created"
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string org_path;              // whose subtree the event belongs to
  std::vector<std::string> sectors;  // for sector-department reach
  TimePoint at;
  std::string data_json = "null";  // a small JSON payload for the UI
  // Another subtree the event also belongs to (a hazard's responsible unit), or empty.
  std::string also_path;
};

// Thread-safe. Handlers run on the publisher's thread and must not block; a handler may
// unsubscribe other handlers but not publish re-entrantly.
class EventBus {
 public:
  using Handler = std::function<void(const DomainEvent&)>;
  std::uint64_t subscribe(Handler handler);
  void unsubscribe(std::uint64_t id);
  void publish(const DomainEvent& event);

 private:
  std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, Handler> handlers_;
};

}  // namespace citysafe::events
