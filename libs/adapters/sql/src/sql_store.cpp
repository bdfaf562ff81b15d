#include "citysafe/sql/sql_store.hpp"

#include <algorithm>
#include <charconv>
#include <exception>

#include "hazard_repositories.hpp"
#include "repositories.hpp"

namespace citysafe::sql {

std::int64_t Row::getInt(std::size_t i) const {
  const auto& cell = cells_.at(i);
  if (!cell) return 0;
  std::int64_t v = 0;
  // PostgreSQL sends booleans as 't'/'f'.
  if (*cell == "t") return 1;
  if (*cell == "f") return 0;
  std::from_chars(cell->data(), cell->data() + cell->size(), v);
  return v;
}

double Row::getDouble(std::size_t i) const {
  const auto& cell = cells_.at(i);
  if (!cell) return 0;
  double v = 0;
  std::from_chars(cell->data(), cell->data() + cell->size(), v);
  return v;
}

const std::string& Row::getText(std::size_t i) const {
  static const std::string kEmpty;
  const auto& cell = cells_.at(i);
  return cell ? *cell : kEmpty;
}

Result<std::vector<Row>> countsBy(Connection& conn, std::string_view table, std::string_view column,
                                  const std::string& where, const std::vector<Value>& params) {
  const std::string c(column);
  return conn.query("SELECT " + c + ", COUNT(*) FROM " + std::string(table) + " WHERE " + where +
                        " GROUP BY " + c,
                    params);
}

void andInBox(std::string& where, std::vector<Value>& params,
              const std::optional<basemap::BBox>& box) {
  if (!box) return;
  where += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
  params.insert(params.end(), {box->min_lon, box->max_lon, box->min_lat, box->max_lat});
}

void andContains(std::string& where, std::vector<Value>& params,
                 std::initializer_list<std::string_view> columns, const std::string& text) {
  if (text.empty()) return;
  const std::string like = "%" + text + "%";
  std::string any;
  for (auto column : columns) {
    ((any += any.empty() ? "" : " OR ") += column) += " LIKE ?";
    params.emplace_back(like);
  }
  where += " AND (" + any + ")";
}

Result<std::int64_t> queryInt(Connection& conn, std::string_view sql,
                              const std::vector<Value>& params) {
  const auto rows = CS_TRY(conn.query(sql, params));
  if (rows.empty()) return fail(Errc::NotFound, "", "query returned no row");
  return rows.front().getInt(0);
}

// An UPDATE that only matches a free or own lease: concurrent takers queue on the row lock and
// the loser's WHERE no longer holds. The INSERT covers the first time; a racing INSERT loses on
// the primary key.
Result<bool> SqlLeaseRepository::acquire(const std::string& name, const std::string& holder,
                                         TimePoint now, TimePoint until) {
  const auto updated = CS_TRY(conn_.query(
      "UPDATE leases SET holder = ?, until_ms = ? WHERE name = ? AND (until_ms < ? OR holder = ?) "
      "RETURNING name",
      {holder, toEpochMs(until), name, toEpochMs(now), holder}));
  if (!updated.empty()) return true;
  const auto inserted = CS_TRY(conn_.query(
      "INSERT INTO leases (name, holder, until_ms) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING "
      "RETURNING name",
      {name, holder, toEpochMs(until)}));
  return !inserted.empty();
}

namespace {
class SqlTx final : public store::Tx {
 public:
  explicit SqlTx(Connection& c)
      : orgs_(c),
        users_(c),
        sessions_(c),
        audit_(c),
        basemap_(c),
        risks_(c),
        hazards_(c),
        tips_(c),
        media_(c),
        extensions_(c),
        notifications_(c),
        hazard_settings_(c),
        leases_(c),
        monitoring_(c) {}
  store::OrgRepository& orgs() override { return orgs_; }
  store::UserRepository& users() override { return users_; }
  store::SessionRepository& sessions() override { return sessions_; }
  store::AuditRepository& audit() override { return audit_; }
  store::BasemapRepository& basemap() override { return basemap_; }
  store::RiskRepository& risks() override { return risks_; }
  store::HazardRepository& hazards() override { return hazards_; }
  store::TipRepository& tips() override { return tips_; }
  store::HazardMediaRepository& hazardMedia() override { return media_; }
  store::ExtensionRepository& extensions() override { return extensions_; }
  store::NotificationRepository& notifications() override { return notifications_; }
  store::HazardSettingsRepository& hazardSettings() override { return hazard_settings_; }
  store::LeaseRepository& leases() override { return leases_; }
  store::MonitoringRepository& monitoring() override { return monitoring_; }
  void afterCommit(const std::string& name, std::function<void()> hook) override {
    auto same = std::find_if(hooks_.begin(), hooks_.end(),
                             [&](const auto& named) { return named.first == name; });
    if (same != hooks_.end()) hooks_.erase(same);
    hooks_.emplace_back(name, std::move(hook));
  }
  void runCommitHooks() {
    for (auto& [name, hook] : hooks_) hook();
  }

