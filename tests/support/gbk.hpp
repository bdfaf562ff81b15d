#pragma once
// UTF-8 text as GBK bytes, for the imports that read spreadsheets saved by Chinese Excel.
#include <iconv.h>

#include <stdexcept>
#include <string>

namespace citysafe::testing {

inline std::string toGbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t src_left = utf8.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const auto converted = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (converted == static_cast<std::size_t>(-1)) throw std::runtime_error("not GBK: " + utf8);
  out.resize(out.size() - dst_left);
  return out;
}

}  // namespace citysafe::testing
