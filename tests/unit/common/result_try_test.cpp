#include <gtest/gtest.h>

#include <memory>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/result.hpp"

namespace citysafe {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return invalid("n", "must be even");
  return n / 2;
}

Result<void> positive(int n) {
  if (n <= 0) return invalid("n", "must be positive");
  return ok();
}

Result<int> quarterOfPositive(int n) {
  CS_TRY(positive(n));
  const int h = CS_TRY(half(n));
  return CS_TRY(half(h));
}

Result<std::unique_ptr<int>> boxed(int n) { return std::make_unique<int>(n); }

Result<int> unbox(int n) {
  auto box = CS_TRY(boxed(n));
  return *box;
}

TEST(CsTry, YieldsTheValueWhenEveryStepSucceeds) { EXPECT_EQ(quarterOfPositive(8).value(), 2); }

TEST(CsTry, ReturnsTheFirstFailureUnchanged) {
  auto r = quarterOfPositive(6);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "must be even");
  EXPECT_EQ(quarterOfPositive(-4).error().message, "must be positive");
}

TEST(CsTry, MovesMoveOnlyValuesOut) { EXPECT_EQ(unbox(7).value(), 7); }

TEST(CsTry, WorksInsideLambdasReturningResult) {
  auto f = [](int n) -> Result<int> { return CS_TRY(half(n)) + 1; };
  EXPECT_EQ(f(4).value(), 3);
  EXPECT_FALSE(f(3));
}

enum class Colour { Red, Orange, Yellow, Blue };
constexpr EnumNames<Colour, 4> kColourNames{{"red", "orange", "yellow", "blue"}};
constexpr const auto& enumNames(Colour) { return kColourNames; }

TEST(EnumNames, NamesAndParsesEveryValue) {
  static_assert(NamedEnum<Colour>);
  EXPECT_STREQ(nameOf(Colour::Yellow), "yellow");
  EXPECT_EQ(parseEnum<Colour>("blue"), Colour::Blue);
  EXPECT_EQ(parseEnum<Colour>("green"), std::nullopt);
}

TEST(EnumNames, OutsideInputNamesTheFieldAndTheChoices) {
  auto r = readEnum<Colour>("green", "colour");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Invalid);
  EXPECT_EQ(r.error().field, "colour");
  EXPECT_EQ(r.error().message, "must be one of red, orange, yellow or blue");
}

TEST(EnumNames, AnUnknownStoredValueIsAnInternalErrorNotADefault) {
  auto r = storedEnum<Colour>("purple", "risk_points.colour");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Internal);
}

}  // namespace
}  // namespace citysafe
