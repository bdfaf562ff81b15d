// visibleTo: which live events a user receives (moved from the HTTP adapter into the core).
#include "citysafe/core/events/event_visibility.hpp"

#include <gtest/gtest.h>

namespace citysafe::events {
namespace {

identity::Principal street() {
  identity::Principal p;
  p.org_kind = org::OrgKind::Street;
  p.org_path = "/1/2/10/";
  p.roles = {identity::Role::StreetOfficer};
  return p;
}

DomainEvent event(std::string entity, std::string org_path, std::string also_path = "") {
  DomainEvent e;
  e.entity = std::move(entity);
  e.org_path = std::move(org_path);
  e.also_path = std::move(also_path);
  return e;
}

TEST(EventVisibility, AUserReceivesEventsInsideTheirSubtreeOnly) {
  EXPECT_TRUE(visibleTo(street(), event("hazard", "/1/2/10/31/")));
  EXPECT_FALSE(visibleTo(street(), event("hazard", "/1/2/11/")));
  EXPECT_FALSE(visibleTo(street(), event("hazard", "/1/2/100/")));
}

TEST(EventVisibility, AnEventAlsoBelongingToTheirSubtreeReachesThem) {
  EXPECT_TRUE(visibleTo(street(), event("hazard", "/1/2/11/", "/1/2/10/40/")));
}

TEST(EventVisibility, PlatformWideEventsGoToEveryoneWhoMayReadEvents) {
  EXPECT_TRUE(visibleTo(street(), event("basemap", "/")));
  identity::Principal nobody = street();
  nobody.roles.clear();
  EXPECT_FALSE(visibleTo(nobody, event("basemap", "/")));
}

TEST(EventVisibility, AnEntityNeedsTheSamePermissionItsReadNeeds) {
  // A street officer may not read user accounts, so user events pass it by even in its subtree.
  EXPECT_FALSE(visibleTo(street(), event("user", "/1/2/10/")));
  identity::Principal leader = street();
  leader.roles = {identity::Role::Leader};
  EXPECT_TRUE(visibleTo(leader, event("user", "/1/2/10/")));
}

}  // namespace
}  // namespace citysafe::events
