#include "query_params.hpp"

#include <charconv>
#include <cmath>

#include "citysafe/common/time_format.hpp"

namespace citysafe::http {

std::optional<std::string> QueryParams::text(const char* name) const {
  auto it = request_.query.find(name);
  if (it == request_.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string QueryParams::textOr(const char* name, std::string fallback) const {
  return text(name).value_or(std::move(fallback));
}

Result<std::optional<std::int64_t>> QueryParams::integer(const char* name, std::int64_t min,
                                                         std::int64_t max) const {
  auto value = text(name);
  if (!value) return std::optional<std::int64_t>{};
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc{} || ptr != value->data() + value->size()) {
    return invalid(name, "must be an integer, got '" + value->substr(0, 40) + "'");
  }
  if (n < min || n > max) {
    return invalid(name, max == INT64_MAX && min == 1 ? std::string("must be a positive integer")
                                                      : "must be between " + std::to_string(min) +
                                                            " and " + std::to_string(max));
  }
  return std::optional<std::int64_t>{n};
}

Result<std::int64_t> QueryParams::requiredPositive(const char* name) const {
  auto value = CS_TRY(integer(name, 1, INT64_MAX));
  if (!value) return invalid(name, "is required");
  return *value;
}

Result<std::optional<double>> QueryParams::number(const char* name) const {
  auto value = text(name);
  if (!value) return std::optional<double>{};
  double d = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), d);
  if (ec != std::errc{} || ptr != value->data() + value->size() || !std::isfinite(d)) {
    return invalid(name, "must be a number, got '" + value->substr(0, 40) + "'");
  }
  return std::optional<double>{d};
}

Result<std::optional<bool>> QueryParams::flag(const char* name) const {
  auto value = text(name);
  if (!value) return std::optional<bool>{};
  if (*value == "true" || *value == "1") return std::optional<bool>{true};
  if (*value == "false" || *value == "0") return std::optional<bool>{false};
  return invalid(name, "must be true or false");
}

Result<std::optional<TimePoint>> QueryParams::time(const char* name) const {
  auto value = text(name);
  if (!value) return std::optional<TimePoint>{};
  auto t = parseIso8601(*value);
  if (!t) return invalid(name, "is not an ISO-8601 time such as 2026-11-23T08:00:00+08:00");
  return std::optional<TimePoint>{*t};
}

Result<store::PageRequest> QueryParams::paging() const {
  store::PageRequest p;
  if (auto limit = CS_TRY(integer("limit", 1, 500))) p.limit = static_cast<int>(*limit);
  if (auto after = CS_TRY(integer("cursor", 1, INT64_MAX))) p.after_id = *after;
  return p;
}

}  // namespace citysafe::http
