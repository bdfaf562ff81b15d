#pragma once
// SQL repositories, written once for both dialects. Internal to the sql adapter.
#include <type_traits>

#include "citysafe/core/store/store.hpp"
#include "citysafe/sql/connection.hpp"
#include "citysafe/sql/row_map.hpp"

namespace citysafe::sql {

// "(path LIKE ? OR (path LIKE ? AND (sectors LIKE ? OR ...)))" for a scope; appends parameters.
// "(path >= ? AND path < ?)": the subtree below a materialised path, as an index range.
std::string subtreeClause(Dialect dialect, const std::string& path_col, const std::string& subtree,
                          std::vector<Value>& params);
std::string scopeClause(Dialect dialect, const identity::Scope& scope, const std::string& path_col,
                        const std::string& sectors_col, std::vector<Value>& params);
// Levels and tiers are compared in SQL (level >= ?), so they are stored as their rank.
template <>
struct Codec<risk::RiskLevel> : Ranked<risk::RiskLevel, risk::RiskLevel::Low> {};
template <>
struct Codec<hazard::Tier> : Ranked<hazard::Tier, hazard::Tier::Province> {};
template <>
struct Codec<monitoring::Level> : Ranked<monitoring::Level, monitoring::Level::Red> {};

// A location's lon and lat columns.
template <auto Location>
auto lonLat() {
  return columnsOf<Location, &org::GeoPoint::lon, &org::GeoPoint::lat>();
}

// " AND <condition>" with its one parameter, so the text and the parameters stay in step; an
// absent optional adds nothing.
template <class F>
void andWhere(std::string& where, std::vector<Value>& params, std::string_view condition,
              const F& value) {
  if constexpr (detail::IsOptional<F>::value) {
    if (value) andWhere(where, params, condition, *value);
  } else {
    (where += " AND ") += condition;
    params.push_back(Codec<F>::put(value));
  }
}
// " AND column IN (?, ...)" when the list has any values.
template <class F>
void andIn(std::string& where, std::vector<Value>& params, std::string_view column,
           const std::vector<F>& values) {
  if (values.empty()) return;
  ((where += " AND ") += column) += " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i ? ", ?" : "?";
    params.push_back(Codec<F>::put(values[i]));
  }
  where += ")";
}
// The id in the first column of the first row, if the query finds one.
template <class Tag>
Result<std::optional<Id<Tag>>> findId(Connection& conn, std::string_view sql,
                                      const std::vector<Value>& params) {
  auto rows = CS_TRY(conn.query(sql, params));
  if (rows.empty()) return std::optional<Id<Tag>>{};
  return std::optional<Id<Tag>>{Id<Tag>{rows.front().getInt(0)}};
}
// "SELECT column, COUNT(*) FROM table WHERE <where> GROUP BY column": (value, count) rows.
Result<std::vector<Row>> countsBy(Connection& conn, std::string_view table, std::string_view column,
                                  const std::string& where, const std::vector<Value>& params);
// " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?" for a box on plain lon/lat columns.
void andInBox(std::string& where, std::vector<Value>& params,
              const std::optional<basemap::BBox>& box);
// " AND (a LIKE ? OR b LIKE ?)": the text anywhere in any of the columns, when there is text.
void andContains(std::string& where, std::vector<Value>& params,
                 std::initializer_list<std::string_view> columns, const std::string& text);
// Coordinates as "lon lat;lon lat;..." text, the same in both dialects.
std::string encodeCoords(const std::vector<org::GeoPoint>& points);
std::vector<org::GeoPoint> decodeCoords(const std::string& text);

class SqlOrgRepository final : public store::OrgRepository {
 public:
  explicit SqlOrgRepository(Connection& c) : conn_(c) {}
  Result<org::Organisation> get(OrgId id) override;
  Result<OrgId> insert(const org::Organisation& org) override;
  Result<void> update(const org::Organisation& org) override;
  Result<std::optional<OrgId>> findByCreditCode(const std::string& code) override;
  Result<std::vector<org::Organisation>> list(const store::OrgFilter& filter,
                                              store::PageRequest page) override;

