#include "citysafe/common/csv.hpp"

#include <gtest/gtest.h>

namespace citysafe {
namespace {

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const auto rows =
      parseCsv("\xEF\xBB\xBFname,note\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\r\n\nlast,\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"name", "note"}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"a, b", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"two\nlines", "x"}));
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(rows[3].line, 6);
}

TEST(Csv, ReportsAQuoteLeftOpen) {
  std::string error;
  parseCsv("a,b\n\"open,1\n", &error);
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
}

TEST(CsvCell, TextThatASpreadsheetWouldRunIsShownInstead) {
  EXPECT_EQ(csvCell("=1+1"), "'=1+1");
  EXPECT_EQ(csvCell("+86 138"), "'+86 138");
  EXPECT_EQ(csvCell("-2"), "'-2");
  EXPECT_EQ(csvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvCell("\tcmd"), "'\tcmd");
  EXPECT_EQ(csvCell("=A1,B1"), "\"'=A1,B1\"");
  EXPECT_EQ(csvCell("学校 \"东\""), "\"学校 \"\"东\"\"\"");
  EXPECT_EQ(csvCell("a=b"), "a=b");
  EXPECT_EQ(csvCell(""), "");
}

}  // namespace
}  // namespace citysafe
