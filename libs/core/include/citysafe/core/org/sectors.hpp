#pragma once
#include <span>
#include <string_view>

namespace citysafe::org {

// The thirteen key fields of seed 000 (十三大重点领域), plus gas and hazardous waste.
struct Sector {
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
};

std::span<const Sector> allSectors();
bool isKnownSector(std::string_view code);

}  // namespace citysafe::org
