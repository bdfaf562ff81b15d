// Recorded series for replay: the real files in ../shared/data/sensors, and logger time forms.
#include "series_csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace citysafe::ingest {
namespace {

const std::filesystem::path kSensors = std::filesystem::path(CITYSAFE_SHARED_DATA) / "sensors";

TEST(SeriesCsv, ReadsLoggerTimes) {
  std::int64_t at = 0;
  ASSERT_TRUE(parseLoggerTime("2022-11-04 09:20:05.375", at));
  EXPECT_EQ(at, 1667553605375);
  ASSERT_TRUE(parseLoggerTime("11.04.2022 09:44:01.7", at));  // day.month.year
  EXPECT_EQ(at, 1649670241700);
  ASSERT_TRUE(parseLoggerTime("1990-01-02", at));
  EXPECT_EQ(at, 631238400000);
  EXPECT_FALSE(parseLoggerTime("2022-13-04 09:20:05", at));
  EXPECT_FALSE(parseLoggerTime("yesterday", at));
}

TEST(SeriesCsv, EveryRecordedSeriesReads) {
  ASSERT_TRUE(std::filesystem::exists(kSensors)) << kSensors;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kSensors)) {
    if (entry.path().extension() != ".csv") continue;
    std::ifstream in(entry.path());
    auto series = readSeriesCsv(in);
    ASSERT_TRUE(series) << entry.path() << ": " << series.error().message;
    EXPECT_GT(series->points.size(), 100U) << entry.path();
    for (std::size_t i = 1; i < series->points.size(); ++i) {
      ASSERT_GE(series->points[i].at_ms, series->points[i - 1].at_ms)
          << entry.path() << " row " << i;
    }
    ++files;
  }
  EXPECT_GE(files, 6);
}

TEST(SeriesCsv, ChoosesAColumnAndSkipsGaps) {
  std::istringstream in("Time,A,B\n2022-11-04 09:20:05.375,1,2\n2022-11-04 09:20:05.385,,4\n");
  auto b = readSeriesCsv(in, 2);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->column_name, "B");
  ASSERT_EQ(b->points.size(), 2U);
  std::istringstream again("Time,A,B\n2022-11-04 09:20:05.375,1,2\n2022-11-04 09:20:05.385,,4\n");
  auto a = readSeriesCsv(again, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->points.size(), 1U);
  EXPECT_EQ(a->skipped, 1);
  std::istringstream broken("Time,A\n2022-11-04 09:20:05.375,1\nlater,2\n");
  auto bad = readSeriesCsv(broken);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "line3");
}

}  // namespace
}  // namespace citysafe::ingest
