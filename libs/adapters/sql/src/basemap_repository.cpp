#include <charconv>
#include <cstdio>

#include "repositories.hpp"

namespace citysafe::sql {

// "lon lat;lon lat;..." at 7 decimals (~1 cm): compact, exact enough, and dialect-neutral.
std::string encodeCoords(const std::vector<org::GeoPoint>& points) {
  std::string out;
  out.reserve(points.size() * 24);
  char buf[64];
  for (const auto& p : points) {
    const int n =
        std::snprintf(buf, sizeof buf, "%s%.7f %.7f", out.empty() ? "" : ";", p.lon, p.lat);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::vector<org::GeoPoint> decodeCoords(const std::string& text) {
  std::vector<org::GeoPoint> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    org::GeoPoint g;
    auto r1 = std::from_chars(p, end, g.lon);
    if (r1.ec != std::errc{} || r1.ptr >= end) break;
    auto r2 = std::from_chars(r1.ptr + 1, end, g.lat);
    if (r2.ec != std::errc{}) break;
    out.push_back(g);
    p = r2.ptr + 1;
  }
  return out;
}

Result<void> SqlBasemapRepository::replaceAll(const std::string& source,
                                              const std::vector<basemap::MapFeature>& features) {
  CS_TRY(conn_.query("DELETE FROM basemap_features", {}));
  CS_TRY(conn_.query("DELETE FROM basemap_meta", {}));
  basemap::BBox all;
  for (const auto& f : features) {
    const auto box = f.bbox();
    all.extend(box);
    CS_TRY(conn_.query(
        "INSERT INTO basemap_features (layer, shape, class, name, min_lon, min_lat, max_lon, "
        "max_lat, coords) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {std::string(nameOf(f.layer)), std::string(nameOf(f.shape)), f.feature_class, f.name,
         box.min_lon, box.min_lat, box.max_lon, box.max_lat, encodeCoords(f.points)}));
  }
  CS_TRY(conn_.query(
      "INSERT INTO basemap_meta (id, source, features, min_lon, min_lat, max_lon, max_lat) VALUES "
      "(1, ?, ?, ?, ?, ?, ?)",
      {source, static_cast<std::int64_t>(features.size()), all.min_lon, all.min_lat, all.max_lon,
       all.max_lat}));
  return ok();
}

Result<basemap::BasemapInfo> SqlBasemapRepository::info() {
  auto rows = CS_TRY(conn_.query(
      "SELECT source, features, min_lon, min_lat, max_lon, max_lat FROM basemap_meta WHERE id = 1",
      {}));
  basemap::BasemapInfo info;
  if (rows.empty()) return info;
  const Row& r = rows.front();
  info.source = r.getText(0);
  info.features = r.getInt(1);
  info.bbox = {r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)};
  return info;
}

Result<std::vector<basemap::MapFeature>> SqlBasemapRepository::query(const basemap::BBox& box) {
  auto rows = CS_TRY(conn_.query(
      "SELECT id, layer, shape, class, name, coords FROM basemap_features "
      "WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ? ORDER BY id",
      {box.max_lon, box.min_lon, box.max_lat, box.min_lat}));
  std::vector<basemap::MapFeature> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    basemap::MapFeature f;
    f.id = r.getInt(0);
    f.layer = CS_TRY(storedEnum<basemap::Layer>(r.getText(1), "basemap_features.layer"));
    f.shape = CS_TRY(storedEnum<basemap::Shape>(r.getText(2), "basemap_features.shape"));
    f.feature_class = r.getText(3);
    f.name = r.getText(4);
    f.points = decodeCoords(r.getText(5));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace citysafe::sql
