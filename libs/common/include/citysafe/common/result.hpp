#pragma once
// Expected failures are values: every fallible call returns Result<T>.
#include <cstdint>
#include <string>
#include <tl/expected.hpp>
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

}  // namespace citysafe
