#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using risk::AssessmentSummary;
using risk::Geometry;
using risk::RiskPoint;
using OptionalLevel = Codec<std::optional<risk::RiskLevel>>;

struct Coords {
  static Value put(const std::vector<org::GeoPoint>& points) { return encodeCoords(points); }
  static Result<std::vector<org::GeoPoint>> get(const Cell& c) { return decodeCoords(c.text()); }
};

// lon and lat hold the representative point, for the bounding-box index.
const RowMap<RiskPoint> kRisk{
    "risk_points",
    stored<&RiskPoint::id>("id"),
    columns<&RiskPoint::code, &RiskPoint::name, &RiskPoint::kind, &RiskPoint::sector>(),
    written<OneSector, &RiskPoint::sector>("sectors"),
    columns<&RiskPoint::org_id, &RiskPoint::org_path, &RiskPoint::enterprise_id>(),
    column<&RiskPoint::geometry, &Geometry::type>("geometry_type"),
    column<Coords, &RiskPoint::geometry, &Geometry::points>("coords"),
    Column<RiskPoint>{
        "lon", [](const RiskPoint& p) { return Value{p.geometry.representative().lon}; }, {}},
    Column<RiskPoint>{
        "lat", [](const RiskPoint& p) { return Value{p.geometry.representative().lat}; }, {}},
    columns<&RiskPoint::capacity>(),
    columnsOf<&RiskPoint::latest, &AssessmentSummary::level, &AssessmentSummary::method,
              &AssessmentSummary::basis, &AssessmentSummary::value, &AssessmentSummary::assessed_at,
              &AssessmentSummary::due_at>(),
    columns<&RiskPoint::hazard_grade, &RiskPoint::created_at, &RiskPoint::updated_at>(),
    column<&RiskPoint::version>("row_version")};

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
  andWhere(w, params, "sector = ?", f.sector);
  if (f.org_path) w += " AND " + subtreeClause(dialect, "org_path", *f.org_path, params);
  andIn(w, params, "level", f.levels);
  andIn(w, params, "kind", f.kinds);
  if (f.major_hazard_only) w += " AND hazard_grade > 0";
  return w;
}

}  // namespace

Result<RiskPoint> SqlRiskRepository::get(RiskPointId id) {
  return kRisk.one(conn_, id.value, "no such risk point");
}

Result<RiskPointId> SqlRiskRepository::insert(const RiskPoint& p) {
  return RiskPointId{CS_TRY(kRisk.add(conn_, p))};
}

Result<void> SqlRiskRepository::update(const RiskPoint& p) {
  CS_TRY(kRisk.set(conn_, p, " WHERE id = ?", {p.id.value}));
  return ok();
}

Result<std::vector<RiskPoint>> SqlRiskRepository::list(const store::RiskFilter& f,
                                                       store::PageRequest page) {
  std::vector<Value> params{page.after_id};
  const std::string sql =
      "WHERE id > ? AND " + whereOf(conn_.dialect(), f, params) + " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return kRisk.all(conn_, sql, params);
}

Result<store::LevelCounts> SqlRiskRepository::countByLevel(const store::RiskFilter& f) {
  std::vector<Value> params;
  const auto where = whereOf(conn_.dialect(), f, params);
  store::LevelCounts counts{};
  for (const auto& r : CS_TRY(countsBy(conn_, "risk_points", "level", where, params))) {
    const auto level = CS_TRY(OptionalLevel::get(Cell{r, 0, "risk_points", "level"}));
    counts[level ? static_cast<std::size_t>(*level) : 4] += r.getInt(1);
  }
  return counts;
}

namespace {
using store::RiskMarker;
const RowMap<RiskMarker> kMarker{
    "risk_points",
    columns<&RiskMarker::id, &RiskMarker::name, &RiskMarker::kind, &RiskMarker::sector,
            &RiskMarker::org_path>(),
    lonLat<&RiskMarker::at>(),
    columns<&RiskMarker::level, &RiskMarker::hazard_grade, &RiskMarker::capacity>(),
    column<&RiskMarker::version>("row_version")};
}  // namespace

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markers(const store::RiskFilter& f) {
  std::vector<Value> params;
  const auto where = "WHERE " + whereOf(conn_.dialect(), f, params) + " ORDER BY id";
  return kMarker.all(conn_, where, params);
}

Result<std::vector<store::RiskMarker>> SqlRiskRepository::markersSince(std::int64_t version) {
  return kMarker.all(conn_, "WHERE row_version > ? ORDER BY row_version", {version});
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
    out.push_back({r.getInt(0), r.getInt(1),
                   CS_TRY(OptionalLevel::get(Cell{r, 2, "risk_points", "level"})), r.getInt(3)});
  }
  return out;
}

namespace {
using risk::Assessment;
const RowMap<Assessment> kAssessment{
    "risk_assessments", stored<&Assessment::id>("id"),
    columns<&Assessment::risk_point_id, &Assessment::method, &Assessment::basis,
            &Assessment::inputs_json, &Assessment::result_json, &Assessment::value,
            &Assessment::level, &Assessment::hazard_grade, &Assessment::assessor_id,
            &Assessment::assessor, &Assessment::assessed_at, &Assessment::due_at>()};
}  // namespace

Result<std::int64_t> SqlRiskRepository::addAssessment(const Assessment& a) {
  return kAssessment.add(conn_, a);
}

Result<std::vector<Assessment>> SqlRiskRepository::assessments(RiskPointId risk_point_id) {
  return kAssessment.all(conn_, "WHERE risk_point_id = ? ORDER BY id DESC", {risk_point_id.value});
}

}  // namespace citysafe::sql
