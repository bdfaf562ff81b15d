#pragma once
// Builds small .xlsx workbooks for tests: a real ZIP (deflated with zlib) holding the parts Excel
// writes, with shared strings for text and inline numbers, so the reader meets what Excel makes.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace citysafe::testing {

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

inline std::string deflateRaw(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string zip;
  std::string directory;
  for (const auto& [name, data] : files) {
    const auto packed = deflateRaw(data);
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto offset = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x04034b50);
    put16(zip, 20);
    put16(zip, 0);
    put16(zip, 8);
    put32(zip, 0);
    put32(zip, crc);
    put32(zip, static_cast<std::uint32_t>(packed.size()));
    put32(zip, static_cast<std::uint32_t>(data.size()));
    put16(zip, static_cast<std::uint32_t>(name.size()));
    put16(zip, 0);
    zip += name + packed;
    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, 0);
    put16(directory, 8);
    put32(directory, 0);
    put32(directory, crc);
    put32(directory, static_cast<std::uint32_t>(packed.size()));
    put32(directory, static_cast<std::uint32_t>(data.size()));
    put16(directory, static_cast<std::uint32_t>(name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += name;
  }
  const auto dir_offset = static_cast<std::uint32_t>(zip.size());
  zip += directory;
  put32(zip, 0x06054b50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, static_cast<std::uint32_t>(files.size()));
  put16(zip, static_cast<std::uint32_t>(files.size()));
  put32(zip, static_cast<std::uint32_t>(directory.size()));
  put32(zip, dir_offset);
  put16(zip, 0);
  return zip;
}

inline std::string xmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// One sheet; cells that parse as numbers are written as numbers, the rest as shared strings.
inline std::string xlsxOf(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> shared;
  std::string sheet =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto& v = rows[r][c];
      if (v.empty()) continue;  // Excel leaves empty cells out
      const std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1);
      char* end = nullptr;
      std::strtod(v.c_str(), &end);
      if (*end == '\0') {
        sheet += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      } else {
        sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(shared.size()) + "</v></c>";
        shared.push_back(v);
      }
    }
    sheet += "</row>";
  }
  sheet += "</sheetData></worksheet>";
  std::string strings =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const auto& s : shared) strings += "<si><t>" + xmlEscape(s) + "</t></si>";
  strings += "</sst>";
  return zipOf({{"[Content_Types].xml", "<Types/>"},
                {"xl/workbook.xml", "<workbook/>"},
                {"xl/sharedStrings.xml", strings},
                {"xl/worksheets/sheet1.xml", sheet}});
}

}  // namespace citysafe::testing
