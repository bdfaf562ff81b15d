// stb is header-only; its implementation lives in this one translation unit. Why stb: Debian
// ships it (libstb-dev), it decodes JPEG and PNG from memory with no further libraries, and it
// also resizes and writes JPEG, which is all a thumbnail needs.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <memory>
#include <vector>

#include "stb_image_inspector.hpp"

namespace citysafe::media {
namespace {
constexpr int kThumbnailSide = 320;
constexpr long kMaxPixels = 60L * 1000 * 1000;  // a 60-megapixel photo; more is an attack

// stb 2.27 (Debian bookworm) writes past its 256-entry Huffman arrays when a DHT table declares
// more than 256 codes (fixed in stb 2.28). Found by tests/fuzz/image_fuzz. Until Debian ships
// the fix, every DHT segment stb could reach is checked first, walked as stb walks it: segments
// by their length, scans up to the next marker, bytes beyond the end read as zero.
bool huffmanTablesFit(std::string_view jpeg) {
  auto byte = [&](std::size_t at) {
    return at < jpeg.size() ? static_cast<unsigned char>(jpeg[at]) : 0U;
  };
  std::size_t at = 2;  // after SOI
  while (at < jpeg.size()) {
    if (byte(at) != 0xFF) {  // stb skips stray bytes between segments
      ++at;
      continue;
    }
    while (byte(at) == 0xFF && at < jpeg.size()) ++at;
    const unsigned marker = byte(at++);
    if (marker == 0xD9) break;  // EOI
    if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;
    const std::size_t length = (byte(at) << 8) | byte(at + 1);
    if (length < 2) break;  // stb refuses the file here
    if (marker == 0xC4) {
      std::size_t table = at + 2;
      for (long left = static_cast<long>(length) - 2; left > 0;) {
        if ((byte(table) >> 4) > 1 || (byte(table) & 15) > 3) break;  // stb refuses the table
        unsigned codes = 0;
        for (std::size_t i = 1; i <= 16; ++i) codes += byte(table + i);
        if (codes > 256) return false;
        table += 17 + codes;
        left -= 17 + static_cast<long>(codes);
      }
    }
    at += length;
    if (marker == 0xDA) {  // entropy-coded data runs to the next marker that is not a restart
      while (at + 1 < jpeg.size()) {
        std::size_t next = at + 1;
        while (next < jpeg.size() && byte(next) == 0xFF) ++next;
        const unsigned after = byte(next);
        if (byte(at) == 0xFF && after != 0x00 && !(after >= 0xD0 && after <= 0xD7)) break;
        at = byte(at) == 0xFF ? next + 1 : at + 1;
      }
    }
  }
  return true;
}

}  // namespace

Result<hazard::ImageFacts> StbImageInspector::inspect(std::string_view bytes) const {
  const auto type = hazard::sniffMediaType(bytes);
  // WebP, HEIC and AVIF are accepted and shown without a thumbnail: stb decodes none of them.
  if (type != "image/jpeg" && type != "image/png") return hazard::ImageFacts{};
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int length = static_cast<int>(bytes.size());
  if (type == "image/jpeg" && !huffmanTablesFit(bytes)) {
    return invalid("body", "the image cannot be read: a Huffman table is corrupt");
  }
  int width = 0;
  int height = 0;
  int channels = 0;
  if (stbi_info_from_memory(data, length, &width, &height, &channels) == 0) {
    return invalid("body", "the image cannot be read: " + std::string(stbi_failure_reason()));
  }
  // 16-bit PNGs decode to twice the memory and phones do not make them.
  if (stbi_is_16_bit_from_memory(data, length) != 0) {
    return invalid("body", "16-bit images are not accepted; save the photo as 8-bit JPEG or PNG");
  }
  if (width <= 0 || height <= 0 || static_cast<long>(width) * height > kMaxPixels) {
    return invalid("body", "the image is " + std::to_string(width) + " × " +
                               std::to_string(height) + " pixels; at most 60 megapixels");
  }
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
      stbi_load_from_memory(data, length, &width, &height, &channels, 3), stbi_image_free);
  if (!pixels) {
    return invalid("body", "the image cannot be decoded: " + std::string(stbi_failure_reason()));
  }
  const double scale = std::min(1.0, static_cast<double>(kThumbnailSide) / std::max(width, height));
  const int tw = std::max(1, static_cast<int>(width * scale));
  const int th = std::max(1, static_cast<int>(height * scale));
  std::vector<unsigned char> small(static_cast<std::size_t>(tw) * th * 3);
  if (stbir_resize_uint8(pixels.get(), width, height, 0, small.data(), tw, th, 0, 3) == 0) {
    return fail(Errc::Internal, "body", "could not make a thumbnail");
  }
  hazard::ImageFacts facts{width, height, {}};
  stbi_write_jpg_to_func(
      [](void* context, void* chunk, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(chunk),
                                                   static_cast<std::size_t>(size));
      },
      &facts.thumbnail_jpeg, tw, th, 3, small.data(), 80);
  return facts;
}

}  // namespace citysafe::media
