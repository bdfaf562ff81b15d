#pragma once
// Expected failures are values: every fallible call returns Result<T>.
#include <cstdint>
#include <string>
#include <tl/expected.hpp>
#include <type_traits>
#include <utility>

namespace citysafe {

enum class Errc : std::uint8_t {
  Invalid,  // bad input; `field` names the offending field
  NotFound,
  Conflict,           // duplicate or concurrent change
  Forbidden,          // authenticated but outside role or scope
  Unauthenticated,    // no or expired credentials
  IllegalTransition,  // a workflow step from the wrong state
  TooLarge,
  RateLimited,
  Unavailable,  // a dependency (database, broker) is down
  Internal,
};

struct Error {
  Errc code = Errc::Internal;
  std::string field;
  std::string message;
};

template <class T>
using Result = tl::expected<T, Error>;

[[nodiscard]] inline tl::unexpected<Error> fail(Errc code, std::string field, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(field), std::move(message)});
}

[[nodiscard]] inline tl::unexpected<Error> invalid(std::string field, std::string message) {
  return fail(Errc::Invalid, std::move(field), std::move(message));
}

[[nodiscard]] inline Result<void> ok() { return {}; }

const char* errcName(Errc code);

namespace detail {
// The value CS_TRY yields: the Result's value (moved from an rvalue), or nothing for Result<void>.
template <class R>
auto takeValue(R&& result) {
  using Value = typename std::remove_cvref_t<R>::value_type;
  if constexpr (!std::is_void_v<Value>) return Value(*std::forward<R>(result));
}
}  // namespace detail

}  // namespace citysafe

// The one way to propagate a failure: `auto rows = CS_TRY(tx.risks().list(q));` yields the value
// or returns the Error from the enclosing function (or lambda); `CS_TRY(check(x));` does the same
// for Result<void>. A GNU statement expression (g++ and clang); __extension__ keeps -pedantic
// quiet.
#define CS_TRY(...)                                                                        \
  (__extension__({                                                                         \
    auto&& cs_try_result_ = (__VA_ARGS__);                                                 \
    if (!cs_try_result_) return ::tl::unexpected(cs_try_result_.error());                  \
    ::citysafe::detail::takeValue(std::forward<decltype(cs_try_result_)>(cs_try_result_)); \
  }))
