// The image inspector on photos that are not what they claim; the fuzz target image_fuzz found
// the Huffman table overflow in Debian's stb 2.27.
#include "stb_image_inspector.hpp"

#include <gtest/gtest.h>

namespace citysafe::media {
namespace {

// A 4 x 4 grey PNG.
const std::string kPng(
    "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x04\0\0\0\x04\x08\0\0\0\0\x8c\x9a\xc1\xa2\0\0\0\x1a"
    "IDATx^cdPUUe\x98\xb2\xf3\x1e\x33\xa3\x06\x88\xb5\xe7!\x9b\x36\0-\xd2\x05\x05\xd4\x9b;D\0\0\0"
    "\0IEND\xae\x42\x60\x82",
    83);

// SOI, then a DHT segment whose one table declares 16 x 17 = 272 codes (at most 256 fit).
std::string jpegWithAnOversizedHuffmanTable() {
  const int codes = 16 * 17;
  const int length = 2 + 17 + codes;
  std::string jpeg("\xFF\xD8\xFF\xC4", 4);
  jpeg += static_cast<char>(length >> 8);
  jpeg += static_cast<char>(length & 0xFF);
  jpeg += '\0';  // a DC table, number 0
  jpeg += std::string(16, '\x11');
  jpeg += std::string(codes, '\x01');
  return jpeg + "\xFF\xD9";
}

TEST(StbImageInspector, RefusesAHuffmanTableWithMoreThan256Codes) {
  auto facts = StbImageInspector{}.inspect(jpegWithAnOversizedHuffmanTable());
  ASSERT_FALSE(facts);
  EXPECT_EQ(facts.error().code, Errc::Invalid);
  EXPECT_NE(facts.error().message.find("Huffman"), std::string::npos) << facts.error().message;
}

TEST(StbImageInspector, StillReadsPngAndTheJpegThumbnailItMakes) {
  auto png = StbImageInspector{}.inspect(kPng);
  ASSERT_TRUE(png) << png.error().message;
  EXPECT_EQ(png->width, 4);
  ASSERT_FALSE(png->thumbnail_jpeg.empty());
  auto jpeg = StbImageInspector{}.inspect(png->thumbnail_jpeg);
  ASSERT_TRUE(jpeg) << jpeg.error().message;
  EXPECT_EQ(jpeg->height, 4);
}

}  // namespace
}  // namespace citysafe::media
