#pragma once
// What an import says back: per row, which field was wrong and why; and whether anything was
// written.
#include <string>
#include <vector>

namespace citysafe {

struct ImportProblem {
  int line = 0;
  std::string field;
  std::string reason;
};

struct ImportReport {
  int imported = 0;
  int failed = 0;          // rows with at least one problem
  bool committed = false;  // false: nothing was written
  std::vector<ImportProblem> problems;
};

}  // namespace citysafe
