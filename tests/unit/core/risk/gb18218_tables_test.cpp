// The project's own GB 18218-2018 tables, value by value against the independent transcription
// in ../shared/data/gb18218/.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "citysafe/core/risk/gb18218.hpp"

namespace citysafe::risk {
namespace {

using CsvRow = std::map<std::string, std::string>;

// RFC 4180 enough for these files: quoted fields may hold commas.
std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::vector<CsvRow> readCsv(const std::string& name) {
  std::ifstream in(std::string(CITYSAFE_SHARED_DATA) + "/gb18218/" + name);
  EXPECT_TRUE(in) << name;
  std::string line;
  std::getline(in, line);
  const auto header = splitCsvLine(line);
  std::vector<CsvRow> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cells = splitCsvLine(line);
    CsvRow row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

TEST(Gb18218Tables, Table1MatchesEveryChemical) {
  const auto rows = readCsv("gb18218-2018_table1_critical_quantities.csv");
  const auto ours = table1Chemicals();
  ASSERT_EQ(rows.size(), 85U);
  ASSERT_EQ(ours.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(ours[i].seq, std::stoi(rows[i].at("seq")));
    EXPECT_EQ(ours[i].name, rows[i].at("name"));
    EXPECT_EQ(ours[i].aliases, rows[i].at("alias"));
    EXPECT_EQ(ours[i].cas, rows[i].at("cas"));
    EXPECT_DOUBLE_EQ(ours[i].critical_t, std::stod(rows[i].at("critical_quantity_t")))
        << rows[i].at("name");
  }
}

TEST(Gb18218Tables, Tables2And4MatchEveryCategory) {
  const auto rows = readCsv("gb18218-2018_table2_category_critical_quantities.csv");
  std::map<std::string, double> beta4;
  for (const auto& r : readCsv("gb18218-2018_table3_table4_beta.csv")) {
    if (r.at("table") == "4") beta4[r.at("key")] = std::stod(r.at("beta"));
  }
  const auto ours = table2Categories();
  ASSERT_EQ(ours.size(), rows.size());
  ASSERT_EQ(beta4.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(ours[i].symbol, rows[i].at("symbol"));
    EXPECT_EQ(ours[i].category, rows[i].at("category"));
    EXPECT_EQ(ours[i].description, rows[i].at("description"));
    EXPECT_DOUBLE_EQ(ours[i].critical_t, std::stod(rows[i].at("critical_quantity_t")))
        << rows[i].at("symbol");
    EXPECT_DOUBLE_EQ(ours[i].beta, beta4.at(rows[i].at("symbol"))) << rows[i].at("symbol");
  }
}

TEST(Gb18218Tables, Table3MatchesEveryToxicGas) {
  std::vector<CsvRow> rows;
  for (const auto& r : readCsv("gb18218-2018_table3_table4_beta.csv")) {
    if (r.at("table") == "3") rows.push_back(r);
  }
  const auto ours = table3ToxicGases();
  ASSERT_EQ(ours.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(ours[i].name, rows[i].at("key"));
    EXPECT_DOUBLE_EQ(ours[i].beta, std::stod(rows[i].at("beta")));
  }
}

TEST(Gb18218Tables, Tables5And6MatchAlphaAndTheGradeBands) {
  std::vector<CsvRow> alpha;
  std::vector<CsvRow> grades;
  for (const auto& r : readCsv("gb18218-2018_table5_alpha_table6_levels.csv")) {
    (r.at("table") == "5" ? alpha : grades).push_back(r);
  }
  const auto ours = table5Alpha();
  ASSERT_EQ(ours.size(), alpha.size());
  for (std::size_t i = 0; i < alpha.size(); ++i) {
    EXPECT_EQ(ours[i].label, alpha[i].at("label"));
    EXPECT_EQ(ours[i].min_people, std::stoll(alpha[i].at("min")));
    EXPECT_EQ(ours[i].max_people, alpha[i].at("max").empty() ? -1 : std::stoll(alpha[i].at("max")));
    EXPECT_DOUBLE_EQ(ours[i].alpha, std::stod(alpha[i].at("value")));
  }
  // Table 6: each grade's lower bound is where gradeFor() steps to it.
  ASSERT_EQ(grades.size(), 4U);
  for (std::size_t g = 0; g < 3; ++g) {
    const double from = std::stod(grades[g].at("min"));
    EXPECT_EQ(gradeFor(from), static_cast<int>(g) + 1) << grades[g].at("label");
    EXPECT_EQ(gradeFor(from - 0.001), static_cast<int>(g) + 2) << grades[g].at("label");
    EXPECT_STREQ(gradeLabel(static_cast<int>(g) + 1), grades[g].at("label").c_str());
  }
  EXPECT_STREQ(gradeLabel(4), grades[3].at("label").c_str());
}

}  // namespace
}  // namespace citysafe::risk