 private:
  Connection& conn_;
};

class SqlUserRepository final : public store::UserRepository {
 public:
  explicit SqlUserRepository(Connection& c) : conn_(c) {}
  Result<identity::User> get(UserId id) override;
  Result<identity::User> getByUsername(const std::string& username) override;
  Result<UserId> insert(const identity::User& user) override;
  Result<void> update(const identity::User& user) override;
  Result<std::vector<identity::User>> list(const identity::Scope& scope,
                                           store::PageRequest page) override;

 private:
  Result<identity::User> one(const std::string& where, const Value& key);
  Connection& conn_;
};

class SqlSessionRepository final : public store::SessionRepository {
 public:
  explicit SqlSessionRepository(Connection& c) : conn_(c) {}
  Result<std::int64_t> insert(const identity::Session& session) override;
  Result<identity::Session> getByTokenHash(const std::string& token_hash) override;
  Result<void> revoke(std::int64_t session_id) override;
  Result<int> revokeAllOf(UserId user) override;

 private:
  Connection& conn_;
};

class SqlAuditRepository final : public store::AuditRepository {
 public:
  explicit SqlAuditRepository(Connection& c) : conn_(c) {}
  Result<std::optional<audit::AuditRecord>> last() override;
  Result<void> append(const audit::AuditRecord& record) override;
  Result<std::vector<audit::AuditRecord>> list(const store::AuditFilter& filter) override;
  Result<void> scan(const std::function<bool(const audit::AuditRecord&)>& visit) override;
  std::vector<std::string> contentEntities() override;
  Result<std::optional<std::string>> contentOf(const std::string& entity,
                                               const std::string& entity_id) override;
  Result<void> scanContents(
      const std::string& entity,
      const std::function<void(const std::string&, const std::string&)>& visit) override;

 private:
  Connection& conn_;
};

class SqlBasemapRepository final : public store::BasemapRepository {
 public:
  explicit SqlBasemapRepository(Connection& c) : conn_(c) {}
  Result<void> replaceAll(const std::string& source,
                          const std::vector<basemap::MapFeature>& features) override;
  Result<basemap::BasemapInfo> info() override;
  Result<std::vector<basemap::MapFeature>> query(const basemap::BBox& box) override;

 private:
  Connection& conn_;
};

class SqlRiskRepository final : public store::RiskRepository {
 public:
  explicit SqlRiskRepository(Connection& c) : conn_(c) {}
  Result<risk::RiskPoint> get(RiskPointId id) override;
  Result<RiskPointId> insert(const risk::RiskPoint& point) override;
  Result<void> update(const risk::RiskPoint& point) override;
  Result<std::vector<risk::RiskPoint>> list(const store::RiskFilter& filter,
                                            store::PageRequest page) override;
  Result<store::LevelCounts> countByLevel(const store::RiskFilter& filter) override;
  Result<std::vector<store::RiskMarker>> markers(const store::RiskFilter& filter) override;
  Result<std::vector<store::CellCount>> gridCounts(const store::RiskFilter& filter,
                                                   const store::GridFrame& frame) override;
  Result<std::int64_t> addAssessment(const risk::Assessment& assessment) override;
  Result<std::int64_t> bumpVersion() override;
  Result<std::int64_t> version() override;
  Result<std::vector<store::RiskMarker>> markersSince(std::int64_t version) override;
  Result<std::vector<risk::Assessment>> assessments(RiskPointId risk_point_id) override;

 private:
  Connection& conn_;
};

