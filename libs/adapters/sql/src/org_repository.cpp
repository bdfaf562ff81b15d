#include <sstream>

#include "repositories.hpp"

namespace citysafe::sql {

std::string joinSectors(const std::vector<std::string>& sectors) {
  std::string out = ",";
  for (const auto& s : sectors) out += s + ",";
  return out;
}

std::vector<std::string> splitSectors(const std::string& joined) {
  std::vector<std::string> out;
  std::stringstream in(joined);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
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
constexpr const char* kColumns =
    "id, parent_id, kind, name, path, credit_code, sectors, address, lon, lat, created_at, "
    "updated_at";

org::Organisation fromRow(const Row& r) {
  org::Organisation o;
  o.id = OrgId{r.getInt(0)};
  if (!r.isNull(1)) o.parent_id = OrgId{r.getInt(1)};
  o.kind = org::parseOrgKind(r.getText(2)).value_or(org::OrgKind::City);
  o.name = r.getText(3);
  o.path = r.getText(4);
  o.credit_code = r.getText(5);
  o.sectors = splitSectors(r.getText(6));
  o.address = r.getText(7);
  if (!r.isNull(8) && !r.isNull(9)) o.location = org::GeoPoint{r.getDouble(8), r.getDouble(9)};
  o.created_at = fromEpochMs(r.getInt(10));
  o.updated_at = fromEpochMs(r.getInt(11));
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
  auto rows =
      conn_.query(std::string("SELECT ") + kColumns + " FROM orgs WHERE id = ?", {id.value});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty())
    return fail(Errc::NotFound, "id", "no organisation " + std::to_string(id.value));
  return fromRow(rows->front());
}

Result<OrgId> SqlOrgRepository::insert(const org::Organisation& o) {
  auto id = queryInt(
      conn_,
      "INSERT INTO orgs (parent_id, kind, name, path, credit_code, sectors, address, lon, lat, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {o.parent_id ? Value{o.parent_id->value} : Value{nullptr}, std::string(org::toString(o.kind)),
       o.name, o.path, optionalText(o.credit_code), joinSectors(o.sectors), o.address, lonOf(o),
       latOf(o), toEpochMs(o.created_at), toEpochMs(o.updated_at)});
  if (!id) return tl::unexpected(id.error());
  return OrgId{*id};
}

Result<void> SqlOrgRepository::update(const org::Organisation& o) {
  auto rows = conn_.query(
      "UPDATE orgs SET name = ?, path = ?, sectors = ?, address = ?, lon = ?, lat = ?, updated_at "
      "= ? WHERE id = ?",
      {o.name, o.path, joinSectors(o.sectors), o.address, lonOf(o), latOf(o),
       toEpochMs(o.updated_at), o.id.value});
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<std::optional<OrgId>> SqlOrgRepository::findByCreditCode(const std::string& code) {
  auto rows = conn_.query("SELECT id FROM orgs WHERE credit_code = ?", {code});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<OrgId>{};
  return std::optional<OrgId>{OrgId{rows->front().getInt(0)}};
}

Result<std::vector<org::Organisation>> SqlOrgRepository::list(const store::OrgFilter& filter,
                                                              store::PageRequest page) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kColumns + " FROM orgs WHERE id > ? AND ";
  params.emplace_back(page.after_id);
  sql += scopeClause(conn_.dialect(), filter.scope, "path", "sectors", params);
  if (filter.kind) {
    sql += " AND kind = ?";
    params.emplace_back(std::string(org::toString(*filter.kind)));
  }
  if (filter.parent_id) {
    sql += " AND parent_id = ?";
    params.emplace_back(filter.parent_id->value);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{page.limit});
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<org::Organisation> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(fromRow(r));
  return out;
}

}  // namespace citysafe::sql
