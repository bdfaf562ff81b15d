// Recorded series (logger CSV) for replay: every value column a file could ask for, and the
// logger time formats on their own.
#include <sstream>

#include "fuzz_input.hpp"
#include "series_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe;
  const std::string text(fuzz::textOf(data, size));
  for (const int column : {1, 2, 3}) {
    std::istringstream in(text);
    (void)ingest::readSeriesCsv(in, column);
  }
  std::int64_t at_ms = 0;
  (void)ingest::parseLoggerTime(text, at_ms);
  return 0;
}
