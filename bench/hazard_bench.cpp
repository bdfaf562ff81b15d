// The hidden-hazard workload at a province's scale, on both stores through CitySafe's own code:
// loading a ledger-sized set, a street officer's list page, the leader's statistics and ranking,
// and the scheduler's sweep (first pass marks and escalates, later passes find nothing new).
//   bench_hazards [--hazards N] [--queries Q] [--pg postgresql://...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "citysafe/common/random_token.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "pg_connection.hpp"

namespace {

using namespace citysafe;
using Stopwatch = std::chrono::steady_clock;

struct Args {
  int hazards = 100000;
  int queries = 500;
  std::string pg;
};

double msSince(Stopwatch::time_point t) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - t).count();
}

struct Tree {
  org::Organisation district;
  std::vector<org::Organisation> streets;
  std::vector<org::Organisation> enterprises;
};

Result<org::Organisation> addOrg(store::Tx& tx, org::Organisation o,
                                 const std::string& parent_path) {
  o.created_at = o.updated_at = TimePoint{};
  auto id = tx.orgs().insert(o);
  if (!id) return tl::unexpected(id.error());
  o.id = *id;
  o.path = parent_path + std::to_string(id->value) + "/";
  if (auto r = tx.orgs().update(o); !r) return tl::unexpected(r.error());
  return o;
}

// One district, 20 streets, 50 enterprises each.
Result<Tree> buildTree(store::Store& store) {
  Tree t;
  auto done = store.write([&](store::Tx& tx) -> Result<void> {
    auto city = addOrg(tx, {.kind = org::OrgKind::City, .name = "市"}, "/");
    if (!city) return tl::unexpected(city.error());
    auto district = addOrg(
        tx, {.parent_id = city->id, .kind = org::OrgKind::District, .name = "区"}, city->path);
    if (!district) return tl::unexpected(district.error());
    t.district = *district;
    for (int s = 0; s < 20; ++s) {
      auto street = addOrg(tx,
                           {.parent_id = district->id,
                            .kind = org::OrgKind::Street,
                            .name = "街道" + std::to_string(s)},
                           district->path);
      if (!street) return tl::unexpected(street.error());
      t.streets.push_back(*street);
      for (int e = 0; e < 50; ++e) {
        auto ent = addOrg(tx,
                          {.parent_id = street->id,
                           .kind = org::OrgKind::Enterprise,
                           .name = "企业" + std::to_string(s) + "-" + std::to_string(e),
                           .sectors = {"gas"}},
                          street->path);
        if (!ent) return tl::unexpected(ent.error());
        t.enterprises.push_back(*ent);
      }
    }
    return ok();
  });
  if (!done) return tl::unexpected(done.error());
  return t;
}

constexpr std::array<const char*, 5> kSectors = {"gas", "fire", "construction", "commerce",
                                                 "hazchem_mining"};

// Found over the last year; a third open, a fifth of the open ones past their deadline.
std::vector<hazard::Hazard> makeHazards(const Tree& t, int n, TimePoint now) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<hazard::Hazard> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const auto& owner = t.enterprises[static_cast<std::size_t>(rng() % t.enterprises.size())];
    hazard::Hazard h;
    h.code = "YH" + std::to_string(i + 1);
    h.title = "隐患" + std::to_string(i);
    h.description = "配电箱门锁损坏，带电部位外露，存在触电危险";
    h.source = static_cast<hazard::Source>(rng() % hazard::kSourceCount);
    h.grade = u(rng) < 0.05 ? hazard::Grade::Major : hazard::Grade::General;
    h.sector = kSectors[rng() % kSectors.size()];
    h.org_id = owner.id;
    h.org_path = owner.path;
    h.responsible_org_id = owner.id;
    h.responsible_org_path = owner.path;
    h.location = {120.0 + u(rng), 30.0 + u(rng)};
    h.found_by_name = "bench";
    h.found_at = h.reported_at = h.updated_at = now - std::chrono::hours(rng() % (365 * 24));
    h.assigned_at = h.found_at;
    h.deadline_at = h.original_deadline_at = h.found_at + std::chrono::days(30);
    const double r = u(rng);
    if (r < 0.66) {
      h.state = hazard::State::Closed;
      h.submitted_at = h.closed_at = h.found_at + std::chrono::days(1 + rng() % 40);
      h.closed_on_time = *h.closed_at <= *h.deadline_at;
    } else {
      h.state = u(rng) < 0.5 ? hazard::State::Rectifying : hazard::State::Assigned;
      // Mostly recent, so that about a fifth of the open ones are late.
      if (u(rng) < 0.8) {
        h.found_at = h.reported_at = now - std::chrono::hours(rng() % (20 * 24));
        h.assigned_at = h.found_at;
        h.deadline_at = h.original_deadline_at = h.found_at + std::chrono::days(30);
      }
    }
    out.push_back(std::move(h));
  }
  return out;
}

