// Viewport queries and grid aggregation over a million risk points: CitySafe's store path on
// SQLite (R*Tree) against PostGIS with a GiST index, same points, same viewports, same run.
//   bench_risk_spatial [--points N] [--queries Q] [--pg postgresql://...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "citysafe/core/risk/risk_service.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "pg_connection.hpp"
#include "sqlite_connection.hpp"

namespace {

using namespace citysafe;
using Stopwatch = std::chrono::steady_clock;

struct Args {
  int points = 1000000;
  int queries = 1000;
  std::string pg;
};

struct Stats {
  double p50 = 0, p99 = 0, mean = 0;
  double rows = 0;
};

Stats summarise(std::vector<double> ms, double rows) {
  std::sort(ms.begin(), ms.end());
  Stats s;
  s.p50 = ms[ms.size() / 2];
  s.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  for (double v : ms) s.mean += v;
  s.mean /= static_cast<double>(ms.size());
  s.rows = rows / static_cast<double>(ms.size());
  return s;
}

double msSince(Stopwatch::time_point t) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - t).count();
}

// A province-sized square, about 100 km a side, around (120.5, 30.5).
constexpr double kMinLon = 120.0, kMinLat = 30.0, kSpanLon = 1.04, kSpanLat = 0.9;

struct Point {
  double lon, lat;
  int level;  // 0..3, or -1 when not yet assessed
};

std::vector<Point> makePoints(int n) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Point> out(static_cast<std::size_t>(n));
  for (auto& p : out) {
    p = {kMinLon + u(rng) * kSpanLon, kMinLat + u(rng) * kSpanLat,
         static_cast<int>(u(rng) * 5) - 1};
  }
  return out;
}

// 2 km × 1 km viewports (a street-level map view), the same for both systems.
std::vector<basemap::BBox> makeViewports(int n) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  const double w = 2000 / (111320 * std::cos(30.5 * 3.14159265 / 180)), h = 1000 / 110540.0;
  std::vector<basemap::BBox> out;
  for (int i = 0; i < n; ++i) {
    const double x = kMinLon + u(rng) * (kSpanLon - w), y = kMinLat + u(rng) * (kSpanLat - h);
    out.push_back({x, y, x + w, y + h});
  }
  return out;
}

void loadSqlite(const std::string& path, const std::vector<Point>& points) {
  auto conn = sqlite::openSqlite(path);
  if (!conn) throw std::runtime_error(conn.error().message);
  auto& c = **conn;
  (void)c.execScript("PRAGMA synchronous=OFF");
  (void)c.execScript(
      "INSERT INTO orgs (id, kind, name, path, sectors, created_at, updated_at) VALUES "
      "(1, 'city', 'bench', '/1/', ',', 0, 0)");
  (void)c.begin(true);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    auto r = c.query(
        "INSERT INTO risk_points (code, name, kind, sector, sectors, org_id, org_path, "
        "geometry_type, coords, lon, lat, "
        "capacity, level, hazard_grade, created_at, updated_at) VALUES ('', 'p', 'bridge', 'gas', "
        "',gas,', 1, ?, "
        "'Point', '', ?, ?, 0, ?, 0, 0, 0)",
        {std::string("/1/") + std::to_string(i % 100) + "/", p.lon, p.lat,
         p.level < 0 ? sql::Value{nullptr} : sql::Value{std::int64_t{p.level}}});
    if (!r) throw std::runtime_error(r.error().message);
  }
  (void)c.execScript("COMMIT");
  (void)c.execScript("ANALYZE");
}

