#include "citysafe/common/time_format.hpp"

#include <charconv>
#include <cstdio>

namespace citysafe {

std::string formatIso8601(TimePoint t, int offset_minutes) {
  using namespace std::chrono;
  const auto local = t + minutes(offset_minutes);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{local - day};
  const auto ms = hms.subseconds().count();
  char buf[48];
  const char sign = offset_minutes < 0 ? '-' : '+';
  const int off = std::abs(offset_minutes);
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld", int(ymd.year()),
                        unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                        long(hms.minutes().count()), long(hms.seconds().count()));
  if (ms != 0) n += std::snprintf(buf + n, sizeof buf - n, ".%03ld", long(ms));
  std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", sign, off / 60, off % 60);
  return buf;
}

namespace {
bool readInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  const char* first = s.data() + pos;
  for (std::size_t i = 0; i < len; ++i) {
    if (first[i] < '0' || first[i] > '9') return false;
  }
  return std::from_chars(first, first + len, out).ec == std::errc{};
}
}  // namespace

std::optional<TimePoint> parseIso8601(std::string_view s) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  if (!readInt(s, 0, 4, y) || !readInt(s, 5, 2, mo) || !readInt(s, 8, 2, d) ||
      !readInt(s, 11, 2, h) || !readInt(s, 14, 2, mi) || !readInt(s, 17, 2, sec))
    return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  std::size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  int offset = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (!readInt(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !readInt(s, pos + 4, 2, om) || oh > 14 || om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  const auto local = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{millis};
  return time_point_cast<milliseconds>(local - minutes{offset});
}

}  // namespace citysafe