class SqlMonitoringRepository final : public store::MonitoringRepository {
 public:
  explicit SqlMonitoringRepository(Connection& c) : conn_(c) {}
  Result<DeviceId> insertDevice(const monitoring::Device& d) override;
  Result<void> updateDevice(const monitoring::Device& d) override;
  Result<monitoring::Device> device(DeviceId id) override;
  Result<std::vector<monitoring::Device>> devices(const identity::Scope& scope, int limit,
                                                  DeviceId after) override;
  Result<SensorId> insertSensor(const monitoring::Sensor& s) override;
  Result<void> updateSensor(const monitoring::Sensor& s) override;
  Result<monitoring::Sensor> sensor(SensorId id) override;
  Result<std::optional<monitoring::Sensor>> sensorByCode(const std::string& code) override;
  Result<std::vector<monitoring::Sensor>> sensors(const store::SensorFilter& filter, int limit,
                                                  SensorId after) override;
  Result<std::vector<monitoring::Sensor>> liveSensors() override;
  Result<std::int64_t> registryVersion() override;
  Result<void> bumpRegistryVersion() override;
  Result<std::optional<std::string>> typeRules(monitoring::SensorType type) override;
  Result<void> setTypeRules(monitoring::SensorType type, const std::string& rules) override;
  Result<std::int64_t> insertReadings(std::span<const store::ReadingRow> rows) override;
  Result<void> recomputeMinutes(std::span<const store::BucketKey> buckets) override;
  Result<void> recomputeHours(std::span<const store::BucketKey> buckets) override;
  Result<std::vector<store::SensorLast>> lastReadings() override;
  Result<void> setLast(std::span<const store::SensorLast> last) override;
  Result<std::vector<store::SeriesPoint>> series(SensorId sensor, store::Resolution resolution,
                                                 std::int64_t from_ms, std::int64_t to_ms,
                                                 int limit) override;
  Result<std::int64_t> dropBefore(store::Resolution resolution, std::int64_t before_ms) override;
  Result<void> prepareRange(std::int64_t from_ms, std::int64_t to_ms) override;
  int logParts() override;
  Result<std::int64_t> logHorizon() override;
  Result<void> advanceLogHorizon(std::int64_t horizon_ms) override;
  Result<std::vector<store::ReadingRow>> loggedBefore(int stripe, std::int64_t before_ms,
                                                      std::optional<store::ReadingRow> after,
                                                      int limit) override;
  Result<void> moveToSeries(std::span<const store::ReadingRow> rows) override;
  Result<std::int64_t> dropLogged(int stripe, std::int64_t from_ms,
                                  std::int64_t before_ms) override;
  Result<std::optional<monitoring::Alarm>> openAlarm(SensorId sensor_id,
                                                     const std::string& rule) override;
  Result<std::vector<monitoring::Alarm>> openAlarms() override;
  Result<AlarmId> insertAlarm(const monitoring::Alarm& alarm) override;
  Result<void> updateAlarm(monitoring::Alarm& alarm) override;
  Result<monitoring::Alarm> alarm(AlarmId id) override;
  Result<std::vector<monitoring::Alarm>> alarms(const store::AlarmFilter& filter, int limit,
                                                AlarmId before) override;

 private:
  [[nodiscard]] bool logged() const { return conn_.dialect() == Dialect::Sqlite; }
  Result<std::int64_t> insertLogged(std::span<const store::ReadingRow> rows);
  Result<std::int64_t> insertIntoSeries(std::span<const store::ReadingRow> rows);
  Result<std::vector<store::SeriesPoint>> seriesPoints(const std::string& sql,
                                                       const std::vector<Value>& params);
  Connection& conn_;
  std::optional<std::int64_t> horizon_;  // read once per transaction
};

class SqlLeaseRepository final : public store::LeaseRepository {
 public:
  explicit SqlLeaseRepository(Connection& c) : conn_(c) {}
  Result<bool> acquire(const std::string& name, const std::string& holder, TimePoint now,
                       TimePoint until) override;

 private:
  Connection& conn_;
};

struct Migration {
  int version;
  const char* description;
  const char* sql;  // with {ID} {INT} {REAL} {TEXT} tokens for the dialect
  // What only one dialect can say (spatial indexes), run after `sql`.
  const char* sqlite_only = "";
  const char* postgres_only = "";
  // What SQL cannot say (rewriting stored text), run last in the same transaction.
  Result<void> (*code)(Connection&) = nullptr;
};
// Migration 13's step: the hazard policy's old tab-separated rows rewritten as JSON.
Result<void> hazardPolicyToJson(Connection& c);
const std::vector<Migration>& migrations();
std::string inDialect(std::string_view sql, Dialect dialect);

}  // namespace citysafe::sql
