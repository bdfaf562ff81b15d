// Uploaded photos: the media type sniffed from the bytes, then stb's decoder and the thumbnail.
#include "citysafe/core/hazard/media_rules.hpp"
#include "fuzz_input.hpp"
#include "stb_image_inspector.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace citysafe;
  const auto bytes = fuzz::textOf(data, size);
  (void)hazard::checkMedia(bytes, "image/jpeg", hazard::MediaLimits{}, true);
  auto facts = media::StbImageInspector{}.inspect(bytes);
  if (facts && facts->width > 0) {
    fuzz::require(!facts->thumbnail_jpeg.empty(), "a decoded image gets a thumbnail");
  }
  return 0;
}
