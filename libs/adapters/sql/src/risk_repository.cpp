#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

constexpr Columns<24> kRisk{
    {"id",          "code",     "name",          "kind",          "sector",     "sectors",
     "org_id",      "org_path", "enterprise_id", "geometry_type", "coords",     "lon",
     "lat",         "capacity", "level",         "method",        "basis",      "value",
     "assessed_at", "due_at",   "hazard_grade",  "created_at",    "updated_at", "row_version"}};

Result<std::optional<risk::RiskLevel>> levelOf(const Row& r, std::size_t column) {
  if (r.isNull(column)) return std::optional<risk::RiskLevel>{};
  return risk::storedLevel(r.getInt(column), "risk_points.level").map([](risk::RiskLevel l) {
    return std::optional<risk::RiskLevel>(l);
  });
}

Result<risk::RiskPoint> fromRow(const Row& r) {
  risk::RiskPoint p;
  p.id = RiskPointId{r.getInt(kRisk.at("id"))};
  p.code = r.getText(kRisk.at("code"));
  p.name = r.getText(kRisk.at("name"));
  p.kind = CS_TRY(storedEnum<risk::RiskKind>(r.getText(kRisk.at("kind")), "risk_points.kind"));
  p.sector = r.getText(kRisk.at("sector"));
  p.org_id = OrgId{r.getInt(kRisk.at("org_id"))};
  p.org_path = r.getText(kRisk.at("org_path"));
  if (!r.isNull(kRisk.at("enterprise_id"))) {
    p.enterprise_id = OrgId{r.getInt(kRisk.at("enterprise_id"))};
  }
  p.geometry.type = CS_TRY(storedEnum<risk::GeometryType>(r.getText(kRisk.at("geometry_type")),
                                                          "risk_points.geometry_type"));
  p.geometry.points = decodeCoords(r.getText(kRisk.at("coords")));
  p.capacity = r.getInt(kRisk.at("capacity"));
  if (!r.isNull(kRisk.at("level"))) {
    p.latest = risk::AssessmentSummary{
        r.getText(kRisk.at("method")),
        r.getText(kRisk.at("basis")),
        r.getDouble(kRisk.at("value")),
        CS_TRY(risk::storedLevel(r.getInt(kRisk.at("level")), "risk_points.level")),
        fromEpochMs(r.getInt(kRisk.at("assessed_at"))),
        fromEpochMs(r.getInt(kRisk.at("due_at")))};
  }
  p.hazard_grade = static_cast<int>(r.getInt(kRisk.at("hazard_grade")));
  p.created_at = fromEpochMs(r.getInt(kRisk.at("created_at")));
  p.updated_at = fromEpochMs(r.getInt(kRisk.at("updated_at")));
  p.version = r.getInt(kRisk.at("row_version"));
  return p;
}

// Every column but the id, in kRisk's order.
std::vector<Value> rowValues(const risk::RiskPoint& p) {
  const auto at = p.geometry.representative();
  const auto& l = p.latest;
  return {p.code,
          p.name,
          std::string(nameOf(p.kind)),
          p.sector,
          joinSectors({p.sector}),
          p.org_id.value,
          p.org_path,
          p.enterprise_id ? Value{p.enterprise_id->value} : Value{nullptr},
          std::string(nameOf(p.geometry.type)),
          encodeCoords(p.geometry.points),
          at.lon,
          at.lat,
          p.capacity,
          l ? Value{static_cast<std::int64_t>(l->level)} : Value{nullptr},
          l ? Value{l->method} : Value{nullptr},
          l ? Value{l->basis} : Value{nullptr},
          l ? Value{l->value} : Value{nullptr},
          l ? Value{toEpochMs(l->assessed_at)} : Value{nullptr},
          l ? Value{toEpochMs(l->due_at)} : Value{nullptr},
          std::int64_t{p.hazard_grade},
          toEpochMs(p.created_at),
          toEpochMs(p.updated_at),
          p.version};
}

