#include <gtest/gtest.h>

#include "citysafe/sql/row_map.hpp"

namespace citysafe::sql {
namespace {

enum class Colour : std::uint8_t { Red, Blue };
constexpr EnumNames<Colour, 2> kColourNames{{"red", "blue"}};
constexpr const auto& enumNames(Colour /*tag*/) { return kColourNames; }

struct Spot {
  double lon = 0;
  double lat = 0;
};
struct Stamp {
  std::string by;
  std::optional<TimePoint> until;
};
struct Thing {
  std::int64_t id = 0;
  std::string name;
  Colour colour = Colour::Red;
  std::optional<UserId> owner;
  std::vector<UserId> helpers;
  Spot at;
  std::optional<Stamp> stamp;
  std::int64_t version = 0;
};

const RowMap<Thing> kThing{
    "things",
    {stored<&Thing::id>("id"), column<&Thing::name>("name"), column<&Thing::colour>("colour"),
     column<&Thing::owner>("owner_id"), column<&Thing::helpers>("helpers"),
     column<&Thing::at, &Spot::lon>("lon"), column<&Thing::stamp, &Stamp::by>("stamp_by"),
     column<&Thing::stamp, &Stamp::until>("stamp_until"),
     written<OneSector, &Thing::name>("sectors"), stored<&Thing::version>("row_version")}};

using Cells = std::vector<std::optional<std::string>>;

TEST(SqlRowMap, StatementsComeFromTheOneColumnList) {
  EXPECT_EQ(kThing.select(),
            "SELECT id, name, colour, owner_id, helpers, lon, stamp_by, stamp_until, row_version "
            "FROM things");
  EXPECT_EQ(kThing.list("t"),
            "t.id, t.name, t.colour, t.owner_id, t.helpers, t.lon, t.stamp_by, t.stamp_until, "
            "t.row_version");
  EXPECT_EQ(kThing.selected(), 9U);
  EXPECT_EQ(kThing.insert(),
            "INSERT INTO things (name, colour, owner_id, helpers, lon, stamp_by, stamp_until, "
            "sectors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  EXPECT_EQ(kThing.only({"colour", "name"}).assignments(), "colour = ?, name = ?");
  EXPECT_EQ(kThing.only({"name"}).in("copies").select(), "SELECT name FROM copies");
  EXPECT_EQ(kThing.insert({"data"}).substr(0, 31), "INSERT INTO things (name, colou");
}

TEST(SqlRowMap, BindsValuesInTheStatementsOrder) {
  Thing t;
  t.name = "tank";
  t.colour = Colour::Blue;
  t.helpers = {UserId{3}, UserId{5}};
  t.at.lon = 121.5;
  const auto values = kThing.values(t);
  ASSERT_EQ(values.size(), 8U);
  EXPECT_EQ(std::get<std::string>(values[0]), "tank");
  EXPECT_EQ(std::get<std::string>(values[1]), "blue");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(values[2]));  // no owner
  EXPECT_EQ(std::get<std::string>(values[3]), ",3,5,");
  EXPECT_DOUBLE_EQ(std::get<double>(values[4]), 121.5);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(values[5]));  // no stamp
  EXPECT_EQ(std::get<std::string>(values[7]), ",tank,");
}

TEST(SqlRowMap, ReadsANestedOptionalOnlyWhenItsCellsAreSet) {
  const Row bare(
      Cells{"7", "tank", "blue", std::nullopt, ",", "121.5", std::nullopt, std::nullopt, "2"});
  const auto thing = kThing.read(bare);
  ASSERT_TRUE(thing) << thing.error().message;
  EXPECT_EQ(thing->id, 7);
  EXPECT_EQ(thing->colour, Colour::Blue);
  EXPECT_FALSE(thing->owner);
  EXPECT_TRUE(thing->helpers.empty());
  EXPECT_FALSE(thing->stamp);
  EXPECT_EQ(thing->version, 2);

  const Row stamped(Cells{"7", "tank", "red", "4", ",4,9,", "0", "ops", std::nullopt, "2"});
  const auto other = kThing.read(stamped);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->owner, UserId{4});
  EXPECT_EQ(other->helpers, (std::vector<UserId>{UserId{4}, UserId{9}}));
  ASSERT_TRUE(other->stamp);
  EXPECT_EQ(other->stamp->by, "ops");
  EXPECT_FALSE(other->stamp->until);
}

TEST(SqlRowMap, AnUnknownStoredNameIsAnErrorNamingTheColumn) {
  const Row row(
      Cells{"7", "tank", "green", std::nullopt, ",", "0", std::nullopt, std::nullopt, "1"});
  const auto thing = kThing.read(row);
  ASSERT_FALSE(thing);
  EXPECT_EQ(thing.error().code, Errc::Internal);
  EXPECT_EQ(thing.error().field, "things.colour");
  EXPECT_EQ(thing.error().message, "unknown value 'green' stored in things.colour");
}

TEST(SqlRowMap, ARankOutsideItsRangeIsAnError) {
  using Rank = Ranked<Colour, Colour::Blue>;
  const Row row(Cells{"1", "2"});
  EXPECT_EQ(*Rank::get(Cell{row, 0, "t", "c"}), Colour::Blue);
  EXPECT_FALSE(Rank::get(Cell{row, 1, "t", "c"}));
  EXPECT_EQ(std::get<std::int64_t>(Rank::put(Colour::Blue)), 1);
}

}  // namespace
}  // namespace citysafe::sql
