#pragma once
// The scenario files (*.txt) of one folder under tests/scenarios, by name, in order, and how a
// runner reads one.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// Runs `step(verb, words, where)` for each line of folder/name that is neither blank nor a
// # comment, until a fatal failure; `where` is "name:line" for messages. Returns the number of
// lines read.
template <class Step>
int forEachScenarioLine(const std::string& folder, const std::string& name, Step&& step) {
  std::ifstream in(std::filesystem::path(folder) / name);
  EXPECT_TRUE(in) << folder << "/" << name;
  int n = 0;
  for (std::string line; !::testing::Test::HasFatalFailure() && std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    step(verb, words, name + ":" + std::to_string(n));
  }
  return n;
}

// A scenario's test name: its file name without extension, '-' as '_'.
inline std::string scenarioTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.find('.'));
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace citysafe::testing
