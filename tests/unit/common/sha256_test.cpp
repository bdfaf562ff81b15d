#include "citysafe/common/sha256.hpp"

#include <gtest/gtest.h>

namespace citysafe {
namespace {

// Test vectors from FIPS 180-4's examples.
TEST(Sha256, HashesTheEmptyString) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, HashesAbc) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, HashesATwoBlockMessage) {
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, StreamsInPiecesLikeOneUpdate) {
  const std::string million(1000000, 'a');
  Sha256 pieces;
  for (std::size_t i = 0; i < million.size(); i += 997)
    pieces.update(std::string_view(million).substr(i, 997));
  const auto digest = pieces.finish();
  EXPECT_EQ(toHex(digest.data(), digest.size()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(sha256Hex(million), toHex(digest.data(), digest.size()));
}

}  // namespace
}  // namespace citysafe
