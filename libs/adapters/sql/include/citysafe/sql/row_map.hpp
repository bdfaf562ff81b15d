#pragma once
// A table's row mapping, written once: each column names the member it holds, so the SELECT list,
// the INSERT and UPDATE statements, the values bound and the positions read cannot disagree.
//   const RowMap<Org> kOrg{"orgs", {stored<&Org::id>("id"), column<&Org::name>("name"),
//                                   column<&Org::location, &GeoPoint::lon>("lon")}};
//   kOrg.select()       "SELECT id, name, lon FROM orgs"
//   kOrg.insert()       "INSERT INTO orgs (name, lon) VALUES (?, ?)"   (stored columns are the
//   kOrg.values(org)    {org.name, org.location->lon or NULL}           store's: ids, versions)
//   kOrg.read(row)      Result<Org>; an unknown stored enum name is an error, never a default
// A member's type picks its codec (Codec<F> below); a column may name another one.
#include <charconv>
#include <chrono>
#include <concepts>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/csv.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/sql/connection.hpp"

namespace citysafe::sql {

// One cell of a row being read, with where it came from for error messages.
struct Cell {
  const Row& row;
  std::size_t index;
  std::string_view table;
  std::string_view column;

  [[nodiscard]] bool null() const { return row.isNull(index); }
  [[nodiscard]] std::int64_t integer() const { return row.getInt(index); }
  [[nodiscard]] const std::string& text() const { return row.getText(index); }
  [[nodiscard]] std::string where() const { return std::string(table) + "." + std::string(column); }
  [[nodiscard]] tl::unexpected<Error> unknown(std::string_view stored) const {
    return fail(Errc::Internal, where(),
                "unknown value '" + std::string(stored) + "' stored in " + where());
  }
};

// How a member's type is bound and read: static Value put(const F&), static Result<F> get(Cell).
template <class F>
struct Codec;

template <std::integral F>  // bool is 0/1
struct Codec<F> {
  static Value put(F v) { return Value{static_cast<std::int64_t>(v)}; }
  static Result<F> get(const Cell& c) { return static_cast<F>(c.integer()); }
};
template <std::floating_point F>
struct Codec<F> {
  static Value put(F v) { return Value{static_cast<double>(v)}; }
  static Result<F> get(const Cell& c) { return static_cast<F>(c.row.getDouble(c.index)); }
};
template <>
struct Codec<std::string> {
  static Value put(const std::string& s) { return Value{s}; }
  static Result<std::string> get(const Cell& c) { return c.text(); }
};
template <>  // milliseconds since the epoch
struct Codec<TimePoint> {
  static Value put(TimePoint t) { return Value{toEpochMs(t)}; }
  static Result<TimePoint> get(const Cell& c) { return fromEpochMs(c.integer()); }
};
template <class Rep, class Period>  // a count of the duration's own unit (interval_s: seconds)
struct Codec<std::chrono::duration<Rep, Period>> {
  using D = std::chrono::duration<Rep, Period>;
  static Value put(D d) { return Value{static_cast<std::int64_t>(d.count())}; }
  static Result<D> get(const Cell& c) { return D{static_cast<Rep>(c.integer())}; }
};
template <class Tag>
struct Codec<Id<Tag>> {
  static Value put(Id<Tag> id) { return Value{id.value}; }
  static Result<Id<Tag>> get(const Cell& c) { return Id<Tag>{c.integer()}; }
};
template <NamedEnum E>  // by name, so a reordered enum never misreads old rows
struct Codec<E> {
  static Value put(E e) { return Value{std::string(nameOf(e))}; }
  static Result<E> get(const Cell& c) { return storedEnum<E>(c.text(), c.where().c_str()); }
};

// An enum stored as its number 0..Max, for levels that are compared in SQL (level >= ?).
template <class E, E Max>
struct Ranked {
  static Value put(E e) { return Value{static_cast<std::int64_t>(e)}; }
  static Result<E> get(const Cell& c) {
    const auto n = c.integer();
    if (n >= 0 && n <= static_cast<std::int64_t>(Max)) return static_cast<E>(n);
    return c.unknown(std::to_string(n));
  }
};

// NULL for an absent value.
template <class C>
struct Nullable {
  using F = typename decltype(C::get(std::declval<const Cell&>()))::value_type;
  static Value put(const std::optional<F>& v) { return v ? C::put(*v) : Value{nullptr}; }
  static Result<std::optional<F>> get(const Cell& c) {
    if (c.null()) return std::optional<F>{};
    return C::get(c).map([](F v) { return std::optional<F>{std::move(v)}; });
  }
};
template <class F>
struct Codec<std::optional<F>> : Nullable<Codec<F>> {};

// A list as ",a,b," text, the same in both dialects, so "LIKE '%,a,%'" finds a member.
template <class F>
struct Codec<std::vector<F>> {
  static Value put(const std::vector<F>& items) {
    std::string out = ",";
    for (const auto& item : items) {
      const Value v = Codec<F>::put(item);
      out += std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                                    : std::to_string(std::get<std::int64_t>(v));
      out += ',';
    }
    return Value{out};
  }
  static Result<std::vector<F>> get(const Cell& c) {
    std::vector<F> out;
    for (auto& part : splitNonEmpty(c.text(), ',')) {
      const Row one({std::optional<std::string>(std::move(part))});
      out.push_back(CS_TRY(Codec<F>::get(Cell{one, 0, c.table, c.column})));
    }
    return out;
  }
};

// A record's one sector in a "sectors" list column (scope matching reads the list).
struct OneSector {
  static Value put(const std::string& sector) {
    return Codec<std::vector<std::string>>::put({sector});
  }
  static Result<std::string> get(const Cell& c) {
    auto all = CS_TRY(Codec<std::vector<std::string>>::get(c));
    return all.empty() ? std::string{} : all.front();
  }
};

// Empty text as NULL, for a unique column that may be left blank.
struct EmptyAsNull {
  static Value put(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }
  static Result<std::string> get(const Cell& c) { return c.text(); }
};

template <class T>
struct Column {
  std::string_view name;
  std::function<Value(const T&)> put;                // empty: the store sets it (ids, versions)
  std::function<Result<void>(T&, const Cell&)> get;  // empty: written, never read back
};

namespace detail {
template <class M, class C>
C classOf(M C::*);
template <class V>
struct IsOptional : std::false_type {};
template <class V>
struct IsOptional<std::optional<V>> : std::true_type {};

// The member at the end of the path, or nullptr when an optional struct on the way is empty and
// `create` is false (with `create`, it is emplaced).
template <auto First, auto... Rest, class T>
auto* memberAt(T& obj, bool create) {
  auto& m = obj.*First;
  if constexpr (sizeof...(Rest) == 0) {
    return &m;
  } else if constexpr (IsOptional<
                           std::remove_const_t<std::remove_reference_t<decltype(m)>>>::value) {
    using P = decltype(memberAt<Rest...>(*m, create));
    if (!m) {
      if constexpr (std::is_const_v<T>)
        return P{nullptr};
      else {
        if (!create) return P{nullptr};
        m.emplace();
      }
    }
    return memberAt<Rest...>(*m, create);
  } else {
    return memberAt<Rest...>(m, create);
  }
}
template <auto... Path>
struct PathOf;
template <auto First, auto... Rest>
struct PathOf<First, Rest...> {
  using Owner = decltype(classOf(First));
};
template <auto... Path>
using Owner = typename PathOf<Path...>::Owner;

// "code" for &Hazard::code: the compiler's own name of the template argument (g++ and clang).
template <auto Member>
consteval std::string_view memberName() {
  const std::string_view signature = __PRETTY_FUNCTION__;
  const auto end = signature.find_first_of(";]", signature.find("Member = "));
  const auto start = signature.rfind("::", end) + 2;
  return signature.substr(start, end - start);
}
template <auto... Path>
using MemberType =
    std::remove_pointer_t<decltype(memberAt<Path...>(std::declval<Owner<Path...>&>(), true))>;

template <class C, auto... Path>
auto writer() {
  return [](const Owner<Path...>& t) {
    const auto* m = memberAt<Path...>(t, false);
    return m ? C::put(*m) : Value{nullptr};
  };
}
template <class C, auto... Path>
auto reader() {
  return [](Owner<Path...>& t, const Cell& c) -> Result<void> {
    // A NULL under an absent optional struct leaves it absent; any other cell creates it.
    auto* m = memberAt<Path...>(t, !c.null());
    if (m) *m = CS_TRY(C::get(c));
    return ok();
  };
}
}  // namespace detail

// Read and written.
template <class C, auto... Path>
Column<detail::Owner<Path...>> column(std::string_view name) {
  return {name, detail::writer<C, Path...>(), detail::reader<C, Path...>()};
}
template <auto... Path>
Column<detail::Owner<Path...>> column(std::string_view name) {
  return column<Codec<detail::MemberType<Path...>>, Path...>(name);
}
// Several read and written, each column named as its member.
template <auto... Members>
std::vector<Column<detail::Owner<Members...>>> columns() {
  return {column<Members>(detail::memberName<Members>())...};
}
// Several members of one struct member (a location, an optional summary), each named as its own.
template <auto Outer, auto... Members>
std::vector<Column<detail::Owner<Outer>>> columnsOf() {
  return {column<Outer, Members>(detail::memberName<Members>())...};
}
// Read only: the store sets it (a generated id, a version, a computed expression).
template <class C, auto... Path>
Column<detail::Owner<Path...>> stored(std::string_view name) {
  return {name, {}, detail::reader<C, Path...>()};
}
template <auto... Path>
Column<detail::Owner<Path...>> stored(std::string_view name) {
  return stored<Codec<detail::MemberType<Path...>>, Path...>(name);
}
// Written only: a copy the store keeps for its queries.
template <class C, auto... Path>
Column<detail::Owner<Path...>> written(std::string_view name) {
  return {name, detail::writer<C, Path...>(), {}};
}

template <class T>
class RowMap {
 public:
  RowMap(std::string_view table, std::vector<Column<T>> columns)
      : table_(table), columns_(std::move(columns)) {}
  // Columns and groups of columns (columns<...>()), in the table's order.
  template <class... Parts>
  explicit RowMap(std::string_view table, Parts&&... parts) : table_(table) {
    (add(std::forward<Parts>(parts)), ...);
  }

