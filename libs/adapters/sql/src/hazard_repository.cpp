#include <sstream>

#include "citysafe/common/base64.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Hazard;

constexpr const char* kColumns =
    "id, code, title, description, source, grade, state, sector, org_id, org_path, "
    "responsible_org_id, responsible_org_path, assigned_by_org_id, risk_point_id, lon, lat, "
    "address, found_by, found_by_name, found_at, reported_at, assigned_at, deadline_at, "
    "original_deadline_at, deadline_basis, due_soon_at, overdue_at, submitted_at, closed_at, "
    "closed_on_time, rectifiers, sup_tier, sup_listed_at, sup_reason, sup_delisted_at, "
    "reopen_count, external_code, updated_at, tip_contact, row_version";
// Every column but id and row_version, in kColumns order, for INSERT and UPDATE.
constexpr const char* kWritable =
    "code = ?, title = ?, description = ?, source = ?, grade = ?, state = ?, sector = ?, "
    "sectors = ?, org_id = ?, org_path = ?, responsible_org_id = ?, responsible_org_path = ?, "
    "assigned_by_org_id = ?, risk_point_id = ?, lon = ?, lat = ?, address = ?, found_by = ?, "
    "found_by_name = ?, found_at = ?, reported_at = ?, assigned_at = ?, deadline_at = ?, "
    "original_deadline_at = ?, deadline_basis = ?, due_soon_at = ?, overdue_at = ?, "
    "submitted_at = ?, closed_at = ?, closed_on_time = ?, rectifiers = ?, sup_tier = ?, "
    "sup_listed_at = ?, sup_reason = ?, sup_delisted_at = ?, reopen_count = ?, "
    "external_code = ?, updated_at = ?, tip_contact = ?";

Value orgValue(const std::optional<OrgId>& id) { return id ? Value{id->value} : Value{nullptr}; }

std::string joinIds(const std::vector<std::int64_t>& ids) {
  std::string out = ",";
  for (auto id : ids) out += std::to_string(id) + ",";
  return out;
}

std::vector<std::int64_t> splitIds(const std::string& text) {
  std::vector<std::int64_t> ids;
  for (const auto& part : splitSectors(text)) ids.push_back(std::stoll(part));
  return ids;
}

Hazard fromRow(const Row& r) {
  Hazard h;
  h.id = r.getInt(0);
  h.code = r.getText(1);
  h.title = r.getText(2);
  h.description = r.getText(3);
  h.source = hazard::parseSource(r.getText(4)).value_or(hazard::Source::GridInspection);
  h.grade = hazard::parseGrade(r.getText(5)).value_or(hazard::Grade::General);
  h.state = hazard::parseState(r.getText(6)).value_or(hazard::State::Reported);
  h.sector = r.getText(7);
  h.org_id = OrgId{r.getInt(8)};
  h.org_path = r.getText(9);
  if (!r.isNull(10)) h.responsible_org_id = OrgId{r.getInt(10)};
  h.responsible_org_path = r.getText(11);
  if (!r.isNull(12)) h.assigned_by_org_id = OrgId{r.getInt(12)};
  if (!r.isNull(13)) h.risk_point_id = r.getInt(13);
  h.location = {r.getDouble(14), r.getDouble(15)};
  h.address = r.getText(16);
  if (!r.isNull(17)) h.found_by = UserId{r.getInt(17)};
  h.found_by_name = r.getText(18);
  h.found_at = fromEpochMs(r.getInt(19));
  h.reported_at = fromEpochMs(r.getInt(20));
  h.assigned_at = optTime(r, 21);
  h.deadline_at = optTime(r, 22);
  h.original_deadline_at = optTime(r, 23);
  h.deadline_basis = r.getText(24);
  h.due_soon_at = optTime(r, 25);
  h.overdue_at = optTime(r, 26);
  h.submitted_at = optTime(r, 27);
  h.closed_at = optTime(r, 28);
  if (!r.isNull(29)) h.closed_on_time = r.getBool(29);
  for (auto id : splitIds(r.getText(30))) h.rectifiers.push_back(UserId{id});
  if (!r.isNull(31)) {
    h.supervision = hazard::Supervision{static_cast<hazard::Tier>(r.getInt(31)),
                                        fromEpochMs(r.getInt(32)), r.getText(33), optTime(r, 34)};
  }
  h.reopen_count = static_cast<int>(r.getInt(35));
  h.external_code = r.getText(36);
  h.updated_at = fromEpochMs(r.getInt(37));
  h.tip_contact = r.getText(38);
  h.version = r.getInt(39);
  return h;
}

