// The hidden-hazard loop over HTTP: records, transitions, timeline, photos, extensions.
#include <cmath>

#include "citysafe/common/time_format.hpp"
#include "hazard_json.hpp"
#include "query_params.hpp"

namespace citysafe::http {
namespace {

using hazard::Hazard;

Result<hazard::HazardDraft> readDraft(const BodyReader& body) {
  hazard::HazardDraft d;
  d.description = CS_TRY(body.requiredString("description", 4000));
  d.title = CS_TRY(body.optionalString("title", 200)).value_or("");
  d.source = CS_TRY(body.requiredEnum<hazard::Source>("source"));
  d.grade = CS_TRY(body.requiredEnum<hazard::Grade>("grade"));
  d.sector = CS_TRY(body.requiredString("sector", 40));
  auto org = CS_TRY(body.optionalId("org_id"));
  if (!org) return invalid("org_id", "is required: where the hazard is");
  d.org_id = OrgId{*org};
  d.risk_point_id = CS_TRY(body.optionalId("risk_point_id"));
  d.location = CS_TRY(locationFrom(body));
  d.address = CS_TRY(body.optionalString("address", 300)).value_or("");
  auto found = CS_TRY(body.optionalString("found_at", 40));
  if (found) {
    d.found_at = parseIso8601(*found);
    if (!d.found_at) return invalid("found_at", "is not an ISO-8601 time");
  }
  return d;
}

Result<HttpResponse> detail(Services& services, const identity::Principal& who, const Hazard& h,
                            int status = 200) {
  return jsonResponse(Json(CS_TRY(services.hazards.loop.view(who, h))), status);
}

}  // namespace

void addHazardRoutes(Router& router, Services& services) {
  router.add(
      "GET", "/api/v1/hazards", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto filter = CS_TRY(hazardFilterFrom(call.request, services.ctx.clock.now()));
        // Newest first: the cursor is the last id seen, the next page older.
        const auto p = CS_TRY(QueryParams(call.request).paging());
        const auto list = CS_TRY(
            services.hazards.loop.list(*call.principal, filter, p.limit, HazardId{p.after_id}));
        return jsonResponse(page(Json(CS_TRY(services.hazards.loop.views(*call.principal, list))),
                                 list.empty() ? 0 : list.back().id.value, p.limit));
      });

