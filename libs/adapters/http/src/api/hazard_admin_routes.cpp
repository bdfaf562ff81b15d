// Supervision list, statistics, notifications, the calendar and policy, ledger import, and the
// public tip form (no login).
#include "citysafe/common/csv.hpp"
#include "hazard_json.hpp"
#include "import_io.hpp"
#include "query_params.hpp"
#include "xlsx_reader.hpp"

namespace citysafe::http {
namespace {

Result<int> yearOf(const Call& call) {
  auto y = pathId(call, "year");
  if (!y || *y < 2000 || *y > 2100) return invalid("year", "must be a year between 2000 and 2100");
  return static_cast<int>(*y);
}

Result<std::vector<std::vector<std::string>>> ledgerTable(const HttpRequest& request) {
  const QueryParams q(request);
  const auto format = q.textOr("format", "csv");
  if (format == "xlsx") return xlsx::readFirstSheet(request.body);
  if (format != "csv") return invalid("format", "must be csv or xlsx");
  auto text = CS_TRY(importText(request.body, q.textOr("encoding", "utf-8")));
  std::string error;
  auto records = parseCsv(text, &error);
  if (!error.empty()) return invalid("file", error);
  // Each record at its line's index, so the report names the line a person sees in the file.
  // The index is bounded first: a file of blank lines would otherwise size the table by them.
  static constexpr int kMaxLines = 100000;  // as many rows as an .xlsx ledger may have
  if (!records.empty() && records.back().line > kMaxLines) {
    return invalid("file", "has more than " + std::to_string(kMaxLines) + " lines");
  }
  std::vector<std::vector<std::string>> table;
  for (auto& r : records) {
    if (table.size() < static_cast<std::size_t>(r.line))
      table.resize(static_cast<std::size_t>(r.line));
    table[static_cast<std::size_t>(r.line) - 1] = std::move(r.fields);
  }
  if (!table.empty() && table.front().empty()) return invalid("file", "starts with a blank line");
  return table;
}

}  // namespace

void addHazardAdminRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/hazard-supervision", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto filter = CS_TRY(hazardFilterFrom(call.request, services.ctx.clock.now()));
               filter.supervised_only = true;
               filter.listed = CS_TRY(QueryParams(call.request).flag("active"));
               const auto list =
                   CS_TRY(services.hazards.loop.list(*call.principal, filter, 2000, HazardId{}));
               const auto views = CS_TRY(services.hazards.loop.views(*call.principal, list));
               return jsonResponse({{"items", views}});
             });

  router.add("GET", "/api/v1/hazard-stats", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto q = CS_TRY(statsQueryFrom(call.request));
               return respond(
                   services.hazards.ledger.statistics(*call.principal, q),
                   [](const hazard::Statistics& s) {
                     Json by_source = Json::object();
                     for (int i = 0; i < hazard::kSourceCount; ++i) {
                       by_source[nameOf(static_cast<hazard::Source>(i))] = s.by_source[i];
                     }
                     return Json{
                         {"total", s.total},
                         {"by_grade", {{"general", s.by_grade[0]}, {"major", s.by_grade[1]}}},
                         {"by_source", by_source}};
                   });
             });

  router.add("GET", "/api/v1/hazard-stats/ranking", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto by = QueryParams(call.request).textOr("by", "street");
               if (by != "street" && by != "department") {
                 return invalid("by", "must be street or department");
               }
               auto q = CS_TRY(statsQueryFrom(call.request));
               return respond(
                   services.hazards.ledger.ranking(*call.principal, q, by == "department"),
                   [](const std::vector<hazard::RankedUnit>& units) {
                     Json items = Json::array();
                     int rank = 0;
                     for (const auto& u : units) {
                       Json row = u.figures;
                       row["rank"] = ++rank;
                       row["org_id"] = u.org_id.value;
                       row["name"] = u.name;
                       items.push_back(std::move(row));
                     }
                     return Json{{"items", items}};
                   });
             });

  router.add("GET", "/api/v1/notifications", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto unread = CS_TRY(QueryParams(call.request).flag("unread"));
               return respond(services.hazards.supervision.notifications(*call.principal,
                                                                         unread.value_or(false)),
                              kItemsJson);
             });

  router.add("POST", "/api/v1/notifications/{id}/read", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathId(call));
               CS_TRY(services.hazards.supervision.markRead(*call.principal, id));
               return HttpResponse{204, "application/json", "", {}};
             });

  auto calendar = [&services](Call& call, int year) {
    return respond(services.hazards.settings.calendar(*call.principal),
                   [&](const auto& c) { return calendarJson(c, year); });
  };
  router.add("GET", "/api/v1/hazard-calendar/{year}", Access::Authenticated,
             [calendar](Call& call) -> Result<HttpResponse> {
               return calendar(call, CS_TRY(yearOf(call)));
             });

  // The writes name their permission on the route, so it is checked before the body is read
  // and a reader learns nothing from validation; the core checks again.
  router
      .add("PUT", "/api/v1/hazard-calendar/{year}", Access::Authenticated,
           [&services, calendar](Call& call) -> Result<HttpResponse> {
             auto year = CS_TRY(yearOf(call));
             auto body =
                 CS_TRY(BodyReader::parse(call.request.body, {"year", "holidays", "workdays"}));
             auto days = CS_TRY(calendarFrom(body, year));
             CS_TRY(services.hazards.settings.setCalendarYear(*call.principal, year, days));
             return calendar(call, year);
           })
      .needs(identity::Permission::HazardPolicy);

  router.add("GET", "/api/v1/hazard-policy", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(services.hazards.settings.policy(*call.principal), kAsJson);
             });

  router
      .add("PUT", "/api/v1/hazard-policy", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto body = CS_TRY(
                 BodyReader::parse(call.request.body, {"rules", "major_milestones", "escalation"}));
             auto policy = CS_TRY(policyFrom(body));
             CS_TRY(services.hazards.settings.setPolicy(*call.principal, policy));
             return respond(services.hazards.settings.policy(*call.principal), kAsJson);
           })
      .needs(identity::Permission::HazardPolicy);

  router
      .add("POST", "/api/v1/hazards/import", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             const auto keep = CS_TRY(QueryParams(call.request).flag("keep_good_rows"));
             auto table = CS_TRY(ledgerTable(call.request));
             std::vector<ImportProblem> problems;
             auto records = CS_TRY(hazard::ledgerRecords(table, problems));
             auto report = CS_TRY(services.hazards.ledger.importLedger(
                 *call.principal, records, std::move(problems), keep.value_or(false)));
             return importResponse(report);
           })
      .runs(Work::Heavy)
      .takesFile()
      .needs(identity::Permission::HazardManage);
}

