#pragma once
// Storage ports for hidden hazards, one per responsibility: the hazards and their timelines,
// tips, media, extensions, notifications, and the calendar with the deadline policy.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/common/result.hpp"
#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/hazard/hazard_policy.hpp"
#include "citysafe/core/identity/principal.hpp"

namespace citysafe::store {

struct HazardFilter {
  identity::Scope scope;
  std::vector<hazard::State> states;  // empty: any
  std::optional<hazard::Grade> grade;
  std::optional<hazard::Source> source;
  std::optional<std::string> sector;
  std::optional<std::string> org_path;  // within this organisation's subtree
  std::optional<OrgId> org_id;  // the same, by id: the service checks scope and sets org_path
  std::optional<OrgId> responsible_org_id;
  std::optional<basemap::BBox> bbox;
  std::optional<TimePoint> found_from;  // found_at in [from, to)
  std::optional<TimePoint> found_to;
  std::optional<TimePoint> overdue_at;        // hazard::isOverdue at this time, pushed down
  std::optional<TimePoint> deadline_through;  // a deadline at or before this time
  bool supervised_only = false;               // listed for supervision (active or delisted)
  std::optional<bool> listed;  // under supervision now (listed, not delisted), or not
  std::optional<hazard::Tier> tier;
  std::string text;  // in the code, title or description
};

using StateCounts = std::array<std::int64_t, hazard::kStateCount>;

// Media bytes travel base64-free through the port; the adapter decides how to keep them.
struct MediaContent {
  hazard::Media media;
  std::string data;
};

// The hazards table and each hazard's timeline.
class HazardRepository {
 public:
  virtual ~HazardRepository() = default;
  [[nodiscard]] virtual Result<hazard::Hazard> get(HazardId id) = 0;
  [[nodiscard]] virtual Result<HazardId> insert(const hazard::Hazard& hazard) = 0;
  // Writes every field when the stored version is still `hazard.version`, then bumps both;
  // Conflict when someone changed the hazard since it was read.
  [[nodiscard]] virtual Result<void> update(hazard::Hazard& hazard) = 0;
  // Newest first (id descending); a valid `before` continues below that id.
  [[nodiscard]] virtual Result<std::vector<hazard::Hazard>> list(const HazardFilter& filter,
                                                                 int limit, HazardId before) = 0;
  [[nodiscard]] virtual Result<StateCounts> countByState(const HazardFilter& filter) = 0;

  [[nodiscard]] virtual Result<std::int64_t> addTimeline(const hazard::TimelineEntry& entry) = 0;
  [[nodiscard]] virtual Result<std::vector<hazard::TimelineEntry>> timeline(HazardId hazard) = 0;
};

// Public tips: found by the hash of their tracking code; counted per client address.
class TipRepository {
 public:
  virtual ~TipRepository() = default;
  [[nodiscard]] virtual Result<void> setKeys(HazardId hazard, const std::string& code_hash,
                                             const std::string& client_hash) = 0;
  [[nodiscard]] virtual Result<std::optional<HazardId>> find(const std::string& code_hash) = 0;
  [[nodiscard]] virtual Result<std::vector<hazard::Hazard>> from(const std::string& client_hash,
                                                                 TimePoint since) = 0;
};

// Photos and videos of hazards.
class HazardMediaRepository {
 public:
  virtual ~HazardMediaRepository() = default;
  [[nodiscard]] virtual Result<MediaId> add(const hazard::Media& media, const std::string& data,
                                            const std::string& thumbnail) = 0;
  [[nodiscard]] virtual Result<std::vector<hazard::Media>> of(HazardId hazard) = 0;
  [[nodiscard]] virtual Result<MediaContent> content(MediaId id, bool thumbnail) = 0;
};

// Requests to extend a deadline.
class ExtensionRepository {
 public:
  virtual ~ExtensionRepository() = default;
  [[nodiscard]] virtual Result<std::int64_t> add(const hazard::Extension& e) = 0;
  // Records a decision on a request that is still pending; Conflict when it no longer is.
  [[nodiscard]] virtual Result<void> decide(const hazard::Extension& e) = 0;
  [[nodiscard]] virtual Result<hazard::Extension> get(std::int64_t id) = 0;
  // Of one hazard (a valid id) or, with no hazard, the pending ones within the scope.
  [[nodiscard]] virtual Result<std::vector<hazard::Extension>> list(
      HazardId hazard, const identity::Scope& scope) = 0;
};

// Organisations' inboxes.
class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  [[nodiscard]] virtual Result<std::int64_t> add(const hazard::Notification& n) = 0;
  [[nodiscard]] virtual Result<std::vector<hazard::Notification>> list(OrgId org, bool unread_only,
                                                                       int limit) = 0;
  [[nodiscard]] virtual Result<bool> markRead(std::int64_t id, OrgId org, TimePoint at) = 0;
};

// The working-day calendar and the deadline policy.
class HazardSettingsRepository {
 public:
  virtual ~HazardSettingsRepository() = default;
  [[nodiscard]] virtual Result<std::vector<hazard::CalendarException>> calendar() = 0;
  // The years an administrator has loaded (possibly with no exceptions at all).
  [[nodiscard]] virtual Result<std::vector<int>> calendarYears() = 0;
  [[nodiscard]] virtual Result<void> replaceCalendarYear(
      int year, const std::vector<hazard::CalendarException>& days) = 0;
  [[nodiscard]] virtual Result<std::optional<hazard::HazardPolicy>> policy() = 0;
  [[nodiscard]] virtual Result<void> savePolicy(const hazard::HazardPolicy& policy) = 0;
};

}  // namespace citysafe::store