std::vector<Value> rowValues(const Hazard& h) {
  std::vector<std::int64_t> rectifiers;
  for (auto u : h.rectifiers) rectifiers.push_back(u.value);
  const auto& sup = h.supervision;
  return {h.code,
          h.title,
          h.description,
          std::string(toString(h.source)),
          std::string(toString(h.grade)),
          std::string(toString(h.state)),
          h.sector,
          joinSectors({h.sector}),
          h.org_id.value,
          h.org_path,
          orgValue(h.responsible_org_id),
          h.responsible_org_path,
          orgValue(h.assigned_by_org_id),
          h.risk_point_id ? Value{*h.risk_point_id} : Value{nullptr},
          h.location.lon,
          h.location.lat,
          h.address,
          h.found_by ? Value{h.found_by->value} : Value{nullptr},
          h.found_by_name,
          toEpochMs(h.found_at),
          toEpochMs(h.reported_at),
          timeValue(h.assigned_at),
          timeValue(h.deadline_at),
          timeValue(h.original_deadline_at),
          h.deadline_basis,
          timeValue(h.due_soon_at),
          timeValue(h.overdue_at),
          timeValue(h.submitted_at),
          timeValue(h.closed_at),
          h.closed_on_time ? Value{std::int64_t{*h.closed_on_time ? 1 : 0}} : Value{nullptr},
          joinIds(rectifiers),
          sup ? Value{static_cast<std::int64_t>(sup->tier)} : Value{nullptr},
          sup ? Value{toEpochMs(sup->listed_at)} : Value{nullptr},
          sup ? Value{sup->reason} : Value{nullptr},
          sup ? timeValue(sup->delisted_at) : Value{nullptr},
          std::int64_t{h.reopen_count},
          h.external_code,
          toEpochMs(h.updated_at),
          h.tip_contact};
}

std::string inList(std::size_t n) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

std::string whereOf(Dialect dialect, const store::HazardFilter& f, std::vector<Value>& params) {
  // In scope where the hazard is, or assigned to a unit inside the subtree (as the core says).
  // Two statements: the order the parameters are appended in must follow the SQL text.
  std::string w = "(" + scopeClause(dialect, f.scope, "org_path", "sectors", params);
  w += " OR " + subtreeClause(dialect, "responsible_org_path", f.scope.subtree_path, params) + ")";
  if (!f.states.empty()) {
    w += " AND state IN " + inList(f.states.size());
    for (auto s : f.states) params.emplace_back(std::string(toString(s)));
  }
  if (f.grade) {
    w += " AND grade = ?";
    params.emplace_back(std::string(toString(*f.grade)));
  }
  if (f.source) {
    w += " AND source = ?";
    params.emplace_back(std::string(toString(*f.source)));
  }
  if (f.sector) {
    w += " AND sector = ?";
    params.emplace_back(*f.sector);
  }
  if (f.org_path) w += " AND " + subtreeClause(dialect, "org_path", *f.org_path, params);
  if (f.responsible_org_id) {
    w += " AND responsible_org_id = ?";
    params.emplace_back(f.responsible_org_id->value);
  }
  if (f.bbox) {
    w += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
    params.insert(params.end(),
                  {f.bbox->min_lon, f.bbox->max_lon, f.bbox->min_lat, f.bbox->max_lat});
  }
  if (f.found_from) {
    w += " AND found_at >= ?";
    params.emplace_back(toEpochMs(*f.found_from));
  }
  if (f.found_to) {
    w += " AND found_at < ?";
    params.emplace_back(toEpochMs(*f.found_to));
  }
  if (f.overdue_at) {
    w += " AND state IN ('assigned', 'rectifying') AND deadline_at < ?";
    params.emplace_back(toEpochMs(*f.overdue_at));
  }
  if (f.supervised_only) w += " AND sup_tier IS NOT NULL";
  if (f.tier) {
    w += " AND sup_tier = ?";
    params.emplace_back(static_cast<std::int64_t>(*f.tier));
  }
  if (!f.text.empty()) {
    w += " AND (code LIKE ? OR title LIKE ? OR description LIKE ? OR external_code LIKE ?)";
    const std::string like = "%" + f.text + "%";
    params.insert(params.end(), {like, like, like, like});
  }
  return w;
}

Result<std::vector<Hazard>> hazardsFrom(Result<std::vector<Row>> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<Hazard> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(fromRow(r));
  return out;
}

