#include <sstream>

#include "citysafe/common/base64.hpp"
#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Hazard;

// Every column of hazards the port maps. id and row_version first: the store sets both.
// clang-format off
constexpr Columns<41> kHazard{{
    "id", "row_version", "code", "title", "description", "source", "grade", "state", "sector",
    "sectors", "org_id", "org_path", "responsible_org_id", "responsible_org_path",
    "assigned_by_org_id", "risk_point_id", "lon", "lat", "address", "found_by", "found_by_name",
    "found_at", "reported_at", "assigned_at", "deadline_at", "original_deadline_at",
    "deadline_basis", "due_soon_at", "overdue_at", "submitted_at", "closed_at", "closed_on_time",
    "rectifiers", "sup_tier", "sup_listed_at", "sup_reason", "sup_delisted_at", "reopen_count",
    "external_code", "updated_at", "tip_contact"}};
// clang-format on
constexpr std::size_t kStoreSet = 2;  // id and row_version: not written from the hazard

Value orgValue(const std::optional<OrgId>& id) { return id ? Value{id->value} : Value{nullptr}; }
Value userValue(const std::optional<UserId>& id) { return id ? Value{id->value} : Value{nullptr}; }
Value text(const char* name) { return Value{std::string(name)}; }

template <class Tag>
std::string joinIds(const std::vector<Id<Tag>>& ids) {
  std::string out = ",";
  for (auto id : ids) out += std::to_string(id.value) + ",";
  return out;
}

template <class Tag>
std::vector<Id<Tag>> splitIds(const std::string& text) {
  std::vector<Id<Tag>> ids;
  for (const auto& part : splitSectors(text)) ids.emplace_back(std::stoll(part));
  return ids;
}

Result<hazard::Tier> storedTier(std::int64_t value) {
  if (value < 0 || value >= static_cast<std::int64_t>(hazard::kTierNames.names.size())) {
    return fail(Errc::Internal, "hazards.sup_tier",
                "unknown value " + std::to_string(value) + " stored in hazards.sup_tier");
  }
  return static_cast<hazard::Tier>(value);
}

Result<Hazard> fromRow(const Row& r) {
  constexpr const auto& kCol = kHazard;
  Hazard h;
  h.id = HazardId{r.getInt(kCol.at("id"))};
  h.version = r.getInt(kCol.at("row_version"));
  h.code = r.getText(kCol.at("code"));
  h.title = r.getText(kCol.at("title"));
  h.description = r.getText(kCol.at("description"));
  h.source = CS_TRY(storedEnum<hazard::Source>(r.getText(kCol.at("source")), "hazards.source"));
  h.grade = CS_TRY(storedEnum<hazard::Grade>(r.getText(kCol.at("grade")), "hazards.grade"));
  h.state = CS_TRY(storedEnum<hazard::State>(r.getText(kCol.at("state")), "hazards.state"));
  h.sector = r.getText(kCol.at("sector"));
  h.org_id = OrgId{r.getInt(kCol.at("org_id"))};
  h.org_path = r.getText(kCol.at("org_path"));
  if (!r.isNull(kCol.at("responsible_org_id"))) {
    h.responsible_org_id = OrgId{r.getInt(kCol.at("responsible_org_id"))};
  }
  h.responsible_org_path = r.getText(kCol.at("responsible_org_path"));
  if (!r.isNull(kCol.at("assigned_by_org_id"))) {
    h.assigned_by_org_id = OrgId{r.getInt(kCol.at("assigned_by_org_id"))};
  }
  if (!r.isNull(kCol.at("risk_point_id"))) h.risk_point_id = r.getInt(kCol.at("risk_point_id"));
  h.location = {r.getDouble(kCol.at("lon")), r.getDouble(kCol.at("lat"))};
  h.address = r.getText(kCol.at("address"));
  if (!r.isNull(kCol.at("found_by"))) h.found_by = UserId{r.getInt(kCol.at("found_by"))};
  h.found_by_name = r.getText(kCol.at("found_by_name"));
  h.found_at = fromEpochMs(r.getInt(kCol.at("found_at")));
  h.reported_at = fromEpochMs(r.getInt(kCol.at("reported_at")));
  h.assigned_at = optTime(r, kCol.at("assigned_at"));
  h.deadline_at = optTime(r, kCol.at("deadline_at"));
  h.original_deadline_at = optTime(r, kCol.at("original_deadline_at"));
  h.deadline_basis = r.getText(kCol.at("deadline_basis"));
  h.due_soon_at = optTime(r, kCol.at("due_soon_at"));
  h.overdue_at = optTime(r, kCol.at("overdue_at"));
  h.submitted_at = optTime(r, kCol.at("submitted_at"));
  h.closed_at = optTime(r, kCol.at("closed_at"));
  if (!r.isNull(kCol.at("closed_on_time"))) h.closed_on_time = r.getBool(kCol.at("closed_on_time"));
  h.rectifiers = splitIds<UserTag>(r.getText(kCol.at("rectifiers")));
  if (!r.isNull(kCol.at("sup_tier"))) {
    h.supervision = hazard::Supervision{CS_TRY(storedTier(r.getInt(kCol.at("sup_tier")))),
                                        fromEpochMs(r.getInt(kCol.at("sup_listed_at"))),
                                        r.getText(kCol.at("sup_reason")),
                                        optTime(r, kCol.at("sup_delisted_at"))};
  }
  h.reopen_count = static_cast<int>(r.getInt(kCol.at("reopen_count")));
  h.external_code = r.getText(kCol.at("external_code"));
  h.updated_at = fromEpochMs(r.getInt(kCol.at("updated_at")));
  h.tip_contact = r.getText(kCol.at("tip_contact"));
  return h;
}

