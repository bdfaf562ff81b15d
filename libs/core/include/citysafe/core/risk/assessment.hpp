#pragma once
// One entry point for every grading method: typed inputs in, a colour and a JSON record out.
#include <optional>
#include <string>
#include <variant>

#include "citysafe/core/risk/gb18218.hpp"
#include "citysafe/core/risk/grading.hpp"

namespace citysafe::risk {

using MethodInput = std::variant<LecInput, LsInput, Gb18218Input>;

struct Evaluation {
  std::string method;  // "lec", "ls", "gb18218"
  double value = 0;    // D, R or R
  RiskLevel level = RiskLevel::Low;
  int hazard_grade = 0;  // GB 18218 only
  bool is_major_hazard = false;
  std::string inputs_json;  // what was assessed, for the record
  std::string result_json;  // the working: for GB 18218 every term, S, α, R and grade
};

// Field errors are prefixed with "inputs." so they name the request field.
[[nodiscard]] Result<Evaluation> evaluate(const MethodInput& input);

// When the next assessment is due, by colour (convention; configurable).
struct ReassessmentPolicy {
  int red_days = 30;
  int orange_days = 90;
  int yellow_days = 180;
  int blue_days = 365;
  [[nodiscard]] int daysFor(RiskLevel level) const;
};

}  // namespace citysafe::risk
