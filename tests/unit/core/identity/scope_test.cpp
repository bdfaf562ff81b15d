#include <gtest/gtest.h>

#include "citysafe/core/identity/principal.hpp"

namespace citysafe::identity {
namespace {

org::Organisation orgAt(std::string path, std::vector<std::string> sectors = {}) {
  org::Organisation o;
  o.path = std::move(path);
  o.sectors = std::move(sectors);
  return o;
}

Principal streetOfficer() {
  Principal p;
  p.org_kind = org::OrgKind::Street;
  p.org_path = "/1/2/10/";
  p.roles = {Role::StreetOfficer};
  return p;
}

Principal gasDepartment() {
  Principal p;
  p.org_kind = org::OrgKind::Department;
  p.org_path = "/1/2/5/";
  p.district_path = "/1/2/";
  p.sectors = {"gas", "construction"};
  p.roles = {Role::DepartmentOfficer};
  return p;
}

TEST(Scope, AStreetReachesItsOwnSubtreeOnly) {
  const auto p = streetOfficer();
  EXPECT_TRUE(reaches(p, orgAt("/1/2/10/")));
  EXPECT_TRUE(reaches(p, orgAt("/1/2/10/31/")));
  EXPECT_FALSE(reaches(p, orgAt("/1/2/11/")));
  EXPECT_FALSE(reaches(p, orgAt("/1/2/")));
  // A sibling whose id shares a prefix ("/1/2/100/") is not inside "/1/2/10/".
  EXPECT_FALSE(reaches(p, orgAt("/1/2/100/")));
}

TEST(Scope, ADepartmentReachesItsSectorsAcrossItsDistrict) {
  const auto p = gasDepartment();
  EXPECT_TRUE(reaches(p, orgAt("/1/2/10/40/", {"gas"})));
  EXPECT_TRUE(reaches(p, orgAt("/1/2/11/41/", {"fire", "construction"})));
  EXPECT_FALSE(reaches(p, orgAt("/1/2/10/42/", {"fire"})));
  EXPECT_FALSE(reaches(p, orgAt("/1/3/12/43/", {"gas"}))) << "another district's gas enterprise";
  EXPECT_TRUE(reaches(p, orgAt("/1/2/5/"))) << "its own organisation";
}

TEST(Scope, TheSystemReachesEverything) {
  EXPECT_TRUE(reaches(Principal::system(), orgAt("/7/8/9/")));
}

TEST(Roles, LeadersOnlyRead) {
  EXPECT_TRUE(grants(Role::Leader, Permission::OrgRead));
  EXPECT_TRUE(grants(Role::Leader, Permission::AuditRead));
  EXPECT_FALSE(grants(Role::Leader, Permission::OrgWrite));
  EXPECT_FALSE(grants(Role::Leader, Permission::UserWrite));
  EXPECT_FALSE(grants(Role::Leader, Permission::BasemapWrite));
}

TEST(Roles, OnlyAdminsManageUsers) {
  for (const Role r : allRoles()) {
    EXPECT_EQ(grants(r, Permission::UserWrite), r == Role::Admin) << toString(r);
  }
}

TEST(Roles, EveryRoleReadsTheMapAndTheLiveChannel) {
  for (const Role r : allRoles()) {
    EXPECT_TRUE(grants(r, Permission::BasemapRead)) << toString(r);
    EXPECT_TRUE(grants(r, Permission::EventsRead)) << toString(r);
  }
}

TEST(Roles, NamesRoundTrip) {
  for (const Role r : allRoles()) EXPECT_EQ(parseRole(toString(r)), r);
  EXPECT_FALSE(parseRole("superuser"));
}

TEST(Principal, RequireNamesTheMissingPermission) {
  auto r = require(streetOfficer(), Permission::UserWrite);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Forbidden);
  EXPECT_NE(r.error().message.find("user.write"), std::string::npos);
}

}  // namespace
}  // namespace citysafe::identity
