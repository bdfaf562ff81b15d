#include "citysafe/core/risk/risk_service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/basemap/basemap_service.hpp"
#include "citysafe/core/org/sectors.hpp"

namespace citysafe::risk {

using identity::Permission;
using identity::Principal;

namespace {

bool reachesPoint(const Principal& who, const RiskPoint& p) {
  return identity::reaches(identity::scopeOf(who), p.org_path, {p.sector});
}

std::string codeFor(RiskPointId id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "RP%06lld", static_cast<long long>(id.value));
  return buf;
}

Result<void> validateFields(const std::string& name, const std::string& sector,
                            std::int64_t capacity) {
  if (name.empty()) return invalid("name", "must not be empty");
  if (name.size() > 200) return invalid("name", "must be at most 200 bytes");
  if (!org::isKnownSector(sector)) return invalid("sector", "unknown sector '" + sector + "'");
  if (capacity < 0) return invalid("capacity", "must not be negative");
  return ok();
}

}  // namespace

Result<void> RiskService::checkPlacement(store::Tx& tx, const Principal& who, const RiskPoint& p) {
  const auto org = CS_TRY(store::ifFound(tx.orgs().get(p.org_id)));
  if (!org || !identity::reaches(identity::scopeOf(who), org->path, {p.sector})) {
    return identity::notInScope("org_id", p.org_id.value);
  }
  if (p.enterprise_id) {
    const auto enterprise = CS_TRY(store::ifFound(tx.orgs().get(*p.enterprise_id)));
    if (!enterprise || enterprise->kind != org::OrgKind::Enterprise) {
      return invalid("enterprise_id", "organisation " + std::to_string(p.enterprise_id->value) +
                                          " is not an enterprise");
    }
    if (!enterprise->path.starts_with(org->path) && !org->path.starts_with(enterprise->path)) {
      return invalid("enterprise_id", "the enterprise is not under the responsible organisation");
    }
  } else if (p.kind == RiskKind::EnterpriseUnit) {
    return invalid("enterprise_id",
                   "an enterprise production or storage unit needs its enterprise");
  }
  const auto extent = CS_TRY(basemap::readDistrictExtent(tx));
  return validateGeometry(p.geometry, "geometry", extent ? &*extent : nullptr);
}

void RiskService::announce(const RiskPoint& p, const char* action) {
  JsonObject data;
  data.add("name", p.name).add("kind", toString(p.kind));
  if (p.latest) data.add("colour", colourName(p.latest->level));
  ctx_.bus.publish(events::DomainEvent{.type = std::string("risk_point.") + action,
                                       .entity = "risk_point",
                                       .entity_id = std::to_string(p.id.value),
                                       .action = action,
                                       .org_path = p.org_path,
                                       .sectors = {p.sector},
                                       .at = ctx_.clock.now(),
                                       .data_json = data.str()});
}

Result<RiskPoint> RiskService::insertChecked(store::Tx& tx, const Principal& who,
                                             const RiskPointDraft& d) {
  CS_TRY(validateFields(d.name, d.sector, d.capacity));
  RiskPoint p;
  p.name = d.name;
  p.kind = d.kind;
  p.sector = d.sector;
  p.org_id = d.org_id;
  p.enterprise_id = d.enterprise_id;
  p.geometry = d.geometry;
  p.capacity = d.capacity;
  CS_TRY(checkPlacement(tx, who, p));
  p.org_path = CS_TRY(store::orgPathOf(tx, p.org_id));
  p.created_at = p.updated_at = ctx_.clock.now();
  auto version = CS_TRY(tx.risks().bumpVersion());
  p.version = version;
  auto id = CS_TRY(tx.risks().insert(p));
  p.id = id;
  p.code = codeFor(p.id);
  CS_TRY(tx.risks().update(p));
  CS_TRY(ctx_.auditor.record(
      tx, who,
      {"risk_point", std::to_string(p.id.value), "create", "null", toAuditJson(p), p.org_path}));
  return p;
}

