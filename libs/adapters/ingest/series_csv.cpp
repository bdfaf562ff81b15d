#include "series_csv.hpp"

#include <charconv>
#include <chrono>

namespace citysafe::ingest {
namespace {

bool digits(std::string_view s, int& out) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return false;  // no signs
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const auto comma = line.find(',');
    out.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

bool parseLoggerTime(std::string_view text, std::int64_t& at_ms) {
  int y = 0;
  int mo = 0;
  int d = 0;
  std::string_view rest;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (!digits(text.substr(0, 4), y) || !digits(text.substr(5, 2), mo) ||
        !digits(text.substr(8, 2), d)) {
      return false;
    }
    rest = text.substr(10);
  } else if (text.size() >= 10 && text[2] == '.' && text[5] == '.') {
    if (!digits(text.substr(0, 2), d) || !digits(text.substr(3, 2), mo) ||
        !digits(text.substr(6, 4), y)) {
      return false;
    }
    rest = text.substr(10);
  } else {
    return false;
  }
  int h = 0;
  int mi = 0;
  int s = 0;
  int ms = 0;
  if (!rest.empty()) {
    if (rest.size() < 9 || (rest[0] != ' ' && rest[0] != 'T') || rest[3] != ':' || rest[6] != ':') {
      return false;
    }
    if (!digits(rest.substr(1, 2), h) || !digits(rest.substr(4, 2), mi) ||
        !digits(rest.substr(7, 2), s)) {
      return false;
    }
    rest = rest.substr(9);
    if (!rest.empty()) {
      if (rest[0] != '.' || rest.size() < 2) return false;
      auto frac = rest.substr(1, 3);
      if (!digits(frac, ms)) return false;
      for (std::size_t i = frac.size(); i < 3; ++i) ms *= 10;
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return false;
  const auto day = std::chrono::sys_days(ymd).time_since_epoch();
  at_ms = std::chrono::duration_cast<std::chrono::milliseconds>(day).count() +
          ((h * 60LL + mi) * 60 + s) * 1000 + ms;
  return true;
}

Result<Series> readSeriesCsv(std::istream& in, int column) {
  if (column < 1) return invalid("column", "must be 1 or more");
  Series out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto f = fields(line);
    std::int64_t at = 0;
    if (!parseLoggerTime(f[0], at)) {
      if (line_no == 1) {  // the header
        if (static_cast<std::size_t>(column) < f.size()) out.column_name = std::string(f[column]);
        continue;
      }
      return invalid("line" + std::to_string(line_no), "'" + std::string(f[0]) +
                                                           "' is not a time such as "
                                                           "2022-11-04 09:20:05.375");
    }
    double v = 0;
    if (static_cast<std::size_t>(column) >= f.size()) {
      ++out.skipped;
      continue;
    }
    const auto cell = f[column];
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (ec != std::errc() || end != cell.data() + cell.size() || cell.empty()) {
      ++out.skipped;
      continue;
    }
    out.points.push_back({at, v});
  }
  return out;
}

}  // namespace citysafe::ingest
