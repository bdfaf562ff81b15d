// The hidden-hazard loop over HTTP: records, transitions, timeline, photos, extensions.
#include <cmath>

#include "citysafe/common/time_format.hpp"
#include "hazard_json.hpp"

namespace citysafe::http {
namespace {

using hazard::Hazard;

std::string queryOr(const HttpRequest& r, const char* name, const std::string& fallback) {
  auto it = r.query.find(name);
  return it == r.query.end() || it->second.empty() ? fallback : it->second;
}

Result<hazard::HazardDraft> readDraft(const BodyReader& body) {
  hazard::HazardDraft d;
  auto description = body.requiredString("description", 4000);
  if (!description) return tl::unexpected(description.error());
  d.description = *description;
  auto title = body.optionalString("title", 200);
  if (!title) return tl::unexpected(title.error());
  d.title = title->value_or("");
  auto source = body.requiredString("source", 40);
  if (!source) return tl::unexpected(source.error());
  auto parsed_source = hazard::parseSource(*source);
  if (!parsed_source) return invalid("source", "'" + *source + "' is not a hazard source");
  d.source = *parsed_source;
  auto grade = body.requiredString("grade", 20);
  if (!grade) return tl::unexpected(grade.error());
  auto parsed_grade = hazard::parseGrade(*grade);
  if (!parsed_grade) return invalid("grade", "must be general or major");
  d.grade = *parsed_grade;
  auto sector = body.requiredString("sector", 40);
  if (!sector) return tl::unexpected(sector.error());
  d.sector = *sector;
  auto org = body.optionalId("org_id");
  if (!org) return tl::unexpected(org.error());
  if (!*org) return invalid("org_id", "is required: where the hazard is");
  d.org_id = OrgId{**org};
  auto risk = body.optionalId("risk_point_id");
  if (!risk) return tl::unexpected(risk.error());
  d.risk_point_id = *risk;
  const auto& loc = body.raw().contains("location") ? body.raw()["location"] : Json();
  if (!loc.is_object() || !loc.contains("lon") || !loc.contains("lat") || !loc["lon"].is_number() ||
      !loc["lat"].is_number()) {
    return invalid("location", "needs lon and lat: pick the place on the map");
  }
  d.location = {loc["lon"].get<double>(), loc["lat"].get<double>()};
  auto address = body.optionalString("address", 300);
  if (!address) return tl::unexpected(address.error());
  d.address = address->value_or("");
  auto found = body.optionalString("found_at", 40);
  if (!found) return tl::unexpected(found.error());
  if (*found) {
    d.found_at = parseIso8601(**found);
    if (!d.found_at) return invalid("found_at", "is not an ISO-8601 time");
  }
  return d;
}

// ?org_id=: within that organisation's subtree, which the caller must reach.
Result<void> withinOrg(Services& services, const Call& call, store::HazardFilter& filter) {
  auto it = call.request.query.find("org_id");
  if (it == call.request.query.end() || it->second.empty()) return ok();
  auto id = positiveQuery(call.request, "org_id");
  if (!id) return tl::unexpected(id.error());
  auto org = services.orgs.get(*call.principal, OrgId{*id});
  if (!org) return identity::notInScope("org_id", *id);
  filter.org_path = org->path;
  return ok();
}

HttpResponse detail(Services& services, const identity::Principal& who, const Hazard& h,
                    int status = 200) {
  // Only a major hazard's milestones need the calendar and the policy: one read, when they do.
  std::optional<hazard::HazardService::Settings> settings;
  if (h.grade == hazard::Grade::Major && h.assigned_at) {
    if (auto s = services.hazards.settings()) settings = std::move(*s);
  }
  HazardExtras extras{
      services.hazards.allowedActions(who, h), settings ? &settings->calendar : nullptr,
      settings ? &settings->policy : nullptr,
      who.can(identity::Permission::HazardManage) && h.org_path.starts_with(who.org_path)};
  return jsonResponse(
      hazardJson(h, orgNames(services.ctx.store, {h}), services.ctx.clock.now(), extras), status);
}

}  // namespace

void addHazardRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/hazards", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto filter = hazardFilterFrom(call.request, services.ctx.clock.now());
               if (!filter) return tl::unexpected(filter.error());
               if (auto r = withinOrg(services, call, *filter); !r)
                 return tl::unexpected(r.error());
               int limit = 100;
               std::int64_t before = 0;
               if (!queryOr(call.request, "limit", "").empty()) {
                 auto l = positiveQuery(call.request, "limit");
                 if (!l || *l > 500) return invalid("limit", "must be between 1 and 500");
                 limit = static_cast<int>(*l);
               }
               if (!queryOr(call.request, "before", "").empty()) {
                 auto b = positiveQuery(call.request, "before");
                 if (!b) return tl::unexpected(b.error());
                 before = *b;
               }
               auto list = services.hazards.list(*call.principal, *filter, limit, before);
               if (!list) return tl::unexpected(list.error());
               const bool full = static_cast<int>(list->size()) >= limit;
               return jsonResponse({{"items", hazardItems(services, *call.principal, *list)},
                                    {"next_before", full ? Json(list->back().id) : Json(nullptr)}});
             });

  router.add("GET", "/api/v1/hazards/counts", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto now = services.ctx.clock.now();
               auto filter = hazardFilterFrom(call.request, now);
               if (!filter) return tl::unexpected(filter.error());
               if (auto r = withinOrg(services, call, *filter); !r)
                 return tl::unexpected(r.error());
               auto counts = services.hazards.counts(*call.principal, *filter);
               if (!counts) return tl::unexpected(counts.error());
               auto overdue_filter = *filter;
               overdue_filter.overdue_at = now;
               auto overdue = services.hazards.counts(*call.principal, overdue_filter);
               if (!overdue) return tl::unexpected(overdue.error());
               Json by_state = Json::object();
               std::int64_t total = 0;
               std::int64_t late = 0;
               for (int s = 0; s < hazard::kStateCount; ++s) {
                 by_state[hazard::toString(static_cast<hazard::State>(s))] = (*counts)[s];
                 total += (*counts)[s];
                 late += (*overdue)[s];
               }
               return jsonResponse({{"by_state", by_state}, {"total", total}, {"overdue", late}});
             });

  router.add("POST", "/api/v1/hazards", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body =
                   BodyReader::parse(call.request.body,
                                     {"title", "description", "source", "grade", "sector", "org_id",
                                      "risk_point_id", "location", "address", "found_at"});
               if (!body) return tl::unexpected(body.error());
               auto draft = readDraft(*body);
               if (!draft) return tl::unexpected(draft.error());
               auto h = services.hazards.report(*call.principal, *draft);
               if (!h) return tl::unexpected(h.error());
               return detail(services, *call.principal, *h, 201);
             });

  router.add("GET", "/api/v1/hazards/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto h = services.hazards.get(*call.principal, *id);
               if (!h) return tl::unexpected(h.error());
               return detail(services, *call.principal, *h);
             });

  router.add("POST", "/api/v1/hazards/{id}/actions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body =
                   BodyReader::parse(call.request.body, {"action", "note", "reason", "grade",
                                                         "sector", "responsible_org_id", "deadline",
                                                         "days", "day_count", "media_ids"});
               if (!body) return tl::unexpected(body.error());
               auto request = actionFrom(*body);
               if (!request) return tl::unexpected(request.error());
               auto h = services.hazards.act(*call.principal, *id, *request);
               if (!h) return tl::unexpected(h.error());
               return detail(services, *call.principal, *h);
             });

  router.add("GET", "/api/v1/hazards/{id}/timeline", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.hazards.timeline(*call.principal, *id),
                              [](const auto& list) {
                                Json items = Json::array();
                                for (const auto& e : list) items.push_back(timelineJson(e));
                                return Json{{"items", items}};
                              });
             });

  router
      .add("POST", "/api/v1/hazards/{id}/media", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto id = pathId(call);
             if (!id) return tl::unexpected(id.error());
             const auto stage_text = queryOr(call.request, "stage", "report");
             auto stage = hazard::parseMediaStage(stage_text);
             if (!stage) {
               return invalid("stage", "must be report, progress, evidence or verification");
             }
             hazard::MediaUpload up{*stage, call.request.header("content-type"),
                                    queryOr(call.request, "name", ""), call.request.body};
             return respond(
                 services.hazards.addMedia(*call.principal, *id, up),
                 [](const auto& m) { return mediaJson(m); }, 201);
           })
      .runs(Work::Heavy)
      .takesFile();

  router.add("GET", "/api/v1/hazards/{id}/media", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.hazards.media(*call.principal, *id), [](const auto& list) {
                 Json items = Json::array();
                 for (const auto& m : list) items.push_back(mediaJson(m));
                 return Json{{"items", items}};
               });
             });

  for (const bool thumbnail : {false, true}) {
    router.add(
        "GET", thumbnail ? "/api/v1/hazard-media/{id}/thumbnail" : "/api/v1/hazard-media/{id}",
        Access::Authenticated, [&services, thumbnail](Call& call) -> Result<HttpResponse> {
          auto id = pathId(call);
          if (!id) return tl::unexpected(id.error());
          auto content = services.hazards.mediaContent(*call.principal, *id, thumbnail);
          if (!content) return tl::unexpected(content.error());
          return HttpResponse{
              200,
              thumbnail ? "image/jpeg" : content->media.content_type,
              std::move(content->data),
              {{"Cache-Control", "private, max-age=86400"}, {"X-Content-Type-Options", "nosniff"}}};
        });
  }

  router.add("POST", "/api/v1/hazards/{id}/extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body = BodyReader::parse(call.request.body, {"reason", "deadline"});
               if (!body) return tl::unexpected(body.error());
               auto reason = body->requiredString("reason", 2000);
               if (!reason) return tl::unexpected(reason.error());
               auto deadline_text = body->requiredString("deadline", 20);
               if (!deadline_text) return tl::unexpected(deadline_text.error());
               auto deadline = dayFrom(*deadline_text, "deadline");
               if (!deadline) return tl::unexpected(deadline.error());
               return respond(
                   services.hazards.requestExtension(*call.principal, *id, *reason, *deadline),
                   [](const auto& e) { return extensionJson(e); }, 201);
             });

  router.add("GET", "/api/v1/hazards/{id}/extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.hazards.extensions(*call.principal, *id),
                              [](const auto& list) {
                                Json items = Json::array();
                                for (const auto& e : list) items.push_back(extensionJson(e));
                                return Json{{"items", items}};
                              });
             });

  // Pending requests, with the hazard's code and title so a list can say what each is about.
  router.add("GET", "/api/v1/hazard-extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(services.hazards.extensions(*call.principal, 0),
                              [&](const auto& list) {
                                Json items = Json::array();
                                for (const auto& e : list) {
                                  Json item = extensionJson(e);
                                  if (auto h = services.hazards.get(*call.principal, e.hazard_id)) {
                                    item["hazard_code"] = h->code;
                                    item["hazard_title"] = h->title;
                                  }
                                  items.push_back(std::move(item));
                                }
                                return Json{{"items", items}};
                              });
             });

  router.add("POST", "/api/v1/hazard-extensions/{id}/decision", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body = BodyReader::parse(call.request.body, {"grant", "note"});
               if (!body) return tl::unexpected(body.error());
               auto grant = body->optionalBool("grant");
               if (!grant) return tl::unexpected(grant.error());
               if (!*grant) return invalid("grant", "is required: true to grant, false to refuse");
               auto note = body->optionalString("note", 2000);
               if (!note) return tl::unexpected(note.error());
               return respond(services.hazards.decideExtension(*call.principal, *id, **grant,
                                                               note->value_or("")),
                              [](const auto& e) { return extensionJson(e); });
             });
}

}  // namespace citysafe::http