Result<ImportReport> RiskService::importPoints(const Principal& who,
                                               const std::vector<ImportRow>& rows,
                                               std::vector<ImportProblem> parse_problems,
                                               bool keep_good_rows) {
  CS_TRY(identity::require(who, Permission::RiskWrite));
  ImportReport report;
  report.problems = std::move(parse_problems);
  std::vector<RiskPoint> added;
  auto done = ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    for (const auto& row : rows) {
      auto point = insertChecked(tx, who, row.draft);
      if (!point) {
        if (point.error().code != Errc::Invalid && point.error().code != Errc::NotFound &&
            point.error().code != Errc::Forbidden) {
          return tl::unexpected(point.error());  // the store failed, not the row
        }
        report.problems.push_back({row.line, point.error().field, point.error().message});
        continue;
      }
      added.push_back(std::move(*point));
    }
    std::set<int> bad_lines;
    for (const auto& p : report.problems) bad_lines.insert(p.line);
    report.failed = static_cast<int>(bad_lines.size());
    if (report.failed > 0 && !keep_good_rows) {
      return fail(Errc::Invalid, "rows", "rolled back");  // carries the report out, writes nothing
    }
    report.imported = static_cast<int>(added.size());
    report.committed = true;
    return ok();
  });
  if (!done && !(report.failed > 0 && !keep_good_rows)) return tl::unexpected(done.error());
  std::sort(report.problems.begin(), report.problems.end(),
            [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
  if (report.committed) {
    for (const auto& p : added) announce(p, "created");
  }
  return report;
}

Result<RiskPoint> RiskService::create(const Principal& who, const RiskPointDraft& d) {
  CS_TRY(identity::require(who, Permission::RiskWrite));
  auto created = store::writeReturning<RiskPoint>(
      ctx_.store, [&](store::Tx& tx) { return insertChecked(tx, who, d); });
  if (created) announce(*created, "created");
  return created;
}

Result<RiskPoint> RiskService::update(const Principal& who, RiskPointId id,
                                      const RiskPointPatch& patch) {
  CS_TRY(identity::require(who, Permission::RiskWrite));
  auto updated =
      store::writeReturning<RiskPoint>(ctx_.store, [&](store::Tx& tx) -> Result<RiskPoint> {
        auto p = CS_TRY(store::ifFound(tx.risks().get(id)));
        if (!p || !reachesPoint(who, *p)) return fail(Errc::NotFound, "id", "no such risk point");
        const std::string before = toAuditJson(*p);
        if (patch.name) p->name = *patch.name;
        if (patch.sector) p->sector = *patch.sector;
        if (patch.capacity) p->capacity = *patch.capacity;
        if (patch.geometry) p->geometry = *patch.geometry;
        CS_TRY(validateFields(p->name, p->sector, p->capacity));
        CS_TRY(checkPlacement(tx, who, *p));
        p->updated_at = ctx_.clock.now();
        auto version = CS_TRY(tx.risks().bumpVersion());
        p->version = version;
        CS_TRY(tx.risks().update(*p));
        CS_TRY(ctx_.auditor.record(tx, who,
                                   {"risk_point", std::to_string(id.value), "update", before,
                                    toAuditJson(*p), p->org_path}));
        return *p;
      });
  if (updated) announce(*updated, "updated");
  return updated;
}

Result<RiskPoint> RiskService::get(const Principal& who, RiskPointId id) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  const auto p = CS_TRY(store::readReturning<std::optional<RiskPoint>>(
      ctx_.store, [&](store::Tx& tx) { return store::ifFound(tx.risks().get(id)); }));
  if (!p || !reachesPoint(who, *p)) return fail(Errc::NotFound, "id", "no such risk point");
  return *p;
}

Result<std::vector<RiskPoint>> RiskService::list(const Principal& who, store::RiskFilter filter,
                                                 store::PageRequest page) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<RiskPoint>>(
      ctx_.store, [&](store::Tx& tx) { return tx.risks().list(filter, page); });
}

Result<store::LevelCounts> RiskService::counts(const Principal& who, store::RiskFilter filter) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  filter.scope = identity::scopeOf(who);
  return store::readReturning<store::LevelCounts>(
      ctx_.store, [&](store::Tx& tx) { return tx.risks().countByLevel(filter); });
}

Result<std::vector<store::RiskMarker>> RiskService::markers(const Principal& who,
                                                            store::RiskFilter filter) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<store::RiskMarker>>(
      ctx_.store, [&](store::Tx& tx) { return tx.risks().markers(filter); });
}

Result<std::vector<GridCell>> RiskService::grid(const Principal& who, store::RiskFilter filter,
                                                const store::GridFrame& frame) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  filter.scope = identity::scopeOf(who);
  CS_TRY(cache_.refresh(ctx_.store));
  return aggregateGrid(cache_.gridCounts(filter, frame), frame);
}

