#include <charconv>
#include <sstream>

#include "citysafe/core/basemap/basemap_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Json featureJson(const basemap::MapFeature& f) {
  Json coords = Json::array();
  for (const auto& p : f.points) coords.push_back({p.lon, p.lat});
  Json geometry = f.shape == basemap::Shape::Polygon
                      ? Json{{"type", "Polygon"}, {"coordinates", Json::array({coords})}}
                      : Json{{"type", "LineString"}, {"coordinates", coords}};
  return {{"type", "Feature"},
          {"id", f.id},
          {"geometry", geometry},
          {"properties", {{"layer", f.layer}, {"class", f.feature_class}, {"name", f.name}}}};
}

// The basemap is public map data (OpenStreetMap or the generated demo): the public tip form
// shows it without a login.
identity::Principal viewer(const Call& call) {
  return call.principal.value_or(identity::Principal::system());
}

}  // namespace

void addBasemapRoutes(Router& router, Services& services) {
  router.add(
      "GET", "/api/v1/basemap/info", Access::Public,
      [&services](Call& call) -> Result<HttpResponse> {
        return respond(services.basemap.info(viewer(call)), [](const basemap::BasemapInfo& i) {
          const Json bbox =
              i.bbox.empty() ? Json(nullptr)
                             : Json{i.bbox.min_lon, i.bbox.min_lat, i.bbox.max_lon, i.bbox.max_lat};
          const Json centre = i.bbox.empty() ? Json(nullptr)
                                             : Json{(i.bbox.min_lon + i.bbox.max_lon) / 2,
                                                    (i.bbox.min_lat + i.bbox.max_lat) / 2};
          return Json{{"source", i.source},
                      {"features", i.features},
                      {"bbox", bbox},
                      {"center", centre},
                      {"attribution", "© OpenStreetMap contributors"}};
        });
      });

  router.add("GET", "/api/v1/basemap", Access::Public,
             [&services](Call& call) -> Result<HttpResponse> {
               basemap::BBox box{-180, -90, 180, 90};
               if (const auto text = QueryParams(call.request).text("bbox")) {
                 box = CS_TRY(parseBBox(*text));
               }
               auto features = CS_TRY(services.basemap.query(viewer(call), box));
               Json items = Json::array();
               for (const auto& f : features) items.push_back(featureJson(f));
               auto response =
                   jsonResponse({{"type", "FeatureCollection"}, {"features", std::move(items)}});
               response.content_type = "application/geo+json";
               return response;
             });
}

}  // namespace citysafe::http
