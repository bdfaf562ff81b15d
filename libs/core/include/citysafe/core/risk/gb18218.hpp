#pragma once
// GB 18218-2018 major hazard source (重大危险源) identification and grading for one production or
// storage unit: S = Σ qᵢ/Qᵢ (major when S ≥ 1), R = α · Σ βᵢ · qᵢ/Qᵢ, grade 一级 (R ≥ 100) to
// 四级 (R < 10).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/result.hpp"
#include "citysafe/core/risk/risk_level.hpp"

namespace citysafe::risk {

struct Chemical {
  int seq;
  std::string_view name;
  std::string_view aliases;  // ';'-separated
  std::string_view cas;
  double critical_t;
};

struct HazardCategory {
  std::string_view symbol;  // J1..J5, W1.1..W11
  std::string_view category;
  std::string_view description;
  double critical_t;  // Table 2
  double beta;        // Table 4
};

struct ToxicGasBeta {
  std::string_view name;
  std::string_view cas;
  double beta;  // Table 3
};

struct AlphaBand {
  std::string_view label;
  std::int64_t min_people;
  std::int64_t max_people;  // -1: no upper bound
  double alpha;
};

std::span<const Chemical> table1Chemicals();
std::span<const HazardCategory> table2Categories();
std::span<const ToxicGasBeta> table3ToxicGases();
std::span<const AlphaBand> table5Alpha();

struct SubstanceInput {
  std::string name;      // Chinese name or alias as in Table 1, or any name with a category
  std::string cas;       // alternative to the name
  std::string category;  // Table 2 symbol; needed when Table 1 or 3 does not decide
  double quantity_t = 0;
};

struct Gb18218Input {
  std::vector<SubstanceInput> substances;
  std::int64_t people_500m = 0;  // people within 500 m outside the unit (for α)
};

struct Gb18218Term {
  std::string substance;  // as identified
  double q = 0;
  double critical_q = 0;
  std::string critical_source;  // "表1" or "表2 <symbol>"
  double beta = 0;
  std::string beta_source;  // "表3" or "表4 <symbol>"
  double ratio = 0;         // q / Q
};

struct Gb18218Result {
  std::vector<Gb18218Term> terms;
  double s = 0;
  bool is_major_hazard = false;
  double alpha = 0;
  double r = 0;
  int grade = 0;  // 1..4 when a major hazard source, else 0
  RiskLevel level = RiskLevel::Low;
};

double alphaFor(std::int64_t people_500m);
// 1..4 from R per Table 6.
int gradeFor(double r);
const char* gradeLabel(int grade);  // "一级".."四级", "" for 0

// Invalid naming `substances[i].<field>` for an unknown chemical without a category, a negative
// or non-finite quantity, an unknown category; `people_500m` when negative.
[[nodiscard]] Result<Gb18218Result> assessGb18218(const Gb18218Input& input);

}  // namespace citysafe::risk
