#include "repositories.hpp"

namespace citysafe::sql {

std::string subtreeClause(Dialect dialect, const std::string& path_col, const std::string& subtree,
                          std::vector<Value>& params) {
  // SQLite compares text bytewise, so a subtree is a half-open range its B-tree index serves:
  // every path under "/1/2/" sorts at or after it and before "/1/20" ('0' follows '/').
  // PostgreSQL compares by the database's collation, where '/' may not sort before '0'; there
  // LIKE 'prefix%' is always right, and a text_pattern_ops index serves it.
  if (dialect == Dialect::Postgres || subtree.empty() || subtree.back() != '/') {
    params.emplace_back(subtree + "%");
    return path_col + " LIKE ?";
  }
  params.emplace_back(subtree);
  params.emplace_back(subtree.substr(0, subtree.size() - 1) + "0");
  return "(" + path_col + " >= ? AND " + path_col + " < ?)";
}

std::string scopeClause(Dialect dialect, const identity::Scope& scope, const std::string& path_col,
                        const std::string& sectors_col, std::vector<Value>& params) {
  std::string clause = "(" + subtreeClause(dialect, path_col, scope.subtree_path, params);
  if (!scope.sector_district_path.empty() && !scope.sectors.empty()) {
    clause +=
        " OR (" + subtreeClause(dialect, path_col, scope.sector_district_path, params) + " AND (";
    for (std::size_t i = 0; i < scope.sectors.size(); ++i) {
      clause += (i ? " OR " : "") + sectors_col + " LIKE ?";
      params.emplace_back("%," + scope.sectors[i] + ",%");
    }
    clause += "))";
  }
  return clause + ")";
}

namespace {
using org::Organisation;

const RowMap<Organisation> kOrg{"orgs",
                                stored<&Organisation::id>("id"),
                                columns<&Organisation::parent_id, &Organisation::kind,
                                        &Organisation::name, &Organisation::path>(),
                                column<EmptyAsNull, &Organisation::credit_code>("credit_code"),
                                columns<&Organisation::sectors, &Organisation::address>(),
                                lonLat<&Organisation::location>(),
                                columns<&Organisation::created_at, &Organisation::updated_at>()};
// What an edit may change: the parent, kind and credit code stay.
const RowMap<Organisation> kOrgEdit =
    kOrg.only({"name", "path", "sectors", "address", "lon", "lat", "updated_at"});
}  // namespace

Result<Organisation> SqlOrgRepository::get(OrgId id) {
  return kOrg.one(conn_, id.value, "no organisation " + std::to_string(id.value));
}

Result<OrgId> SqlOrgRepository::insert(const Organisation& o) {
  return OrgId{CS_TRY(kOrg.add(conn_, o))};
}

Result<void> SqlOrgRepository::update(const Organisation& o) {
  CS_TRY(kOrgEdit.set(conn_, o, " WHERE id = ?", {o.id.value}));
  return ok();
}

Result<std::optional<OrgId>> SqlOrgRepository::findByCreditCode(const std::string& code) {
  return findId<OrgTag>(conn_, "SELECT id FROM orgs WHERE credit_code = ?", {code});
}

Result<std::vector<Organisation>> SqlOrgRepository::list(const store::OrgFilter& filter,
                                                         store::PageRequest page) {
  std::vector<Value> params;
  std::string sql = "WHERE id > ? AND ";
  params.emplace_back(page.after_id);
  sql += scopeClause(conn_.dialect(), filter.scope, "path", "sectors", params);
  andWhere(sql, params, "kind = ?", filter.kind);
  andWhere(sql, params, "parent_id = ?", filter.parent_id);
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return kOrg.all(conn_, sql, params);
}

}  // namespace citysafe::sql
