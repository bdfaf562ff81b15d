#pragma once
// A measured series from a CSV file (time, value[, value...]), for replay. Times may be
// "YYYY-MM-DD[ HH:MM:SS[.fff]]" or "DD.MM.YYYY HH:MM:SS[.fff]" (as loggers write them), read as
// UTC; a header line is skipped. Rows whose chosen column is not a number are counted and
// skipped.
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "citysafe/common/result.hpp"

namespace citysafe::ingest {

struct SeriesPoint {
  std::int64_t at_ms = 0;
  double value = 0;
};

struct Series {
  std::vector<SeriesPoint> points;
  std::int64_t skipped = 0;
  std::string column_name;  // from the header, when there is one
};

// `column`: 1 is the first value column. Invalid naming the line when a time cannot be read.
[[nodiscard]] Result<Series> readSeriesCsv(std::istream& in, int column = 1);
// "2022-11-04 09:20:05.375" or "11.04.2022 09:44:01.729" → epoch ms (UTC).
[[nodiscard]] bool parseLoggerTime(std::string_view text, std::int64_t& at_ms);

}  // namespace citysafe::ingest
