#include "citysafe/core/demo/demo_district.hpp"

#include <array>
#include <map>
#include <string>
#include <tuple>

#include "citysafe/core/identity/user_service.hpp"
#include "citysafe/core/org/credit_code.hpp"
#include "citysafe/core/org/org_service.hpp"

namespace citysafe::demo {
namespace {

using identity::Principal;
using identity::Role;
using org::OrgDraft;
using org::OrgKind;

struct DemoEnterprise {
  const char* name;
  const char* sector;
  double dx_km;
  double dy_km;
};

constexpr std::array<const char*, 4> kStreets = {"和平街道", "文澜街道", "康宁街道", "青禾镇"};
constexpr std::array<std::array<const char*, 3>, 4> kCommunities = {{
    {"和平社区", "春晖社区", "望江社区"},
    {"文澜社区", "锦绣社区", "秀水社区"},
    {"康宁社区", "丰泽社区", "梧桐社区"},
    {"青禾村", "双桥村", "东新村"},
}};
constexpr std::array<DemoEnterprise, 12> kEnterprises = {{
    {"安澜精细化工有限公司", "hazchem_mining", -1.6, 0.9},
    {"和平燃气储配站", "gas", -0.8, 1.1},
    {"文澜建设工程有限公司", "construction", 0.4, 0.9},
    {"康宁商贸城", "commerce", 1.2, -0.3},
    {"青禾危废处置有限公司", "hazardous_waste", 1.7, -1.6},
    {"锦绣电梯维保有限公司", "special_equipment", -0.2, -0.6},
    {"望江物流有限公司", "road_traffic", 1.9, 1.4},
    {"秀水供水有限公司", "water_supply_drainage", -1.3, 0.2},
    {"丰泽酒店管理有限公司", "tourism", 0.7, 1.8},
    {"梧桐医疗器械有限公司", "medical_health", -1.9, 1.7},
    {"春晖液化气供应站", "gas", 0.1, -1.8},
    {"东新化学品仓储有限公司", "hazchem_mining", 1.5, 0.6},
}};

struct DemoDepartment {
  const char* name;
  std::vector<std::string> sectors;
};

// A deterministic, valid unified social credit code: 9 (工商) 1 (企业), region 330199, then an
// organisation code with its own GB 11714 check character, then the GB 32100 check character.
std::string demoCreditCode(int n) {
  std::string org_code = std::to_string(73000000 + n * 104729 % 999983);
  org_code.resize(8, '0');
  constexpr std::array<int, 8> kWeights = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) sum += (org_code[i] - '0') * kWeights[i];
  const int c = 11 - sum % 11;
  org_code += c == 10 ? 'X' : (c == 11 ? '0' : static_cast<char>('0' + c));
  std::string code = "91330199" + org_code;
  return code + org::creditCodeCheckChar(code);
}

org::GeoPoint offsetKm(org::GeoPoint centre, double dx, double dy) {
  return {centre.lon + dx / 96.0, centre.lat + dy / 110.54};
}

}  // namespace

std::string demoPassword(const std::string& username) { return "demo-" + username + "-2026"; }

