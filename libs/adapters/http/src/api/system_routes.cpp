#include <spdlog/spdlog.h>

#include "citysafe/common/time_format.hpp"
#include "citysafe/core/org/sectors.hpp"
#include "json_io.hpp"
#include "openapi_document.hpp"
#include "routes.hpp"

namespace citysafe::http {

void addSystemRoutes(Router& router, Application& app) {
  router
      .add("GET", "/healthz", Access::Public,
           [&app](Call&) -> Result<HttpResponse> {
             // Healthy means the store answers, not only that the process is up.
             auto store_ok = app.services().ctx.store.read([](store::Tx& tx) -> Result<void> {
               CS_TRY(tx.basemap().info());
               return ok();
             });
             // Anyone may ask, so the answer names nothing inside (no path, no driver message):
             // the cause goes to the log.
             if (!store_ok) {
               spdlog::error("healthz: the store does not answer: {}", store_ok.error().message);
               return problem(503, "Unavailable", "the store does not answer");
             }
             return jsonResponse(
                 {{"status", "ok"}, {"time", isoTime(app.services().ctx.clock.now())}});
           })
      .runs(Work::Inline);
  router
      .add("GET", "/metrics", Access::Public,
           [&app](Call& call) -> Result<HttpResponse> {
             // Route names, rates and counts help an attacker as much as an operator.
             if (!app.guard().metricsAllowed(call.request)) {
               return problem(
                   403, "Forbidden",
                   "metrics need the metrics token or a configured address (--metrics-allow)");
             }
             return HttpResponse{200, "text/plain; version=0.0.4", app.metrics().render(), {}};
           })
      .runs(Work::Inline);
  router
      .add("GET", "/api/v1/openapi.json", Access::Public,
           [](Call&) -> Result<HttpResponse> {
             return HttpResponse{200, "application/json", std::string(kOpenApiDocument), {}};
           })
      .runs(Work::Inline);
  router
      .add("GET", "/api/v1/sectors", Access::Public,
           [](Call&) -> Result<HttpResponse> {
             Json items = Json::array();
             for (const auto& s : org::allSectors()) {
               items.push_back({{"code", s.code}, {"name_zh", s.name_zh}, {"name_en", s.name_en}});
             }
             return jsonResponse(items);
           })
      .runs(Work::Inline);
}

}  // namespace citysafe::http