void loadPostgis(sql::Connection& c, const std::vector<Point>& points) {
  auto must = [&](const std::string& s) {
    auto r = c.execScript(s);
    if (!r) throw std::runtime_error(r.error().message);
  };
  must("CREATE EXTENSION IF NOT EXISTS postgis");
  must("DROP TABLE IF EXISTS bench_points");
  must(
      "CREATE TABLE bench_points (id bigint PRIMARY KEY, org_path text, level int, geom "
      "geometry(Point, 4326))");
  for (std::size_t start = 0; start < points.size(); start += 5000) {
    std::string sql = "INSERT INTO bench_points VALUES ";
    for (std::size_t i = start; i < std::min(points.size(), start + 5000); ++i) {
      const auto& p = points[i];
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "%s(%zu,'/1/%zu/',%s,ST_SetSRID(ST_MakePoint(%.7f,%.7f),4326))",
                    i == start ? "" : ",", i + 1, i % 100,
                    p.level < 0 ? "NULL" : std::to_string(p.level).c_str(), p.lon, p.lat);
      sql += buf;
    }
    must(sql);
  }
  must("CREATE INDEX bench_points_gist ON bench_points USING gist (geom)");
  must("VACUUM ANALYZE bench_points");
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--points")
      args.points = std::stoi(argv[i + 1]);
    else if (k == "--queries")
      args.queries = std::stoi(argv[i + 1]);
    else if (k == "--pg")
      args.pg = argv[i + 1];
  }
  const auto points = makePoints(args.points);
  const auto viewports = makeViewports(args.queries);
  const auto dir = std::filesystem::temp_directory_path() / "citysafe-bench-spatial";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "bench.db").string();

  auto opened = sql::openStore("sqlite:" + db);
  if (!opened) return std::fprintf(stderr, "%s\n", opened.error().message.c_str()), 1;
  auto t = Stopwatch::now();
  loadSqlite(db, points);
  std::printf("points: %d, viewports: %d of 2 km x 1 km\n", args.points, args.queries);
  std::printf("load sqlite (1 transaction, R*Tree by trigger): %.1f s\n", msSince(t) / 1000);

  citysafe::SystemClock clock;
  events::EventBus bus;
  // A throwaway audit key, and no checkpoint log: the benchmark measures the writes.
  ServiceContext ctx(**opened, clock, bus, std::string(audit::kMinKeyBytes, 'b'), nullptr);
  risk::RiskService risks(ctx);
  const auto system = identity::Principal::system();
  std::vector<double> ms;
  double rows = 0;
  for (const auto& box : viewports) {
    t = Stopwatch::now();
    auto found = risks.markers(system, {.bbox = box});
    ms.push_back(msSince(t));
    if (!found) return std::fprintf(stderr, "%s\n", found.error().message.c_str()), 1;
    rows += static_cast<double>(found->size());
  }
  const auto ours = summarise(ms, rows);
  std::printf(
      "citysafe viewport (RiskService::markers, SQLite): p50 %.3f ms  p99 %.3f ms  mean %.3f ms  "
      "%.0f points/view\n",
      ours.p50, ours.p99, ours.mean, ours.rows);
  const auto frame = store::GridFrame::metres({kMinLon, kMinLat}, 500);
  std::vector<double> sql_grid;
  for (int i = 0; i < 5; ++i) {
    t = Stopwatch::now();
    auto counts = store::readReturning<std::vector<store::CellCount>>(**opened, [&](store::Tx& tx) {
      return tx.risks().gridCounts({.scope = {"/", {}, {}}}, frame);
    });
    sql_grid.push_back(msSince(t));
  }
  std::sort(sql_grid.begin(), sql_grid.end());
  std::printf("grid 500 m in SQL (SQLite GROUP BY over all points): median %.0f ms over 5 runs\n",
              sql_grid[2]);
  std::vector<double> grid_ms;
  std::size_t cells = 0;
  for (int i = 0; i < 6; ++i) {
    t = Stopwatch::now();
    auto grid = risks.grid(system, {}, frame);
    grid_ms.push_back(msSince(t));
    cells = grid ? grid->size() : 0;
  }
  const double cold = grid_ms.front();
  grid_ms.erase(grid_ms.begin());
  std::sort(grid_ms.begin(), grid_ms.end());
  std::printf(
      "citysafe grid 500 m (RiskService::grid, marker cache): first call %.0f ms (loads the "
      "cache), then "
      "median %.1f ms over 5 runs, %zu cells\n",
      cold, grid_ms[2], cells);
  if (!args.pg.empty()) {
    auto pg = postgres::openPostgres(args.pg);
    if (!pg) return std::fprintf(stderr, "%s\n", pg.error().message.c_str()), 1;
    t = Stopwatch::now();
    loadPostgis(**pg, points);
    std::printf("load postgis (batched INSERT, GiST, VACUUM ANALYZE): %.1f s\n", msSince(t) / 1000);
    ms.clear();
    rows = 0;
    for (const auto& box : viewports) {
      t = Stopwatch::now();
      auto found = (*pg)->query(
          "SELECT id, ST_X(geom), ST_Y(geom), level FROM bench_points WHERE org_path LIKE ? AND "
          "geom && "
          "ST_MakeEnvelope(?, ?, ?, ?, 4326)",
          {std::string("/%"), box.min_lon, box.min_lat, box.max_lon, box.max_lat});
      ms.push_back(msSince(t));
      if (!found) return std::fprintf(stderr, "%s\n", found.error().message.c_str()), 1;
      rows += static_cast<double>(found->size());
    }
    const auto gis = summarise(ms, rows);
    std::printf(
        "postgis viewport (GiST, &&): p50 %.3f ms  p99 %.3f ms  mean %.3f ms  %.0f points/view\n",
        gis.p50, gis.p99, gis.mean, gis.rows);
    std::vector<double> gis_grid;
    for (int i = 0; i < 5; ++i) {
      t = Stopwatch::now();
      auto grid = (*pg)->query(
          "SELECT floor((ST_X(geom) - ?) / ?), floor((ST_Y(geom) - ?) / ?), level, count(*) FROM "
          "bench_points "
          "GROUP BY 1, 2, 3",
          {kMinLon, store::GridFrame::metres({kMinLon, kMinLat}, 500).cell_lon, kMinLat,
           store::GridFrame::metres({kMinLon, kMinLat}, 500).cell_lat});
      gis_grid.push_back(msSince(t));
    }
    std::sort(gis_grid.begin(), gis_grid.end());
    std::printf("postgis grid 500 m (GROUP BY floor): median %.0f ms\n", gis_grid[2]);
    std::printf("ratio viewport p99 citysafe/postgis: %.2f   grid citysafe/postgis: %.2f\n",
                ours.p99 / gis.p99, grid_ms[2] / gis_grid[2]);
    (void)(*pg)->execScript("DROP TABLE bench_points");
  }
  std::filesystem::remove_all(dir);
  return 0;
}
