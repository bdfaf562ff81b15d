#include "citysafe/core/monitoring/rule_engine.hpp"

#include <algorithm>
#include <limits>

namespace citysafe::monitoring {

Result<RuleSetIndex> RuleEngine::addRuleSet(std::vector<Rule> rules) {
  if (rules.empty()) return invalid("rules", "a rule set needs at least one rule");
  if (rules.size() > std::numeric_limits<std::uint16_t>::max()) {
    return invalid("rules", "too many rules in one set");
  }
  RuleSet set;
  for (const auto& r : rules) {
    CS_TRY(r.validate());
    set.has_stale = set.has_stale || r.kind == RuleKind::Stale;
  }
  set.rules = std::move(rules);
  rule_sets_.push_back(std::move(set));
  return static_cast<RuleSetIndex>(rule_sets_.size() - 1);
}

SensorIndex RuleEngine::addSensor(RuleSetIndex rules) {
  SensorState s;
  s.rule_set = rules;
  s.first_alarm = static_cast<std::uint32_t>(alarms_.size());
  alarms_.resize(alarms_.size() + rule_sets_.at(rules).rules.size());
  sensors_.push_back(s);
  return static_cast<SensorIndex>(sensors_.size() - 1);
}

Result<std::uint16_t> RuleEngine::addSiteRule(SiteRule rule) {
  if (rule.members.empty() || rule.min_members < 1 ||
      rule.min_members > static_cast<int>(rule.members.size())) {
    return invalid("min_members", "must be between 1 and the number of members");
  }
  for (const auto& [sensor, r] : rule.members) {
    if (sensor >= sensors_.size() || r >= rule_sets_[sensors_[sensor].rule_set].rules.size()) {
      return invalid("members", "names a sensor or rule the engine does not have");
    }
  }
  sites_.push_back({std::move(rule), Level::None});
  return static_cast<std::uint16_t>(sites_.size() - 1);
}

std::span<const Rule> RuleEngine::rulesOf(SensorIndex sensor) const {
  return rule_sets_[sensors_[sensor].rule_set].rules;
}

Level RuleEngine::level(SensorIndex sensor, std::uint16_t rule) const {
  return alarms_[sensors_[sensor].first_alarm + rule].level;
}

void RuleEngine::restoreLast(SensorIndex sensor, std::int64_t at_ms, double value) {
  auto& s = sensors_[sensor];
  if (at_ms <= s.last_ms) return;
  s.last_ms = at_ms;
  s.last_value = value;
  s.flat_run = 1;
}

void RuleEngine::restoreLevel(SensorIndex sensor, std::uint16_t rule, Level level) {
  alarms_[sensors_[sensor].first_alarm + rule].level = level;
}

void RuleEngine::resetLevels() {
  for (auto& a : alarms_) a.level = Level::None;
}

std::size_t RuleEngine::stateBytes() const {
  return sensors_.capacity() * sizeof(SensorState) + alarms_.capacity() * sizeof(AlarmState);
}

void RuleEngine::change(SensorIndex s, std::uint16_t r, AlarmState& a, Level to, std::int64_t at_ms,
                        double value, std::vector<Transition>& out) {
  if (a.level == to) return;
  const Level from = a.level;
  a.level = to;
  if (!sensors_[s].silenced) out.push_back({s, r, false, from, to, at_ms, value});
  if (!sites_.empty()) recheckSites(s, r, at_ms, out);
}

void RuleEngine::recheckSites(SensorIndex s, std::uint16_t r, std::int64_t at_ms,
                              std::vector<Transition>& out) {
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    auto& site = sites_[i];
    const auto& m = site.rule.members;
    if (std::find(m.begin(), m.end(), std::make_pair(s, r)) == m.end()) continue;
    int count = 0;
    for (const auto& [sensor, rule] : m) {
      if (level(sensor, rule) >= site.rule.at_least) ++count;
    }
    const Level to = count >= site.rule.min_members ? site.rule.level : Level::None;
    if (to != site.level) {
      out.push_back({0, static_cast<std::uint16_t>(i), true, site.level, to, at_ms,
                     static_cast<double>(count)});
      site.level = to;
    }
  }
}

