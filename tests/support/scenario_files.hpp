#pragma once
// The scenario files (*.txt) of one folder under tests/scenarios, by name, in order.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace citysafe::testing {

inline std::vector<std::string> scenarioFiles(const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(folder)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace citysafe::testing