Result<std::vector<GridCell>> RiskService::districtGrid(const Principal& who,
                                                        store::RiskFilter filter, double cell_m) {
  if (!(cell_m >= 50 && cell_m <= 10000)) {
    return invalid("cell", "must be between 50 and 10000 metres");
  }
  CS_TRY(identity::require(who, Permission::RiskRead));
  const auto info = CS_TRY(store::readReturning<basemap::BasemapInfo>(
      ctx_.store, [](store::Tx& tx) { return tx.basemap().info(); }));
  org::GeoPoint origin{0, 0};
  if (!info.bbox.empty()) {
    origin = {std::floor(info.bbox.min_lon * 100) / 100, std::floor(info.bbox.min_lat * 100) / 100};
  }
  return grid(who, std::move(filter), store::GridFrame::metres(origin, cell_m));
}

Result<std::vector<AreaSummary>> RiskService::areaSummaries(const Principal& who,
                                                            const store::RiskFilter& filter,
                                                            const SafetyIndexWeights& weights) {
  const auto found = CS_TRY(markers(who, filter));
  CS_TRY(identity::require(who, Permission::OrgRead));
  std::vector<org::Organisation> areas;
  for (const auto kind : {org::OrgKind::Street, org::OrgKind::Community}) {
    const store::OrgFilter in_scope{identity::scopeOf(who), kind, {}};
    areas =
        CS_TRY(store::readReturning<std::vector<org::Organisation>>(ctx_.store, [&](store::Tx& tx) {
          return tx.orgs().list(in_scope, {500, 0});
        }));
    if (!areas.empty()) break;
  }
  return summariseAreas(areas, found, weights);
}

namespace {
// Vulnerable targets anywhere in the platform within `reach_m` of `at`: exposure is physical, so
// it does not stop at the viewer's subtree.
Result<std::vector<store::RiskMarker>> targetsNear(store::Tx& tx, org::GeoPoint at,
                                                   double reach_m) {
  const double dlat = reach_m / 110540 + 1e-6;
  const double dlon =
      reach_m / (111320 * std::max(0.01, std::cos(at.lat * 3.14159265358979 / 180))) + 1e-6;
  store::RiskFilter filter;
  filter.scope = {"/", {}, {}};
  filter.bbox = basemap::BBox{at.lon - dlon, at.lat - dlat, at.lon + dlon, at.lat + dlat};
  filter.kinds = {RiskKind::School, RiskKind::Kindergarten, RiskKind::Hospital,
                  RiskKind::ElderlyHome, RiskKind::CrowdedPlace};
  return tx.risks().markers(filter);
}
}  // namespace

Result<std::vector<ExposureRing>> RiskService::exposure(const Principal& who, RiskPointId id,
                                                        const std::vector<double>& radii_m) {
  auto point = CS_TRY(get(who, id));
  for (std::size_t i = 0; i < radii_m.size(); ++i) {
    if (!(radii_m[i] > 0 && radii_m[i] <= 20000)) {
      return invalid("radii[" + std::to_string(i) + "]", "must be between 1 and 20000 metres");
    }
  }
  const double reach = radii_m.empty() ? 0 : *std::max_element(radii_m.begin(), radii_m.end());
  const auto at = point.geometry.representative();
  auto targets = CS_TRY(store::readReturning<std::vector<store::RiskMarker>>(
      ctx_.store, [&](store::Tx& tx) { return targetsNear(tx, at, reach); }));
  auto rings = exposureAround(at, id, targets, radii_m);
  // People are counted wherever they are; places outside the caller's scope stay unnamed.
  std::set<RiskPointId> unnamed;
  const auto scope = identity::scopeOf(who);
  for (const auto& m : targets) {
    if (!identity::reaches(scope, m.org_path, {m.sector})) unnamed.insert(m.id);
  }
  for (auto& ring : rings) {
    for (auto& t : ring.targets) {
      if (unnamed.count(t.id))
        t = ExposedTarget{RiskPointId{}, "", t.kind, t.capacity, t.distance_m};
    }
  }
  return rings;
}

Result<std::vector<RiskPoint>> RiskService::listAll(const Principal& who,
                                                    const store::RiskFilter& filter) {
  std::vector<RiskPoint> all;
  store::PageRequest page{500, 0};
  for (;;) {
    auto batch = CS_TRY(list(who, filter, page));
    all.insert(all.end(), batch.begin(), batch.end());
    if (static_cast<int>(batch.size()) < page.limit) return all;
    page.after_id = batch.back().id.value;
  }
}

