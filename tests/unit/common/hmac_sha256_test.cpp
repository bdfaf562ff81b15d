#include "citysafe/common/hmac_sha256.hpp"

#include <gtest/gtest.h>

namespace citysafe {
namespace {

std::string repeated(unsigned char byte, std::size_t n) {
  return std::string(n, static_cast<char>(byte));
}

// Test cases 1-7 of RFC 4231, section 4.
TEST(HmacSha256, Rfc4231Case1ShortKey) {
  EXPECT_EQ(hmacSha256Hex(repeated(0x0b, 20), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, Rfc4231Case2KeyShorterThanTheDigest) {
  EXPECT_EQ(hmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, Rfc4231Case3CombinedLengthOverOneBlock) {
  EXPECT_EQ(hmacSha256Hex(repeated(0xaa, 20), repeated(0xdd, 50)),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST(HmacSha256, Rfc4231Case4) {
  std::string key;
  for (int b = 1; b <= 25; ++b) key.push_back(static_cast<char>(b));
  EXPECT_EQ(hmacSha256Hex(key, repeated(0xcd, 50)),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

TEST(HmacSha256, Rfc4231Case5TruncatedTo128Bits) {
  EXPECT_EQ(hmacSha256Hex(repeated(0x0c, 20), "Test With Truncation").substr(0, 32),
            "a3b6167473100ee06e0c796c2955552b");
}

TEST(HmacSha256, Rfc4231Case6KeyLargerThanOneBlock) {
  EXPECT_EQ(
      hmacSha256Hex(repeated(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256, Rfc4231Case7KeyAndDataLargerThanOneBlock) {
  EXPECT_EQ(hmacSha256Hex(repeated(0xaa, 131),
                          "This is a test using a larger than block-size key and a larger than "
                          "block-size data. The key needs to be hashed before being used by the "
                          "HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(HmacSha256, StreamsInPiecesLikeOneUpdate) {
  HmacSha256 pieces("key");
  pieces.update("The quick brown fox ");
  pieces.update("jumps over the lazy dog");
  const auto digest = pieces.finish();
  EXPECT_EQ(toHex(digest.data(), digest.size()),
            hmacSha256Hex("key", "The quick brown fox jumps over the lazy dog"));
}

TEST(HmacSha256, ComparesInConstantTimeButCorrectly) {
  EXPECT_TRUE(constantTimeEqual("abc", "abc"));
  EXPECT_FALSE(constantTimeEqual("abc", "abd"));
  EXPECT_FALSE(constantTimeEqual("abc", "abcd"));
}

}  // namespace
}  // namespace citysafe