constexpr const char* kTimelineColumns =
    "id, hazard_id, at, action, from_state, to_state, actor_id, actor_name, note, deadline_at, "
    "media_ids";
constexpr const char* kMediaColumns =
    "id, hazard_id, stage, content_type, file_name, bytes, sha256, width, height, uploaded_by, "
    "uploaded_at, thumbnail <> ''";
constexpr const char* kExtensionColumns =
    "id, hazard_id, org_path, sectors, requested_by, requested_by_name, requested_at, reason, "
    "previous_deadline, requested_deadline, state, decided_by, decided_by_name, decided_at, "
    "decision_note";

hazard::Media mediaFrom(const Row& r) {
  hazard::Media m;
  m.id = r.getInt(0);
  m.hazard_id = r.getInt(1);
  m.stage = hazard::parseMediaStage(r.getText(2)).value_or(hazard::MediaStage::Report);
  m.content_type = r.getText(3);
  m.file_name = r.getText(4);
  m.bytes = r.getInt(5);
  m.sha256 = r.getText(6);
  m.width = static_cast<int>(r.getInt(7));
  m.height = static_cast<int>(r.getInt(8));
  if (!r.isNull(9)) m.uploaded_by = UserId{r.getInt(9)};
  m.uploaded_at = fromEpochMs(r.getInt(10));
  m.has_thumbnail = r.getBool(11);
  return m;
}

hazard::Extension extensionFrom(const Row& r) {
  hazard::Extension e;
  e.id = r.getInt(0);
  e.hazard_id = r.getInt(1);
  e.hazard_org_path = r.getText(2);
  const auto sectors = splitSectors(r.getText(3));
  e.hazard_sector = sectors.empty() ? "" : sectors.front();
  e.requested_by = UserId{r.getInt(4)};
  e.requested_by_name = r.getText(5);
  e.requested_at = fromEpochMs(r.getInt(6));
  e.reason = r.getText(7);
  e.previous_deadline = fromEpochMs(r.getInt(8));
  e.requested_deadline = fromEpochMs(r.getInt(9));
  const auto& state = r.getText(10);
  e.state = state == "granted"   ? hazard::ExtensionState::Granted
            : state == "refused" ? hazard::ExtensionState::Refused
                                 : hazard::ExtensionState::Pending;
  if (!r.isNull(11)) e.decided_by = UserId{r.getInt(11)};
  e.decided_by_name = r.getText(12);
  e.decided_at = optTime(r, 13);
  e.decision_note = r.getText(14);
  return e;
}

// The policy as tab-separated lines: the sql adapter keeps no JSON library.
std::string clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::vector<std::vector<std::string>> lines(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cells.push_back(line.substr(start, tab - start));
    }
    cells.push_back(line.substr(start));
    out.push_back(std::move(cells));
  }
  return out;
}

}  // namespace

Result<Hazard> SqlHazardRepository::get(std::int64_t id) {
  auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM hazards WHERE id = ?", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "id", "no such hazard");
  return fromRow(rows->front());
}

Result<std::int64_t> SqlHazardRepository::insert(const Hazard& h) {
  std::string names = kWritable;
  std::string marks;
  for (std::size_t pos; (pos = names.find(" = ?")) != std::string::npos;) {
    names.erase(pos, 4);
    marks += marks.empty() ? "?" : ", ?";
  }
  return queryInt(conn_, "INSERT INTO hazards (" + names + ") VALUES (" + marks + ") RETURNING id",
                  rowValues(h));
}

Result<void> SqlHazardRepository::update(Hazard& h) {
  auto params = rowValues(h);
  params.emplace_back(h.id);
  params.emplace_back(h.version);
  auto rows = conn_.query(std::string("UPDATE hazards SET ") + kWritable +
                              ", row_version = row_version + 1 WHERE id = ? AND row_version = ? "
                              "RETURNING row_version",
                          params);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) {
    return fail(Errc::Conflict, "id", "the hazard was changed meanwhile; reload it and try again");
  }
  h.version = rows->front().getInt(0);
  return ok();
}

