// Organisations' inboxes: due soon, overdue, escalated, an extension to decide.
#include "citysafe/sql/columns.hpp"
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

constexpr Columns<7> kNotification{
    {"id", "org_id", "hazard_id", "kind", "message", "at", "read_at"}};

Result<hazard::Notification> notificationFrom(const Row& r) {
  constexpr const auto& kCol = kNotification;
  return hazard::Notification{r.getInt(kCol.at("id")),
                              OrgId{r.getInt(kCol.at("org_id"))},
                              HazardId{r.getInt(kCol.at("hazard_id"))},
                              r.getText(kCol.at("kind")),
                              r.getText(kCol.at("message")),
                              fromEpochMs(r.getInt(kCol.at("at"))),
                              optTime(r, kCol.at("read_at"))};
}

}  // namespace

Result<std::int64_t> SqlNotificationRepository::add(const hazard::Notification& n) {
  return queryInt(conn_, kNotification.insertInto("notifications") + " RETURNING id",
                  {n.org_id.value, n.hazard_id.value, n.kind, n.message, toEpochMs(n.at),
                   timeValue(n.read_at)});
}

Result<std::vector<hazard::Notification>> SqlNotificationRepository::list(OrgId org,
                                                                          bool unread_only,
                                                                          int limit) {
  return mapRows(CS_TRY(conn_.query(
                     "SELECT " + kNotification.list() + " FROM notifications WHERE org_id = ?" +
                         (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?",
                     {org.value, std::int64_t{limit}})),
                 notificationFrom);
}

Result<bool> SqlNotificationRepository::markRead(std::int64_t id, OrgId org, TimePoint at) {
  auto rows = CS_TRY(conn_.query(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND org_id = ? "
      "RETURNING id",
      {toEpochMs(at), id, org.value}));
  return !rows.empty();
}

}  // namespace citysafe::sql
