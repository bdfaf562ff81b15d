#include "citysafe/core/hazard/media_rules.hpp"

#include <gtest/gtest.h>

namespace citysafe::hazard {
namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "rest";
const std::string kMp4 = std::string("\0\0\0\x20", 4) + "ftypisom";

TEST(MediaRules, DecidesTheTypeFromTheBytes) {
  EXPECT_EQ(sniffMediaType(kJpeg), "image/jpeg");
  EXPECT_EQ(sniffMediaType(kPng), "image/png");
  EXPECT_EQ(sniffMediaType("RIFF1234WEBPVP8 "), "image/webp");
  EXPECT_EQ(sniffMediaType(kMp4), "video/mp4");
  EXPECT_EQ(sniffMediaType(std::string("\0\0\0\x14", 4) + "ftypqt  "), "video/quicktime");
  EXPECT_EQ(sniffMediaType("\x1A\x45\xDF\xA3...."), "video/webm");
  // iPhones save HEIC photos in the same box format as MP4 video.
  EXPECT_EQ(sniffMediaType(std::string("\0\0\0\x18", 4) + "ftypheic"), "image/heic");
  EXPECT_EQ(sniffMediaType(std::string("\0\0\0\x1c", 4) + "ftypavif"), "image/avif");
  EXPECT_TRUE(checkMedia(std::string("\0\0\0\x18", 4) + "ftypheic", "image/heic", {}, true));
  EXPECT_FALSE(sniffMediaType("%PDF-1.7"));
  EXPECT_FALSE(sniffMediaType("<svg xmlns=..."));
}

TEST(MediaRules, RefusesWhatIsNotAPhotoOrVideoNamingTheField) {
  auto r = checkMedia("MZ\x90\x00 an executable", "image/jpeg", {}, false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "content_type");
  EXPECT_EQ(checkMedia("", "", {}, false).error().field, "body");
}

TEST(MediaRules, ALieAboutTheFamilyIsNamed) {
  auto r = checkMedia(kPng, "video/mp4", {}, false);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("image/png"), std::string::npos);
  EXPECT_TRUE(checkMedia(kPng, "application/octet-stream", {}, false));
  EXPECT_TRUE(checkMedia(kPng, "image/jpeg", {}, false)) << "same family, the bytes decide";
}

TEST(MediaRules, EachKindHasItsSizeLimit) {
  MediaLimits limits;
  limits.image_bytes = 10;
  limits.video_bytes = 20;
  auto big_photo = checkMedia(kPng + std::string(10, 'x'), "", limits, false);
  ASSERT_FALSE(big_photo);
  EXPECT_EQ(big_photo.error().code, Errc::TooLarge);
  EXPECT_TRUE(checkMedia(kMp4 + "1234", "", limits, false));
}

TEST(MediaRules, TipsTakePhotosOnly) {
  auto r = checkMedia(kMp4, "video/mp4", {}, true);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("photo"), std::string::npos);
}

}  // namespace
}  // namespace citysafe::hazard
