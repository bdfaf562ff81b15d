#pragma once
// Storage ports. The core says what it needs; adapters (SQLite, PostgreSQL) say how.
// A Tx is one database transaction: everything done through it commits together or not at all.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/common/result.hpp"
#include "citysafe/core/audit/audit_record.hpp"
#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/identity/user.hpp"
#include "citysafe/core/org/organisation.hpp"
#include "citysafe/core/risk/risk_point.hpp"
#include "citysafe/core/store/hazard_store.hpp"
#include "citysafe/core/store/monitoring_store.hpp"

namespace citysafe::store {

// Keyset pagination: items with id > after_id, ascending (or < before for newest-first lists).
struct PageRequest {
  int limit = 100;
  std::int64_t after_id = 0;
};

struct OrgFilter {
  identity::Scope scope;
  std::optional<org::OrgKind> kind;
  std::optional<OrgId> parent_id;
};

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;
  [[nodiscard]] virtual Result<org::Organisation> get(OrgId id) = 0;
  // Inserts and returns the new id; the caller then sets the path with update().
  [[nodiscard]] virtual Result<OrgId> insert(const org::Organisation& org) = 0;
  [[nodiscard]] virtual Result<void> update(const org::Organisation& org) = 0;
  [[nodiscard]] virtual Result<std::optional<OrgId>> findByCreditCode(const std::string& code) = 0;
  [[nodiscard]] virtual Result<std::vector<org::Organisation>> list(const OrgFilter& filter,
                                                                    PageRequest page) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  [[nodiscard]] virtual Result<identity::User> get(UserId id) = 0;
  [[nodiscard]] virtual Result<identity::User> getByUsername(const std::string& username) = 0;
  [[nodiscard]] virtual Result<UserId> insert(const identity::User& user) = 0;
  [[nodiscard]] virtual Result<void> update(const identity::User& user) = 0;
  // Users whose organisation is within the scope.
  [[nodiscard]] virtual Result<std::vector<identity::User>> list(const identity::Scope& scope,
                                                                 PageRequest page) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  [[nodiscard]] virtual Result<std::int64_t> insert(const identity::Session& session) = 0;
  [[nodiscard]] virtual Result<identity::Session> getByTokenHash(const std::string& token_hash) = 0;
  [[nodiscard]] virtual Result<void> revoke(std::int64_t session_id) = 0;
  // Returns how many sessions were revoked.
  [[nodiscard]] virtual Result<int> revokeAllOf(UserId user) = 0;
};

struct AuditFilter {
  identity::Scope scope;
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::int64_t before_seq = 0;  // 0: from the newest
  int limit = 100;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Must be called inside a write Tx; the adapter serialises appenders so seq has no gaps.
  [[nodiscard]] virtual Result<std::optional<audit::AuditRecord>> last() = 0;
  [[nodiscard]] virtual Result<void> append(const audit::AuditRecord& record) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<audit::AuditRecord>> list(const AuditFilter& filter) = 0;
  // Oldest first, in batches, until `visit` returns false.
  [[nodiscard]] virtual Result<void> scan(
      const std::function<bool(const audit::AuditRecord&)>& visit) = 0;

  // Audited rows' content, so that a row edited behind the platform's back can be told from its
  // last audited state. The adapter canonicalises a row column by column, leaving out the
  // columns that legitimately change without an audit record.
  // The entities (AuditRecord::entity) whose rows are covered.
  [[nodiscard]] virtual std::vector<std::string> contentEntities() = 0;
  // The row's canonical content; "" when the row does not exist; nullopt when `entity` is not
  // covered.
  [[nodiscard]] virtual Result<std::optional<std::string>> contentOf(
      const std::string& entity, const std::string& entity_id) = 0;
  // Every row of a covered entity, in id order, with its canonical content.
  [[nodiscard]] virtual Result<void> scanContents(
      const std::string& entity,
      const std::function<void(const std::string& entity_id, const std::string& content)>&
          visit) = 0;
};

class BasemapRepository {
 public:
  virtual ~BasemapRepository() = default;
  [[nodiscard]] virtual Result<void> replaceAll(
      const std::string& source, const std::vector<basemap::MapFeature>& features) = 0;
  [[nodiscard]] virtual Result<basemap::BasemapInfo> info() = 0;
  [[nodiscard]] virtual Result<std::vector<basemap::MapFeature>> query(
      const basemap::BBox& box) = 0;
};

struct RiskFilter {
  identity::Scope scope;
  std::optional<basemap::BBox> bbox;  // representative point inside
  std::optional<std::string> sector;
  std::optional<std::string> org_path;  // within this organisation's subtree
  std::vector<risk::RiskLevel> levels;  // latest colour is one of these (empty: any)
  std::vector<risk::RiskKind> kinds;    // one of these kinds (empty: any)
  bool major_hazard_only = false;       // GB 18218 grade 1..4
};

// What maps, aggregation and exposure need of a risk point, without its full geometry.
struct RiskMarker {
  RiskPointId id;
  std::string name;
  risk::RiskKind kind = risk::RiskKind::EnterpriseUnit;
  std::string sector;
  std::string org_path;
  org::GeoPoint at;
  std::optional<risk::RiskLevel> level;
  int hazard_grade = 0;
  std::int64_t capacity = 0;
  std::int64_t version = 0;
};

// Square cells of a local metric grid: cell (ix, iy) spans
// [origin + ix·cell_lon, origin + (ix+1)·cell_lon) × [origin + iy·cell_lat, ...).
struct GridFrame {
  org::GeoPoint origin;
  double cell_lon = 0;
  double cell_lat = 0;
  static GridFrame metres(org::GeoPoint origin, double cell_m);
};

