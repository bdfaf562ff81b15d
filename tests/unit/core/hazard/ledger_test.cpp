#include <gtest/gtest.h>

#include "citysafe/core/hazard/hazard_service.hpp"

namespace citysafe::hazard {
namespace {

TEST(HazardLedger, ReadsChineseHeadersInAnyOrderAndSkipsBlankRows) {
  std::vector<ImportProblem> problems;
  auto records =
      ledgerRecords({{"\xEF\xBB\xBF隐患编号", "所属单位", "隐患描述", "整改期限", "备注"},
                     {"A-1", "和平街道", "消防通道堵塞", "2026-12-01", "x"},
                     {"", "", "", "", ""},
                     {"A-2", "康宁街道", "井盖缺失"}},
                    problems);
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ((*records)[0].external_code, "A-1");
  EXPECT_EQ((*records)[0].org, "和平街道");
  EXPECT_EQ((*records)[0].deadline, "2026-12-01");
  EXPECT_EQ((*records)[0].line, 2);
  EXPECT_EQ((*records)[1].line, 4);
  EXPECT_EQ((*records)[1].description, "井盖缺失");
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].field, "备注") << "an unknown column is reported, not fatal";
}

TEST(HazardLedger, AcceptsTheEnglishNames) {
  std::vector<ImportProblem> problems;
  auto records = ledgerRecords({{"description", "org", "state"}, {"x", "y", "closed"}}, problems);
  ASSERT_TRUE(records);
  EXPECT_EQ((*records)[0].state, "closed");
  EXPECT_TRUE(problems.empty());
}

TEST(HazardLedger, NeedsADescriptionColumnAndRefusesAColumnTwice) {
  std::vector<ImportProblem> problems;
  EXPECT_EQ(ledgerRecords({{"所属单位"}}, problems).error().field, "header");
  EXPECT_EQ(ledgerRecords({{"隐患描述", "隐患内容"}}, problems).error().field, "header");
  EXPECT_EQ(ledgerRecords({}, problems).error().field, "file");
}

}  // namespace
}  // namespace citysafe::hazard
