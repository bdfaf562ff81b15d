#pragma once
// Reads the first worksheet of an .xlsx workbook as a table of text cells: enough for importing
// ledgers that people keep in Excel. ZIP through zlib, XML through expat (both from Debian).
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/result.hpp"

namespace citysafe::xlsx {

using Table = std::vector<std::vector<std::string>>;

// Invalid naming "file" when the bytes are not a readable workbook (not a ZIP, ZIP64, encrypted,
// a part larger than 64 MB uncompressed, malformed XML).
[[nodiscard]] Result<Table> readFirstSheet(std::string_view bytes);

// "A" → 0, "Z" → 25, "AA" → 26; from a cell reference like "AB12" (digits ignored).
int columnIndex(std::string_view cell_ref);

}  // namespace citysafe::xlsx