// WHERE clause (without "WHERE") for a filter; appends parameters.
std::string whereOf(Dialect dialect, const store::RiskFilter& f, std::vector<Value>& params) {
  std::string w = scopeClause(dialect, f.scope, "org_path", "sectors", params);
  if (f.bbox) {
    // Each store's spatial index: SQLite's R*Tree, PostgreSQL's GiST on point(lon, lat).
    if (dialect == Dialect::Sqlite) {
      // The R*Tree keeps 32-bit boxes rounded outwards: use it to find candidates, then decide
      // on the exact coordinates so points on the edge are neither lost nor added.
      w += " AND id IN (SELECT id FROM risk_points_rtree WHERE max_lon >= ? AND min_lon <= ? AND "
           "max_lat >= ? AND min_lat <= ?) AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
      params.insert(params.end(),
                    {f.bbox->min_lon, f.bbox->max_lon, f.bbox->min_lat, f.bbox->max_lat,
                     f.bbox->min_lon, f.bbox->max_lon, f.bbox->min_lat, f.bbox->max_lat});
    } else {
      w += " AND point(lon, lat) <@ box(point(?, ?), point(?, ?))";
      params.insert(params.end(),
                    {f.bbox->min_lon, f.bbox->min_lat, f.bbox->max_lon, f.bbox->max_lat});
    }
  }
  if (f.sector) {
    w += " AND sector = ?";
    params.emplace_back(*f.sector);
  }
  if (f.org_path) w += " AND " + subtreeClause(dialect, "org_path", *f.org_path, params);
  if (!f.levels.empty()) {
    w += " AND level IN (";
    for (std::size_t i = 0; i < f.levels.size(); ++i) {
      w += i ? ", ?" : "?";
      params.emplace_back(static_cast<std::int64_t>(f.levels[i]));
    }
    w += ")";
  }
  if (!f.kinds.empty()) {
    w += " AND kind IN (";
    for (std::size_t i = 0; i < f.kinds.size(); ++i) {
      w += i ? ", ?" : "?";
      params.emplace_back(std::string(nameOf(f.kinds[i])));
    }
    w += ")";
  }
  if (f.major_hazard_only) w += " AND hazard_grade > 0";
  return w;
}

}  // namespace

Result<risk::RiskPoint> SqlRiskRepository::get(RiskPointId id) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kRisk.list() + " FROM risk_points WHERE id = ?", {id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such risk point");
  return fromRow(rows.front());
}

Result<RiskPointId> SqlRiskRepository::insert(const risk::RiskPoint& p) {
  return queryInt(conn_, kRisk.insertInto("risk_points") + " RETURNING id", rowValues(p))
      .map([](std::int64_t id) { return RiskPointId{id}; });
}

Result<void> SqlRiskRepository::update(const risk::RiskPoint& p) {
  auto params = rowValues(p);
  params.emplace_back(p.id.value);
  CS_TRY(conn_.exec("UPDATE risk_points SET " + kRisk.assignments() + " WHERE id = ?", params));
  return ok();
}

Result<std::vector<risk::RiskPoint>> SqlRiskRepository::list(const store::RiskFilter& f,
                                                             store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  const std::string sql = "SELECT " + kRisk.list() + " FROM risk_points WHERE id > ? AND " +
                          whereOf(conn_.dialect(), f, params) + " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return queryRows(conn_, sql, params, fromRow);
}

Result<store::LevelCounts> SqlRiskRepository::countByLevel(const store::RiskFilter& f) {
  std::vector<Value> params;
  auto rows = CS_TRY(conn_.query("SELECT level, COUNT(*) FROM risk_points WHERE " +
                                     whereOf(conn_.dialect(), f, params) + " GROUP BY level",
                                 params));
  store::LevelCounts counts{};
  for (const auto& r : rows) {
    const auto level = CS_TRY(levelOf(r, 0));
    counts[level ? static_cast<std::size_t>(*level) : 4] += r.getInt(1);
  }
  return counts;
}

namespace {
constexpr Columns<11> kMarker{{"id", "name", "kind", "sector", "org_path", "lon", "lat", "level",
                               "hazard_grade", "capacity", "row_version"}};

Result<std::vector<store::RiskMarker>> markersFrom(const std::vector<Row>& rows) {
  std::vector<store::RiskMarker> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    store::RiskMarker m;
    m.id = RiskPointId{r.getInt(kMarker.at("id"))};
    m.name = r.getText(kMarker.at("name"));
    m.kind = CS_TRY(storedEnum<risk::RiskKind>(r.getText(kMarker.at("kind")), "risk_points.kind"));
    m.sector = r.getText(kMarker.at("sector"));
    m.org_path = r.getText(kMarker.at("org_path"));
    m.at = {r.getDouble(kMarker.at("lon")), r.getDouble(kMarker.at("lat"))};
    m.level = CS_TRY(levelOf(r, kMarker.at("level")));
    m.hazard_grade = static_cast<int>(r.getInt(kMarker.at("hazard_grade")));
    m.capacity = r.getInt(kMarker.at("capacity"));
    m.version = r.getInt(kMarker.at("row_version"));
    out.push_back(std::move(m));
  }
  return out;
}
}  // namespace

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markers(const store::RiskFilter& f) {
  std::vector<Value> params;
  auto rows = CS_TRY(conn_.query("SELECT " + kMarker.list() + " FROM risk_points WHERE " +
                                     whereOf(conn_.dialect(), f, params) + " ORDER BY id",
                                 params));
  return markersFrom(rows);
}

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markersSince(std::int64_t version) {
  auto rows = CS_TRY(conn_.query(
      "SELECT " + kMarker.list() + " FROM risk_points WHERE row_version > ? ORDER BY row_version",
      {version}));
  return markersFrom(rows);
}