void run(const std::string& name, std::unique_ptr<sql::SqlStore> store, const Args& a) {
  FakeClock clock(fromEpochMs(1795000000000));
  events::EventBus bus;
  // A throwaway audit key, and no checkpoint log: the benchmark measures the writes.
  ServiceContext ctx(*store, clock, bus, std::string(audit::kMinKeyBytes, 'b'), nullptr);
  auto tree = buildTree(*store);
  if (!tree) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), tree.error().message.c_str());
    return;
  }
  const auto hazards = makeHazards(*tree, a.hazards, clock.now());
  auto t0 = Stopwatch::now();
  constexpr std::size_t kBatch = 2000;
  for (std::size_t i = 0; i < hazards.size(); i += kBatch) {
    auto done = store->write([&](store::Tx& tx) -> Result<void> {
      for (std::size_t k = i; k < std::min(i + kBatch, hazards.size()); ++k) {
        if (auto id = tx.hazards().insert(hazards[k]); !id) return tl::unexpected(id.error());
      }
      return ok();
    });
    if (!done) {
      std::fprintf(stderr, "%s load: %s\n", name.c_str(), done.error().message.c_str());
      return;
    }
  }
  const double load_ms = msSince(t0);

  hazard::HazardService service(ctx);
  const auto& street = tree->streets[3];
  identity::Principal officer;
  officer.user_id = UserId{1};
  officer.username = "street";
  officer.org_id = street.id;
  officer.org_kind = org::OrgKind::Street;
  officer.org_path = street.path;
  officer.roles = {identity::Role::StreetOfficer};
  identity::Principal leader = officer;
  leader.org_id = tree->district.id;
  leader.org_kind = org::OrgKind::District;
  leader.org_path = tree->district.path;
  leader.roles = {identity::Role::Leader};

  std::vector<double> page_ms;
  std::size_t rows = 0;
  for (int q = 0; q < a.queries; ++q) {
    store::HazardFilter f;
    if (q % 2 == 0) f.states = {hazard::State::Assigned, hazard::State::Rectifying};
    if (q % 3 == 0) f.overdue_at = clock.now();
    t0 = Stopwatch::now();
    auto page = service.list(officer, f, 100, 0);
    page_ms.push_back(msSince(t0));
    rows += page ? page->size() : 0;
  }
  std::sort(page_ms.begin(), page_ms.end());

  t0 = Stopwatch::now();
  auto stats = service.statistics(leader, {});
  const double stats_ms = msSince(t0);
  t0 = Stopwatch::now();
  auto ranking = service.ranking(leader, {}, false);
  const double ranking_ms = msSince(t0);

  t0 = Stopwatch::now();
  auto first = service.sweep("bench");
  const double sweep1_ms = msSince(t0);
  clock.advance(std::chrono::minutes(1));
  t0 = Stopwatch::now();
  auto second = service.sweep("bench");
  const double sweep2_ms = msSince(t0);

  std::printf("%-10s hazards %d: load %.0f ms (%.0f rows/s)\n", name.c_str(), a.hazards, load_ms,
              a.hazards / (load_ms / 1000));
  std::printf("%-10s street list page (100 rows of ~%zu in scope): p50 %.2f ms, p99 %.2f ms\n",
              name.c_str(), rows / page_ms.size(), page_ms[page_ms.size() / 2],
              page_ms[page_ms.size() * 99 / 100]);
  std::printf("%-10s district statistics over %lld found: %.0f ms; street ranking: %.0f ms\n",
              name.c_str(), stats ? static_cast<long long>(stats->total.found) : -1LL, stats_ms,
              ranking_ms);
  std::printf("%-10s sweep: first %.0f ms (%d overdue, %d due soon, %d escalated), next %.0f ms\n",
              name.c_str(), sweep1_ms, first ? first->overdue : -1, first ? first->due_soon : -1,
              first ? first->escalated : -1, sweep2_ms);
  (void)ranking;
  (void)second;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--hazards") a.hazards = std::stoi(argv[i + 1]);
    if (k == "--queries") a.queries = std::stoi(argv[i + 1]);
    if (k == "--pg") a.pg = argv[i + 1];
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("citysafe-bench-hazards-" + randomHexToken(4));
  std::filesystem::create_directories(dir);
  auto sqlite = sql::openStore("sqlite:" + (dir / "h.db").string());
  if (!sqlite) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite.error().message.c_str());
    return 1;
  }
  run("sqlite", std::move(*sqlite), a);
  if (!std::getenv("BENCH_KEEP")) std::filesystem::remove_all(dir);
  if (!a.pg.empty()) {
    auto admin = postgres::openPostgres(a.pg);
    const std::string schema = "bench_" + randomHexToken(4);
    if (admin && (*admin)->execScript("CREATE SCHEMA " + schema)) {
      auto pg = sql::openStore(a.pg + "?options=-csearch_path%3D" + schema);
      if (pg) {
        run("postgresql", std::move(*pg), a);
      } else {
        std::fprintf(stderr, "postgresql: %s\n", pg.error().message.c_str());
      }
      (void)(*admin)->execScript("DROP SCHEMA " + schema + " CASCADE");
    }
  }
  return 0;
}
