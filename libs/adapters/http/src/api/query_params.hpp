#pragma once
// The one query-string toolkit: every route reads `?name=value` through a QueryParams, so every
// parameter is checked the same way and a bad one is an Invalid error naming it. An absent or
// empty parameter is "not given".
#include <cstdint>
#include <optional>
#include <string>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/store/store.hpp"
#include "citysafe/http/http_types.hpp"

namespace citysafe::http {

class QueryParams {
 public:
  explicit QueryParams(const HttpRequest& request) : request_(request) {}

  [[nodiscard]] std::optional<std::string> text(const char* name) const;
  [[nodiscard]] std::string textOr(const char* name, std::string fallback) const;
  [[nodiscard]] Result<std::optional<std::int64_t>> integer(const char* name, std::int64_t min,
                                                            std::int64_t max) const;
  // A positive integer that must be given.
  [[nodiscard]] Result<std::int64_t> requiredPositive(const char* name) const;
  [[nodiscard]] Result<std::optional<double>> number(const char* name) const;
  // "true"/"false" (also 1/0).
  [[nodiscard]] Result<std::optional<bool>> flag(const char* name) const;
  // ISO-8601 with an offset, e.g. 2026-11-23T08:00:00+08:00.
  [[nodiscard]] Result<std::optional<TimePoint>> time(const char* name) const;
  // The one paging scheme (docs/http-api.md § Paging): `?limit=` 1..500 (default 100) and
  // `?cursor=`, the opaque `next_cursor` of the previous page (today the last id seen).
  [[nodiscard]] Result<store::PageRequest> paging() const;

  template <class Tag>
  [[nodiscard]] Result<std::optional<Id<Tag>>> id(const char* name) const {
    auto value = CS_TRY(integer(name, 1, INT64_MAX));
    if (!value) return std::optional<Id<Tag>>{};
    return std::optional<Id<Tag>>{Id<Tag>{*value}};
  }

  template <NamedEnum E>
  [[nodiscard]] Result<std::optional<E>> named(const char* name) const {
    auto value = text(name);
    if (!value) return std::optional<E>{};
    auto parsed = CS_TRY(readEnum<E>(*value, name));
    return std::optional<E>{parsed};
  }

 private:
  const HttpRequest& request_;
};

}  // namespace citysafe::http
