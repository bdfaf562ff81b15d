#pragma once
// LEC (作业条件危险性评价法) and the LS risk matrix. Inputs outside their tables are refused with
// the field named; bands are configurable, with DOMAIN.md's conventions as defaults.
#include <string>

#include "citysafe/common/result.hpp"
#include "citysafe/core/risk/risk_level.hpp"

namespace citysafe::risk {

struct LecInput {
  double l = 0;  // likelihood: 10, 6, 3, 1, 0.5, 0.2, 0.1
  double e = 0;  // exposure: 10, 6, 3, 2, 1, 0.5
  double c = 0;  // consequence: 100, 40, 15, 7, 3, 1
};

// D thresholds for the colours: D >= red_from is red, and so on down; below yellow_from is blue.
struct LecColourBands {
  double red_from = 320;
  double orange_from = 160;
  double yellow_from = 70;
};

struct LecResult {
  double d = 0;
  RiskLevel level = RiskLevel::Low;
  std::string band;  // 极其危险 / 高度危险 / 显著危险 / 一般危险 / 稍有危险
};

[[nodiscard]] Result<LecResult> assessLec(const LecInput& input, const LecColourBands& bands = {});

struct LsInput {
  int l = 0;  // likelihood 1..5
  int s = 0;  // severity 1..5
};

// R thresholds: R >= red_from red (stop and fix now), >= orange_from orange (1 month),
// >= yellow_from yellow (3 months), else blue.
struct LsColourBands {
  int red_from = 20;
  int orange_from = 15;
  int yellow_from = 10;
};

struct LsResult {
  int r = 0;
  RiskLevel level = RiskLevel::Low;
};

[[nodiscard]] Result<LsResult> assessLs(const LsInput& input, const LsColourBands& bands = {});

}  // namespace citysafe::risk
