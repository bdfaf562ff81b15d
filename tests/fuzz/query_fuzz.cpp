// The request line's query string (parseQuery, percentDecode) and the query readers on top of
// it: paging, positive ids and the map's bounding box.
#include "fuzz_input.hpp"
#include "json_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe::http;
  const std::string text(citysafe::fuzz::textOf(data, size));
  (void)percentDecode(text);
  HttpRequest request;
  request.query = parseQuery(text);
  const QueryParams query(request);
  (void)query.paging();
  (void)query.requiredPositive("id");
  for (const auto& candidate : {text, request.query["bbox"]}) {
    auto box = parseBBox(candidate);
    if (!box) continue;
    // json_io.hpp: a box is accepted only inside WGS-84 bounds, min not above max.
    citysafe::fuzz::require(box->min_lon >= -180 && box->min_lon <= box->max_lon &&
                                box->max_lon <= 180 && box->min_lat >= -90 &&
                                box->min_lat <= box->max_lat && box->max_lat <= 90,
                            "parseBBox accepts only boxes inside WGS-84 bounds");
  }
  return 0;
}
