#pragma once
// What every file import shares: decoding the text (UTF-8 or GBK, as Chinese Excel saves CSV),
// and answering with the per-row report.
#include <string>

#include "citysafe/core/import_report.hpp"
#include "json_io.hpp"

namespace citysafe::http {

// The body as UTF-8: converted from GBK when `encoding` says so; Invalid naming `encoding` when
// the bytes are not what it says.
[[nodiscard]] Result<std::string> importText(const std::string& body, const std::string& encoding);
// 200 with the report, or 400 problem+json carrying the same report when nothing was written.
HttpResponse importResponse(const ImportReport& report);
}  // namespace citysafe::http
