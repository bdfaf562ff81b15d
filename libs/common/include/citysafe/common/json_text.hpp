#pragma once
// A tiny JSON writer for the core (audit before/after, event payloads), which may not link a JSON
// library. Builds one object at a time; values are escaped per RFC 8259.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citysafe {

std::string jsonQuote(std::string_view s);

// The deepest nesting of arrays and objects in JSON text, counted without parsing (strings and
// their escapes are skipped), so a hostile document is measured before any recursive code sees
// it. Malformed text gets a best-effort count; the parser still rejects it.
std::size_t jsonNestingDepth(std::string_view text);
// Outside input never needs more; deeper documents are refused before parsing (issue 11).
inline constexpr std::size_t kMaxJsonDepth = 64;
// A JSON number (ten significant digits), or null for NaN and infinity.
std::string jsonNumber(double value);

class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, const std::string& value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, std::int64_t value);
  JsonObject& add(std::string_view key, double value);
  JsonObject& add(std::string_view key, bool value);
  JsonObject& addNull(std::string_view key);
  JsonObject& addRaw(std::string_view key, std::string_view json);
  JsonObject& add(std::string_view key, const std::vector<std::string>& values);
  [[nodiscard]] std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};

}  // namespace citysafe
