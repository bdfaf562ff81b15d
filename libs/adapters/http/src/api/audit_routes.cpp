#include "citysafe/core/audit/audit_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::audit {

void to_json(nlohmann::json& out, const AuditRecord& r) {
  // Before and after are JSON text; text that does not parse is shown as it is.
  auto parsed = [](const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json(text) : j;
  };
  out = {{"seq", r.seq},
         {"at", r.at},
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

void to_json(nlohmann::json& out, const VerifyReport& report) {
  out = {{"ok", report.ok},
         {"checked", report.checked},
         {"checkpoints", report.checkpoints},
         {"rows_checked", report.rows_checked},
         {"rows_unchecked", report.rows_unchecked}};
  if (!report.ok) {
    if (report.first_broken_seq > 0) out["first_broken_seq"] = report.first_broken_seq;
    out["reason"] = report.reason;
    out["problems"] = report.problems;
  }
}

}  // namespace citysafe::audit

namespace citysafe::http {

void addAuditRoutes(Router& router, Services& services) {
  auto audit = std::make_shared<audit::AuditService>(services.ctx);
  router.add(
      "GET", "/api/v1/audit", Access::Authenticated, [audit](Call& call) -> Result<HttpResponse> {
        const QueryParams query(call.request);
        const auto p = CS_TRY(query.paging());
        // Newest first: the cursor is the oldest seq seen.
        const auto records =
            CS_TRY(audit->list(*call.principal, {.scope = {},
                                                 .entity = query.text("entity"),
                                                 .entity_id = query.text("entity_id"),
                                                 .before_seq = p.after_id,
                                                 .limit = p.limit}));
        return jsonResponse(page(Json(records), records.empty() ? 0 : records.back().seq, p.limit));
      });

  router.add("GET", "/api/v1/audit/verify", Access::Authenticated,
             [audit](Call& call) -> Result<HttpResponse> {
               return respond(audit->verify(*call.principal));
             });
}

}  // namespace citysafe::http
