// Organisations' inboxes: due soon, overdue, escalated, an extension to decide.
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Notification;

const RowMap<Notification> kNotification{
    "notifications", stored<&Notification::id>("id"),
    columns<&Notification::org_id, &Notification::hazard_id, &Notification::kind,
            &Notification::message, &Notification::at, &Notification::read_at>()};

}  // namespace

Result<std::int64_t> SqlNotificationRepository::add(const Notification& n) {
  return kNotification.add(conn_, n);
}

Result<std::vector<Notification>> SqlNotificationRepository::list(OrgId org, bool unread_only,
                                                                  int limit) {
  return kNotification.all(conn_,
                           std::string("WHERE org_id = ?") +
                               (unread_only ? " AND read_at IS NULL" : "") +
                               " ORDER BY id DESC LIMIT ?",
                           {org.value, std::int64_t{limit}});
}

Result<bool> SqlNotificationRepository::markRead(std::int64_t id, OrgId org, TimePoint at) {
  auto rows = CS_TRY(conn_.query(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND org_id = ? "
      "RETURNING id",
      {toEpochMs(at), id, org.value}));
  return !rows.empty();
}

}  // namespace citysafe::sql
