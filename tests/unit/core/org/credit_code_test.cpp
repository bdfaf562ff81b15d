#include "citysafe/core/org/credit_code.hpp"

#include <gtest/gtest.h>

namespace citysafe::org {
namespace {

// The example printed on business licences in GB 32100-2015 commentary: 91350100M000100Y43.
// Worked check: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 with weights 3^i mod 31
// (1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28) sum to
// 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3, so the check
// character is '3'.
TEST(CreditCode, AcceptsTheStandardsExample) {
  EXPECT_TRUE(validateCreditCode("91350100M000100Y43"));
}

TEST(CreditCode, ComputesTheCheckCharacter) {
  EXPECT_EQ(creditCodeCheckChar("91350100M000100Y4"), '3');
}

TEST(CreditCode, RejectsAWrongCheckCharacterAndSaysWhichWasExpected) {
  auto r = validateCreditCode("91350100M000100Y44");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "credit_code");
  EXPECT_NE(r.error().message.find("expected '3'"), std::string::npos);
}

TEST(CreditCode, RejectsTheWrongLength) {
  auto r = validateCreditCode("91350100M000100Y4");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("18 characters"), std::string::npos);
}

TEST(CreditCode, RejectsLettersOutsideTheAlphabet) {
  for (const char* bad : {"91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43",
                          "91350100V000100Y43", "91350100Z000100Y43", "91350100m000100Y43"}) {
    auto r = validateCreditCode(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("character 9"), std::string::npos) << r.error().message;
  }
}

TEST(CreditCode, RequiresDigitsForTheRegionCode) {
  auto r = validateCreditCode("91A50100M000100Y43");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("region code"), std::string::npos);
}

TEST(CreditCode, NamesTheFieldItWasGiven) {
  auto r = validateCreditCode("short", "enterprise.credit_code");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "enterprise.credit_code");
}

}  // namespace
}  // namespace citysafe::org
