// Hazard ledger import (台账): a CSV table mapped onto ledger records by its (Chinese or English)
// header. The .xlsx form of the same table is the xlsx target's.
#include "citysafe/common/csv.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe;
  std::string error;
  auto records = parseCsv(fuzz::textOf(data, size), &error);
  std::vector<std::vector<std::string>> table;
  table.reserve(records.size());
  for (auto& record : records) table.push_back(std::move(record.fields));
  std::vector<ImportProblem> problems;
  auto ledger = hazard::ledgerRecords(table, problems);
  if (!ledger) return 0;
  for (const auto& record : *ledger) {
    fuzz::require(record.line >= 2 && static_cast<std::size_t>(record.line) <= table.size(),
                  "a ledger record names a line of the table below the header");
  }
  return 0;
}
