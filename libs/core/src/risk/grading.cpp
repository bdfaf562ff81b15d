#include "citysafe/core/risk/grading.hpp"

#include <array>
#include <cmath>
#include <sstream>

namespace citysafe::risk {
namespace {

constexpr std::array<double, 7> kLecL = {10, 6, 3, 1, 0.5, 0.2, 0.1};
constexpr std::array<double, 6> kLecE = {10, 6, 3, 2, 1, 0.5};
constexpr std::array<double, 6> kLecC = {100, 40, 15, 7, 3, 1};

template <std::size_t N>
Result<void> inTable(double value, const std::array<double, N>& table, const char* field) {
  for (const double allowed : table) {
    if (std::abs(value - allowed) < 1e-9) return ok();
  }
  std::ostringstream choices;
  for (std::size_t i = 0; i < N; ++i) choices << (i ? ", " : "") << table[i];
  std::ostringstream message;
  message << value << " is not in the LEC table; choose one of " << choices.str();
  return invalid(field, message.str());
}

const char* lecBand(double d) {
  if (d > 320) return "极其危险";
  if (d >= 160) return "高度危险";
  if (d >= 70) return "显著危险";
  if (d >= 20) return "一般危险";
  return "稍有危险";
}

}  // namespace

Result<LecResult> assessLec(const LecInput& in, const LecColourBands& bands) {
  CS_TRY(inTable(in.l, kLecL, "l"));
  CS_TRY(inTable(in.e, kLecE, "e"));
  CS_TRY(inTable(in.c, kLecC, "c"));
  LecResult out;
  // Round away the binary noise of products like 0.1 × 3 × 7.
  out.d = std::round(in.l * in.e * in.c * 1000) / 1000;
  out.band = lecBand(out.d);
  out.level = out.d >= bands.red_from      ? RiskLevel::Major
              : out.d >= bands.orange_from ? RiskLevel::Large
              : out.d >= bands.yellow_from ? RiskLevel::General
                                           : RiskLevel::Low;
  return out;
}

Result<LsResult> assessLs(const LsInput& in, const LsColourBands& bands) {
  if (in.l < 1 || in.l > 5) return invalid("l", "must be an integer from 1 to 5");
  if (in.s < 1 || in.s > 5) return invalid("s", "must be an integer from 1 to 5");
  LsResult out;
  out.r = in.l * in.s;
  out.level = out.r >= bands.red_from      ? RiskLevel::Major
              : out.r >= bands.orange_from ? RiskLevel::Large
              : out.r >= bands.yellow_from ? RiskLevel::General
                                           : RiskLevel::Low;
  return out;
}

}  // namespace citysafe::risk