Result<ListedPoint> RiskService::withPeopleNear(RiskPoint point) {
  const auto at = point.geometry.representative();
  const auto targets = CS_TRY(store::readReturning<std::vector<store::RiskMarker>>(
      ctx_.store, [&](store::Tx& tx) { return targetsNear(tx, at, 1000); }));
  const auto rings = exposureAround(at, point.id, targets, {500, 1000});
  return ListedPoint{std::move(point), rings[0].people, rings[1].people};
}

Result<ListPage> RiskService::statutoryList(const Principal& who, StatutoryList list,
                                            const store::RiskFilter& asked,
                                            store::PageRequest page) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  const auto filter = narrowToList(list, asked);
  if (!filter) return ListPage{};
  ListPage out;
  out.counts = CS_TRY(counts(who, *filter));
  for (auto& p : CS_TRY(this->list(who, *filter, page))) {
    out.rows.push_back(showsPeopleNear(list) ? CS_TRY(withPeopleNear(std::move(p)))
                                             : ListedPoint{std::move(p)});
  }
  return out;
}

Result<std::vector<ListedPoint>> RiskService::exportList(const Principal& who, StatutoryList list,
                                                         const store::RiskFilter& asked) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  std::vector<ListedPoint> out;
  const auto filter = narrowToList(list, asked);
  if (!filter) return out;
  for (auto& p : CS_TRY(listAll(who, *filter))) out.push_back(CS_TRY(withPeopleNear(std::move(p))));
  return out;
}

Result<Evaluation> RiskService::evaluate(const Principal& who, const MethodInput& input) {
  CS_TRY(identity::require(who, Permission::RiskRead));
  return risk::evaluate(input);
}

Result<Assessment> RiskService::assess(const Principal& who, RiskPointId id,
                                       const AssessRequest& request) {
  CS_TRY(identity::require(who, Permission::RiskAssess));
  if (request.basis != "inherent" && request.basis != "residual") {
    return invalid("basis", "must be inherent (固有) or residual (现有)");
  }
  MethodInput input = request.input;
  std::optional<Assessment> saved;
  std::optional<RiskPoint> point;
  CS_TRY(ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto p = CS_TRY(store::ifFound(tx.risks().get(id)));
    if (!p || !reachesPoint(who, *p)) return fail(Errc::NotFound, "id", "no such risk point");
    if (auto* gb = std::get_if<Gb18218Input>(&input); gb && request.people_from_exposure) {
      auto targets = CS_TRY(targetsNear(tx, p->geometry.representative(), 500));
      gb->people_500m =
          exposureAround(p->geometry.representative(), id, targets, {500}).front().people;
    }
    auto evaluation = CS_TRY(risk::evaluate(input));
    const std::string before = toAuditJson(*p);
    Assessment a;
    a.risk_point_id = id;
    a.method = evaluation.method;
    a.basis = request.basis;
    a.inputs_json = evaluation.inputs_json;
    a.result_json = evaluation.result_json;
    a.value = evaluation.value;
    a.level = evaluation.level;
    a.hazard_grade = evaluation.hazard_grade;
    a.assessor_id = who.user_id.value;
    a.assessor = who.username;
    a.assessed_at = ctx_.clock.now();
    a.due_at = a.assessed_at + std::chrono::days(policy_.daysFor(a.level));
    auto aid = CS_TRY(tx.risks().addAssessment(a));
    a.id = aid;
    p->latest = AssessmentSummary{a.method, a.basis, a.value, a.level, a.assessed_at, a.due_at};
    if (a.method == "gb18218") p->hazard_grade = a.hazard_grade;
    p->updated_at = a.assessed_at;
    auto version = CS_TRY(tx.risks().bumpVersion());
    p->version = version;
    CS_TRY(tx.risks().update(*p));
    CS_TRY(ctx_.auditor.record(tx, who,
                               {"risk_point", std::to_string(id.value), "assess", before,
                                JsonObject()
                                    .add("method", a.method)
                                    .add("basis", a.basis)
                                    .addRaw("inputs", a.inputs_json)
                                    .addRaw("result", a.result_json)
                                    .str(),
                                p->org_path}));
    saved = std::move(a);
    point = std::move(*p);
    return ok();
  }));
  announce(*point, "assessed");
  return *saved;
}

Result<std::vector<Assessment>> RiskService::history(const Principal& who, RiskPointId id) {
  CS_TRY(get(who, id));
  return store::readReturning<std::vector<Assessment>>(
      ctx_.store, [&](store::Tx& tx) { return tx.risks().assessments(id); });
}

}  // namespace citysafe::risk
