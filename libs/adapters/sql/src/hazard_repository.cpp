// The hazards table, each hazard's timeline, and the tip keys kept on the hazard's row.
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Hazard;
using hazard::Supervision;
using hazard::TimelineEntry;

// Every column of hazards the port maps; the store sets the id and row_version.
const RowMap<Hazard> kHazard{
    "hazards",
    stored<&Hazard::id>("id"),
    stored<&Hazard::version>("row_version"),
    columns<&Hazard::code, &Hazard::title, &Hazard::description, &Hazard::source, &Hazard::grade,
            &Hazard::state, &Hazard::sector>(),
    written<OneSector, &Hazard::sector>("sectors"),
    columns<&Hazard::org_id, &Hazard::org_path, &Hazard::responsible_org_id,
            &Hazard::responsible_org_path, &Hazard::assigned_by_org_id, &Hazard::risk_point_id>(),
    lonLat<&Hazard::location>(),
    columns<&Hazard::address, &Hazard::found_by, &Hazard::found_by_name, &Hazard::found_at,
            &Hazard::reported_at, &Hazard::assigned_at, &Hazard::deadline_at,
            &Hazard::original_deadline_at, &Hazard::deadline_basis, &Hazard::due_soon_at,
            &Hazard::overdue_at, &Hazard::submitted_at, &Hazard::closed_at, &Hazard::closed_on_time,
            &Hazard::rectifiers>(),
    column<&Hazard::supervision, &Supervision::tier>("sup_tier"),
    column<&Hazard::supervision, &Supervision::listed_at>("sup_listed_at"),
    column<&Hazard::supervision, &Supervision::reason>("sup_reason"),
    column<&Hazard::supervision, &Supervision::delisted_at>("sup_delisted_at"),
    columns<&Hazard::reopen_count, &Hazard::external_code, &Hazard::updated_at,
            &Hazard::tip_contact>()};

std::string whereOf(Dialect dialect, const store::HazardFilter& f, std::vector<Value>& params) {
  // In scope where the hazard is, or assigned to a unit inside the subtree (as the core says).
  // Two statements: the order the parameters are appended in must follow the SQL text.
  std::string w = "(" + scopeClause(dialect, f.scope, "org_path", "sectors", params);
  w += " OR " + subtreeClause(dialect, "responsible_org_path", f.scope.subtree_path, params) + ")";
  andIn(w, params, "state", f.states);
  andWhere(w, params, "grade = ?", f.grade);
  andWhere(w, params, "source = ?", f.source);
  andWhere(w, params, "sector = ?", f.sector);
  if (f.org_path) w += " AND " + subtreeClause(dialect, "org_path", *f.org_path, params);
  andWhere(w, params, "responsible_org_id = ?", f.responsible_org_id);
  andInBox(w, params, f.bbox);
  andWhere(w, params, "found_at >= ?", f.found_from);
  andWhere(w, params, "found_at < ?", f.found_to);
  if (f.overdue_at) {
    // hazard::isOverdue: being fixed, and the deadline before the moment.
    andIn(w, params, "state",
          std::vector(hazard::kFixingStates.begin(), hazard::kFixingStates.end()));
    andWhere(w, params, "deadline_at < ?", f.overdue_at);
  }
  andWhere(w, params, "deadline_at <= ?", f.deadline_through);
  if (f.supervised_only) w += " AND sup_tier IS NOT NULL";
  if (f.listed) {
    w += *f.listed ? " AND sup_tier IS NOT NULL AND sup_delisted_at IS NULL"
                   : " AND (sup_tier IS NULL OR sup_delisted_at IS NOT NULL)";
  }
  andWhere(w, params, "sup_tier = ?", f.tier);
  andContains(w, params, {"code", "title", "description", "external_code"}, f.text);
  return w;
}

const RowMap<TimelineEntry> kTimeline{
    "hazard_timeline",
    stored<&TimelineEntry::id>("id"),
    columns<&TimelineEntry::hazard_id, &TimelineEntry::at, &TimelineEntry::action>(),
    column<&TimelineEntry::from>("from_state"),
    column<&TimelineEntry::to>("to_state"),
    columns<&TimelineEntry::actor_id, &TimelineEntry::actor_name, &TimelineEntry::note,
            &TimelineEntry::deadline_at, &TimelineEntry::media_ids>()};

}  // namespace

Result<Hazard> SqlHazardRepository::get(HazardId id) {
  return kHazard.one(conn_, id.value, "no such hazard");
}

Result<HazardId> SqlHazardRepository::insert(const Hazard& h) {
  return HazardId{CS_TRY(kHazard.add(conn_, h))};
}

Result<void> SqlHazardRepository::update(Hazard& h) {
  const auto changed = CS_TRY(kHazard.set(conn_, h,
                                          ", row_version = row_version + 1 WHERE id = ? AND "
                                          "row_version = ?",
                                          {h.id.value, h.version}));
  if (changed == 0) {
    return fail(Errc::Conflict, "id", "the hazard was changed meanwhile; reload it and try again");
  }
  ++h.version;
  return ok();
}

Result<std::vector<Hazard>> SqlHazardRepository::list(const store::HazardFilter& f, int limit,
                                                      HazardId before) {
  std::vector<Value> params;
  std::string sql = "WHERE " + whereOf(conn_.dialect(), f, params);
  if (before.valid()) andWhere(sql, params, "id < ?", before);
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return kHazard.all(conn_, sql, params);
}

Result<store::StateCounts> SqlHazardRepository::countByState(const store::HazardFilter& f) {
  std::vector<Value> params;
  const auto where = whereOf(conn_.dialect(), f, params);
  store::StateCounts counts{};
  for (const auto& r : CS_TRY(countsBy(conn_, "hazards", "state", where, params))) {
    const auto s = CS_TRY(Codec<hazard::State>::get(Cell{r, 0, "hazards", "state"}));
    counts[static_cast<std::size_t>(s)] = r.getInt(1);
  }
  return counts;
}

Result<std::int64_t> SqlHazardRepository::addTimeline(const TimelineEntry& e) {
  return kTimeline.add(conn_, e);
}

Result<std::vector<TimelineEntry>> SqlHazardRepository::timeline(HazardId hazard) {
  return kTimeline.all(conn_, "WHERE hazard_id = ? ORDER BY id", {hazard.value});
}

Result<void> SqlTipRepository::setKeys(HazardId hazard_id, const std::string& code_hash,
                                       const std::string& client_hash) {
  CS_TRY(conn_.query("UPDATE hazards SET tip_code_hash = ?, tip_client = ? WHERE id = ?",
                     {code_hash, client_hash, hazard_id.value}));
  return ok();
}

Result<std::optional<HazardId>> SqlTipRepository::find(const std::string& code_hash) {
  return findId<HazardTag>(conn_, "SELECT id FROM hazards WHERE tip_code_hash = ?", {code_hash});
}

Result<std::vector<Hazard>> SqlTipRepository::from(const std::string& client_hash,
                                                   TimePoint since) {
  return kHazard.all(conn_, "WHERE tip_client = ? AND reported_at >= ? ORDER BY id",
                     {client_hash, toEpochMs(since)});
}

}  // namespace citysafe::sql
