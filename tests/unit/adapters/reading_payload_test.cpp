// Reading payloads (MQTT and HTTP): every documented form, and what is counted as malformed
// instead of thrown.
#include "reading_payload.hpp"

#include <gtest/gtest.h>

namespace citysafe::ingest {
namespace {

ParsedPayload parse(std::string_view topic, std::string_view payload) {
  ParsedPayload out;
  parsePayload(topic, payload, out);
  return out;
}

TEST(ReadingPayload, OneSensorTopicTakesAnObjectOrAnArray) {
  auto one = parse("citysafe/v1/readings/GAS-1", R"({"t": 1795000000000, "v": 0.42})");
  ASSERT_EQ(one.readings.size(), 1U);
  EXPECT_EQ(one.readings[0].sensor, "GAS-1");
  EXPECT_EQ(one.readings[0].at_ms, 1795000000000);
  EXPECT_DOUBLE_EQ(one.readings[0].value, 0.42);
  auto many =
      parse("citysafe/v1/readings/GAS-1",
            R"([{"t": 1795000000000, "v": 1}, {"t": "2026-11-18T19:06:41+08:00", "v": 2}])");
  ASSERT_EQ(many.readings.size(), 2U);
  EXPECT_EQ(many.readings[1].at_ms, 1795000001000);
  EXPECT_EQ(many.malformed, 0);
}

TEST(ReadingPayload, BatchesNameTheSensorPerReading) {
  auto json = parse("citysafe/v1/batch/gw-7",
                    R"([{"s": "A", "t": 1, "v": 1.5}, {"s": "B", "t": 2, "v": -3}])");
  ASSERT_EQ(json.readings.size(), 2U);
  EXPECT_EQ(json.readings[1].sensor, "B");
  auto compact = parse("citysafe/v1/batch/gw-7", "A,1795000000000,1.5\r\nB,1795000000001,-3e2\n\n");
  ASSERT_EQ(compact.readings.size(), 2U);
  EXPECT_DOUBLE_EQ(compact.readings[1].value, -300);
  auto http = parse("", "A,1,2");  // HTTP bodies are batches
  EXPECT_EQ(http.readings.size(), 1U);
}

TEST(ReadingPayload, BadReadingsAreCountedAndTheRestKept) {
  auto compact = parse("citysafe/v1/batch/gw", "A,1,2\nno commas\nB,yesterday,3\nC,5,warm\nD,6,7");
  EXPECT_EQ(compact.readings.size(), 2U);
  EXPECT_EQ(compact.malformed, 3);
  EXPECT_FALSE(compact.first_error.empty());
  auto json = parse("citysafe/v1/batch/gw", R"([{"t": 1, "v": 2}, {"s": "A", "t": 1, "v": "x"}, 5,
                                               {"s": "B", "t": true, "v": 1}, {"s": "C", "t": 1, "v": 9}])");
  EXPECT_EQ(json.readings.size(), 1U);
  EXPECT_EQ(json.malformed, 4);
  EXPECT_EQ(parse("citysafe/v1/batch/gw", "{not json").malformed, 1);
  EXPECT_EQ(parse("citysafe/v1/batch/gw", "   ").malformed, 1);
  EXPECT_EQ(parse("citysafe/v1/elsewhere/x", R"({"t":1,"v":1})").malformed, 1);
  EXPECT_EQ(parse("citysafe/v1/readings/A", "A,1,2").malformed, 1);  // one sensor: JSON only
}

TEST(ReadingPayload, NanAndInfinityPassToTheIngestorWhichRefusesThem) {
  auto json = parse("citysafe/v1/readings/A", R"([{"t": 1, "v": "nan"}, {"t": 2, "v": "inf"}])");
  ASSERT_EQ(json.readings.size(), 2U);
  EXPECT_TRUE(std::isnan(json.readings[0].value));
  auto compact = parse("citysafe/v1/batch/gw", "A,1,nan\nA,2,-inf");
  ASSERT_EQ(compact.readings.size(), 2U);
  EXPECT_TRUE(std::isinf(compact.readings[1].value));
}

}  // namespace
}  // namespace citysafe::ingest

namespace citysafe::ingest {
namespace {

// Whatever arrives on a topic, the parser answers with readings and counts, never a crash: random
// bytes, and valid payloads cut short or with bytes flipped.
TEST(ReadingPayload, SurvivesRandomAndDamagedPayloads) {
  std::uint64_t state = 20261123;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::vector<std::string> seeds = {
      R"([{"s": "A", "t": 1795000000000, "v": 1.5}, {"s": "B", "t": "2026-11-18T19:06:41+08:00", "v": 2}])",
      R"({"t": 1795000000000, "v": 0.42})", "A,1795000000000,1.5\nB,1795000000001,-3e2\n"};
  const std::vector<std::string> topics = {"citysafe/v1/batch/gw", "citysafe/v1/readings/A", ""};
  std::int64_t readings = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string payload = seeds[next() % seeds.size()];
    switch (next() % 3) {
      case 0:  // random bytes
        payload.assign(next() % 200, '\0');
        for (auto& c : payload) c = static_cast<char>(next() & 0xFF);
        break;
      case 1:  // cut short
        payload.resize(next() % (payload.size() + 1));
        break;
      default:  // bytes flipped
        for (int k = 0; k < 4 && !payload.empty(); ++k) {
          payload[next() % payload.size()] = static_cast<char>(next() & 0xFF);
        }
    }
    ParsedPayload out;
    parsePayload(topics[next() % topics.size()], payload, out);
    readings += static_cast<std::int64_t>(out.readings.size());
    // Whatever was refused was said why.
    EXPECT_EQ(out.malformed > 0, !out.first_error.empty());
  }
  EXPECT_GT(readings, 0);
}

}  // namespace
}  // namespace citysafe::ingest
