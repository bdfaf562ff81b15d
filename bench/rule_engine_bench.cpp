// Rule evaluation in process: 200,000 sensors of four kinds with mixed rules (levels with "for"
// and hysteresis, rates, repeats, stuck and silent sensors), readings as random walks with rare
// anomalies, on one core. Target: ≥ 5 million readings/s and ≤ 200 bytes of state a sensor.
#include <benchmark/benchmark.h>

#include <random>

#include "citysafe/core/monitoring/rule_engine.hpp"

namespace {

using namespace citysafe::monitoring;

constexpr int kSensors = 200000;

struct Reading {
  SensorIndex sensor;
  std::int64_t at_ms;
  double value;
};

struct Fixture {
  RuleEngine engine;
  std::vector<Reading> readings;
  std::vector<Transition> out;

  // `storm` scales the walks: 1 is calm (anomalies cause most alarms), 100 keeps rules flapping.
  explicit Fixture(double storm) {
    const auto rules = [](std::initializer_list<std::pair<const char*, const char*>> list) {
      std::vector<Rule> set;
      for (const auto& [name, text] : list) set.push_back(*parseRule(name, text));
      return set;
    };
    const RuleSetIndex sets[4] = {
        *engine.addRuleSet(
            rules({{"methane", "threshold above yellow=10 orange=20 red=25 for=30s hysteresis=2"},
                   {"offline", "stale after=10min"},
                   {"stuck", "flatline count=60"}})),
        *engine.addRuleSet(
            rules({{"pressure", "threshold above yellow=1.6 red=2.0 repeats=3/10min:orange"},
                   {"drop", "rate below orange=-0.05 red=-0.2 per=1min"}})),
        *engine.addRuleSet(rules({{"crack", "threshold above yellow=0.25 red=0.4"},
                                  {"growth", "rate above yellow=0.01 per=1d"}})),
        *engine.addRuleSet(
            rules({{"low", "threshold below yellow=2.5 orange=2.0 red=1.5 hysteresis=0.1"},
                   {"offline", "stale after=30min"}})),
    };
    engine.reserve(kSensors, kSensors * 3);
    std::vector<double> level(kSensors);
    const double base[4] = {3, 0.4, 0.1, 3.5};
    const double step[4] = {0.2, 0.002, 0.000001, 0.01};  // calm walks: anomalies cause most alarms
    for (int i = 0; i < kSensors; ++i) {
      (void)engine.addSensor(sets[i % 4]);
      level[i] = base[i % 4];
    }
    // Ten rounds over every sensor, one reading each every 30 s, shuffled within a round.
    std::mt19937_64 rng(11);
    std::normal_distribution<double> noise(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<SensorIndex> order(kSensors);
    for (int i = 0; i < kSensors; ++i) order[i] = static_cast<SensorIndex>(i);
    for (int round = 0; round < 10; ++round) {
      std::shuffle(order.begin(), order.end(), rng);
      for (int k = 0; k < kSensors; ++k) {
        const SensorIndex s = order[k];
        const int kind = static_cast<int>(s % 4);
        level[s] += noise(rng) * step[kind] * storm;
        double v = level[s];
        if (u(rng) < 0.001) v *= kind == 3 ? 0.3 : 8;  // an anomaly
        readings.push_back({s, round * 30000LL + k * 30000LL / kSensors, v});
      }
    }
    out.reserve(1 << 16);
  }
};

void BM_RuleEvaluation(benchmark::State& state) {
  Fixture f(static_cast<double>(state.range(0)));
  std::size_t i = 0;
  std::int64_t shift = 0;
  std::size_t transitions = 0;
  for (auto _ : state) {
    const auto& r = f.readings[i];
    benchmark::DoNotOptimize(f.engine.evaluate(r.sensor, r.at_ms + shift, r.value, f.out));
    if (++i == f.readings.size()) {
      i = 0;
      shift += 300000;  // replay the ten rounds later in time
    }
    if (f.out.size() > 60000) {
      transitions += f.out.size();
      f.out.clear();
    }
  }
  transitions += f.out.size();
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["sensors"] = kSensors;
  state.counters["state_bytes_per_sensor"] =
      static_cast<double>(f.engine.stateBytes()) / static_cast<double>(f.engine.sensors());
  state.counters["alarm_changes"] = static_cast<double>(transitions);
}
BENCHMARK(BM_RuleEvaluation)->Arg(1)->Arg(100)->Unit(benchmark::kNanosecond)->MinTime(3.0);

void BM_StaleTick(benchmark::State& state) {
  Fixture f(1);
  for (const auto& r : f.readings) f.engine.evaluate(r.sensor, r.at_ms, r.value, f.out);
  std::int64_t now = 400000;
  for (auto _ : state) {
    f.out.clear();
    f.engine.tick(now += 1000, f.out);
  }
  state.counters["sensors_per_tick"] = kSensors;
}
BENCHMARK(BM_StaleTick)->Unit(benchmark::kMillisecond);

}  // namespace
