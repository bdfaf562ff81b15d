#include "json_io.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <cmath>
#include <sstream>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::http {

int statusOf(Errc code) {
  switch (code) {
    case Errc::Invalid:
      return 400;
    case Errc::Unauthenticated:
      return 401;
    case Errc::Forbidden:
      return 403;
    case Errc::NotFound:
      return 404;
    case Errc::Conflict:
    case Errc::IllegalTransition:
      return 409;
    case Errc::TooLarge:
      return 413;
    case Errc::RateLimited:
      return 429;
    case Errc::Unavailable:
      return 503;
    case Errc::Internal:
      return 500;
  }
  return 500;
}

HttpResponse problem(int status, const std::string& title, const std::string& detail,
                     const std::string& field) {
  Json body = {{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!field.empty()) body["field"] = field;
  return HttpResponse{status,
                      "application/problem+json",
                      body.dump(-1, ' ', false, Json::error_handler_t::replace),
                      {}};
}

HttpResponse problem(const Error& error) {
  // Store and internal details stay in the log; the caller learns what to do about it.
  const int status = statusOf(error.code);
  if (status >= 500) {
    spdlog::error("{} {}: {}{}", status, errcName(error.code),
                  error.field.empty() ? "" : error.field + ": ", error.message);
  }
  std::string detail = error.message;
  if (error.code == Errc::Internal) detail = "internal error";
  if (error.code == Errc::Unavailable && error.field.empty())
    detail = "the store is unavailable; try again shortly";
  if (error.code == Errc::Conflict && error.field.empty())
    detail = "a conflicting change was made at the same time; try again";
  return problem(status, errcName(error.code), detail, error.field);
}

HttpResponse jsonResponse(const Json& body, int status) {
  return HttpResponse{
      status, "application/json", body.dump(-1, ' ', false, Json::error_handler_t::replace), {}};
}

std::string isoTime(TimePoint t) { return formatIso8601(t); }

Result<BodyReader> BodyReader::parse(const std::string& text,
                                     std::initializer_list<const char*> allowed) {
  if (jsonNestingDepth(text) > kMaxJsonDepth)
    return invalid("body",
                   "nests arrays or objects more than " + std::to_string(kMaxJsonDepth) + " deep");
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) return invalid("body", "is not valid JSON");
  if (!json.is_object()) return invalid("body", "must be a JSON object");
  for (const auto& [key, value] : json.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) return invalid(key, "is not a known field");
  }
  return BodyReader(std::move(json));
}

Result<std::string> BodyReader::requiredString(const char* key, std::size_t max_bytes) const {
  if (!json_.contains(key) || json_[key].is_null()) return invalid(key, "is required");
  return *CS_TRY(optionalString(key, max_bytes));
}

Result<std::optional<std::string>> BodyReader::optionalString(const char* key,
                                                              std::size_t max_bytes) const {
  if (!json_.contains(key) || json_[key].is_null()) return std::optional<std::string>{};
  if (!json_[key].is_string()) return invalid(key, "must be a string");
  auto s = json_[key].get<std::string>();
  if (s.size() > max_bytes)
    return invalid(key, "must be at most " + std::to_string(max_bytes) + " bytes");
  return std::optional<std::string>{std::move(s)};
}

Result<std::optional<std::int64_t>> BodyReader::optionalId(const char* key) const {
  if (!json_.contains(key) || json_[key].is_null()) return std::optional<std::int64_t>{};
  if (!json_[key].is_number_integer()) return invalid(key, "must be an integer id");
  const auto v = json_[key].get<std::int64_t>();
  if (v <= 0) return invalid(key, "must be a positive id");
  return std::optional<std::int64_t>{v};
}

Result<std::optional<bool>> BodyReader::optionalBool(const char* key) const {
  if (!json_.contains(key) || json_[key].is_null()) return std::optional<bool>{};
  if (!json_[key].is_boolean()) return invalid(key, "must be true or false");
  return std::optional<bool>{json_[key].get<bool>()};
}

Result<std::optional<std::vector<std::string>>> BodyReader::optionalStrings(const char* key) const {
  if (!json_.contains(key) || json_[key].is_null())
    return std::optional<std::vector<std::string>>{};
  if (!json_[key].is_array()) return invalid(key, "must be an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < json_[key].size(); ++i) {
    if (!json_[key][i].is_string())
      return invalid(std::string(key) + "[" + std::to_string(i) + "]", "must be a string");
    out.push_back(json_[key][i].get<std::string>());
  }
  return std::optional<std::vector<std::string>>{std::move(out)};
}

namespace {
Result<std::int64_t> positive(const std::string& text, const char* field) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size() || v <= 0) {
    return invalid(field, "must be a positive integer, got '" + text.substr(0, 40) + "'");
  }
  return v;
}
}  // namespace

Result<std::int64_t> pathId(const Call& call, const char* name) {
  return positive(call.params.at(name), name);
}

Json page(Json items, std::int64_t last_id, int limit) {
  const bool full = static_cast<int>(items.size()) >= limit;
  return Json{{"items", std::move(items)},
              {"next_cursor", full ? Json(std::to_string(last_id)) : Json(nullptr)}};
}

Result<void> onlyKeys(const Json& object, std::initializer_list<const char*> keys,
                      const std::string& prefix) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) return invalid(prefix + key, "is not a known field");
  }
  return ok();
}

Result<basemap::BBox> parseBBox(const std::string& text) {
  std::vector<double> v;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    double d = 0;
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), d);
    // from_chars reads "nan", which every bounds comparison below would let through.
    if (ec != std::errc{} || ptr != part.data() + part.size() || !std::isfinite(d)) {
      return invalid("bbox", "'" + part + "' is not a number");
    }
    v.push_back(d);
  }
  if (v.size() != 4) return invalid("bbox", "must be minlon,minlat,maxlon,maxlat");
  if (v[0] > v[2] || v[1] > v[3]) return invalid("bbox", "min must not exceed max");
  if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)
    return invalid("bbox", "is outside WGS-84 bounds");
  return basemap::BBox{v[0], v[1], v[2], v[3]};
}

}  // namespace citysafe::http

void citysafe::identity::to_json(nlohmann::json& out, const User& u) {
  out = {{"id", u.id},
         {"username", u.username},
         {"display_name", u.display_name},
         {"org_id", u.org_id},
         {"roles", u.roles},
         {"disabled", u.disabled},
         {"created_at", u.created_at},
         {"updated_at", u.updated_at}};
}
