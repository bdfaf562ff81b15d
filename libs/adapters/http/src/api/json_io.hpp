#pragma once
// JSON in and out for the API handlers: problem+json errors and strict body reading.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/identity/user.hpp"
#include "citysafe/http/http_types.hpp"
#include "citysafe/http/router.hpp"
#include "query_params.hpp"

namespace citysafe::http {

using Json = nlohmann::json;

int statusOf(Errc code);
HttpResponse problem(const Error& error);
HttpResponse problem(int status, const std::string& title, const std::string& detail,
                     const std::string& field = "");
HttpResponse jsonResponse(const Json& body, int status = 200);
std::string isoTime(TimePoint t);

// Reads a JSON object body strictly: malformed JSON, a non-object, unknown fields and wrong types
// are Invalid errors naming the field.
class BodyReader {
 public:
  [[nodiscard]] static Result<BodyReader> parse(const std::string& text,
                                                std::initializer_list<const char*> allowed);
  [[nodiscard]] Result<std::string> requiredString(const char* key,
                                                   std::size_t max_bytes = 1000) const;
  [[nodiscard]] Result<std::optional<std::string>> optionalString(
      const char* key, std::size_t max_bytes = 1000) const;
  [[nodiscard]] Result<std::optional<std::int64_t>> optionalId(const char* key) const;
  [[nodiscard]] Result<std::optional<bool>> optionalBool(const char* key) const;
  [[nodiscard]] Result<std::optional<std::vector<std::string>>> optionalStrings(
      const char* key) const;
  // An enum by its name; an unknown name is Invalid, listing the accepted ones.
  template <NamedEnum E>
  [[nodiscard]] Result<E> requiredEnum(const char* key) const {
    auto text = CS_TRY(requiredString(key, 100));
    return readEnum<E>(text, key);
  }
  template <NamedEnum E>
  [[nodiscard]] Result<std::optional<E>> optionalEnum(const char* key) const {
    auto text = CS_TRY(optionalString(key, 100));
    if (!text) return std::optional<E>{};
    return readEnum<E>(*text, key).map([](E value) { return std::optional<E>(value); });
  }
  [[nodiscard]] bool has(const char* key) const { return json_.contains(key); }
  [[nodiscard]] bool isNull(const char* key) const {
    return json_.contains(key) && json_[key].is_null();
  }
  [[nodiscard]] const Json& raw() const { return json_; }

 private:
  explicit BodyReader(Json json) : json_(std::move(json)) {}
  Json json_;
};

// An object with only the listed keys; another is Invalid naming `prefix` + the key.
[[nodiscard]] Result<void> onlyKeys(const Json& object, std::initializer_list<const char*> keys,
                                    const std::string& prefix);
// "minlon,minlat,maxlon,maxlat" in WGS-84 bounds; Invalid naming `bbox`.
[[nodiscard]] Result<basemap::BBox> parseBBox(const std::string& text);

// Path parameter {name} as a positive id.
[[nodiscard]] Result<std::int64_t> pathId(const Call& call, const char* name = "id");
// The same as a strong id.
template <class Tag>
[[nodiscard]] Result<Id<Tag>> pathIdOf(const Call& call, const char* name = "id") {
  return pathId(call, name).map([](std::int64_t v) { return Id<Tag>{v}; });
}

// {"items": [...], "next_cursor": "..."|null}; a full page means there may be more.
Json page(Json items, std::int64_t last_id, int limit);
// A row's cursor is its id, unless its own namespace declares a cursorOf for it.
template <class T>
requires requires(const T& row) { row.id.value; }
std::int64_t cursorOf(const T& row) { return row.id.value; }
// The same for a list of rows, the cursor being the last row's.
template <class T>
Json page(const std::vector<T>& rows, int limit) {
  return page(Json(rows), rows.empty() ? 0 : cursorOf(rows.back()), limit);
}

}  // namespace citysafe::http

namespace citysafe::identity {
void to_json(nlohmann::json& out, const User& user);  // never the password hash
}  // namespace citysafe::identity

// Every enum with an EnumNames table writes itself to JSON as its name.
template <citysafe::NamedEnum E>
struct nlohmann::adl_serializer<E> {
  static void to_json(json& out, E value) { out = citysafe::nameOf(value); }
};

// A strong id writes itself as its number.
template <class Tag>
struct nlohmann::adl_serializer<citysafe::Id<Tag>> {
  static void to_json(json& out, citysafe::Id<Tag> id) { out = id.value; }
};

// An optional writes itself as its value, or null.
template <class T>
struct nlohmann::adl_serializer<std::optional<T>> {
  static void to_json(json& out, const std::optional<T>& value) {
    out = value ? json(*value) : json(nullptr);
  }
};

// A time writes itself as ISO-8601 with its offset.
template <>
struct nlohmann::adl_serializer<citysafe::TimePoint> {
  static void to_json(json& out, citysafe::TimePoint t) { out = citysafe::http::isoTime(t); }
};