// The columns after kStoreSet, in kHazard's order, for INSERT and UPDATE.
std::vector<Value> rowValues(const Hazard& h) {
  const auto& sup = h.supervision;
  return {h.code,
          h.title,
          h.description,
          text(nameOf(h.source)),
          text(nameOf(h.grade)),
          text(nameOf(h.state)),
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
          userValue(h.found_by),
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
          joinIds(h.rectifiers),
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

template <class E>
void addIn(std::string& w, const char* column, const std::vector<E>& values,
           std::vector<Value>& params) {
  w += std::string(" AND ") + column + " IN " + inList(values.size());
  for (auto v : values) params.emplace_back(text(nameOf(v)));
}

std::string whereOf(Dialect dialect, const store::HazardFilter& f, std::vector<Value>& params) {
  // In scope where the hazard is, or assigned to a unit inside the subtree (as the core says).
  // Two statements: the order the parameters are appended in must follow the SQL text.
  std::string w = "(" + scopeClause(dialect, f.scope, "org_path", "sectors", params);
  w += " OR " + subtreeClause(dialect, "responsible_org_path", f.scope.subtree_path, params) + ")";
  if (!f.states.empty()) addIn(w, "state", f.states, params);
  if (f.grade) {
    w += " AND grade = ?";
    params.emplace_back(text(nameOf(*f.grade)));
  }
  if (f.source) {
    w += " AND source = ?";
    params.emplace_back(text(nameOf(*f.source)));
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
    // hazard::isOverdue: being fixed, and the deadline before the moment.
    addIn(w, "state", std::vector(hazard::kFixingStates.begin(), hazard::kFixingStates.end()),
          params);
    w += " AND deadline_at < ?";
    params.emplace_back(toEpochMs(*f.overdue_at));
  }
  if (f.deadline_through) {
    w += " AND deadline_at <= ?";
    params.emplace_back(toEpochMs(*f.deadline_through));
  }
  if (f.supervised_only) w += " AND sup_tier IS NOT NULL";
  if (f.listed) {
    w += *f.listed ? " AND sup_tier IS NOT NULL AND sup_delisted_at IS NULL"
                   : " AND (sup_tier IS NULL OR sup_delisted_at IS NOT NULL)";
  }
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

template <class T>
Result<std::vector<T>> mapRows(const std::vector<Row>& rows, Result<T> (*from)(const Row&)) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(CS_TRY(from(r)));
  return out;
}

constexpr Columns<11> kTimeline{{"id", "hazard_id", "at", "action", "from_state", "to_state",
                                 "actor_id", "actor_name", "note", "deadline_at", "media_ids"}};
// thumbnail <> '' is has_thumbnail; the bytes are read on their own.
constexpr Columns<12> kMedia{{"id", "hazard_id", "stage", "content_type", "file_name", "bytes",
                              "sha256", "width", "height", "uploaded_by", "uploaded_at",
                              "thumbnail <> ''"}};
constexpr Columns<15> kExtension{{"id", "hazard_id", "org_path", "sectors", "requested_by",
                                  "requested_by_name", "requested_at", "reason",
                                  "previous_deadline", "requested_deadline", "state", "decided_by",
                                  "decided_by_name", "decided_at", "decision_note"}};
constexpr Columns<7> kNotification{
    {"id", "org_id", "hazard_id", "kind", "message", "at", "read_at"}};

Result<hazard::TimelineEntry> timelineFrom(const Row& r) {
  constexpr const auto& kCol = kTimeline;
  hazard::TimelineEntry e;
  e.id = r.getInt(kCol.at("id"));
  e.hazard_id = HazardId{r.getInt(kCol.at("hazard_id"))};
  e.at = fromEpochMs(r.getInt(kCol.at("at")));
  e.action = r.getText(kCol.at("action"));
  e.from = CS_TRY(
      storedEnum<hazard::State>(r.getText(kCol.at("from_state")), "hazard_timeline.from_state"));
  e.to =
      CS_TRY(storedEnum<hazard::State>(r.getText(kCol.at("to_state")), "hazard_timeline.to_state"));
  if (!r.isNull(kCol.at("actor_id"))) e.actor_id = UserId{r.getInt(kCol.at("actor_id"))};
  e.actor_name = r.getText(kCol.at("actor_name"));
  e.note = r.getText(kCol.at("note"));
  e.deadline_at = optTime(r, kCol.at("deadline_at"));
  e.media_ids = splitIds<MediaTag>(r.getText(kCol.at("media_ids")));
  return e;
}

Result<hazard::Media> mediaFrom(const Row& r) {
  constexpr const auto& kCol = kMedia;
  hazard::Media m;
  m.id = MediaId{r.getInt(kCol.at("id"))};
  m.hazard_id = HazardId{r.getInt(kCol.at("hazard_id"))};
  m.stage =
      CS_TRY(storedEnum<hazard::MediaStage>(r.getText(kCol.at("stage")), "hazard_media.stage"));
  m.content_type = r.getText(kCol.at("content_type"));
  m.file_name = r.getText(kCol.at("file_name"));
  m.bytes = r.getInt(kCol.at("bytes"));
  m.sha256 = r.getText(kCol.at("sha256"));
  m.width = static_cast<int>(r.getInt(kCol.at("width")));
  m.height = static_cast<int>(r.getInt(kCol.at("height")));
  if (!r.isNull(kCol.at("uploaded_by"))) m.uploaded_by = UserId{r.getInt(kCol.at("uploaded_by"))};
  m.uploaded_at = fromEpochMs(r.getInt(kCol.at("uploaded_at")));
  m.has_thumbnail = r.getBool(kCol.at("thumbnail <> ''"));
  return m;
}

Result<hazard::Extension> extensionFrom(const Row& r) {
  constexpr const auto& kCol = kExtension;
  hazard::Extension e;
  e.id = r.getInt(kCol.at("id"));
  e.hazard_id = HazardId{r.getInt(kCol.at("hazard_id"))};
  e.hazard_org_path = r.getText(kCol.at("org_path"));
  const auto sectors = splitSectors(r.getText(kCol.at("sectors")));
  e.hazard_sector = sectors.empty() ? "" : sectors.front();
  e.requested_by = UserId{r.getInt(kCol.at("requested_by"))};
  e.requested_by_name = r.getText(kCol.at("requested_by_name"));
  e.requested_at = fromEpochMs(r.getInt(kCol.at("requested_at")));
  e.reason = r.getText(kCol.at("reason"));
  e.previous_deadline = fromEpochMs(r.getInt(kCol.at("previous_deadline")));
  e.requested_deadline = fromEpochMs(r.getInt(kCol.at("requested_deadline")));
  e.state = CS_TRY(
      storedEnum<hazard::ExtensionState>(r.getText(kCol.at("state")), "hazard_extensions.state"));
  if (!r.isNull(kCol.at("decided_by"))) e.decided_by = UserId{r.getInt(kCol.at("decided_by"))};
  e.decided_by_name = r.getText(kCol.at("decided_by_name"));
  e.decided_at = optTime(r, kCol.at("decided_at"));
  e.decision_note = r.getText(kCol.at("decision_note"));
  return e;
}

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

Result<Hazard> SqlHazardRepository::get(HazardId id) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kHazard.list() + " FROM hazards WHERE id = ?", {id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such hazard");
  return fromRow(rows.front());
}

Result<HazardId> SqlHazardRepository::insert(const Hazard& h) {
  return HazardId{CS_TRY(
      queryInt(conn_, kHazard.insertInto("hazards", kStoreSet) + " RETURNING id", rowValues(h)))};
}

Result<void> SqlHazardRepository::update(Hazard& h) {
  auto params = rowValues(h);
  params.emplace_back(h.id.value);
  params.emplace_back(h.version);
  auto rows = CS_TRY(conn_.query("UPDATE hazards SET " + kHazard.assignments(kStoreSet) +
                                     ", row_version = row_version + 1 WHERE id = ? AND "
                                     "row_version = ? RETURNING row_version",
                                 params));
  if (rows.empty()) {
    return fail(Errc::Conflict, "id", "the hazard was changed meanwhile; reload it and try again");
  }
  h.version = rows.front().getInt(0);
  return ok();
}

Result<std::vector<Hazard>> SqlHazardRepository::list(const store::HazardFilter& f, int limit,
                                                      HazardId before_id) {
  std::vector<Value> params;
  std::string sql =
      "SELECT " + kHazard.list() + " FROM hazards WHERE " + whereOf(conn_.dialect(), f, params);
  if (before_id.valid()) {
    sql += " AND id < ?";
    params.emplace_back(before_id.value);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return mapRows(CS_TRY(conn_.query(sql, params)), fromRow);
}

Result<store::StateCounts> SqlHazardRepository::countByState(const store::HazardFilter& f) {
  std::vector<Value> params;
  auto rows = CS_TRY(conn_.query("SELECT state, COUNT(*) FROM hazards WHERE " +
                                     whereOf(conn_.dialect(), f, params) + " GROUP BY state",
                                 params));
  store::StateCounts counts{};
  for (const auto& r : rows) {
    const auto s = CS_TRY(storedEnum<hazard::State>(r.getText(0), "hazards.state"));
    counts[static_cast<std::size_t>(s)] = r.getInt(1);
  }
  return counts;
}

Result<std::int64_t> SqlHazardRepository::addTimeline(const hazard::TimelineEntry& e) {
  return queryInt(conn_, kTimeline.insertInto("hazard_timeline") + " RETURNING id",
                  {e.hazard_id.value, toEpochMs(e.at), e.action, text(nameOf(e.from)),
                   text(nameOf(e.to)), userValue(e.actor_id), e.actor_name, e.note,
                   timeValue(e.deadline_at), joinIds(e.media_ids)});
}

Result<std::vector<hazard::TimelineEntry>> SqlHazardRepository::timeline(HazardId hazard_id) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kTimeline.list() +
                                        " FROM hazard_timeline WHERE hazard_id = ? ORDER BY id",
                                    {hazard_id.value})),
                 timelineFrom);
}

