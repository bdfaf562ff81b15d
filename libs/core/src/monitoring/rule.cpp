#include "citysafe/core/monitoring/rule.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace citysafe::monitoring {
namespace {

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

Result<double> number(std::string_view text, const std::string& field) {
  double v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || !std::isfinite(v)) {
    return invalid(field, "'" + std::string(text) + "' is not a number");
  }
  return v;
}

bool ordered(const Rule& r) {
  double last = NAN;
  for (double t : r.thresholds) {
    if (std::isnan(t)) continue;
    if (!std::isnan(last) && (r.direction == Direction::Above ? t < last : t > last)) return false;
    last = t;
  }
  return true;
}

}  // namespace

Result<std::chrono::milliseconds> parseDuration(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> kUnits = {
      {{"ms", 1}, {"min", 60000}, {"s", 1000}, {"h", 3600000}, {"d", 86400000}}};
  for (const auto& [unit, ms] : kUnits) {
    if (text.size() > unit.size() && text.ends_with(unit)) {
      auto n = number(text.substr(0, text.size() - unit.size()), "duration");
      if (!n || *n < 0) break;
      return std::chrono::milliseconds(static_cast<std::int64_t>(*n * static_cast<double>(ms)));
    }
  }
  return invalid("duration", "'" + std::string(text) + "' is not a duration like 30s or 10min");
}

Level Rule::reached(double v) const {
  for (int i = 3; i >= 0; --i) {
    const double t = thresholds[static_cast<std::size_t>(i)];
    if (!std::isnan(t) && (direction == Direction::Above ? v >= t : v <= t)) {
      return static_cast<Level>(i + 1);
    }
  }
  return Level::None;
}

Level Rule::held(double v) const {
  for (int i = 3; i >= 0; --i) {
    const double t = thresholds[static_cast<std::size_t>(i)];
    if (std::isnan(t)) continue;
    if (direction == Direction::Above ? v >= t - hysteresis : v <= t + hysteresis) {
      return static_cast<Level>(i + 1);
    }
  }
  return Level::None;
}

Result<void> Rule::validate() const {
  if (kind == RuleKind::Threshold || kind == RuleKind::Rate) {
    bool any = false;
    for (double t : thresholds) any = any || !std::isnan(t);
    if (!any) return invalid(name, "needs at least one level (blue=, yellow=, orange= or red=)");
    if (!ordered(*this)) {
      return invalid(name, direction == Direction::Above
                               ? "levels must rise from blue to red"
                               : "levels must fall from blue to red for a 'below' rule");
    }
    if (hysteresis < 0) return invalid(name, "hysteresis must not be negative");
    if (hold_for.count() < 0) return invalid(name, "for must not be negative");
    if (kind == RuleKind::Rate && rate_unit.count() <= 0)
      return invalid(name, "per must be positive");
    if (repeat_count < 0 ||
        (repeat_count > 0 && (repeat_window.count() <= 0 || repeat_level == Level::None))) {
      return invalid(name, "repeats needs N/duration:level, e.g. repeats=3/10min:orange");
    }
  }
  if (kind == RuleKind::Stale && stale_after.count() <= 0)
    return invalid(name, "stale needs after=");
  if (kind == RuleKind::Flatline && flat_count < 2)
    return invalid(name, "flatline needs count=2 or more");
  if ((kind == RuleKind::Stale || kind == RuleKind::Flatline) && fault_level == Level::None) {
    return invalid(name, "level must be blue, yellow, orange or red");
  }
  return ok();
}

Result<Rule> parseRule(std::string_view name, std::string_view text) {
  Rule r;
  r.name = std::string(name);
  const auto w = words(text);
  if (w.empty()) return invalid(r.name, "is empty");
  const auto kind = parseEnum<RuleKind>(w[0]);
  if (kind) r.kind = *kind;
  if (!kind) return invalid(r.name, "'" + std::string(w[0]) + "' is not a rule kind");
  for (std::size_t i = 1; i < w.size(); ++i) {
    const auto word = w[i];
    if (word == "above" || word == "below") {
      r.direction = word == "above" ? Direction::Above : Direction::Below;
      continue;
    }
    const auto eq = word.find('=');
    if (eq == std::string_view::npos)
      return invalid(r.name, "'" + std::string(word) + "' is not key=value");
    const auto key = word.substr(0, eq);
    const auto value = word.substr(eq + 1);
    const std::string field = r.name + "." + std::string(key);
    if (auto level = parseEnum<Level>(key); level && *level != Level::None) {
      auto v = CS_TRY(number(value, field));
      r.thresholds[static_cast<std::size_t>(*level) - 1] = v;
    } else if (key == "for" || key == "after" || key == "per") {
      auto d = parseDuration(value);
      if (!d) return invalid(field, d.error().message);
      if (key == "for") r.hold_for = *d;
      if (key == "after") r.stale_after = *d;
      if (key == "per") r.rate_unit = *d;
    } else if (key == "hysteresis") {
      auto v = CS_TRY(number(value, field));
      r.hysteresis = v;
    } else if (key == "count") {
      auto v = CS_TRY(number(value, field));
      r.flat_count = static_cast<int>(v);
    } else if (key == "level") {
      auto l = parseEnum<Level>(value);
      if (!l) return invalid(field, "'" + std::string(value) + "' is not a level");
      r.fault_level = *l;
    } else if (key == "repeats") {  // 3/10min:orange
      const auto slash = value.find('/');
      const auto colon = value.find(':');
      if (slash == std::string_view::npos || colon == std::string_view::npos || colon < slash) {
        return invalid(field, "must look like 3/10min:orange");
      }
      auto n = number(value.substr(0, slash), field);
      auto d = parseDuration(value.substr(slash + 1, colon - slash - 1));
      auto l = parseEnum<Level>(value.substr(colon + 1));
      if (!n || !d || !l) return invalid(field, "must look like 3/10min:orange");
      r.repeat_count = static_cast<int>(*n);
      r.repeat_window = *d;
      r.repeat_level = *l;
    } else {
      return invalid(field, "is not a rule setting");
    }
  }
  CS_TRY(r.validate());
  return r;
}

}  // namespace citysafe::monitoring
