#pragma once
// Decodes JPEG and PNG with Debian's stb headers to check them and make thumbnails.
#include "citysafe/core/hazard/media_rules.hpp"

namespace citysafe::media {

class StbImageInspector final : public hazard::ImageInspector {
 public:
  [[nodiscard]] Result<hazard::ImageFacts> inspect(std::string_view bytes) const override;
};

}  // namespace citysafe::media
