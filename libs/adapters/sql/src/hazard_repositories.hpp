#pragma once
// The hazard storage ports in SQL, one class per port. Internal to the sql adapter.
#include "repositories.hpp"

namespace citysafe::sql {

// What each of them holds: the transaction's connection.
class OnConnection {
 public:
  explicit OnConnection(Connection& c) : conn_(c) {}

 protected:
  Connection& conn_;  // NOLINT(misc-non-private-member-variables-in-classes): the subclasses' own
};

class SqlHazardRepository final : public store::HazardRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<hazard::Hazard> get(HazardId id) override;
  Result<HazardId> insert(const hazard::Hazard& hazard) override;
  Result<void> update(hazard::Hazard& hazard) override;
  Result<std::vector<hazard::Hazard>> list(const store::HazardFilter& filter, int limit,
                                           HazardId before) override;
  Result<store::StateCounts> countByState(const store::HazardFilter& filter) override;
  Result<std::int64_t> addTimeline(const hazard::TimelineEntry& entry) override;
  Result<std::vector<hazard::TimelineEntry>> timeline(HazardId hazard) override;
};

class SqlTipRepository final : public store::TipRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<void> setKeys(HazardId hazard, const std::string& code_hash,
                       const std::string& client_hash) override;
  Result<std::optional<HazardId>> find(const std::string& code_hash) override;
  Result<std::vector<hazard::Hazard>> from(const std::string& client_hash,
                                           TimePoint since) override;
};

class SqlHazardMediaRepository final : public store::HazardMediaRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<MediaId> add(const hazard::Media& media, const std::string& data,
                      const std::string& thumbnail) override;
  Result<std::vector<hazard::Media>> of(HazardId hazard) override;
  Result<store::MediaContent> content(MediaId id, bool thumbnail) override;
};

class SqlExtensionRepository final : public store::ExtensionRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<std::int64_t> add(const hazard::Extension& e) override;
  Result<void> decide(const hazard::Extension& e) override;
  Result<hazard::Extension> get(std::int64_t id) override;
  Result<std::vector<hazard::Extension>> list(HazardId hazard,
                                              const identity::Scope& scope) override;
};

class SqlNotificationRepository final : public store::NotificationRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<std::int64_t> add(const hazard::Notification& n) override;
  Result<std::vector<hazard::Notification>> list(OrgId org, bool unread_only, int limit) override;
  Result<bool> markRead(std::int64_t id, OrgId org, TimePoint at) override;
};

class SqlHazardSettingsRepository final : public store::HazardSettingsRepository, OnConnection {
 public:
  using OnConnection::OnConnection;
  Result<std::vector<hazard::CalendarException>> calendar() override;
  Result<std::vector<int>> calendarYears() override;
  Result<void> replaceCalendarYear(int year,
                                   const std::vector<hazard::CalendarException>& days) override;
  Result<std::optional<hazard::HazardPolicy>> policy() override;
  Result<void> savePolicy(const hazard::HazardPolicy& policy) override;
};

}  // namespace citysafe::sql
