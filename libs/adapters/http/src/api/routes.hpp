#pragma once
#include "citysafe/http/application.hpp"
#include "citysafe/http/router.hpp"
#include "json_io.hpp"

namespace citysafe::http {

// One function per capability adds its routes; application.cpp calls them all.
void addSystemRoutes(Router& router, Application& app);
void addAuthRoutes(Router& router, Services& services, const AppConfig& config);
void addOrgRoutes(Router& router, Services& services);
void addUserRoutes(Router& router, Services& services);
void addAuditRoutes(Router& router, Services& services);
void addBasemapRoutes(Router& router, Services& services);
void addRiskRoutes(Router& router, Services& services);
void addRiskViewRoutes(Router& router, Services& services);
void addRiskImportRoutes(Router& router, Services& services);
void addHazardRoutes(Router& router, Services& services);
void addHazardAdminRoutes(Router& router, Services& services);
void addPublicTipRoutes(Router& router, Services& services);
void addMonitoringRoutes(Router& router, Services& services);
void addAlarmRoutes(Router& router, Services& services);

// Result<T> → response, or the error as problem+json.
template <class T, class F>
HttpResponse respond(const Result<T>& result, F&& to_json, int status = 200) {
  if (!result) return problem(result.error());
  return jsonResponse(to_json(*result), status);
}
// The same, written by T's own to_json.
template <class T>
HttpResponse respond(const Result<T>& result, int status = 200) {
  return respond(
      result, [](const T& value) { return Json(value); }, status);
}

}  // namespace citysafe::http
