#include "citysafe/core/org/credit_code.hpp"

#include <array>

namespace citysafe::org {
namespace {
// GB 32100-2015 code alphabet: digits and capitals without I, O, S, V, Z.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Weight of position i is 3^i mod 31.
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

int valueOf(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}
}  // namespace

char creditCodeCheckChar(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < first17.size(); ++i)
    sum += valueOf(first17[i]) * kWeights[i];
  const int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<std::size_t>(check)];
}

Result<void> validateCreditCode(std::string_view code, std::string_view field) {
  const std::string f(field);
  if (code.size() != 18) {
    return invalid(f, "统一社会信用代码 must be 18 characters, got " + std::to_string(code.size()));
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (valueOf(code[i]) < 0) {
      return invalid(f, "character " + std::to_string(i + 1) + " '" + std::string(1, code[i]) +
                            "' is not allowed (GB 32100: 0-9 and A-Y without I, O, S, V, Z)");
    }
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return invalid(f, "characters 3-8 must be the digits of a region code");
    }
  }
  const char expected = creditCodeCheckChar(code.substr(0, 17));
  if (code[17] != expected) {
    return invalid(
        f, std::string("check character is '") + code[17] + "', expected '" + expected + "'");
  }
  return ok();
}

}  // namespace citysafe::org