Result<std::int64_t> SqlRiskRepository::bumpVersion() {
  return queryInt(conn_, "UPDATE risk_version SET v = v + 1 WHERE id = 1 RETURNING v", {});
}

Result<std::int64_t> SqlRiskRepository::version() {
  return queryInt(conn_, "SELECT v FROM risk_version WHERE id = 1", {});
}

Result<std::vector<store::CellCount>> SqlRiskRepository::gridCounts(const store::RiskFilter& f,
                                                                    const store::GridFrame& frame) {
  // floor() of the cell index: PostgreSQL has it; SQLite may lack math functions, so shift to
  // positive before truncating.
  const bool pg = conn_.dialect() == Dialect::Postgres;
  auto cell = [&](const char* axis) {
    return pg ? std::string("CAST(floor((") + axis + " - ?) / ?) AS BIGINT)"
              : std::string("(CAST(((") + axis +
                    " - ?) / ? + 1000000000) AS INTEGER) - 1000000000)";
  };
  std::vector<Value> params{frame.origin.lon, frame.cell_lon, frame.origin.lat, frame.cell_lat};
  const std::string sql = "SELECT " + cell("lon") + " AS ix, " + cell("lat") +
                          " AS iy, level, COUNT(*) FROM risk_points WHERE " +
                          whereOf(conn_.dialect(), f, params) + " GROUP BY 1, 2, 3";
  auto rows = CS_TRY(conn_.query(sql, params));
  std::vector<store::CellCount> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.getInt(0), r.getInt(1), CS_TRY(levelOf(r, 2)), r.getInt(3)});
  }
  return out;
}

namespace {
constexpr Columns<13> kAssessment{{"id", "risk_point_id", "method", "basis", "inputs_json",
                                   "result_json", "value", "level", "hazard_grade", "assessor_id",
                                   "assessor", "assessed_at", "due_at"}};
}  // namespace

Result<std::int64_t> SqlRiskRepository::addAssessment(const risk::Assessment& a) {
  return queryInt(conn_, kAssessment.insertInto("risk_assessments") + " RETURNING id",
                  {a.risk_point_id.value, a.method, a.basis, a.inputs_json, a.result_json, a.value,
                   static_cast<std::int64_t>(a.level), std::int64_t{a.hazard_grade}, a.assessor_id,
                   a.assessor, toEpochMs(a.assessed_at), toEpochMs(a.due_at)});
}

Result<std::vector<risk::Assessment>> SqlRiskRepository::assessments(RiskPointId risk_point_id) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kAssessment.list() +
                             " FROM risk_assessments WHERE risk_point_id = ? ORDER BY id DESC",
                         {risk_point_id.value}));
  std::vector<risk::Assessment> out;
  for (const auto& r : rows) {
    out.push_back(
        {r.getInt(kAssessment.at("id")), RiskPointId{r.getInt(kAssessment.at("risk_point_id"))},
         r.getText(kAssessment.at("method")), r.getText(kAssessment.at("basis")),
         r.getText(kAssessment.at("inputs_json")), r.getText(kAssessment.at("result_json")),
         r.getDouble(kAssessment.at("value")),
         CS_TRY(risk::storedLevel(r.getInt(kAssessment.at("level")), "risk_assessments.level")),
         static_cast<int>(r.getInt(kAssessment.at("hazard_grade"))),
         r.getInt(kAssessment.at("assessor_id")), r.getText(kAssessment.at("assessor")),
         fromEpochMs(r.getInt(kAssessment.at("assessed_at"))),
         fromEpochMs(r.getInt(kAssessment.at("due_at")))});
  }
  return out;
}

}  // namespace citysafe::sql
