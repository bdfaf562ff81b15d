#include "citysafe/core/hazard/media_rules.hpp"

namespace citysafe::hazard {

std::optional<std::string> sniffMediaType(std::string_view b) {
  auto at = [&](std::size_t offset, std::string_view magic) {
    return b.size() >= offset + magic.size() && b.substr(offset, magic.size()) == magic;
  };
  if (at(0, "\xFF\xD8\xFF")) return "image/jpeg";
  if (at(0, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
  if (at(4, "ftyp")) {
    // The same box starts HEIF/AVIF photos (iPhones save HEIC): tell them by the brand.
    if (at(8, "heic") || at(8, "heix") || at(8, "mif1") || at(8, "msf1")) return "image/heic";
    if (at(8, "avif") || at(8, "avis")) return "image/avif";
    return at(8, "qt  ") ? "video/quicktime" : "video/mp4";
  }
  if (at(0, "\x1A\x45\xDF\xA3")) return "video/webm";
  return std::nullopt;
}

bool isImage(std::string_view content_type) { return content_type.starts_with("image/"); }

Result<std::string> checkMedia(std::string_view bytes, std::string_view declared,
                               const MediaLimits& limits, bool images_only) {
  if (bytes.empty()) return invalid("body", "is empty: send the photo or video as the body");
  auto sniffed = sniffMediaType(bytes);
  if (!sniffed || (images_only && !isImage(*sniffed))) {
    return invalid("content_type", images_only
                                       ? "must be a JPEG, PNG, WebP, HEIC or AVIF photo"
                                       : "must be a JPEG, PNG, WebP, HEIC or AVIF photo or an "
                                         "MP4, MOV or WebM video; the bytes are neither");
  }
  const bool image = isImage(*sniffed);
  // A declared type of the other family is a mistake worth naming; anything else is ignored.
  const bool declared_media = declared.starts_with("image/") || declared.starts_with("video/");
  if (declared_media && isImage(declared) != image) {
    return invalid("content_type",
                   "says " + std::string(declared) + " but the bytes are " + *sniffed);
  }
  const auto limit = image ? limits.image_bytes : limits.video_bytes;
  if (static_cast<std::int64_t>(bytes.size()) > limit) {
    return fail(Errc::TooLarge, "body",
                std::string(image ? "a photo" : "a video") + " may be at most " +
                    std::to_string(limit >> 20) + " MB");
  }
  return *sniffed;
}

}  // namespace citysafe::hazard