  router.add("GET", "/api/v1/hazards/counts", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto filter = CS_TRY(hazardFilterFrom(call.request, services.ctx.clock.now()));
               const auto counts = CS_TRY(services.hazards.loop.counts(*call.principal, filter));
               Json by_state = Json::object();
               for (int s = 0; s < hazard::kStateCount; ++s) {
                 by_state[nameOf(static_cast<hazard::State>(s))] = counts.by_state[s];
               }
               return jsonResponse(
                   {{"by_state", by_state}, {"total", counts.total}, {"overdue", counts.overdue}});
             });

  router.add(
      "POST", "/api/v1/hazards", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto body = CS_TRY(BodyReader::parse(
            call.request.body, {"title", "description", "source", "grade", "sector", "org_id",
                                "risk_point_id", "location", "address", "found_at"}));
        auto draft = CS_TRY(readDraft(body));
        auto h = CS_TRY(services.hazards.loop.report(*call.principal, draft));
        return detail(services, *call.principal, h, 201);
      });

  router.add("GET", "/api/v1/hazards/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const HazardId id{CS_TRY(pathId(call))};
               auto h = CS_TRY(services.hazards.loop.get(*call.principal, id));
               return detail(services, *call.principal, h);
             });

  router.add(
      "POST", "/api/v1/hazards/{id}/actions", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        const HazardId id{CS_TRY(pathId(call))};
        auto body = CS_TRY(BodyReader::parse(
            call.request.body, {"action", "note", "reason", "grade", "sector", "responsible_org_id",
                                "deadline", "days", "day_count", "media_ids"}));
        auto request = CS_TRY(actionFrom(body));
        auto h = CS_TRY(services.hazards.loop.act(*call.principal, id, request));
        return detail(services, *call.principal, h);
      });

  router.add("GET", "/api/v1/hazards/{id}/timeline", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const HazardId id{CS_TRY(pathId(call))};
               return respond(services.hazards.loop.timeline(*call.principal, id), kItemsJson);
             });

  router
      .add("POST", "/api/v1/hazards/{id}/media", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             const HazardId id{CS_TRY(pathId(call))};
             const QueryParams q(call.request);
             const auto stage =
                 CS_TRY(q.named<hazard::MediaStage>("stage")).value_or(hazard::MediaStage::Report);
             hazard::MediaUpload up{stage, call.request.header("content-type"),
                                    q.textOr("name", ""), call.request.body};
             return respond(services.hazards.loop.addMedia(*call.principal, id, up), kAsJson, 201);
           })
      .runs(Work::Heavy)
      .takesFile();

  router.add("GET", "/api/v1/hazards/{id}/media", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const HazardId id{CS_TRY(pathId(call))};
               return respond(services.hazards.loop.media(*call.principal, id), kItemsJson);
             });

  for (const bool thumbnail : {false, true}) {
    router.add(
        "GET", thumbnail ? "/api/v1/hazard-media/{id}/thumbnail" : "/api/v1/hazard-media/{id}",
        Access::Authenticated, [&services, thumbnail](Call& call) -> Result<HttpResponse> {
          const MediaId id{CS_TRY(pathId(call))};
          auto content = CS_TRY(services.hazards.loop.mediaContent(*call.principal, id, thumbnail));
          return HttpResponse{
              200,
              thumbnail ? "image/jpeg" : content.media.content_type,
              std::move(content.data),
              {{"Cache-Control", "private, max-age=86400"}, {"X-Content-Type-Options", "nosniff"}}};
        });
  }

  router.add("POST", "/api/v1/hazards/{id}/extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const HazardId id{CS_TRY(pathId(call))};
               auto body = CS_TRY(BodyReader::parse(call.request.body, {"reason", "deadline"}));
               auto reason = CS_TRY(body.requiredString("reason", 2000));
               auto deadline_text = CS_TRY(body.requiredString("deadline", 20));
               auto deadline = CS_TRY(dayFrom(deadline_text, "deadline"));
               return respond(services.hazards.supervision.requestExtension(*call.principal, id,
                                                                            reason, deadline),
                              kAsJson, 201);
             });

  router.add("GET", "/api/v1/hazards/{id}/extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const HazardId id{CS_TRY(pathId(call))};
               return respond(services.hazards.supervision.extensions(*call.principal, id),
                              kItemsJson);
             });

  // Pending requests, with the hazard's code and title so a list can say what each is about.
  router.add("GET", "/api/v1/hazard-extensions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(services.hazards.supervision.pendingExtensions(*call.principal),
                              [](const auto& list) {
                                Json items = Json::array();
                                for (const auto& p : list) {
                                  Json item = p.extension;
                                  if (p.hazard) {
                                    item["hazard_code"] = p.hazard->code;
                                    item["hazard_title"] = p.hazard->title;
                                  }
                                  items.push_back(std::move(item));
                                }
                                return Json{{"items", items}};
                              });
             });

  router.add("POST", "/api/v1/hazard-extensions/{id}/decision", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathId(call));
               auto body = CS_TRY(BodyReader::parse(call.request.body, {"grant", "note"}));
               auto grant = CS_TRY(body.optionalBool("grant"));
               if (!grant) return invalid("grant", "is required: true to grant, false to refuse");
               auto note = CS_TRY(body.optionalString("note", 2000));
               return respond(services.hazards.supervision.decideExtension(
                                  *call.principal, id, *grant, note.value_or("")),
                              kAsJson);
             });
}

}  // namespace citysafe::http
