#include "citysafe/core/audit/checkpoint.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "citysafe/common/hmac_sha256.hpp"

namespace citysafe::audit {

namespace {
constexpr std::string_view kTag = "cp1";

// The signed text; the leading tag keeps it apart from any record's keyed hash input.
std::string signedPart(std::int64_t seq, std::string_view head, std::int64_t at_ms) {
  return std::string(kTag) + " " + std::to_string(seq) + " " + std::string(head) + " " +
         std::to_string(at_ms);
}

bool isHex64(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::optional<std::int64_t> toInt(std::string_view s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}
}  // namespace

std::string formatCheckpoint(const Checkpoint& c, std::string_view key) {
  const std::string text = signedPart(c.seq, c.head_hash, toEpochMs(c.at));
  return text + " " + hmacSha256Hex(key, text);
}

Result<Checkpoint> parseCheckpoint(std::string_view line, std::string_view key) {
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0; pos <= line.size();) {
    const auto space = std::min(line.find(' ', pos), line.size());
    parts.push_back(line.substr(pos, space - pos));
    pos = space + 1;
  }
  if (parts.size() != 5 || parts[0] != kTag) {
    return fail(Errc::Invalid, "checkpoint", "not a checkpoint line (cp1 SEQ HASH AT_MS MAC)");
  }
  const auto seq = toInt(parts[1]);
  const auto at_ms = toInt(parts[3]);
  if (!seq || !at_ms || !isHex64(parts[2]) || !isHex64(parts[4])) {
    return fail(Errc::Invalid, "checkpoint", "a field is malformed");
  }
  const std::string expected = hmacSha256Hex(key, signedPart(*seq, parts[2], *at_ms));
  if (!constantTimeEqual(expected, parts[4])) {
    return fail(
        Errc::Invalid, "checkpoint",
        "its signature does not hold under the audit key (forged, damaged, or another key)");
  }
  return Checkpoint{*seq, std::string(parts[2]), fromEpochMs(*at_ms)};
}

}  // namespace citysafe::audit
