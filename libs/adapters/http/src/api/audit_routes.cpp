#include "citysafe/core/audit/auditor.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {
Json recordJson(const audit::AuditRecord& r) {
  auto parsed = [](const std::string& text) {
    Json j = Json::parse(text, nullptr, false);
    return j.is_discarded() ? Json(text) : j;
  };
  return {{"seq", r.seq},
          {"at", isoTime(r.at)},
          {"actor_id", r.actor_id},
          {"actor", r.actor},
          {"entity", r.entity},
          {"scope_path", r.scope_path},
          {"entity_id", r.entity_id},
          {"action", r.action},
          {"before", parsed(r.before_json)},
          {"after", parsed(r.after_json)},
          {"hash", r.hash}};
}
}  // namespace

void addAuditRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/audit", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               if (auto r = identity::require(*call.principal, identity::Permission::AuditRead); !r)
                 return tl::unexpected(r.error());
               auto p = paging(call.request);
               if (!p) return tl::unexpected(p.error());
               store::AuditFilter filter;
               filter.limit = p->limit;
               filter.before_seq = p->after;  // newest first: the cursor is the oldest seq seen
               const auto& q = call.request.query;
               if (auto it = q.find("entity"); it != q.end() && !it->second.empty())
                 filter.entity = it->second;
               if (auto it = q.find("entity_id"); it != q.end() && !it->second.empty())
                 filter.entity_id = it->second;
               filter.scope = identity::scopeOf(*call.principal);
               auto records = store::readReturning<std::vector<audit::AuditRecord>>(
                   services.ctx.store, [&](store::Tx& tx) { return tx.audit().list(filter); });
               if (!records) return tl::unexpected(records.error());
               Json items = Json::array();
               for (const auto& r : *records) items.push_back(recordJson(r));
               return jsonResponse(
                   page(std::move(items), records->empty() ? 0 : records->back().seq, p->limit));
             });

  router.add("GET", "/api/v1/audit/verify", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               if (auto r = identity::require(*call.principal, identity::Permission::AuditVerify);
                   !r)
                 return tl::unexpected(r.error());
               auto report = services.ctx.auditor.verify(services.ctx.store);
               if (!report) return tl::unexpected(report.error());
               Json out = {{"ok", report->ok},
                           {"checked", report->checked},
                           {"checkpoints", report->checkpoints},
                           {"rows_checked", report->rows_checked},
                           {"rows_unchecked", report->rows_unchecked}};
               if (!report->ok) {
                 if (report->first_broken_seq > 0) {
                   out["first_broken_seq"] = report->first_broken_seq;
                 }
                 out["reason"] = report->reason;
                 out["problems"] = report->problems;
               }
               return jsonResponse(out);
             });
}

}  // namespace citysafe::http
