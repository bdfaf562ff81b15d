#include "reading_payload.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::ingest {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kSingle = "citysafe/v1/readings/";
constexpr std::string_view kBatch = "citysafe/v1/batch/";

void bad(ParsedPayload& out, std::string why) {
  if (out.first_error.empty()) out.first_error = std::move(why);
  ++out.malformed;
}

bool timeOf(const Json& t, std::int64_t& at_ms) {
  if (t.is_number_integer()) {
    at_ms = t.get<std::int64_t>();
    return true;
  }
  if (t.is_number_float()) {
    const double v = t.get<double>();
    if (!(std::abs(v) < 1e15)) return false;  // also NaN; converting beyond int64 is undefined
    at_ms = static_cast<std::int64_t>(v);
    return true;
  }
  if (t.is_string()) {
    auto parsed = parseIso8601(t.get<std::string>());
    if (!parsed) return false;
    at_ms = toEpochMs(*parsed);
    return true;
  }
  return false;
}

bool valueOf(const Json& v, double& value) {
  if (v.is_number()) {
    value = v.get<double>();
    return true;
  }
  // JSON has no NaN or infinity; senders spell them as text, and the ingestor refuses them.
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size();
  }
  return false;
}

void readOne(const Json& item, const std::string& sensor, ParsedPayload& out) {
  if (!item.is_object()) return bad(out, "a reading must be an object");
  monitoring::RawReading r;
  if (sensor.empty()) {
    auto s = item.find("s");
    if (s == item.end() || !s->is_string())
      return bad(out, "a batch reading needs \"s\", the sensor");
    r.sensor = s->get<std::string>();
  } else {
    r.sensor = sensor;
  }
  auto t = item.find("t");
  if (t == item.end() || !timeOf(*t, r.at_ms)) {
    return bad(out, "\"t\" must be epoch milliseconds or ISO-8601 text");
  }
  auto v = item.find("v");
  if (v == item.end() || !valueOf(*v, r.value)) return bad(out, "\"v\" must be a number");
  out.readings.push_back(std::move(r));
}

void parseJson(std::string_view payload, const std::string& sensor, ParsedPayload& out) {
  if (jsonNestingDepth(payload) > kMaxJsonDepth) {
    return bad(out, "the payload nests arrays or objects more than 64 deep");
  }
  Json doc = Json::parse(payload.begin(), payload.end(), nullptr, false);
  if (doc.is_discarded()) return bad(out, "the payload is not valid JSON");
  if (doc.is_array()) {
    out.readings.reserve(out.readings.size() + doc.size());
    for (const auto& item : doc) readOne(item, sensor, out);
  } else {
    readOne(doc, sensor, out);
  }
}

std::string_view trimLine(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// CODE,EPOCH_MS,VALUE per line.
void parseCompact(std::string_view payload, ParsedPayload& out) {
  while (!payload.empty()) {
    const auto nl = payload.find('\n');
    const auto line = trimLine(payload.substr(0, nl));
    payload = nl == std::string_view::npos ? std::string_view() : payload.substr(nl + 1);
    if (line.empty()) continue;
    const auto c1 = line.find(',');
    const auto c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string_view::npos || c1 == 0) {
      bad(out, "a compact line is CODE,EPOCH_MS,VALUE");
      continue;
    }
    monitoring::RawReading r;
    r.sensor = std::string(line.substr(0, c1));
    const auto t = line.substr(c1 + 1, c2 - c1 - 1);
    const auto v = line.substr(c2 + 1);
    auto [t_end, t_ec] = std::from_chars(t.data(), t.data() + t.size(), r.at_ms);
    auto [v_end, v_ec] = std::from_chars(v.data(), v.data() + v.size(), r.value);
    if (t_ec != std::errc() || t_end != t.data() + t.size() || t.empty()) {
      bad(out, "a compact line's time must be epoch milliseconds");
      continue;
    }
    if (v_ec != std::errc() || v_end != v.data() + v.size() || v.empty()) {
      bad(out, "a compact line's value must be a number");
      continue;
    }
    out.readings.push_back(std::move(r));
  }
}

}  // namespace

bool sensorOfTopic(std::string_view topic, std::string& sensor) {
  sensor.clear();
  if (topic.empty() || topic.starts_with(kBatch)) return true;
  if (topic.starts_with(kSingle) && topic.size() > kSingle.size()) {
    const auto code = topic.substr(kSingle.size());
    if (code.find('/') != std::string_view::npos) return false;
    sensor = std::string(code);
    return true;
  }
  return false;
}

void parsePayload(std::string_view topic, std::string_view payload, ParsedPayload& out) {
  std::string sensor;
  if (!sensorOfTopic(topic, sensor)) return bad(out, "unknown topic " + std::string(topic));
  std::size_t first = 0;
  while (first < payload.size() && (payload[first] == ' ' || payload[first] == '\n' ||
                                    payload[first] == '\r' || payload[first] == '\t')) {
    ++first;
  }
  if (first == payload.size()) return bad(out, "the payload is empty");
  if (payload[first] == '{' || payload[first] == '[') return parseJson(payload, sensor, out);
  if (!sensor.empty()) return bad(out, "a single-sensor topic takes JSON");
  parseCompact(payload, out);
}

}  // namespace citysafe::ingest
