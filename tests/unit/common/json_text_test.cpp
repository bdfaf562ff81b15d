#include "citysafe/common/json_text.hpp"

#include <gtest/gtest.h>

namespace citysafe {
namespace {

TEST(JsonNestingDepth, CountsArraysAndObjectsButNotBracketsInStrings) {
  EXPECT_EQ(jsonNestingDepth("1"), 0u);
  EXPECT_EQ(jsonNestingDepth(R"({"a":[1,{"b":[]}]})"), 4u);
  EXPECT_EQ(jsonNestingDepth(R"({"a":"[[[[\"[[["})"), 1u);
  EXPECT_EQ(jsonNestingDepth(R"(["\\", [[]]])"), 3u) << "an escaped backslash ends the escape";
}

TEST(JsonNestingDepth, MeasuresAHostileDocumentWithoutRecursion) {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  EXPECT_EQ(jsonNestingDepth(deep), 1'000'000u);
  EXPECT_GT(jsonNestingDepth(deep), kMaxJsonDepth);
}

}  // namespace
}  // namespace citysafe
