#pragma once
// A table's column list written once: the SELECT list, the INSERT placeholders and each column's
// position all come from it, so a list and the positions read from its rows cannot disagree.
//   constexpr Columns<3> kOrgColumns{{"id", "name", "path"}};
//   "SELECT " + kOrgColumns.list() + " FROM orgs"       ->  "id, name, path"
//   kOrgColumns.insertInto("orgs")                        ->  "INSERT INTO orgs (name, path) VALUES
//   (?, ?)" row.getText(kOrgColumns.at("name"))                   ->  1, checked at compile time
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace citysafe::sql {

template <std::size_t N>
struct Columns {
  std::array<std::string_view, N> names;

  // A name that is not in the list does not compile (the throw is never constant).
  [[nodiscard]] consteval std::size_t at(std::string_view name) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == name) return i;
    }
    throw "no such column";
  }
  [[nodiscard]] static constexpr std::size_t size() { return N; }

  // "id, name, path", or with a table alias "o.id, o.name, o.path".
  [[nodiscard]] std::string list(std::string_view alias = {}) const { return listFrom(0, alias); }
  // "INSERT INTO orgs (name, path) VALUES (?, ?)": every column after the first `skip_first`
  // (by default the generated id), values bound in the list's order.
  [[nodiscard]] std::string insertInto(std::string_view table, std::size_t skip_first = 1) const {
    std::string out = "INSERT INTO ";
    (((out += table) += " (") += listFrom(skip_first, {})) += ") VALUES (";
    for (std::size_t i = skip_first; i < N; ++i) out += i > skip_first ? ", ?" : "?";
    return out + ")";
  }
  // "name = ?, path = ?" for an UPDATE of every column after the first `skip_first`.
  [[nodiscard]] std::string assignments(std::size_t skip_first = 1) const {
    std::string out;
    for (std::size_t i = skip_first; i < N; ++i) {
      if (i > skip_first) out += ", ";
      (out += names[i]) += " = ?";
    }
    return out;
  }

 private:
  [[nodiscard]] std::string listFrom(std::size_t first, std::string_view alias) const {
    std::string out;
    for (std::size_t i = first; i < N; ++i) {
      if (i > first) out += ", ";
      if (!alias.empty()) (out += alias) += '.';
      out += names[i];
    }
    return out;
  }
};

}  // namespace citysafe::sql
