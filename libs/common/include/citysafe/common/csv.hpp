#pragma once
// RFC 4180 CSV reading: quoted fields may hold commas, quotes ("") and line breaks.
#include <string>
#include <string_view>
#include <vector>

namespace citysafe {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Splits UTF-8 text into records; a leading byte-order mark is skipped, blank lines are dropped.
// `error` is set (and parsing stops) on a quote left open at the end.
std::vector<CsvRecord> parseCsv(std::string_view text, std::string* error = nullptr);

// One text cell of a CSV file meant for a spreadsheet: quoted where RFC 4180 needs it, and
// text a spreadsheet would run as a formula (= + - @, a tab or a carriage return first) gets a
// leading apostrophe, so it is shown and never evaluated ("CSV injection"). Numbers the
// exporter writes itself do not pass through here.
std::string csvCell(std::string_view text);

// The non-empty parts of `text` between `separator`s ("a,,b," → a, b): comma lists in query
// strings and columns, path segments.
std::vector<std::string> splitNonEmpty(std::string_view text, char separator);

}  // namespace citysafe
