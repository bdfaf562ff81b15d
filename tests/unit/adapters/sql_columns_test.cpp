#include <gtest/gtest.h>

#include "citysafe/sql/columns.hpp"

namespace citysafe::sql {
namespace {

constexpr Columns<3> kThings{{"id", "name", "made_at"}};

TEST(SqlColumns, PositionsComeFromTheListAtCompileTime) {
  static_assert(kThings.at("id") == 0);
  static_assert(kThings.at("made_at") == 2);
}

TEST(SqlColumns, WritesTheSelectListWithAndWithoutAnAlias) {
  EXPECT_EQ(kThings.list(), "id, name, made_at");
  EXPECT_EQ(kThings.list("t"), "t.id, t.name, t.made_at");
}

TEST(SqlColumns, InsertsEveryColumnAfterTheGeneratedId) {
  EXPECT_EQ(kThings.insertInto("things"), "INSERT INTO things (name, made_at) VALUES (?, ?)");
  EXPECT_EQ(kThings.insertInto("things", 0),
            "INSERT INTO things (id, name, made_at) VALUES (?, ?, ?)");
  EXPECT_EQ(kThings.assignments(), "name = ?, made_at = ?");
}

}  // namespace
}  // namespace citysafe::sql
