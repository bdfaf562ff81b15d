#include "repositories.hpp"

namespace citysafe::sql {
namespace {

constexpr const char* kColumns =
    "id, code, name, kind, sector, org_id, org_path, enterprise_id, geometry_type, coords, "
    "capacity, level, method, "
    "basis, value, assessed_at, due_at, hazard_grade, created_at, updated_at, row_version";

risk::GeometryType geometryTypeFrom(const std::string& s) {
  if (s == "LineString") return risk::GeometryType::LineString;
  if (s == "Polygon") return risk::GeometryType::Polygon;
  return risk::GeometryType::Point;
}

risk::RiskPoint fromRow(const Row& r) {
  risk::RiskPoint p;
  p.id = r.getInt(0);
  p.code = r.getText(1);
  p.name = r.getText(2);
  p.kind = risk::parseRiskKind(r.getText(3)).value_or(risk::RiskKind::EnterpriseUnit);
  p.sector = r.getText(4);
  p.org_id = OrgId{r.getInt(5)};
  p.org_path = r.getText(6);
  if (!r.isNull(7)) p.enterprise_id = OrgId{r.getInt(7)};
  p.geometry.type = geometryTypeFrom(r.getText(8));
  p.geometry.points = decodeCoords(r.getText(9));
  p.capacity = r.getInt(10);
  if (!r.isNull(11)) {
    p.latest = risk::AssessmentSummary{r.getText(12),
                                       r.getText(13),
                                       r.getDouble(14),
                                       static_cast<risk::RiskLevel>(r.getInt(11)),
                                       fromEpochMs(r.getInt(15)),
                                       fromEpochMs(r.getInt(16))};
  }
  p.hazard_grade = static_cast<int>(r.getInt(17));
  p.created_at = fromEpochMs(r.getInt(18));
  p.updated_at = fromEpochMs(r.getInt(19));
  p.version = r.getInt(20);
  return p;
}

std::vector<Value> rowValues(const risk::RiskPoint& p) {
  const auto at = p.geometry.representative();
  const auto& l = p.latest;
  return {p.code,
          p.name,
          std::string(risk::toString(p.kind)),
          p.sector,
          joinSectors({p.sector}),
          p.org_id.value,
          p.org_path,
          p.enterprise_id ? Value{p.enterprise_id->value} : Value{nullptr},
          std::string(risk::toString(p.geometry.type)),
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
      params.emplace_back(std::string(risk::toString(f.kinds[i])));
    }
    w += ")";
  }
  if (f.major_hazard_only) w += " AND hazard_grade > 0";
  return w;
}

}  // namespace

Result<risk::RiskPoint> SqlRiskRepository::get(std::int64_t id) {
  auto rows =
      conn_.query(std::string("SELECT ") + kColumns + " FROM risk_points WHERE id = ?", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "id", "no such risk point");
  return fromRow(rows->front());
}

