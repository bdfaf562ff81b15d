#include "citysafe/common/csv.hpp"
#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {

std::string joinSectors(const std::vector<std::string>& sectors) {
  std::string out = ",";
  for (const auto& s : sectors) out += s + ",";
  return out;
}

std::vector<std::string> splitSectors(const std::string& joined) {
  return splitNonEmpty(joined, ',');
}

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
constexpr Columns<12> kOrg{{"id", "parent_id", "kind", "name", "path", "credit_code", "sectors",
                            "address", "lon", "lat", "created_at", "updated_at"}};

Result<org::Organisation> fromRow(const Row& r) {
  org::Organisation o;
  o.id = OrgId{r.getInt(kOrg.at("id"))};
  if (!r.isNull(kOrg.at("parent_id"))) o.parent_id = OrgId{r.getInt(kOrg.at("parent_id"))};
  o.kind = CS_TRY(storedEnum<org::OrgKind>(r.getText(kOrg.at("kind")), "orgs.kind"));
  o.name = r.getText(kOrg.at("name"));
  o.path = r.getText(kOrg.at("path"));
  o.credit_code = r.getText(kOrg.at("credit_code"));
  o.sectors = splitSectors(r.getText(kOrg.at("sectors")));
  o.address = r.getText(kOrg.at("address"));
  if (!r.isNull(kOrg.at("lon")) && !r.isNull(kOrg.at("lat"))) {
    o.location = org::GeoPoint{r.getDouble(kOrg.at("lon")), r.getDouble(kOrg.at("lat"))};
  }
  o.created_at = fromEpochMs(r.getInt(kOrg.at("created_at")));
  o.updated_at = fromEpochMs(r.getInt(kOrg.at("updated_at")));
  return o;
}

Value optionalText(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }
Value lonOf(const org::Organisation& o) {
  return o.location ? Value{o.location->lon} : Value{nullptr};
}
Value latOf(const org::Organisation& o) {
  return o.location ? Value{o.location->lat} : Value{nullptr};
}
}  // namespace

Result<org::Organisation> SqlOrgRepository::get(OrgId id) {
  auto rows = CS_TRY(conn_.query("SELECT " + kOrg.list() + " FROM orgs WHERE id = ?", {id.value}));
  if (rows.empty())
    return fail(Errc::NotFound, "id", "no organisation " + std::to_string(id.value));
  return fromRow(rows.front());
}

Result<OrgId> SqlOrgRepository::insert(const org::Organisation& o) {
  // Every column but the id, in kOrg's order.
  const auto id = CS_TRY(queryInt(
      conn_, kOrg.insertInto("orgs") + " RETURNING id",
      {o.parent_id ? Value{o.parent_id->value} : Value{nullptr}, std::string(nameOf(o.kind)),
       o.name, o.path, optionalText(o.credit_code), joinSectors(o.sectors), o.address, lonOf(o),
       latOf(o), toEpochMs(o.created_at), toEpochMs(o.updated_at)}));
  return OrgId{id};
}

Result<void> SqlOrgRepository::update(const org::Organisation& o) {
  CS_TRY(conn_.exec(
      "UPDATE orgs SET name = ?, path = ?, sectors = ?, address = ?, lon = ?, lat = ?, updated_at "
      "= ? WHERE id = ?",
      {o.name, o.path, joinSectors(o.sectors), o.address, lonOf(o), latOf(o),
       toEpochMs(o.updated_at), o.id.value}));
  return ok();
}

Result<std::optional<OrgId>> SqlOrgRepository::findByCreditCode(const std::string& code) {
  auto rows = CS_TRY(conn_.query("SELECT id FROM orgs WHERE credit_code = ?", {code}));
  if (rows.empty()) return std::optional<OrgId>{};
  return std::optional<OrgId>{OrgId{rows.front().getInt(0)}};
}

Result<std::vector<org::Organisation>> SqlOrgRepository::list(const store::OrgFilter& filter,
                                                              store::PageRequest page) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kOrg.list() + " FROM orgs WHERE id > ? AND ";
  params.emplace_back(page.after_id);
  sql += scopeClause(conn_.dialect(), filter.scope, "path", "sectors", params);
  if (filter.kind) {
    sql += " AND kind = ?";
    params.emplace_back(std::string(nameOf(*filter.kind)));
  }
  if (filter.parent_id) {
    sql += " AND parent_id = ?";
    params.emplace_back(filter.parent_id->value);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  return queryRows(conn_, sql, params, fromRow);
}

}  // namespace citysafe::sql
