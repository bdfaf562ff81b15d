// The hazards table, each hazard's timeline, and the tip keys kept on the hazard's row.
#include "citysafe/sql/columns.hpp"
#include "hazard_repositories.hpp"

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
          named(h.source),
          named(h.grade),
          named(h.state),
          h.sector,
          joinSectors({h.sector}),
          h.org_id.value,
          h.org_path,
          idValue(h.responsible_org_id),
          h.responsible_org_path,
          idValue(h.assigned_by_org_id),
          h.risk_point_id ? Value{*h.risk_point_id} : Value{nullptr},
          h.location.lon,
          h.location.lat,
          h.address,
          idValue(h.found_by),
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
  for (auto v : values) params.emplace_back(named(v));
}

std::string whereOf(Dialect dialect, const store::HazardFilter& f, std::vector<Value>& params) {
  // In scope where the hazard is, or assigned to a unit inside the subtree (as the core says).
  // Two statements: the order the parameters are appended in must follow the SQL text.
  std::string w = "(" + scopeClause(dialect, f.scope, "org_path", "sectors", params);
  w += " OR " + subtreeClause(dialect, "responsible_org_path", f.scope.subtree_path, params) + ")";
  if (!f.states.empty()) addIn(w, "state", f.states, params);
  if (f.grade) andWhere(w, params, "grade = ?", named(*f.grade));
  if (f.source) andWhere(w, params, "source = ?", named(*f.source));
  if (f.sector) andWhere(w, params, "sector = ?", *f.sector);
  if (f.org_path) w += " AND " + subtreeClause(dialect, "org_path", *f.org_path, params);
  if (f.responsible_org_id) {
    andWhere(w, params, "responsible_org_id = ?", f.responsible_org_id->value);
  }
  if (f.bbox) {
    w += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
    params.insert(params.end(),
                  {f.bbox->min_lon, f.bbox->max_lon, f.bbox->min_lat, f.bbox->max_lat});
  }
  if (f.found_from) andWhere(w, params, "found_at >= ?", toEpochMs(*f.found_from));
  if (f.found_to) andWhere(w, params, "found_at < ?", toEpochMs(*f.found_to));
  if (f.overdue_at) {
    // hazard::isOverdue: being fixed, and the deadline before the moment.
    addIn(w, "state", std::vector(hazard::kFixingStates.begin(), hazard::kFixingStates.end()),
          params);
    andWhere(w, params, "deadline_at < ?", toEpochMs(*f.overdue_at));
  }
  if (f.deadline_through) andWhere(w, params, "deadline_at <= ?", toEpochMs(*f.deadline_through));
  if (f.supervised_only) w += " AND sup_tier IS NOT NULL";
  if (f.listed) {
    w += *f.listed ? " AND sup_tier IS NOT NULL AND sup_delisted_at IS NULL"
                   : " AND (sup_tier IS NULL OR sup_delisted_at IS NOT NULL)";
  }
  if (f.tier) andWhere(w, params, "sup_tier = ?", static_cast<std::int64_t>(*f.tier));
  if (!f.text.empty()) {
    w += " AND (code LIKE ? OR title LIKE ? OR description LIKE ? OR external_code LIKE ?)";
    const std::string like = "%" + f.text + "%";
    params.insert(params.end(), {like, like, like, like});
  }
  return w;
}

constexpr Columns<11> kTimeline{{"id", "hazard_id", "at", "action", "from_state", "to_state",
                                 "actor_id", "actor_name", "note", "deadline_at", "media_ids"}};

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
                                                      HazardId before) {
  std::vector<Value> params;
  std::string sql =
      "SELECT " + kHazard.list() + " FROM hazards WHERE " + whereOf(conn_.dialect(), f, params);
  if (before.valid()) andWhere(sql, params, "id < ?", before.value);
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
  return queryInt(
      conn_, kTimeline.insertInto("hazard_timeline") + " RETURNING id",
      {e.hazard_id.value, toEpochMs(e.at), e.action, named(e.from), named(e.to),
       idValue(e.actor_id), e.actor_name, e.note, timeValue(e.deadline_at), joinIds(e.media_ids)});
}

Result<std::vector<hazard::TimelineEntry>> SqlHazardRepository::timeline(HazardId hazard) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kTimeline.list() +
                                        " FROM hazard_timeline WHERE hazard_id = ? ORDER BY id",
                                    {hazard.value})),
                 timelineFrom);
}

Result<void> SqlTipRepository::setKeys(HazardId hazard_id, const std::string& code_hash,
                                       const std::string& client_hash) {
  CS_TRY(conn_.query("UPDATE hazards SET tip_code_hash = ?, tip_client = ? WHERE id = ?",
                     {code_hash, client_hash, hazard_id.value}));
  return ok();
}

Result<std::optional<HazardId>> SqlTipRepository::find(const std::string& code_hash) {
  auto rows = CS_TRY(conn_.query("SELECT id FROM hazards WHERE tip_code_hash = ?", {code_hash}));
  if (rows.empty()) return std::optional<HazardId>{};
  return std::optional<HazardId>{HazardId{rows.front().getInt(0)}};
}

Result<std::vector<Hazard>> SqlTipRepository::from(const std::string& client_hash,
                                                   TimePoint since) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kHazard.list() +
                                        " FROM hazards WHERE tip_client = ? AND reported_at >= ? "
                                        "ORDER BY id",
                                    {client_hash, toEpochMs(since)})),
                 fromRow);
}

}  // namespace citysafe::sql