struct CellCount {
  std::int64_t ix = 0;
  std::int64_t iy = 0;
  std::optional<risk::RiskLevel> level;
  std::int64_t count = 0;
};

// Counts by latest colour; index 4 counts points never assessed.
using LevelCounts = std::array<std::int64_t, 5>;

class RiskRepository {
 public:
  virtual ~RiskRepository() = default;
  [[nodiscard]] virtual Result<risk::RiskPoint> get(RiskPointId id) = 0;
  [[nodiscard]] virtual Result<RiskPointId> insert(const risk::RiskPoint& point) = 0;
  // Writes every field including `latest` and `hazard_grade`.
  [[nodiscard]] virtual Result<void> update(const risk::RiskPoint& point) = 0;
  [[nodiscard]] virtual Result<std::vector<risk::RiskPoint>> list(const RiskFilter& filter,
                                                                  PageRequest page) = 0;
  [[nodiscard]] virtual Result<LevelCounts> countByLevel(const RiskFilter& filter) = 0;
  [[nodiscard]] virtual Result<std::vector<RiskMarker>> markers(const RiskFilter& filter) = 0;
  // Points per grid cell and colour, counted by the store (a million points never leave it).
  [[nodiscard]] virtual Result<std::vector<CellCount>> gridCounts(const RiskFilter& filter,
                                                                  const GridFrame& frame) = 0;
  [[nodiscard]] virtual Result<std::int64_t> addAssessment(const risk::Assessment& assessment) = 0;
  // The registry's version: every write bumps it inside its transaction, and stamps the rows it
  // writes, so caches on any node can catch up with markersSince().
  [[nodiscard]] virtual Result<std::int64_t> bumpVersion() = 0;
  [[nodiscard]] virtual Result<std::int64_t> version() = 0;
  // Every point written after `version`, whatever the scope, oldest first.
  [[nodiscard]] virtual Result<std::vector<RiskMarker>> markersSince(std::int64_t version) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<risk::Assessment>> assessments(
      RiskPointId risk_point_id) = 0;
};

// Time-limited leases, so that of several nodes sharing one database only one runs a periodic
// job at a time.
class LeaseRepository {
 public:
  virtual ~LeaseRepository() = default;
  // Takes or renews `name` for `holder` until `until` when it is free (expired) or already
  // the holder's; false when another holder has it.
  [[nodiscard]] virtual Result<bool> acquire(const std::string& name, const std::string& holder,
                                             TimePoint now, TimePoint until) = 0;
};

class Tx {
 public:
  virtual ~Tx() = default;
  virtual OrgRepository& orgs() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual AuditRepository& audit() = 0;
  virtual BasemapRepository& basemap() = 0;
  virtual RiskRepository& risks() = 0;
  virtual HazardRepository& hazards() = 0;
  virtual TipRepository& tips() = 0;
  virtual HazardMediaRepository& hazardMedia() = 0;
  virtual ExtensionRepository& extensions() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual HazardSettingsRepository& hazardSettings() = 0;
  virtual LeaseRepository& leases() = 0;
  virtual MonitoringRepository& monitoring() = 0;
  // Runs `hook` once the transaction has committed, never when it rolls back. A later hook of
  // the same name replaces an earlier one, so a transaction of many changes runs it once.
  virtual void afterCommit(const std::string& name, std::function<void()> hook) = 0;
};

using Work = std::function<Result<void>(Tx&)>;

// Thread-safe. write() commits when work succeeds and rolls back when it fails or throws.
class Store {
 public:
  virtual ~Store() = default;
  [[nodiscard]] virtual Result<void> write(const Work& work) = 0;
  [[nodiscard]] virtual Result<void> read(const Work& work) = 0;
  [[nodiscard]] virtual std::string describe() const = 0;  // "sqlite:/path" (no secrets)
};

// A read's value, or nullopt when the store found nothing: only real absence is absence, any
// other failure stays the error it is.
template <class T>
[[nodiscard]] Result<std::optional<T>> ifFound(Result<T> read) {
  if (read) return std::optional<T>(std::move(*read));
  if (read.error().code == Errc::NotFound) return std::optional<T>{};
  return tl::unexpected(std::move(read.error()));
}

// The subtree path of an organisation, or "/" when it is gone (audit scope of a change).
[[nodiscard]] inline Result<std::string> orgPathOf(Tx& tx, OrgId id) {
  auto org = CS_TRY(ifFound(tx.orgs().get(id)));
  return org ? org->path : std::string("/");
}

// Runs `work` in a transaction and hands back its value.
template <class T>
[[nodiscard]] Result<T> returning(Store& store, bool write,
                                  const std::function<Result<T>(Tx&)>& work) {
  std::optional<T> out;
  const Work wrapped = [&](Tx& tx) -> Result<void> {
    auto value = work(tx);
    if (!value) return tl::unexpected(value.error());
    out = std::move(*value);
    return {};
  };
  auto done = write ? store.write(wrapped) : store.read(wrapped);
  if (!done) return tl::unexpected(done.error());
  return std::move(*out);
}

template <class T>
[[nodiscard]] Result<T> writeReturning(Store& store, const std::function<Result<T>(Tx&)>& work) {
  return returning<T>(store, true, work);
}

template <class T>
[[nodiscard]] Result<T> readReturning(Store& store, const std::function<Result<T>(Tx&)>& work) {
  return returning<T>(store, false, work);
}

}  // namespace citysafe::store
