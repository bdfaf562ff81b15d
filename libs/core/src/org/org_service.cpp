#include "citysafe/core/org/org_service.hpp"

#include <algorithm>
#include <cmath>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/org/credit_code.hpp"
#include "citysafe/core/org/sectors.hpp"

namespace citysafe::org {

using identity::Permission;
using identity::Principal;

Result<void> validateName(const std::string& name) {
  if (name.empty()) return invalid("name", "must not be empty");
  if (name.size() > 200) return invalid("name", "must be at most 200 bytes");
  return ok();
}

Result<void> validateSectors(OrgKind kind, const std::vector<std::string>& sectors) {
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    if (!isKnownSector(sectors[i])) {
      return invalid("sectors[" + std::to_string(i) + "]", "unknown sector '" + sectors[i] + "'");
    }
  }
  if (kind == OrgKind::Department && sectors.empty()) {
    return invalid("sectors", "a sector department must supervise at least one sector");
  }
  if (kind != OrgKind::Department && kind != OrgKind::Enterprise && !sectors.empty()) {
    return invalid("sectors", "only departments and enterprises have sectors");
  }
  return ok();
}

Result<void> validateLocation(const std::optional<GeoPoint>& location) {
  if (!location) return ok();
  if (!std::isfinite(location->lon) || location->lon < -180 || location->lon > 180) {
    return invalid("location.lon", "must be a longitude between -180 and 180");
  }
  if (!std::isfinite(location->lat) || location->lat < -90 || location->lat > 90) {
    return invalid("location.lat", "must be a latitude between -90 and 90");
  }
  return ok();
}

void OrgService::announce(const Organisation& org, const char* action) {
  ctx_.bus.publish(events::DomainEvent{
      .type = std::string("org.") + action,
      .entity = "org",
      .entity_id = std::to_string(org.id.value),
      .action = action,
      .org_path = org.path,
      .sectors = org.sectors,
      .at = ctx_.clock.now(),
      .data_json = JsonObject().add("name", org.name).add("kind", toString(org.kind)).str(),
  });
}

Result<Organisation> OrgService::create(const Principal& who, const OrgDraft& draft) {
  CS_TRY(identity::require(who, Permission::OrgWrite));
  CS_TRY(validateName(draft.name));
  CS_TRY(validateSectors(draft.kind, draft.sectors));
  CS_TRY(validateLocation(draft.location));
  if (draft.kind == OrgKind::Enterprise) {
    CS_TRY(validateCreditCode(draft.credit_code));
    if (draft.sectors.empty()) return invalid("sectors", "an enterprise needs its sector");
  } else if (!draft.credit_code.empty()) {
    return invalid("credit_code", "only enterprises carry a unified social credit code");
  }
  if (draft.kind == OrgKind::City) {
    if (draft.parent_id) return invalid("parent_id", "a city has no parent");
    if (!who.isSystem()) return fail(Errc::Forbidden, "", "only the system may create a city");
  } else if (!draft.parent_id) {
    return invalid("parent_id", "is required for a " + std::string(toString(draft.kind)));
  }

  auto created =
      store::writeReturning<Organisation>(ctx_.store, [&](store::Tx& tx) -> Result<Organisation> {
        std::string parent_path = "/";
        if (draft.parent_id) {
          const auto parent = CS_TRY(store::ifFound(tx.orgs().get(*draft.parent_id)));
          if (!parent || !identity::reaches(who, *parent)) {
            return identity::notInScope("parent_id", draft.parent_id->value);
          }
          if (!mayContain(parent->kind, draft.kind)) {
            return invalid("kind", std::string("a ") + toString(draft.kind) +
                                       " cannot sit under a " + toString(parent->kind));
          }
          parent_path = parent->path;
        }
        if (draft.kind == OrgKind::Enterprise) {
          auto existing = CS_TRY(tx.orgs().findByCreditCode(draft.credit_code));
          if (existing) {
            return fail(Errc::Conflict, "credit_code",
                        "already registered to organisation " + std::to_string((existing)->value));
          }
        }
        Organisation org;
        org.parent_id = draft.parent_id;
        org.kind = draft.kind;
        org.name = draft.name;
        org.credit_code = draft.credit_code;
        org.sectors = draft.sectors;
        org.address = draft.address;
        org.location = draft.location;
        org.created_at = org.updated_at = ctx_.clock.now();
        org.path = parent_path + "pending/";
        auto id = CS_TRY(tx.orgs().insert(org));
        org.id = id;
        org.path = parent_path + std::to_string(id.value) + "/";
        CS_TRY(tx.orgs().update(org));
        CS_TRY(ctx_.auditor.record(
            tx, who,
            {"org", std::to_string(org.id.value), "create", "null", toAuditJson(org), org.path}));
        return org;
      });
  if (created) announce(*created, "created");
  return created;
}

Result<Organisation> OrgService::update(const Principal& who, OrgId id, const OrgPatch& patch) {
  CS_TRY(identity::require(who, Permission::OrgWrite));
  if (patch.name) {
    CS_TRY(validateName(*patch.name));
  }
  if (patch.location) {
    CS_TRY(validateLocation(*patch.location));
  }
  auto updated =
      store::writeReturning<Organisation>(ctx_.store, [&](store::Tx& tx) -> Result<Organisation> {
        auto org = CS_TRY(store::ifFound(tx.orgs().get(id)));
        if (!org || !identity::reaches(who, *org)) return identity::notInScope("id", id.value);
        const std::string before = toAuditJson(*org);
        if (patch.name) org->name = *patch.name;
        if (patch.address) org->address = *patch.address;
        if (patch.location) org->location = *patch.location;
        if (patch.sectors) {
          // What an organisation supervises decides what its people reach: only someone above
          // it may change that, never its own members.
          if (!who.isSystem() &&
              (!identity::reachesSubtree(who, *org) || org->path == who.org_path)) {
            return fail(Errc::Forbidden, "sectors",
                        "only a superior organisation may change these sectors");
          }
          CS_TRY(validateSectors(org->kind, *patch.sectors));
          if (org->kind == OrgKind::Enterprise && patch.sectors->empty()) {
            return invalid("sectors", "an enterprise needs its sector");
          }
          org->sectors = *patch.sectors;
        }
        org->updated_at = ctx_.clock.now();
        CS_TRY(tx.orgs().update(*org));
        CS_TRY(ctx_.auditor.record(
            tx, who,
            {"org", std::to_string(id.value), "update", before, toAuditJson(*org), org->path}));
        return *org;
      });
  if (updated) announce(*updated, "updated");
  return updated;
}

Result<Organisation> OrgService::get(const Principal& who, OrgId id) {
  CS_TRY(identity::require(who, Permission::OrgRead));
  const auto org = CS_TRY(store::readReturning<std::optional<Organisation>>(
      ctx_.store, [&](store::Tx& tx) { return store::ifFound(tx.orgs().get(id)); }));
  // Out of scope reads look like missing ones, so ids outside the subtree leak nothing.
  if (!org || !identity::reaches(who, *org))
    return fail(Errc::NotFound, "id", "no such organisation");
  return *org;
}

Result<std::vector<Organisation>> OrgService::list(const Principal& who,
                                                   const OrgListQuery& query) {
  CS_TRY(identity::require(who, Permission::OrgRead));
  store::OrgFilter filter{identity::scopeOf(who), query.kind, query.parent_id};
  return store::readReturning<std::vector<Organisation>>(
      ctx_.store, [&](store::Tx& tx) { return tx.orgs().list(filter, query.page); });
}

}  // namespace citysafe::org
