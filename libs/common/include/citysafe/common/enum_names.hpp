#pragma once
// Enum <-> text, written once per enum. An enum whose values run 0..N-1 declares its table
//   constexpr EnumNames<State, 3> kStateNames{{"reported", "accepted", "closed"}};
//   constexpr const auto& enumNames(State) { return kStateNames; }   // found by ADL
// and then nameOf(), parseEnum<>() and readEnum<>() work for it, and so do the adapters' JSON and
// SQL mappings, which rely on the same hook.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "citysafe/common/result.hpp"

namespace citysafe {

template <class E, std::size_t N>
struct EnumNames {
  std::array<std::string_view, N> names;

  [[nodiscard]] constexpr std::string_view name(E value) const {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view{};
  }
  [[nodiscard]] constexpr std::optional<E> parse(std::string_view text) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) return static_cast<E>(i);
    }
    return std::nullopt;
  }
  // "a, b or c", for error messages that list what is accepted.
  [[nodiscard]] std::string choices() const {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) out += i + 1 == N ? " or " : ", ";
      out += names[i];
    }
    return out;
  }
};

template <class E>
concept NamedEnum = std::is_enum_v<E> && requires(E value) {
  enumNames(value).parse("");
};

// The table's names are string literals, so .data() is NUL-terminated.
template <NamedEnum E>
[[nodiscard]] constexpr const char* nameOf(E value) {
  return enumNames(value).name(value).data();
}

template <NamedEnum E>
[[nodiscard]] constexpr std::optional<E> parseEnum(std::string_view text) {
  return enumNames(E{}).parse(text);
}

// Outside input: an unknown name is Invalid, naming `field` and the accepted values.
template <NamedEnum E>
[[nodiscard]] Result<E> readEnum(std::string_view text, const char* field) {
  if (auto value = parseEnum<E>(text)) return *value;
  return invalid(field, "must be one of " + enumNames(E{}).choices());
}

// Our own store: an unknown name means the data or the schema is wrong, never a default.
template <NamedEnum E>
[[nodiscard]] Result<E> storedEnum(std::string_view text, const char* column) {
  if (auto value = parseEnum<E>(text)) return *value;
  return fail(Errc::Internal, column,
              "unknown value '" + std::string(text) + "' stored in " + column);
}

}  // namespace citysafe
