// Seeds that shared data cannot give as files, written for the fuzz corpora (scripts/fuzz.sh):
//   fuzz_seed_maker xlsx OUT.xlsx IN.csv   the table as a workbook like Excel writes it
//   fuzz_seed_maker images DIR             small PNG and JPEG images (shared data has none)
//   fuzz_seed_maker osm OUT IN WAYS        the first WAYS ways of an OSM file and their nodes, in
//                                          the format OUT's extension names (.osm, .osm.pbf, ...)
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <osmium/io/any_input.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "citysafe/common/csv.hpp"
#include "xlsx_fixture.hpp"

namespace {

// Enough rows for every kind of cell; the fuzzer finds nothing more in the rest.
constexpr std::size_t kMaxRows = 40;

int writeWorkbook(const char* out_path, const char* csv_path) {
  std::ifstream in(csv_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::vector<std::string>> rows;
  for (auto& record : citysafe::parseCsv(text.str())) {
    if (rows.size() == kMaxRows) break;
    rows.push_back(std::move(record.fields));
  }
  std::ofstream(out_path, std::ios::binary) << citysafe::testing::xlsxOf(rows);
  return rows.empty() ? 1 : 0;
}

// A gradient, so that the encoders have something other than flat colour to compress.
std::vector<unsigned char> gradient(int width, int height, int channels) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * channels);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<unsigned char>(i * 37);
  return pixels;
}

int writeImages(const std::string& dir) {
  struct Shape {
    int width, height, channels;
  };
  int failures = 0;
  for (const auto [w, h, c] : {Shape{8, 8, 3}, Shape{5, 3, 4}, Shape{4, 4, 1}, Shape{3, 7, 2}}) {
    const auto pixels = gradient(w, h, c);
    const std::string name =
        dir + "/" + std::to_string(w) + "x" + std::to_string(h) + "x" + std::to_string(c);
    failures += stbi_write_png((name + ".png").c_str(), w, h, c, pixels.data(), w * c) == 0;
    failures += stbi_write_jpg((name + ".jpg").c_str(), w, h, c, pixels.data(), 90) == 0;
  }
  return failures == 0 ? 0 : 1;
}

// Two passes: the ways to keep and the nodes they use, then those objects in file order.
int writeOsmExcerpt(const char* out_path, const char* in_path, std::size_t max_ways) {
  std::set<osmium::object_id_type> ways;
  std::set<osmium::object_id_type> nodes;
  {
    osmium::io::Reader reader{in_path, osmium::osm_entity_bits::way};
    while (ways.size() < max_ways) {
      auto buffer = reader.read();
      if (!buffer) break;
      for (const auto& way : buffer.select<osmium::Way>()) {
        if (ways.size() == max_ways) break;
        ways.insert(way.id());
        for (const auto& ref : way.nodes()) nodes.insert(ref.ref());
      }
    }
    reader.close();
  }
  osmium::io::Reader reader{in_path, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
  osmium::io::Writer writer{out_path, reader.header(), osmium::io::overwrite::allow};
  while (auto buffer = reader.read()) {
    osmium::memory::Buffer kept{buffer.committed(), osmium::memory::Buffer::auto_grow::yes};
    for (const auto& object : buffer.select<osmium::OSMObject>()) {
      const auto& wanted = object.type() == osmium::item_type::way ? ways : nodes;
      if (wanted.contains(object.id())) {
        kept.add_item(object);
        kept.commit();
      }
    }
    if (kept.committed() > 0) writer(std::move(kept));
  }
  writer.close();
  reader.close();
  return ways.empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "xlsx" && argc == 4) return writeWorkbook(argv[2], argv[3]);
  if (mode == "images" && argc == 3) return writeImages(argv[2]);
  if (mode == "osm" && argc == 5) return writeOsmExcerpt(argv[2], argv[3], std::stoul(argv[4]));
  std::cerr << "usage: fuzz_seed_maker xlsx OUT.xlsx IN.csv | images DIR | osm OUT IN WAYS\n";
  return 2;
}