  // The same table with only these columns, in this order (a partial UPDATE).
  [[nodiscard]] RowMap only(std::initializer_list<std::string_view> names) const {
    std::vector<Column<T>> picked;
    for (auto name : names) {
      for (const auto& c : columns_) {
        if (c.name == name) picked.push_back(c);
      }
    }
    return RowMap(table_, std::move(picked));
  }

  // The same columns in another table that keeps a copy of them.
  [[nodiscard]] RowMap in(std::string_view table) const { return RowMap(table, columns_); }

  // "id, name" (or "o.id, o.name"): every column read, in the order read() expects.
  [[nodiscard]] std::string list(std::string_view alias = {}) const {
    std::string out;
    for (const auto& c : columns_) {
      if (!c.get) continue;
      if (!out.empty()) out += ", ";
      if (!alias.empty()) (out += alias) += '.';
      out += c.name;
    }
    return out;
  }
  [[nodiscard]] std::string select() const { return "SELECT " + list() + " FROM " + table_; }
  // How many columns list() reads: an extra column selected after them is at this position.
  [[nodiscard]] std::size_t selected() const {
    std::size_t n = 0;
    for (const auto& c : columns_) n += c.get ? 1 : 0;
    return n;
  }
  // "INSERT INTO t (a, b) VALUES (?, ?)" over every column written, then `extra` columns whose
  // values the caller appends to values().
  [[nodiscard]] std::string insert(std::initializer_list<std::string_view> extra = {}) const {
    std::string names;
    std::string marks;
    auto add = [&](std::string_view name) {
      if (!names.empty()) names += ", ", marks += ", ";
      names += name;
      marks += '?';
    };
    for (const auto& c : columns_) {
      if (c.put) add(c.name);
    }
    for (auto name : extra) add(name);
    return "INSERT INTO " + table_ + " (" + names + ") VALUES (" + marks + ")";
  }
  // "a = ?, b = ?" over every column written, for an UPDATE bound with values().
  [[nodiscard]] std::string assignments() const {
    std::string out;
    for (const auto& c : columns_) {
      if (!c.put) continue;
      if (!out.empty()) out += ", ";
      (out += c.name) += " = ?";
    }
    return out;
  }
  [[nodiscard]] std::vector<Value> values(const T& t) const {
    std::vector<Value> out;
    out.reserve(columns_.size());
    for (const auto& c : columns_) {
      if (c.put) out.push_back(c.put(t));
    }
    return out;
  }
  [[nodiscard]] Result<T> read(const Row& row) const {
    T t{};
    std::size_t index = 0;
    for (const auto& c : columns_) {
      if (c.get) CS_TRY(c.get(t, Cell{row, index++, table_, c.name}));
    }
    return t;
  }
  // The record with this id; NotFound saying `missing` when there is none.
  [[nodiscard]] Result<T> one(Connection& conn, std::int64_t id, std::string_view missing) const {
    auto rows = CS_TRY(conn.query(select() + " WHERE id = ?", {id}));
    if (rows.empty()) return fail(Errc::NotFound, "id", std::string(missing));
    return read(rows.front());
  }
  // The first record select() followed by `rest` finds, if any.
  [[nodiscard]] Result<std::optional<T>> first(Connection& conn, std::string_view rest,
                                               const std::vector<Value>& params) const {
    auto rows = CS_TRY(conn.query(select() + " " + std::string(rest), params));
    if (rows.empty()) return std::optional<T>{};
    return std::optional<T>{CS_TRY(read(rows.front()))};
  }
  // select() followed by `rest` ("WHERE ... ORDER BY ..."), each row read.
  [[nodiscard]] Result<std::vector<T>> all(Connection& conn, std::string_view rest,
                                           const std::vector<Value>& params) const {
    return readAll(CS_TRY(conn.query(select() + " " + std::string(rest), params)));
  }
  // insert() of the record; the generated id.
  [[nodiscard]] Result<std::int64_t> add(Connection& conn, const T& t) const {
    return queryInt(conn, insert() + " RETURNING id", values(t));
  }
  // "UPDATE t SET <assignments()><rest>" bound with values(t) then `more`; the rows changed.
  [[nodiscard]] Result<std::int64_t> set(Connection& conn, const T& t, std::string_view rest,
                                         const std::vector<Value>& more) const {
    auto params = values(t);
    params.insert(params.end(), more.begin(), more.end());
    return conn.exec("UPDATE " + table_ + " SET " + assignments() + std::string(rest), params);
  }
  // The first bad row fails the whole read.
  [[nodiscard]] Result<std::vector<T>> readAll(const std::vector<Row>& rows) const {
    std::vector<T> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(CS_TRY(read(row)));
    return out;
  }

 private:
  void add(Column<T> column) { columns_.push_back(std::move(column)); }
  void add(std::vector<Column<T>> group) {
    for (auto& column : group) columns_.push_back(std::move(column));
  }
  std::string table_;
  std::vector<Column<T>> columns_;
};

}  // namespace citysafe::sql
