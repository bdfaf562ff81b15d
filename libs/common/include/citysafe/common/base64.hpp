#pragma once
// RFC 4648 base64, for keeping binary (photos) in text columns both stores accept.
#include <optional>
#include <string>
#include <string_view>

namespace citysafe {

std::string base64Encode(std::string_view bytes);
// nullopt on a character outside the alphabet or a bad length.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace citysafe
