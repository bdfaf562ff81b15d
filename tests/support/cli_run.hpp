#pragma once
// Runs the citysafe binary (CITYSAFE_BINARY) as an operator would, stdout and stderr together.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace citysafe::testing {

struct CliRun {
  int exit_code;
  std::string out;
};

// Any shell command line.
inline CliRun runShell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (auto n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WEXITSTATUS(status), out};
}

inline CliRun runCli(const std::string& args, const std::string& stdin_text = "") {
  return runShell(
      (stdin_text.empty() ? std::string("true") : "printf '%s\\n' '" + stdin_text + "'") + " | " +
      CITYSAFE_BINARY + " " + args + " 2>&1");
}

}  // namespace citysafe::testing
