// `citysafe replay FILE.csv --sensor CODE --speed N`: publishes a measured series over MQTT as
// if the sensor were sending it now, N times faster than it was recorded.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "citysafe/common/json_text.hpp"
#include "mqtt_flags.hpp"
#include "mqtt_publisher.hpp"
#include "runtime.hpp"
#include "series_csv.hpp"
#include "verbs.hpp"

namespace citysafe::app {
namespace {

struct ReplayOptions {
  std::string file;
  std::string sensor;
  double speed = 1;
  MqttFlags mqtt{.broker = "127.0.0.1:1883"};
  int column = 1;
  double offset = 0;  // added to every value (to push a real series over a threshold)
  double scale = 1;   // multiplied first
  std::int64_t limit = 0;
};

int replay(const ReplayOptions& o) {
  auto broker = resolveMqtt(o.mqtt);
  if (!broker) return report(broker.error());
  if (!*broker) return report(Error{Errc::Invalid, "mqtt", "replay needs a broker"});
  std::ifstream in(o.file);
  if (!in) return report(Error{Errc::Invalid, "file", "cannot read " + o.file});
  auto series = ingest::readSeriesCsv(in, o.column);
  if (!series) return report(series.error());
  if (series->points.empty()) {
    return report(
        Error{Errc::Invalid, "file", "no readings in column " + std::to_string(o.column)});
  }
  const auto& endpoint = **broker;
  mqtt::Publisher publisher(endpoint.host, endpoint.port, "citysafe-replay-" + o.sensor,
                            endpoint.security);
  if (auto c = publisher.connect(); !c) return report(c.error());

  const std::string topic = "citysafe/v1/readings/" + o.sensor;
  using std::chrono::milliseconds;
  const auto started = std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
  const milliseconds t0{series->points.front().at_ms};
  std::int64_t sent = 0;
  std::chrono::sys_time<milliseconds> last{};
  for (const auto& p : series->points) {
    if (o.limit > 0 && sent >= o.limit) break;
    // The recording's gaps, shrunk by the speed, from now on.
    // Strictly later than the previous one: at high speed two readings would share a millisecond
    // and the second would be a duplicate.
    const auto gap = std::chrono::duration_cast<milliseconds>(
        std::chrono::duration<double, std::milli>(milliseconds(p.at_ms) - t0) / o.speed);
    const auto due = std::max(last + milliseconds(1), started + gap);
    last = due;
    std::this_thread::sleep_until(due);
    const double value = p.value * o.scale + o.offset;
    const std::string payload = "{\"t\":" + std::to_string(due.time_since_epoch().count()) +
                                ",\"v\":" + jsonNumber(value) + "}";
    if (auto r = publisher.publish(topic, payload); !r) return report(r.error());
    ++sent;
  }
  if (auto r = publisher.drain(30000); !r) return report(r.error());
  std::cout << "replayed " << sent << " readings of " << o.file << " as " << o.sensor << " ("
            << series->skipped << " rows skipped)" << std::endl;
  return 0;
}

}  // namespace

void addReplayVerb(CLI::App& cli, Action& action) {
  auto opts = std::make_shared<ReplayOptions>();
  auto* cmd = cli.add_subcommand("replay", "Publish a recorded sensor series over MQTT");
  cmd->add_option("file", opts->file, "CSV: time, value[, value...]")->required();
  cmd->add_option("--sensor", opts->sensor, "the sensor code to publish as")->required();
  cmd->add_option("--speed", opts->speed, "how many times faster than recorded")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  addMqttFlags(*cmd, opts->mqtt, "broker HOST:PORT or mqtts://HOST:PORT");
  cmd->add_option("--column", opts->column, "which value column (1 = first)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--scale", opts->scale, "multiply every value by this")->capture_default_str();
  cmd->add_option("--offset", opts->offset, "then add this")->capture_default_str();
  cmd->add_option("--limit", opts->limit, "stop after this many readings (0: all)");
  cmd->callback([opts, &action] { action = [opts] { return replay(*opts); }; });
}

}  // namespace citysafe::app