Result<MediaId> SqlHazardRepository::addMedia(const hazard::Media& m, const std::string& data,
                                              const std::string& thumbnail) {
  return MediaId{CS_TRY(queryInt(
      conn_,
      "INSERT INTO hazard_media (hazard_id, stage, content_type, file_name, bytes, sha256, width, "
      "height, uploaded_by, uploaded_at, data, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?) RETURNING id",
      {m.hazard_id.value, text(nameOf(m.stage)), m.content_type, m.file_name, m.bytes, m.sha256,
       std::int64_t{m.width}, std::int64_t{m.height}, userValue(m.uploaded_by),
       toEpochMs(m.uploaded_at), base64Encode(data), base64Encode(thumbnail)}))};
}

Result<std::vector<hazard::Media>> SqlHazardRepository::media(HazardId hazard_id) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kMedia.list() +
                                        " FROM hazard_media WHERE hazard_id = ? ORDER BY id",
                                    {hazard_id.value})),
                 mediaFrom);
}

Result<store::MediaContent> SqlHazardRepository::mediaContent(MediaId media_id, bool thumbnail) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kMedia.list() + ", " + (thumbnail ? "thumbnail" : "data") +
                             " FROM hazard_media WHERE id = ?",
                         {media_id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such media");
  auto data = base64Decode(rows.front().getText(kMedia.size()));
  if (!data) return fail(Errc::Internal, "id", "stored media is damaged");
  return store::MediaContent{CS_TRY(mediaFrom(rows.front())), std::move(*data)};
}

