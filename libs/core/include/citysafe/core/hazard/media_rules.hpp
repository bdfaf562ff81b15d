#pragma once
// What may be uploaded as a hazard's photo or video: the type is decided by the bytes, not by
// what the client claims, and each kind has a size limit. Thumbnails come through a port, since
// decoding images is an adapter's job.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "citysafe/common/result.hpp"

namespace citysafe::hazard {

struct MediaLimits {
  std::int64_t image_bytes = std::int64_t{10} << 20;
  std::int64_t video_bytes = std::int64_t{50} << 20;
  int per_hazard = 40;
  int per_tip = 3;
};

// "image/jpeg", "image/png", "image/webp", "video/mp4", "video/quicktime", "video/webm", or
// nullopt when the bytes are none of these.
std::optional<std::string> sniffMediaType(std::string_view bytes);
bool isImage(std::string_view content_type);

// Checks the bytes against the declared type and the limits; the sniffed type on success.
[[nodiscard]] Result<std::string> checkMedia(std::string_view bytes, std::string_view declared,
                                             const MediaLimits& limits, bool images_only);

struct ImageFacts {
  int width = 0;
  int height = 0;
  std::string thumbnail_jpeg;  // at most 320 px on the long side
};

class ImageInspector {
 public:
  virtual ~ImageInspector() = default;
  // Invalid when the image cannot be decoded or is absurdly large.
  [[nodiscard]] virtual Result<ImageFacts> inspect(std::string_view bytes) const = 0;
};

}  // namespace citysafe::hazard