// Threshold and rate: raise after `for`, lower at once past the hysteresis, and count crossings.
void RuleEngine::decide(SensorIndex s, std::uint16_t r, const Rule& rule, AlarmState& a,
                        double measure, std::int64_t at_ms, std::vector<Transition>& out) {
  Level up = rule.reached(measure);
  Level repeated = Level::None;
  if (rule.repeat_count > 0) {
    // Windows are anchored at the first crossing of a run; when one runs out the count restarts,
    // and so does what the repeats alone were holding up.
    if (a.crossings > 0 && at_ms - a.window_start_ms > rule.repeat_window.count()) a.crossings = 0;
    const bool above = up != Level::None;
    if (above && !a.above_lowest) {
      if (a.crossings == 0) a.window_start_ms = at_ms;
      ++a.crossings;
    }
    a.above_lowest = above;
    if (a.crossings >= rule.repeat_count) repeated = rule.repeat_level;
    up = std::max(up, repeated);
  }
  if (up > a.level) {
    if (rule.hold_for.count() <= 0) {
      a.pending = Level::None;
      return change(s, r, a, up, at_ms, measure, out);
    }
    if (a.pending == Level::None) {
      a.pending = up;
      a.pending_since_ms = at_ms;
    }
    if (at_ms - a.pending_since_ms >= rule.hold_for.count()) {
      a.pending = Level::None;
      change(s, r, a, up, at_ms, measure, out);
    }
    return;
  }
  a.pending = Level::None;
  const Level keep = std::max(rule.held(measure), repeated);
  if (keep < a.level) change(s, r, a, keep, at_ms, measure, out);
}

Verdict RuleEngine::evaluate(SensorIndex sensor, std::int64_t at_ms, double value,
                             std::vector<Transition>& out) {
  if (!std::isfinite(value)) return Verdict::NotFinite;
  auto& s = sensors_[sensor];
  if (at_ms == s.last_ms) return Verdict::Duplicate;
  if (at_ms < s.last_ms) return Verdict::OutOfOrder;
  const auto& rules = rule_sets_[s.rule_set].rules;
  const bool first = s.last_ms == INT64_MIN;
  const bool same = !first && value == s.last_value;
  s.flat_run = same ? static_cast<std::uint16_t>(std::min<int>(s.flat_run + 1, 65535)) : 1;
  // Rule sets hold at most 65,535 rules (addRuleSet checks), so the index fits.
  const auto count = static_cast<std::uint16_t>(rules.size());
  for (std::uint16_t i = 0; i < count; ++i) {
    const Rule& rule = rules[i];
    AlarmState& a = alarms_[s.first_alarm + i];
    switch (rule.kind) {
      case RuleKind::Threshold:
        decide(sensor, i, rule, a, value, at_ms, out);
        break;
      case RuleKind::Rate:
        if (!first) {
          const double rate = (value - s.last_value) / static_cast<double>(at_ms - s.last_ms) *
                              static_cast<double>(rule.rate_unit.count());
          decide(sensor, i, rule, a, rate, at_ms, out);
        }
        break;
      case RuleKind::Stale:
        change(sensor, i, a, Level::None, at_ms, value, out);  // a reading: back online
        break;
      case RuleKind::Flatline:
        change(sensor, i, a, s.flat_run >= rule.flat_count ? rule.fault_level : Level::None, at_ms,
               value, out);
        break;
    }
  }
  s.last_ms = at_ms;
  s.last_value = value;
  return Verdict::Accepted;
}

void RuleEngine::tick(std::int64_t now_ms, std::vector<Transition>& out) {
  for (SensorIndex i = 0; i < sensors_.size(); ++i) {
    auto& s = sensors_[i];
    const auto& set = rule_sets_[s.rule_set];
    if (!set.has_stale || s.last_ms == INT64_MIN) continue;
    const auto count = static_cast<std::uint16_t>(set.rules.size());
    for (std::uint16_t r = 0; r < count; ++r) {
      const Rule& rule = set.rules[r];
      if (rule.kind != RuleKind::Stale || now_ms - s.last_ms <= rule.stale_after.count()) continue;
      change(i, r, alarms_[s.first_alarm + r], rule.fault_level, now_ms, 0, out);
    }
  }
}

void RuleEngine::setSilenced(SensorIndex sensor, bool silenced, std::int64_t at_ms,
                             std::vector<Transition>& out) {
  auto& s = sensors_[sensor];
  if (s.silenced == silenced) return;
  s.silenced = silenced;
  if (silenced) return;
  const auto& rules = rule_sets_[s.rule_set].rules;
  const auto count = static_cast<std::uint16_t>(rules.size());
  for (std::uint16_t r = 0; r < count; ++r) {
    const auto& a = alarms_[s.first_alarm + r];
    if (a.level != Level::None) {
      out.push_back({sensor, r, false, Level::None, a.level, at_ms, s.last_value});
    }
  }
}

}  // namespace citysafe::monitoring