Result<std::int64_t> SqlHazardRepository::addExtension(const hazard::Extension& e) {
  return queryInt(
      conn_,
      "INSERT INTO hazard_extensions (hazard_id, org_path, sectors, requested_by, "
      "requested_by_name, requested_at, reason, previous_deadline, requested_deadline, state) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.hazard_id.value, e.hazard_org_path, joinSectors({e.hazard_sector}), e.requested_by.value,
       e.requested_by_name, toEpochMs(e.requested_at), e.reason, toEpochMs(e.previous_deadline),
       toEpochMs(e.requested_deadline), text(nameOf(e.state))});
}

Result<void> SqlHazardRepository::updateExtension(const hazard::Extension& e) {
  auto rows = CS_TRY(conn_.query(
      "UPDATE hazard_extensions SET state = ?, decided_by = ?, decided_by_name = ?, decided_at = "
      "?, decision_note = ? WHERE id = ? AND state = 'pending' RETURNING id",
      {text(nameOf(e.state)), userValue(e.decided_by), e.decided_by_name, timeValue(e.decided_at),
       e.decision_note, e.id}));
  if (rows.empty()) return fail(Errc::Conflict, "id", "the request was already decided");
  return ok();
}

Result<hazard::Extension> SqlHazardRepository::extension(std::int64_t id) {
  auto rows = CS_TRY(
      conn_.query("SELECT " + kExtension.list() + " FROM hazard_extensions WHERE id = ?", {id}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such extension request");
  return extensionFrom(rows.front());
}

Result<std::vector<hazard::Extension>> SqlHazardRepository::extensions(
    HazardId hazard_id, const identity::Scope& scope) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kExtension.list() + " FROM hazard_extensions WHERE ";
  if (hazard_id.valid()) {
    sql += "hazard_id = ? ORDER BY id";
    params.emplace_back(hazard_id.value);
  } else {
    sql += "state = 'pending' AND " +
           scopeClause(conn_.dialect(), scope, "org_path", "sectors", params) +
           " ORDER BY id LIMIT 500";
  }
  return mapRows(CS_TRY(conn_.query(sql, params)), extensionFrom);
}

Result<std::int64_t> SqlHazardRepository::addNotification(const hazard::Notification& n) {
  return queryInt(conn_,
                  "INSERT INTO notifications (org_id, hazard_id, kind, message, at) VALUES (?, ?, "
                  "?, ?, ?) RETURNING id",
                  {n.org_id.value, n.hazard_id.value, n.kind, n.message, toEpochMs(n.at)});
}

Result<std::vector<hazard::Notification>> SqlHazardRepository::notifications(OrgId org,
                                                                             bool unread_only,
                                                                             int limit) {
  return mapRows(CS_TRY(conn_.query(
                     "SELECT " + kNotification.list() + " FROM notifications WHERE org_id = ?" +
                         (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?",
                     {org.value, std::int64_t{limit}})),
                 notificationFrom);
}

Result<bool> SqlHazardRepository::markNotificationRead(std::int64_t id, OrgId org, TimePoint at) {
  auto rows = CS_TRY(conn_.query(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND org_id = ? "
      "RETURNING id",
      {toEpochMs(at), id, org.value}));
  return !rows.empty();
}

Result<void> SqlHazardRepository::setTipKeys(HazardId hazard_id, const std::string& code_hash,
                                             const std::string& client_hash) {
  CS_TRY(conn_.query("UPDATE hazards SET tip_code_hash = ?, tip_client = ? WHERE id = ?",
                     {code_hash, client_hash, hazard_id.value}));
  return ok();
}

Result<std::optional<HazardId>> SqlHazardRepository::findTip(const std::string& code_hash) {
  auto rows = CS_TRY(conn_.query("SELECT id FROM hazards WHERE tip_code_hash = ?", {code_hash}));
  if (rows.empty()) return std::optional<HazardId>{};
  return std::optional<HazardId>{HazardId{rows.front().getInt(0)}};
}

Result<std::vector<Hazard>> SqlHazardRepository::tipsFrom(const std::string& client_hash,
                                                          TimePoint since) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kHazard.list() +
                                        " FROM hazards WHERE tip_client = ? AND reported_at >= ? "
                                        "ORDER BY id",
                                    {client_hash, toEpochMs(since)})),
                 fromRow);
}