Result<std::int64_t> SqlRiskRepository::insert(const risk::RiskPoint& p) {
  return queryInt(
      conn_,
      "INSERT INTO risk_points (code, name, kind, sector, sectors, org_id, org_path, "
      "enterprise_id, "
      "geometry_type, coords, lon, lat, capacity, level, method, basis, value, "
      "assessed_at, due_at, "
      "hazard_grade, created_at, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      rowValues(p));
}

Result<void> SqlRiskRepository::update(const risk::RiskPoint& p) {
  auto params = rowValues(p);
  params.emplace_back(p.id);
  auto rows = conn_.query(
      "UPDATE risk_points SET code = ?, name = ?, kind = ?, sector = ?, sectors = ?, org_id = ?, "
      "org_path = ?, "
      "enterprise_id = ?, geometry_type = ?, coords = ?, lon = ?, lat = ?, capacity = ?, level = "
      "?, method = ?, "
      "basis = ?, value = ?, assessed_at = ?, due_at = ?, hazard_grade = ?, created_at = ?, "
      "updated_at = ?, row_version = ? WHERE id = ?",
      params);
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<std::vector<risk::RiskPoint>> SqlRiskRepository::list(const store::RiskFilter& f,
                                                             store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM risk_points WHERE id > ? AND " +
                          whereOf(conn_.dialect(), f, params) + " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<risk::RiskPoint> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(fromRow(r));
  return out;
}

Result<store::LevelCounts> SqlRiskRepository::countByLevel(const store::RiskFilter& f) {
  std::vector<Value> params;
  auto rows = conn_.query("SELECT level, COUNT(*) FROM risk_points WHERE " +
                              whereOf(conn_.dialect(), f, params) + " GROUP BY level",
                          params);
  if (!rows) return tl::unexpected(rows.error());
  store::LevelCounts counts{};
  for (const auto& r : *rows) {
    const std::size_t slot = r.isNull(0) ? 4 : static_cast<std::size_t>(r.getInt(0));
    if (slot < counts.size()) counts[slot] += r.getInt(1);
  }
  return counts;
}

namespace {
constexpr const char* kMarkerColumns =
    "id, name, kind, sector, org_path, lon, lat, level, hazard_grade, capacity, row_version";

std::vector<store::RiskMarker> markersFrom(const std::vector<Row>& rows) {
  std::vector<store::RiskMarker> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    store::RiskMarker m;
    m.id = r.getInt(0);
    m.name = r.getText(1);
    m.kind = risk::parseRiskKind(r.getText(2)).value_or(risk::RiskKind::EnterpriseUnit);
    m.sector = r.getText(3);
    m.org_path = r.getText(4);
    m.at = {r.getDouble(5), r.getDouble(6)};
    if (!r.isNull(7)) m.level = static_cast<risk::RiskLevel>(r.getInt(7));
    m.hazard_grade = static_cast<int>(r.getInt(8));
    m.capacity = r.getInt(9);
    m.version = r.getInt(10);
    out.push_back(std::move(m));
  }
  return out;
}
}  // namespace

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markers(const store::RiskFilter& f) {
  std::vector<Value> params;
  auto rows = conn_.query(std::string("SELECT ") + kMarkerColumns + " FROM risk_points WHERE " +
                              whereOf(conn_.dialect(), f, params) + " ORDER BY id",
                          params);
  if (!rows) return tl::unexpected(rows.error());
  return markersFrom(*rows);
}

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markersSince(std::int64_t version) {
  auto rows = conn_.query(std::string("SELECT ") + kMarkerColumns +
                              " FROM risk_points WHERE row_version > ? ORDER BY row_version",
                          {version});
  if (!rows) return tl::unexpected(rows.error());
  return markersFrom(*rows);
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
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<store::CellCount> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    store::CellCount c{r.getInt(0), r.getInt(1), std::nullopt, r.getInt(3)};
    if (!r.isNull(2)) c.level = static_cast<risk::RiskLevel>(r.getInt(2));
    out.push_back(c);
  }
  return out;
}

Result<std::int64_t> SqlRiskRepository::addAssessment(const risk::Assessment& a) {
  return queryInt(conn_,
                  "INSERT INTO risk_assessments (risk_point_id, method, basis, inputs_json, "
                  "result_json, value, level, "
                  "hazard_grade, assessor_id, assessor, assessed_at, due_at) VALUES (?, ?, ?, ?, "
                  "?, ?, ?, ?, ?, ?, ?, ?) "
                  "RETURNING id",
                  {a.risk_point_id, a.method, a.basis, a.inputs_json, a.result_json, a.value,
                   static_cast<std::int64_t>(a.level), std::int64_t{a.hazard_grade}, a.assessor_id,
                   a.assessor, toEpochMs(a.assessed_at), toEpochMs(a.due_at)});
}

Result<std::vector<risk::Assessment>> SqlRiskRepository::assessments(std::int64_t risk_point_id) {
  auto rows = conn_.query(
      "SELECT id, risk_point_id, method, basis, inputs_json, result_json, value, level, "
      "hazard_grade, assessor_id, "
      "assessor, assessed_at, due_at FROM risk_assessments WHERE risk_point_id = ? ORDER BY id "
      "DESC",
      {risk_point_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<risk::Assessment> out;
  for (const auto& r : *rows) {
    out.push_back({r.getInt(0), r.getInt(1), r.getText(2), r.getText(3), r.getText(4), r.getText(5),
                   r.getDouble(6), static_cast<risk::RiskLevel>(r.getInt(7)),
                   static_cast<int>(r.getInt(8)), r.getInt(9), r.getText(10),
                   fromEpochMs(r.getInt(11)), fromEpochMs(r.getInt(12))});
  }
  return out;
}

}  // namespace citysafe::sql
