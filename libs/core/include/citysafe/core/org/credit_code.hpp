#pragma once
#include <string>
#include <string_view>

#include "citysafe/common/result.hpp"

namespace citysafe::org {

// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the 31-symbol
// alphabet 0-9 A-H J-N P-R T U W-Y; positions 3-8 a region code; position 18 the check character
// over the first 17 (weights 3^i mod 31). Returns Invalid naming `field` with the reason.
[[nodiscard]] Result<void> validateCreditCode(std::string_view code,
                                              std::string_view field = "credit_code");

// The check character for the first 17 characters (which must be from the alphabet).
char creditCodeCheckChar(std::string_view first17);

}  // namespace citysafe::org