Result<std::vector<hazard::CalendarException>> SqlHazardRepository::calendar() {
  auto rows = CS_TRY(conn_.query("SELECT day, workday, name FROM calendar_days ORDER BY day", {}));
  std::vector<hazard::CalendarException> out;
  for (const auto& r : rows) {
    const auto day = hazard::parseDay(r.getText(0));
    if (!day) {
      return fail(Errc::Internal, "calendar_days.day",
                  "unknown day '" + r.getText(0) + "' stored in calendar_days.day");
    }
    out.push_back({*day, r.getBool(1), r.getText(2)});
  }
  return out;
}

Result<std::vector<int>> SqlHazardRepository::calendarYears() {
  auto rows = CS_TRY(conn_.query("SELECT year FROM calendar_years ORDER BY year", {}));
  std::vector<int> years;
  for (const auto& r : rows) years.push_back(static_cast<int>(r.getInt(0)));
  return years;
}

Result<void> SqlHazardRepository::replaceCalendarYear(
    int year, const std::vector<hazard::CalendarException>& days) {
  CS_TRY(conn_.query("INSERT INTO calendar_years (year) VALUES (?) ON CONFLICT (year) DO NOTHING",
                     {std::int64_t{year}}));
  CS_TRY(conn_.query("DELETE FROM calendar_days WHERE year = ?", {std::int64_t{year}}));
  for (const auto& d : days) {
    CS_TRY(conn_.query(
        "INSERT INTO calendar_days (day, year, workday, name) VALUES (?, ?, ?, ?)",
        {hazard::formatDay(d.day), std::int64_t{year}, std::int64_t{d.workday ? 1 : 0}, d.name}));
  }
  return ok();
}

Result<std::optional<hazard::HazardPolicy>> SqlHazardRepository::policy() {
  auto rows = CS_TRY(
      conn_.query("SELECT rules, milestones, escalation FROM hazard_policy WHERE id = 1", {}));
  if (rows.empty()) return std::optional<hazard::HazardPolicy>{};
  hazard::HazardPolicy p;
  for (const auto& c : lines(rows.front().getText(0))) {
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
  for (const auto& c : lines(rows.front().getText(1))) {
    if (c.size() == 2) p.major_milestones.push_back({c[0], std::stoi(c[1])});
  }
  const auto esc = lines(rows.front().getText(2));
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
  CS_TRY(conn_.query("DELETE FROM hazard_policy WHERE id = 1", {}));
  CS_TRY(conn_.query(
      "INSERT INTO hazard_policy (id, rules, milestones, escalation) VALUES (1, ?, ?, ?)",
      {rules, milestones, escalation}));
  return ok();
}

}  // namespace citysafe::sql
