// Shared by the file imports (risk points, hazard ledgers).
#include "import_io.hpp"

#include <iconv.h>

namespace citysafe::http {
namespace {

// GBK (as Chinese Excel saves CSV) to UTF-8 with glibc's iconv; Invalid naming `encoding` on a
// byte sequence that is not GBK.
Result<std::string> gbkToUtf8(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "GBK");
  // iconv_open's documented failure value is (iconv_t)-1.
  if (cd == reinterpret_cast<iconv_t>(-1))  // NOLINT(performance-no-int-to-ptr)
    return fail(Errc::Internal, "encoding", "GBK conversion is unavailable");
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    return invalid("encoding",
                   "byte " + std::to_string(in.size() - src_left + 1) + " is not valid GBK");
  }
  out.resize(out.size() - dst_left);
  return out;
}

bool validUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

Result<std::string> importText(const std::string& body, const std::string& encoding) {
  if (encoding == "gbk" || encoding == "GBK" || encoding == "gb18030") return gbkToUtf8(body);
  if (encoding != "utf-8" && encoding != "UTF-8")
    return invalid("encoding", "must be utf-8 or gbk");
  if (!validUtf8(body)) {
    return invalid("encoding", "the file is not UTF-8; choose GBK if it came from Chinese Excel");
  }
  return body;
}

HttpResponse importResponse(const ImportReport& report) {
  Json problems = Json::array();
  for (const auto& p : report.problems) {
    problems.push_back({{"line", p.line}, {"field", p.field}, {"reason", p.reason}});
  }
  Json body = {{"imported", report.imported},
               {"failed", report.failed},
               {"committed", report.committed},
               {"problems", problems}};
  if (report.committed) return jsonResponse(body);
  body["type"] = "about:blank";
  body["title"] = "Invalid";
  body["status"] = 400;
  body["field"] = "rows";
  body["detail"] = std::to_string(report.failed) + " row(s) failed; nothing was imported";
  return HttpResponse{400,
                      "application/problem+json",
                      body.dump(-1, ' ', false, Json::error_handler_t::replace),
                      {}};
}

}  // namespace citysafe::http
