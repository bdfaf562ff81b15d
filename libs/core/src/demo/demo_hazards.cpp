#include <array>
#include <cmath>

#include "citysafe/common/time_format.hpp"
#include "citysafe/core/demo/demo_district.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"

namespace citysafe::demo {
namespace {

struct Finding {
  const char* sector;
  const char* text;
};

// What inspections in a Chinese district typically write down, by sector.
constexpr std::array<Finding, 18> kFindings = {{
    {"hazchem_mining", "储罐区可燃气体报警器未定期校验"},
    {"hazchem_mining", "危化品仓库超量储存，未分类隔离"},
    {"gas", "燃气管道穿越密闭空间未设置检测报警装置"},
    {"gas", "液化气钢瓶与明火间距不足"},
    {"construction", "深基坑临边防护栏杆缺失"},
    {"construction", "塔吊安全装置失效未及时维修"},
    {"commerce", "商场疏散通道堆放杂物"},
    {"fire", "消防通道被占用，消防车无法通行"},
    {"fire", "电动自行车在楼道内充电"},
    {"special_equipment", "电梯年检超期仍在使用"},
    {"water_supply_drainage", "窨井盖缺失，存在坠落风险"},
    {"road_traffic", "路口信号灯故障，缺少临时交通标志"},
    {"urban_operation", "户外广告牌固定件锈蚀松动"},
    {"flood_typhoon", "地下车库挡水设施缺失"},
    {"tourism", "景区游步道护栏破损"},
    {"medical_health", "医用氧气瓶存放区域未设警示标识"},
    {"hazardous_waste", "危险废物贮存场所防渗层破损"},
    {"urban_operation", "老旧小区外立面瓷砖空鼓脱落"},
}};

constexpr std::array<const char*, 7> kSources = {
    "self_inspection", "grid_inspection", "department_inspection", "enforcement_check",
    "expert_check",    "public_tip",      "undercover_exposure"};

// Deterministic, so every demo looks the same.
struct Lcg {
  std::uint64_t state;
  double next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  }
  int below(int n) { return static_cast<int>(next() * n); }
};

}  // namespace

Result<int> buildDemoHazards(ServiceContext& ctx, int count) {
  const auto system = identity::Principal::system();
  hazard::HazardServices hazards(ctx);
  auto existing = CS_TRY(hazards.loop.list(system, {}, 1, HazardId{}));
  if (!existing.empty()) return 0;
  const auto orgs =
      CS_TRY(store::readReturning<std::vector<org::Organisation>>(ctx.store, [&](store::Tx& tx) {
        return tx.orgs().list({identity::scopeOf(system), std::nullopt, std::nullopt},
                              {.limit = 500, .after_id = 0});
      }));
  std::vector<const org::Organisation*> owners;
  for (const auto& o : orgs) {
    if ((o.kind == org::OrgKind::Enterprise || o.kind == org::OrgKind::Street) && o.location) {
      owners.push_back(&o);
    }
  }
  if (owners.empty()) return 0;
  const auto now = ctx.clock.now();
  Lcg rng{20261122};
  std::vector<hazard::LedgerRecord> records;
  for (int i = 0; i < count; ++i) {
    const auto* owner =
        owners[static_cast<std::size_t>(rng.below(static_cast<int>(owners.size())))];
    const Finding* finding = &kFindings[static_cast<std::size_t>(rng.below(kFindings.size()))];
    if (owner->kind == org::OrgKind::Enterprise) {
      for (const auto& f : kFindings) {
        if (f.sector == owner->sectors.front()) finding = &f;
      }
    }
    hazard::LedgerRecord r;
    r.line = i + 2;
    r.external_code = "TZ2026-" + std::to_string(1000 + i);
    r.description = finding->text;
    r.sector = finding->sector;
    r.source = kSources[static_cast<std::size_t>(rng.below(kSources.size()))];
    r.grade = rng.next() < 0.08 ? "major" : "general";
    r.org = owner->name;
    const double jitter_km = owner->kind == org::OrgKind::Street ? 0.8 : 0.15;
    r.lon = std::to_string(owner->location->lon + (rng.next() - 0.5) * 2 * jitter_km / 96.0);
    r.lat = std::to_string(owner->location->lat + (rng.next() - 0.5) * 2 * jitter_km / 110.54);
    const int age_days = 1 + rng.below(150);
    const auto found = now - std::chrono::days(age_days) - std::chrono::hours(rng.below(8));
    r.found_at = formatIso8601(found);
    const double roll = rng.next();
    const char* state = roll < 0.08   ? "reported"
                        : roll < 0.12 ? "rejected"
                        : roll < 0.17 ? "accepted"
                        : roll < 0.30 ? "assigned"
                        : roll < 0.52 ? "rectifying"
                        : roll < 0.60 ? "submitted"
                                      : "closed";
    r.state = state;
    const bool assigned = r.state != "reported" && r.state != "rejected" && r.state != "accepted";
    if (assigned) {
      const int days = r.grade == "major" ? 90 : (r.source == "undercover_exposure" ? 60 : 30);
      const auto deadline = found + std::chrono::days(days);
      r.deadline = hazard::formatDay(hazard::localDay(deadline));
      if (r.state == "closed") {
        // Most are closed in time, some late.
        const int took = 2 + rng.below(days + 12);
        auto closed = found + std::chrono::days(took);
        if (closed > now) closed = now - std::chrono::hours(1);
        r.closed_at = formatIso8601(closed);
      }
    }
    records.push_back(std::move(r));
  }
  auto report = CS_TRY(hazards.ledger.importLedger(system, records, {}, false));
  if (!report.committed) {
    const auto& p = report.problems.front();
    return fail(Errc::Internal, p.field,
                "demo hazards: line " + std::to_string(p.line) + ": " + p.reason);
  }
  CS_TRY(hazards.supervision.sweep());
  return report.imported;
}

}  // namespace citysafe::demo
