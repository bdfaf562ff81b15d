// Runs every scenario in tests/scenarios/monitoring/: small text files that state rules, sensors,
// readings in time and the exact sequence of alarm changes they must cause.
//   rule    NAME  <rule text, see monitoring/rule.hpp>
//   sensor  CODE  RULE[,RULE...]
//   site    NAME  members=CODE:RULE,... min=N at=LEVEL level=LEVEL
//   feed    t=30s CODE VALUE [!duplicate|!out_of_order|!not_finite]
//   tick    t=10min
//   silence t=0s  CODE on|off
//   expect  t=31s CODE RULE from->to      (or: expect t=.. site NAME from->to)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../../../support/scenario_files.hpp"
#include "citysafe/core/monitoring/rule_engine.hpp"

namespace citysafe::monitoring {
namespace {

std::vector<std::string> files() {
  return testing::scenarioFiles(CITYSAFE_SCENARIOS "/monitoring");
}

std::string describe(const std::string& who, const std::string& rule, Level from, Level to,
                     std::int64_t at) {
  return "t=" + std::to_string(at) + "ms " + who + " " + rule + " " + nameOf(from) + "->" +
         nameOf(to);
}

const char* verdictName(Verdict v) {
  switch (v) {
    case Verdict::Accepted:
      return "accepted";
    case Verdict::Duplicate:
      return "duplicate";
    case Verdict::OutOfOrder:
      return "out_of_order";
    case Verdict::NotFinite:
      return "not_finite";
  }
  return "";
}

// "members=CODE:RULE,... min=N at=LEVEL level=LEVEL"; any other key is an error, so a typo
// cannot silently leave a site rule at its defaults.
Result<SiteRule> parseSite(std::istream& words, const RuleEngine& engine,
                           const std::map<std::string, SensorIndex>& sensors) {
  SiteRule site;
  for (std::string kv; words >> kv;) {
    const auto eq = kv.find('=');
    const auto key = kv.substr(0, eq);
    const auto value = eq == std::string::npos ? std::string() : kv.substr(eq + 1);
    if (key == "min") {
      site.min_members = std::stoi(value);
    } else if (key == "at" || key == "level") {
      auto level = parseEnum<Level>(value);
      if (!level) return invalid(key, "'" + value + "' is not a level");
      (key == "at" ? site.at_least : site.level) = *level;
    } else if (key == "members") {
      std::stringstream list(value);
      for (std::string m; std::getline(list, m, ',');) {
        const auto colon = m.find(':');
        const auto sensor = sensors.find(m.substr(0, colon));
        if (sensor == sensors.end()) return invalid(key, "no sensor " + m.substr(0, colon));
        const auto rule_name = m.substr(colon + 1);
        const auto set = engine.rulesOf(sensor->second);
        for (std::uint16_t r = 0; r < set.size(); ++r) {
          if (set[r].name == rule_name) site.members.emplace_back(sensor->second, r);
        }
      }
    } else {
      return invalid(key, "unknown key '" + key + "' in a site line");
    }
  }
  return site;
}

TEST(ScenarioRunner, ASiteLineWithAnUnknownKeyFails) {
  RuleEngine engine;
  std::istringstream typo("min=2 levle=red");
  auto site = parseSite(typo, engine, {});
  ASSERT_FALSE(site);
  EXPECT_EQ(site.error().field, "levle");
  std::istringstream fine("min=2 at=orange level=red");
  auto parsed = parseSite(fine, engine, {});
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->level, Level::Red);
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, CausesExactlyTheExpectedAlarmChanges) {
  RuleEngine engine;
  std::map<std::string, Rule> rules;
  std::map<std::string, SensorIndex> sensors;
  std::map<SensorIndex, std::string> codes;
  std::map<std::string, std::uint16_t> sites;
  std::map<std::uint16_t, std::string> site_names;
  std::vector<std::string> happened;
  std::vector<std::string> expected;
  std::vector<Transition> out;
  auto time = [](const std::string& word) {
    EXPECT_TRUE(word.starts_with("t=")) << word;
    auto d = parseDuration(word.substr(2));
    EXPECT_TRUE(d) << word;
    return d ? d->count() : 0;
  };
  auto flush = [&] {
    for (const auto& t : out) {
      if (t.site) {
        happened.push_back(describe("site", site_names[t.rule], t.from, t.to, t.at_ms));
      } else {
        happened.push_back(describe(codes[t.sensor], engine.rulesOf(t.sensor)[t.rule].name, t.from,
                                    t.to, t.at_ms));
      }
    }
    out.clear();
  };
  testing::forEachScenarioLine(
      CITYSAFE_SCENARIOS "/monitoring", GetParam(),
      [&](const std::string& verb, std::istringstream& words, const std::string& where) {
        if (verb == "rule") {
          std::string name;
          words >> name;
          std::string rest;
          std::getline(words, rest);
          auto rule = parseRule(name, rest);
          ASSERT_TRUE(rule) << where << ": " << rule.error().field << " " << rule.error().message;
          rules[name] = *rule;
        } else if (verb == "sensor") {
          std::string code;
          std::string list;
          words >> code >> list;
          std::vector<Rule> set;
          std::stringstream names(list);
          for (std::string r; std::getline(names, r, ',');) set.push_back(rules.at(r));
          auto index = engine.addRuleSet(set);
          ASSERT_TRUE(index) << where;
          sensors[code] = engine.addSensor(*index);
          codes[sensors[code]] = code;
        } else if (verb == "site") {
          std::string name;
          words >> name;
          auto site = parseSite(words, engine, sensors);
          ASSERT_TRUE(site) << where << ": " << site.error().field << " " << site.error().message;
          auto index = engine.addSiteRule(*site);
          ASSERT_TRUE(index) << where;
          sites[name] = *index;
          site_names[*index] = name;
        } else if (verb == "feed") {
          std::string at;
          std::string code;
          std::string value;
          std::string verdict = "!accepted";
          words >> at >> code >> value;
          words >> verdict;
          const double v = value == "nan" ? NAN : value == "inf" ? INFINITY : std::stod(value);
          const auto got = engine.evaluate(sensors.at(code), time(at), v, out);
          EXPECT_EQ(std::string("!") + verdictName(got), verdict) << where;
          flush();
        } else if (verb == "tick") {
          std::string at;
          words >> at;
          engine.tick(time(at), out);
          flush();
        } else if (verb == "silence") {
          std::string at;
          std::string code;
          std::string on;
          words >> at >> code >> on;
          engine.setSilenced(sensors.at(code), on == "on", time(at), out);
          flush();
        } else if (verb == "expect") {
          std::string at;
          std::string who;
          std::string rule;
          std::string change;
          words >> at >> who >> rule >> change;
          if (who == "site") {
            expected.push_back("t=" + std::to_string(time(at)) + "ms site " + rule + " " + change);
          } else {
            expected.push_back("t=" + std::to_string(time(at)) + "ms " + who + " " + rule + " " +
                               change);
          }
        } else {
          FAIL() << where << ": unknown verb '" << verb << "'";
        }
      });
  EXPECT_EQ(happened, expected) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Monitoring, Scenario, ::testing::ValuesIn(files()),
                         testing::scenarioTestName);

}  // namespace
}  // namespace citysafe::monitoring
