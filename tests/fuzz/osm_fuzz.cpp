// OpenStreetMap extracts through libosmium. readOsmBasemap takes a path and picks the format by
// its extension, so each input is written to a file named after what its first bytes look like:
// XML, bzip2-compressed XML, or PBF (anything else).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fuzz_input.hpp"
#include "osm_reader.hpp"

namespace {

// One directory per fuzzing process, removed when it exits.
const std::filesystem::path& scratchDirectory() {
  static const std::filesystem::path dir = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("citysafe-osm-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratchDirectory(), ignored);
    });
    return path;
  }();
  return dir;
}

const char* extensionFor(std::string_view bytes) {
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<') return ".osm";
  if (bytes.starts_with("BZh")) return ".osm.bz2";
  return ".osm.pbf";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = citysafe::fuzz::textOf(data, size);
  const auto path = scratchDirectory() / (std::string("input") + extensionFor(bytes));
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  (void)citysafe::osm::readOsmBasemap(path.string());
  std::filesystem::remove(path);
  return 0;
}
