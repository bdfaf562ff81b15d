#include "xlsx_reader.hpp"

#include <gtest/gtest.h>

#include "../../support/xlsx_fixture.hpp"

namespace citysafe::xlsx {
namespace {

TEST(XlsxReader, ReadsSharedStringsNumbersAndGapsOfTheFirstSheet) {
  const auto book = testing::xlsxOf(
      {{"隐患描述", "经度", "", "备注"}, {"消防通道 <堵塞> & 占用", "120.1425", "", "x"}});
  auto table = readFirstSheet(book);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->size(), 2U);
  EXPECT_EQ((*table)[0][0], "隐患描述");
  EXPECT_EQ((*table)[0][2], "") << "an empty cell Excel left out";
  EXPECT_EQ((*table)[0][3], "备注");
  EXPECT_EQ((*table)[1][0], "消防通道 <堵塞> & 占用");
  EXPECT_EQ((*table)[1][1], "120.1425");
}

TEST(XlsxReader, ReadsInlineStringsRichTextAndNamespacePrefixes) {
  const std::string sheet =
      R"(<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2">)"
      R"(<x:c r="B2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c>)"
      R"(<x:c r="C2" t="s"><x:v>0</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c>)"
      R"(</x:row></x:sheetData></x:worksheet>)";
  const std::string strings =
      R"(<sst><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si></sst>)";
  auto table = readFirstSheet(
      testing::zipOf({{"xl/sharedStrings.xml", strings}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->size(), 2U);
  EXPECT_TRUE((*table)[0].empty());
  EXPECT_EQ((*table)[1][1], "内联");
  EXPECT_EQ((*table)[1][2], "富文本");
  EXPECT_EQ((*table)[1][3], "TRUE");
}

TEST(XlsxReader, TakesSheetOneBeforeSheetTen) {
  auto table = readFirstSheet(testing::zipOf(
      {{"xl/worksheets/sheet10.xml",
        "<worksheet><sheetData><row><c><v>10</v></c></row></sheetData></worksheet>"},
       {"xl/worksheets/sheet1.xml",
        "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>"}}));
  ASSERT_TRUE(table);
  EXPECT_EQ((*table)[0][0], "1");
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbookNamingTheFile) {
  EXPECT_EQ(readFirstSheet("隐患描述,经度\n").error().field, "file");
  EXPECT_EQ(readFirstSheet(testing::zipOf({{"word/document.xml", "<w/>"}})).error().field, "file");
  auto broken = readFirstSheet(testing::zipOf({{"xl/worksheets/sheet1.xml", "<worksheet><row>"}}));
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("XML"), std::string::npos);
  auto book = testing::xlsxOf({{"a"}});
  EXPECT_FALSE(readFirstSheet(book.substr(0, book.size() / 2)));
}

TEST(XlsxReader, RefusesASheetThatClaimsAFarCorner) {
  auto far = readFirstSheet(testing::zipOf(
      {{"xl/worksheets/sheet1.xml",
        R"(<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>)"}}));
  ASSERT_FALSE(far);
  EXPECT_NE(far.error().message.find("row 100,000"), std::string::npos);
}

TEST(XlsxReader, RefusesEntityTricksAndTextThatMultiplies) {
  const std::string doctype =
      R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>)"
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>)"
      R"(</sheetData></worksheet>)";
  auto refused = readFirstSheet(testing::zipOf({{"xl/worksheets/sheet1.xml", doctype}}));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("DOCTYPE"), std::string::npos);
  // One 2 MB shared string used in 100 rows: 200 MB of cells from a file of a few kB.
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"s\"><v>0</v></c></row>";
  }
  auto bomb = readFirstSheet(testing::zipOf(
      {{"xl/sharedStrings.xml", "<sst><si><t>" + std::string(2 << 20, 'x') + "</t></si></sst>"},
       {"xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"}}));
  ASSERT_FALSE(bomb);
  EXPECT_NE(bomb.error().message.find("128 MB"), std::string::npos);
}

TEST(XlsxReader, ColumnLettersCountLikeExcel) {
  EXPECT_EQ(columnIndex("A1"), 0);
  EXPECT_EQ(columnIndex("Z9"), 25);
  EXPECT_EQ(columnIndex("AA3"), 26);
  EXPECT_EQ(columnIndex("AB12"), 27);
}

}  // namespace
}  // namespace citysafe::xlsx

namespace citysafe::xlsx {
namespace {

// Damaged workbooks, as an upload may bring: every answer is a table or an error naming the
// file, never a crash or a read out of bounds (run under the asan preset to see the latter).
TEST(XlsxReader, SurvivesThousandsOfDamagedWorkbooks) {
  const auto book =
      testing::xlsxOf({{"隐患描述", "经度", "纬度"}, {"配电箱损坏", "120.1", "30.2"}});
  std::uint64_t seed = 12345;
  auto next = [&] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(seed >> 33);
  };
  int errors = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string damaged = book;
    const int flips = 1 + static_cast<int>(next() % 8);
    for (int f = 0; f < flips; ++f) damaged[next() % damaged.size()] = static_cast<char>(next());
    if (i % 5 == 0) damaged.resize(next() % damaged.size());
    auto table = readFirstSheet(damaged);
    if (!table) {
      ++errors;
      EXPECT_EQ(table.error().field, "file");
    }
  }
  EXPECT_GT(errors, 1000);
}

}  // namespace
}  // namespace citysafe::xlsx
