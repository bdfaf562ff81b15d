#pragma once
// Only real absence is NotFound: a read whose row is missing yields nothing, and any other failure
// of the store stays that failure (a 5xx), never a 404.
#include <optional>
#include <utility>

#include "citysafe/common/result.hpp"

namespace citysafe::monitoring {

template <class T>
[[nodiscard]] Result<std::optional<T>> present(Result<T> read) {
  if (read) return std::optional<T>(std::move(*read));
  if (read.error().code == Errc::NotFound) return std::optional<T>{};
  return tl::unexpected(std::move(read.error()));
}

}  // namespace citysafe::monitoring
