// The .xlsx reader (ZIP through zlib, XML through expat) and, on a table it reads, the hazard
// ledger mapping that the ledger import runs on it.
#include "citysafe/core/hazard/hazard_service.hpp"
#include "fuzz_input.hpp"
#include "xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe;
  auto table = xlsx::readFirstSheet(fuzz::textOf(data, size));
  if (!table) return 0;
  fuzz::require(table->size() <= 100000, "a sheet has at most 100,000 rows");
  for (const auto& row : *table) fuzz::require(row.size() <= 256, "a row has at most 256 cells");
  std::vector<ImportProblem> problems;
  (void)hazard::ledgerRecords(*table, problems);
  return 0;
}