 private:
  SqlOrgRepository orgs_;
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlAuditRepository audit_;
  SqlBasemapRepository basemap_;
  SqlRiskRepository risks_;
  SqlHazardRepository hazards_;
  SqlTipRepository tips_;
  SqlHazardMediaRepository media_;
  SqlExtensionRepository extensions_;
  SqlNotificationRepository notifications_;
  SqlHazardSettingsRepository hazard_settings_;
  SqlLeaseRepository leases_;
  SqlMonitoringRepository monitoring_;
  std::vector<std::pair<std::string, std::function<void()>>> hooks_;
};
}  // namespace

SqlStore::SqlStore(ConnectionFactory factory, std::string description, std::size_t max_idle)
    : factory_(std::move(factory)), description_(std::move(description)), max_idle_(max_idle) {}

SqlStore::~SqlStore() = default;

Result<std::unique_ptr<Connection>> SqlStore::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
  }
  return factory_();
}

void SqlStore::release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(conn));
}

Result<void> SqlStore::run(const store::Work& work, bool write) {
  auto conn = CS_TRY(acquire());
  std::unique_lock<std::mutex> writing;
  if (write && conn->dialect() == Dialect::Sqlite) writing = std::unique_lock(sqlite_writer_);
  CS_TRY(conn->begin(write));  // a broken connection is dropped
  Result<void> outcome;
  SqlTx tx(*conn);
  try {
    outcome = work(tx);
  } catch (const std::exception& e) {
    outcome =
        fail(Errc::Internal, "", std::string("unexpected failure in a transaction: ") + e.what());
  }
  if (outcome) {
    CS_TRY(conn->execScript("COMMIT"));
    tx.runCommitHooks();
  } else if (!conn->execScript("ROLLBACK")) {
    return outcome;  // the connection is in an unknown state: drop it
  }
  release(std::move(conn));
  return outcome;
}

Result<void> SqlStore::write(const store::Work& work) { return run(work, true); }
Result<void> SqlStore::read(const store::Work& work) { return run(work, false); }

namespace {
// One migration in the open transaction: true when it was applied now, false when it already was.
Result<bool> applyMigration(Connection& c, const Migration& m) {
  const Dialect d = c.dialect();
  if (CS_TRY(queryInt(c, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?",
                      {std::int64_t{m.version}})) > 0) {
    return false;
  }
  const char* only = d == Dialect::Sqlite ? m.sqlite_only : m.postgres_only;
  auto noted = [&]() -> Result<void> {
    CS_TRY(c.execScript(inDialect(m.sql, d)));
    if (only[0] != '\0') CS_TRY(c.execScript(only));
    if (m.code) CS_TRY(m.code(c));
    CS_TRY(
        c.query("INSERT INTO schema_migrations (version, description, applied_at) "
                "VALUES (?, ?, ?)",
                {std::int64_t{m.version}, std::string(m.description),
                 std::int64_t{std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count()}}));
    return ok();
  }();
  if (!noted) {
    return fail(noted.error().code, "",
                "migration " + std::to_string(m.version) + " failed: " + noted.error().message);
  }
  return true;
}
}  // namespace

Result<int> SqlStore::migrate() {
  auto conn = CS_TRY(acquire());
  Connection& c = *conn;
  CS_TRY(c.execScript(
      inDialect("CREATE TABLE IF NOT EXISTS schema_migrations (version {INT} PRIMARY KEY, "
                "description {TEXT} NOT NULL, applied_at {INT} NOT NULL)",
                c.dialect())));
  int applied = 0;
  for (const auto& m : migrations()) {
    CS_TRY(c.begin(true));
    auto done = applyMigration(c, m);
    if (!done) {
      // The migration's own error is the one to tell. A failed rollback too leaves the
      // connection in an unknown state: it is dropped here (never released) either way.
      Error failure = std::move(done.error());
      if (auto rolled = c.execScript("ROLLBACK"); !rolled) {
        failure.message += "; the rollback failed too: " + rolled.error().message;
      }
      return tl::unexpected(std::move(failure));
    }
    CS_TRY(c.execScript("COMMIT"));
    applied += *done ? 1 : 0;
  }
  release(std::move(conn));
  return applied;
}

}  // namespace citysafe::sql