Result<std::vector<Hazard>> SqlHazardRepository::list(const store::HazardFilter& f, int limit,
                                                      std::int64_t before_id) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kColumns + " FROM hazards WHERE " +
                    whereOf(conn_.dialect(), f, params);
  if (before_id > 0) {
    sql += " AND id < ?";
    params.emplace_back(before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return hazardsFrom(conn_.query(sql, params));
}

Result<store::StateCounts> SqlHazardRepository::countByState(const store::HazardFilter& f) {
  std::vector<Value> params;
  auto rows = conn_.query("SELECT state, COUNT(*) FROM hazards WHERE " +
                              whereOf(conn_.dialect(), f, params) + " GROUP BY state",
                          params);
  if (!rows) return tl::unexpected(rows.error());
  store::StateCounts counts{};
  for (const auto& r : *rows) {
    if (auto s = hazard::parseState(r.getText(0)))
      counts[static_cast<std::size_t>(*s)] = r.getInt(1);
  }
  return counts;
}

Result<std::vector<Hazard>> SqlHazardRepository::sweepCandidates(TimePoint deadline_before) {
  return hazardsFrom(conn_.query(
      std::string("SELECT ") + kColumns +
          " FROM hazards WHERE (state IN ('assigned', 'rectifying') AND deadline_at <= ?) OR "
          "(grade = 'major' AND state IN ('assigned', 'rectifying', 'submitted') AND "
          "(sup_tier IS NULL OR sup_delisted_at IS NOT NULL)) ORDER BY id",
      {toEpochMs(deadline_before)}));
}

Result<std::int64_t> SqlHazardRepository::addTimeline(const hazard::TimelineEntry& e) {
  return queryInt(
      conn_,
      "INSERT INTO hazard_timeline (hazard_id, at, action, from_state, to_state, "
      "actor_id, actor_name, note, deadline_at, media_ids) VALUES (?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?) RETURNING id",
      {e.hazard_id, toEpochMs(e.at), e.action, std::string(toString(e.from)),
       std::string(toString(e.to)), e.actor_id ? Value{e.actor_id->value} : Value{nullptr},
       e.actor_name, e.note, timeValue(e.deadline_at), joinIds(e.media_ids)});
}

Result<std::vector<hazard::TimelineEntry>> SqlHazardRepository::timeline(std::int64_t hazard_id) {
  auto rows = conn_.query(std::string("SELECT ") + kTimelineColumns +
                              " FROM hazard_timeline WHERE hazard_id = ? ORDER BY id",
                          {hazard_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<hazard::TimelineEntry> out;
  for (const auto& r : *rows) {
    hazard::TimelineEntry e;
    e.id = r.getInt(0);
    e.hazard_id = r.getInt(1);
    e.at = fromEpochMs(r.getInt(2));
    e.action = r.getText(3);
    e.from = hazard::parseState(r.getText(4)).value_or(hazard::State::Reported);
    e.to = hazard::parseState(r.getText(5)).value_or(hazard::State::Reported);
    if (!r.isNull(6)) e.actor_id = UserId{r.getInt(6)};
    e.actor_name = r.getText(7);
    e.note = r.getText(8);
    e.deadline_at = optTime(r, 9);
    e.media_ids = splitIds(r.getText(10));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::int64_t> SqlHazardRepository::addMedia(const hazard::Media& m, const std::string& data,
                                                   const std::string& thumbnail) {
  return queryInt(
      conn_,
      "INSERT INTO hazard_media (hazard_id, stage, content_type, file_name, bytes, sha256, width, "
      "height, uploaded_by, uploaded_at, data, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?) RETURNING id",
      {m.hazard_id, std::string(toString(m.stage)), m.content_type, m.file_name, m.bytes, m.sha256,
       std::int64_t{m.width}, std::int64_t{m.height},
       m.uploaded_by ? Value{m.uploaded_by->value} : Value{nullptr}, toEpochMs(m.uploaded_at),
       base64Encode(data), base64Encode(thumbnail)});
}

Result<std::vector<hazard::Media>> SqlHazardRepository::media(std::int64_t hazard_id) {
  auto rows = conn_.query(
      std::string("SELECT ") + kMediaColumns + " FROM hazard_media WHERE hazard_id = ? ORDER BY id",
      {hazard_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<hazard::Media> out;
  for (const auto& r : *rows) out.push_back(mediaFrom(r));
  return out;
}

Result<store::MediaContent> SqlHazardRepository::mediaContent(std::int64_t media_id,
                                                              bool thumbnail) {
  auto rows =
      conn_.query(std::string("SELECT ") + kMediaColumns + ", " +
                      (thumbnail ? "thumbnail" : "data") + " FROM hazard_media WHERE id = ?",
                  {media_id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "id", "no such media");
  auto data = base64Decode(rows->front().getText(12));
  if (!data) return fail(Errc::Internal, "id", "stored media is damaged");
  return store::MediaContent{mediaFrom(rows->front()), std::move(*data)};
}

Result<std::int64_t> SqlHazardRepository::addExtension(const hazard::Extension& e) {
  return queryInt(
      conn_,
      "INSERT INTO hazard_extensions (hazard_id, org_path, sectors, requested_by, "
      "requested_by_name, requested_at, reason, previous_deadline, requested_deadline, state) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.hazard_id, e.hazard_org_path, joinSectors({e.hazard_sector}), e.requested_by.value,
       e.requested_by_name, toEpochMs(e.requested_at), e.reason, toEpochMs(e.previous_deadline),
       toEpochMs(e.requested_deadline), std::string(toString(e.state))});
}

Result<void> SqlHazardRepository::updateExtension(const hazard::Extension& e) {
  auto rows = conn_.query(
      "UPDATE hazard_extensions SET state = ?, decided_by = ?, decided_by_name = ?, decided_at = "
      "?, decision_note = ? WHERE id = ? AND state = 'pending' RETURNING id",
      {std::string(toString(e.state)), e.decided_by ? Value{e.decided_by->value} : Value{nullptr},
       e.decided_by_name, timeValue(e.decided_at), e.decision_note, e.id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::Conflict, "id", "the request was already decided");
  return ok();
}

Result<hazard::Extension> SqlHazardRepository::extension(std::int64_t id) {
  auto rows = conn_.query(
      std::string("SELECT ") + kExtensionColumns + " FROM hazard_extensions WHERE id = ?", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "id", "no such extension request");
  return extensionFrom(rows->front());
}

Result<std::vector<hazard::Extension>> SqlHazardRepository::extensions(
    std::int64_t hazard_id, const identity::Scope& scope) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kExtensionColumns + " FROM hazard_extensions WHERE ";
  if (hazard_id > 0) {
    sql += "hazard_id = ? ORDER BY id";
    params.emplace_back(hazard_id);
  } else {
    sql += "state = 'pending' AND " +
           scopeClause(conn_.dialect(), scope, "org_path", "sectors", params) +
           " ORDER BY id LIMIT 500";
  }
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<hazard::Extension> out;
  for (const auto& r : *rows) out.push_back(extensionFrom(r));
  return out;
}

Result<std::int64_t> SqlHazardRepository::addNotification(const hazard::Notification& n) {
  return queryInt(conn_,
                  "INSERT INTO notifications (org_id, hazard_id, kind, message, at) VALUES (?, ?, "
                  "?, ?, ?) RETURNING id",
                  {n.org_id.value, n.hazard_id, n.kind, n.message, toEpochMs(n.at)});
}

Result<std::vector<hazard::Notification>> SqlHazardRepository::notifications(OrgId org,
                                                                             bool unread_only,
                                                                             int limit) {
  auto rows = conn_.query(
      std::string("SELECT id, org_id, hazard_id, kind, message, at, read_at FROM notifications "
                  "WHERE org_id = ?") +
          (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?",
      {org.value, std::int64_t{limit}});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<hazard::Notification> out;
  for (const auto& r : *rows) {
    out.push_back({r.getInt(0), OrgId{r.getInt(1)}, r.getInt(2), r.getText(3), r.getText(4),
                   fromEpochMs(r.getInt(5)), optTime(r, 6)});
  }
  return out;
}

Result<bool> SqlHazardRepository::markNotificationRead(std::int64_t id, OrgId org, TimePoint at) {
  auto rows = conn_.query(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND org_id = ? "
      "RETURNING id",
      {toEpochMs(at), id, org.value});
  if (!rows) return tl::unexpected(rows.error());
  return !rows->empty();
}

Result<void> SqlHazardRepository::setTipKeys(std::int64_t hazard_id, const std::string& code_hash,
                                             const std::string& client_hash) {
  auto rows = conn_.query("UPDATE hazards SET tip_code_hash = ?, tip_client = ? WHERE id = ?",
                          {code_hash, client_hash, hazard_id});
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<std::optional<std::int64_t>> SqlHazardRepository::findTip(const std::string& code_hash) {
  auto rows = conn_.query("SELECT id FROM hazards WHERE tip_code_hash = ?", {code_hash});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows->front().getInt(0)};
}

Result<std::vector<Hazard>> SqlHazardRepository::tipsFrom(const std::string& client_hash,
                                                          TimePoint since) {
  return hazardsFrom(conn_.query(std::string("SELECT ") + kColumns +
                                     " FROM hazards WHERE tip_client = ? AND reported_at >= ? "
                                     "ORDER BY id",
                                 {client_hash, toEpochMs(since)}));
}

Result<std::vector<hazard::CalendarException>> SqlHazardRepository::calendar() {
  auto rows = conn_.query("SELECT day, workday, name FROM calendar_days ORDER BY day", {});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<hazard::CalendarException> out;
  for (const auto& r : *rows) {
    if (auto day = hazard::parseDay(r.getText(0)))
      out.push_back({*day, r.getBool(1), r.getText(2)});
  }
  return out;
}

Result<std::vector<int>> SqlHazardRepository::calendarYears() {
  auto rows = conn_.query("SELECT year FROM calendar_years ORDER BY year", {});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<int> years;
  for (const auto& r : *rows) years.push_back(static_cast<int>(r.getInt(0)));
  return years;
}

Result<void> SqlHazardRepository::replaceCalendarYear(
    int year, const std::vector<hazard::CalendarException>& days) {
  auto loaded =
      conn_.query("INSERT INTO calendar_years (year) VALUES (?) ON CONFLICT (year) DO NOTHING",
                  {std::int64_t{year}});
  if (!loaded) return tl::unexpected(loaded.error());
  if (auto r = conn_.query("DELETE FROM calendar_days WHERE year = ?", {std::int64_t{year}}); !r) {
    return tl::unexpected(r.error());
  }
  for (const auto& d : days) {
    auto r = conn_.query(
        "INSERT INTO calendar_days (day, year, workday, name) VALUES (?, ?, ?, ?)",
        {hazard::formatDay(d.day), std::int64_t{year}, std::int64_t{d.workday ? 1 : 0}, d.name});
    if (!r) return tl::unexpected(r.error());
  }
  return ok();
}

Result<std::optional<hazard::HazardPolicy>> SqlHazardRepository::policy() {
  auto rows =
      conn_.query("SELECT rules, milestones, escalation FROM hazard_policy WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<hazard::HazardPolicy>{};
  hazard::HazardPolicy p;
  for (const auto& c : lines(rows->front().getText(0))) {
    if (c.size() != 6) continue;
    hazard::DeadlineRule rule;
    if (c[0] != "*") rule.source = hazard::parseSource(c[0]);
    if (c[1] != "*") rule.grade = hazard::parseGrade(c[1]);
    rule.default_days = std::stoi(c[2]);
    rule.max_days = std::stoi(c[3]);
    rule.count = hazard::parseDayCount(c[4]).value_or(hazard::DayCount::Calendar);
    rule.basis = c[5];
    p.rules.push_back(std::move(rule));
  }
  for (const auto& c : lines(rows->front().getText(1))) {
    if (c.size() == 2) p.major_milestones.push_back({c[0], std::stoi(c[1])});
  }
  const auto esc = lines(rows->front().getText(2));
  if (!esc.empty() && esc.front().size() == 5) {
    const auto& e = esc.front();
    p.escalation = {std::stoi(e[0]), std::stoi(e[1]), std::stoi(e[2]), std::stoi(e[3]),
                    std::stoi(e[4])};
  }
  return std::optional<hazard::HazardPolicy>{std::move(p)};
}

Result<void> SqlHazardRepository::savePolicy(const hazard::HazardPolicy& p) {
  std::string rules;
  for (const auto& r : p.rules) {
    rules += std::string(r.source ? toString(*r.source) : "*") + "\t" +
             (r.grade ? toString(*r.grade) : "*") + "\t" + std::to_string(r.default_days) + "\t" +
             std::to_string(r.max_days) + "\t" + toString(r.count) + "\t" + clean(r.basis) + "\n";
  }
  std::string milestones;
  for (const auto& m : p.major_milestones) {
    milestones += clean(m.name) + "\t" + std::to_string(m.working_days) + "\n";
  }
  const auto& e = p.escalation;
  const std::string escalation =
      std::to_string(e.due_soon_days) + "\t" + std::to_string(e.general_city_after_days) + "\t" +
      std::to_string(e.general_province_after_days) + "\t" +
      std::to_string(e.major_city_after_days) + "\t" + std::to_string(e.major_province_after_days);
  if (auto r = conn_.query("DELETE FROM hazard_policy WHERE id = 1", {}); !r) {
    return tl::unexpected(r.error());
  }
  auto r = conn_.query(
      "INSERT INTO hazard_policy (id, rules, milestones, escalation) VALUES (1, ?, ?, ?)",
      {rules, milestones, escalation});
  if (!r) return tl::unexpected(r.error());
  return ok();
}

}  // namespace citysafe::sql
