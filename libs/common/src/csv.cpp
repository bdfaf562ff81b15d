#include "citysafe/common/csv.hpp"

#include <algorithm>

namespace citysafe {

std::vector<std::string> splitNonEmpty(std::string_view text, char separator) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto end = std::min(text.find(separator), text.size());
    if (end > 0) out.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

std::string csvCell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    cell = "'";
  }
  cell += text;
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::vector<CsvRecord> parseCsv(std::string_view text, std::string* error) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> out;
  CsvRecord record{1, {std::string()}};
  int line = 1;
  bool quoted = false;
  bool any = false;  // the record has content beyond one empty field
  auto finish = [&] {
    if (any || record.fields.size() > 1) out.push_back(std::move(record));
    record = CsvRecord{line, {std::string()}};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        record.fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        quoted = true;
        any = true;
        break;
      case ',':
        record.fields.emplace_back();
        break;
      case '\r':
        break;
      case '\n':
        ++line;
        finish();
        break;
      default:
        record.fields.back() += c;
        any = true;
    }
  }
  if (quoted && error)
    *error = "a quoted field starting on line " + std::to_string(record.line) + " never closes";
  finish();
  return out;
}

}  // namespace citysafe