void addPublicTipRoutes(Router& router, Services& services) {
  router.add(
      "POST", "/api/v1/public/tips", Access::Public,
      [&services](Call& call) -> Result<HttpResponse> {
        auto body = CS_TRY(BodyReader::parse(
            call.request.body, {"description", "location", "address", "contact", "website"}));
        hazard::TipRequest tip;
        tip.description = CS_TRY(body.requiredString("description", 4000));
        tip.location = CS_TRY(locationFrom(body));
        for (auto [key, out] :
             {std::pair{"address", &tip.address}, std::pair{"contact", &tip.contact},
              std::pair{"website", &tip.honeypot}}) {
          *out = CS_TRY(body.optionalString(key, 300)).value_or("");
        }
        tip.client_address = call.request.remote_address;
        auto receipt = CS_TRY(services.hazards.tips.submitTip(tip));
        return jsonResponse({{"tracking_code", receipt.tracking_code},
                             {"hazard_code", receipt.hazard.code},
                             {"state", receipt.hazard.state}},
                            201);
      });

  router.add("GET", "/api/v1/public/tips/{code}", Access::Public,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(
                   services.hazards.tips.tipStatus(call.params["code"]),
                   [](const hazard::TipStatus& s) {
                     Json steps = Json::array();
                     for (const auto& e : s.steps) {
                       steps.push_back({{"at", e.at}, {"action", e.action}, {"state", e.to}});
                     }
                     return Json{{"hazard_code", s.hazard_code}, {"state", s.state},
                                 {"reported_at", s.reported_at}, {"updated_at", s.updated_at},
                                 {"outcome", s.outcome},         {"steps", steps}};
                   });
             });

  router
      .add("POST", "/api/v1/public/tips/{code}/media", Access::Public,
           [&services](Call& call) -> Result<HttpResponse> {
             hazard::MediaUpload up{hazard::MediaStage::Report, call.request.header("content-type"),
                                    QueryParams(call.request).textOr("name", ""),
                                    call.request.body};
             return respond(
                 services.hazards.tips.addTipMedia(call.params["code"], up),
                 [](const auto& m) {
                   return Json{{"id", m.id}, {"content_type", m.content_type}, {"bytes", m.bytes}};
                 },
                 201);
           })
      .runs(Work::Heavy)
      .takesFile();
}

}  // namespace citysafe::http