Result<std::vector<DemoLogin>> buildDemoDistrict(ServiceContext& ctx,
                                                 const identity::PasswordHasher& hasher,
                                                 org::GeoPoint centre) {
  const Principal system = Principal::system();
  org::OrgService orgs(ctx);
  identity::UserService users(ctx, hasher);

  auto existing = CS_TRY(orgs.list(system, {.kind = OrgKind::City, .parent_id = {}, .page = {}}));

  std::vector<DemoLogin> logins;
  const std::array<std::tuple<const char*, Role, const char*, const char*>, 7> kUsers = {{
      {"admin", Role::Admin, "示范市", "系统管理员"},
      {"leader", Role::Leader, "安澜区", "区领导"},
      {"duty", Role::DutyOfficer, "安澜区", "值班员"},
      {"dept", Role::DepartmentOfficer, "区住房和城乡建设局", "住建局安全员"},
      {"street", Role::StreetOfficer, "和平街道", "和平街道安全员"},
      {"inspector", Role::Inspector, "安澜区", "执法检查员"},
      {"enterprise", Role::EnterpriseManager, "安澜精细化工有限公司", "企业安全管理员"},
  }};
  logins.reserve(kUsers.size());
  for (const auto& [name, role, org_name, title] : kUsers) {
    logins.push_back({name, demoPassword(name), identity::toString(role), org_name});
  }
  if (!existing.empty()) {
    // Built before: check it was finished, since the demo is written in many transactions.
    auto last_user = store::readReturning<identity::User>(
        ctx.store, [](store::Tx& tx) { return tx.users().getByUsername("enterprise"); });
    if (!last_user) {
      return fail(
          Errc::Conflict, "db",
          "this store holds an unfinished demo district (an earlier start was interrupted); "
          "start with a new database file");
    }
    return logins;
  }  // already built: the store keeps what users changed

  auto create = [&](const OrgDraft& d) { return orgs.create(system, d); };
  auto city = CS_TRY(create({.name = "示范市", .kind = OrgKind::City}));
  auto district = CS_TRY(create({.name = "安澜区",
                                 .kind = OrgKind::District,
                                 .parent_id = city.id,
                                 .address = "示范市安澜区",
                                 .location = centre}));

  std::map<std::string, OrgId> by_name = {{"示范市", city.id}, {"安澜区", district.id}};
  const std::vector<DemoDepartment> departments = {
      {"区住房和城乡建设局", {"construction", "urban_operation", "gas"}},
      {"区消防救援大队", {"fire"}},
      {"区市场监督管理局", {"special_equipment", "commerce"}},
      {"区交通运输局", {"road_traffic"}},
      {"区生态环境分局", {"hazardous_waste", "hazchem_mining"}},
  };
  for (const auto& dep : departments) {
    auto d = CS_TRY(create({.name = dep.name,
                            .kind = OrgKind::Department,
                            .parent_id = district.id,
                            .sectors = dep.sectors}));
    by_name[dep.name] = d.id;
  }
  std::vector<OrgId> street_ids;
  for (std::size_t s = 0; s < kStreets.size(); ++s) {
    // Each street sits at the centre of its quadrant (the same split the enterprises follow), so
    // public tips find their street by distance.
    const double dx = s % 2 == 0 ? -1.2 : 1.2;
    const double dy = s < 2 ? 1.2 : -1.2;
    auto street = CS_TRY(create({.name = kStreets[s],
                                 .kind = OrgKind::Street,
                                 .parent_id = district.id,
                                 .location = offsetKm(centre, dx, dy)}));
    by_name[kStreets[s]] = street.id;
    street_ids.push_back(street.id);
    for (const char* community : kCommunities[s]) {
      CS_TRY(create({.name = community, .kind = OrgKind::Community, .parent_id = street.id}));
    }
  }
  for (std::size_t e = 0; e < kEnterprises.size(); ++e) {
    const auto& ent = kEnterprises[e];
    // Enterprises are spread over the streets by quadrant, so each street owns a few.
    const std::size_t street = (ent.dx_km < 0 ? 0 : 1) + (ent.dy_km < 0 ? 2 : 0);
    auto made = CS_TRY(create({.name = ent.name,
                               .kind = OrgKind::Enterprise,
                               .parent_id = street_ids[street],
                               .credit_code = demoCreditCode(static_cast<int>(e) + 1),
                               .sectors = {ent.sector},
                               .address = std::string("示范市安澜区") + kStreets[street],
                               .location = offsetKm(centre, ent.dx_km, ent.dy_km)}));
    by_name[ent.name] = made.id;
  }

  for (const auto& [name, role, org_name, title] : kUsers) {
    CS_TRY(users.create(system, {.username = name,
                                 .display_name = title,
                                 .org_id = by_name.at(org_name),
                                 .roles = {role},
                                 .password = demoPassword(name)}));
  }
  return logins;
}

}  // namespace citysafe::demo
