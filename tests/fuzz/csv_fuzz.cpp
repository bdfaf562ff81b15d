// RFC 4180 CSV (common/csv.hpp), under the risk and hazard imports and the region tables.
#include "citysafe/common/csv.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using citysafe::fuzz::require;
  std::string error;
  const auto records = citysafe::parseCsv(citysafe::fuzz::textOf(data, size), &error);
  int last_line = 1;
  for (const auto& record : records) {
    require(!record.fields.empty(), "every record has a field");
    require(record.line >= last_line, "records come in line order");
    last_line = record.line;
  }
  return 0;
}
