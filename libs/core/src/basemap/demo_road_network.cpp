#include "citysafe/core/basemap/demo_road_network.hpp"

#include <array>
#include <cmath>
#include <string>

namespace citysafe::basemap {
namespace {

constexpr double kBlockMetres = 360;
constexpr double kMetresPerDegreeLat = 110540;
constexpr double kPi = 3.14159265358979323846;

// Invented names in the style of a Chinese district; none is taken from a real map.
constexpr std::array<const char*, 14> kEastWestStems = {"安澜", "和平", "文澜", "康宁", "启明",
                                                        "丰泽", "兴业", "春晖", "秀水", "云栖",
                                                        "锦绣", "长庆", "梧桐", "望江"};
constexpr std::array<const char*, 14> kNorthSouthStems = {"青禾", "翠苑", "双桥", "东新", "明德",
                                                          "怡和", "沁园", "晨光", "紫荆", "临水",
                                                          "丹桂", "远洋", "雅居", "清泰"};

class LocalFrame {
 public:
  explicit LocalFrame(org::GeoPoint centre)
      : centre_(centre),
        metres_per_degree_lon_(kMetresPerDegreeLat * std::cos(centre.lat * kPi / 180)) {}
  [[nodiscard]] org::GeoPoint at(double x_metres, double y_metres) const {
    // Rounded to 7 decimals (~1 cm) so the output is identical on every machine.
    auto round7 = [](double v) { return std::round(v * 1e7) / 1e7; };
    return {round7(centre_.lon + x_metres / metres_per_degree_lon_),
            round7(centre_.lat + y_metres / kMetresPerDegreeLat)};
  }

 private:
  org::GeoPoint centre_;
  double metres_per_degree_lon_;
};

std::string roadClass(int index) {
  if (index % 6 == 0) return "primary";
  if (index % 2 == 0) return "secondary";
  return "residential";
}

std::string roadName(const char* stem, const std::string& cls) {
  if (cls == "primary") return std::string(stem) + "大道";
  if (cls == "secondary") return std::string(stem) + "路";
  return std::string(stem) + "街";
}

MapFeature rectangle(const LocalFrame& frame, Layer layer, std::string cls, double x0, double y0,
                     double x1, double y1) {
  MapFeature f;
  f.layer = layer;
  f.shape = Shape::Polygon;
  f.feature_class = std::move(cls);
  f.points = {frame.at(x0, y0), frame.at(x1, y0), frame.at(x1, y1), frame.at(x0, y1),
              frame.at(x0, y0)};
  return f;
}

// The river runs west to east in a gentle curve through the lower third of the grid.
double riverCentreY(double x, double half_span) { return -half_span / 3 + 120 * std::sin(x / 700); }

}  // namespace

std::vector<MapFeature> generateDemoRoadNetwork(org::GeoPoint centre, int blocks_per_side) {
  const LocalFrame frame(centre);
  const double half = blocks_per_side * kBlockMetres / 2;
  std::vector<MapFeature> out;

  // Roads: one line per street segment between junctions, so each block edge is its own feature.
  for (int i = 0; i <= blocks_per_side; ++i) {
    const std::string cls = roadClass(i);
    const double offset = -half + i * kBlockMetres;
    for (int j = 0; j < blocks_per_side; ++j) {
      const double a = -half + j * kBlockMetres;
      const double b = a + kBlockMetres;
      MapFeature ew{.layer = Layer::Road,
                    .shape = Shape::Line,
                    .feature_class = cls,
                    .name = roadName(
                        kEastWestStems[static_cast<std::size_t>(i) % kEastWestStems.size()], cls),
                    .points = {frame.at(a, offset), frame.at(b, offset)}};
      MapFeature ns{
          .layer = Layer::Road,
          .shape = Shape::Line,
          .feature_class = cls,
          .name = roadName(kNorthSouthStems[static_cast<std::size_t>(i) % kNorthSouthStems.size()],
                           cls),
          .points = {frame.at(offset, a), frame.at(offset, b)}};
      out.push_back(std::move(ew));
      out.push_back(std::move(ns));
    }
  }

  // The river as a polygon 50 m wide, sampled every 60 m.
  MapFeature river{.layer = Layer::Water,
                   .shape = Shape::Polygon,
                   .feature_class = "river",
                   .name = "安澜河",
                   .points = {}};
  std::vector<org::GeoPoint> south;
  for (double x = -half; x <= half + 1; x += 60) {
    const double y = riverCentreY(x, half);
    river.points.push_back(frame.at(x, y + 25));
    south.push_back(frame.at(x, y - 25));
  }
  river.points.insert(river.points.end(), south.rbegin(), south.rend());
  river.points.push_back(river.points.front());
  out.push_back(std::move(river));

  // Blocks: parks, land use and four buildings each, skipping those the river crosses.
  for (int bx = 0; bx < blocks_per_side; ++bx) {
    for (int by = 0; by < blocks_per_side; ++by) {
      const double x0 = -half + bx * kBlockMetres + 20;
      const double y0 = -half + by * kBlockMetres + 20;
      const double x1 = x0 + kBlockMetres - 40;
      const double y1 = y0 + kBlockMetres - 40;
      const double ry0 = riverCentreY(x0, half);
      const double ry1 = riverCentreY(x1, half);
      if (std::max(ry0, ry1) + 30 > y0 && std::min(ry0, ry1) - 30 < y1) continue;
      const int kind = (bx * 7 + by * 13) % 11;
      if (kind == 0) {
        auto park = rectangle(frame, Layer::Landuse, "park", x0, y0, x1, y1);
        park.name =
            std::string(kEastWestStems[static_cast<std::size_t>(by) % kEastWestStems.size()]) +
            "公园";
        out.push_back(std::move(park));
        continue;
      }
      const char* use = kind < 6 ? "residential" : (kind < 9 ? "commercial" : "industrial");
      out.push_back(rectangle(frame, Layer::Landuse, use, x0, y0, x1, y1));
      const double w = (x1 - x0) / 2;
      const double h = (y1 - y0) / 2;
      for (int k = 0; k < 4; ++k) {
        const double bx0 = x0 + (k % 2 == 0 ? 0.0 : w) + 25;
        const double by0 = y0 + (k < 2 ? 0.0 : h) + 25;
        out.push_back(rectangle(frame, Layer::Building, use, bx0, by0, bx0 + w - 50, by0 + h - 50));
      }
    }
  }
  return out;
}

}  // namespace citysafe::basemap
