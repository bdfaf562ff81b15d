// Runs every scenario in tests/scenarios/hazard/: small text files that assign a hazard under a
// calendar and a policy, move time forward through the scheduler's ticks, grant extensions and
// state exactly what must follow. Against the core's rules directly, not through HTTP.
//   calendar year=2027 holidays=D[..D],... workdays=D,...     replaces that year's exceptions
//   policy   KEY=N ...                 escalation: due_soon_days, general_city_after_days, ...
//   hazard   source=NAME grade=NAME    a fresh hazard, accepted
//   assign   at=DAYTHH:MM [deadline=D] [days=N] [count=calendar|working]
//   state    NAME                      the loop moves on (rectifying, submitted, closed ...)
//   tick     at=DAYTHH:MM              one scheduler tick
//   extend   to=D at=DAYTHH:MM         an extension granted
//   expect   KEY=VALUE ...             deadline, error, due_soon, overdue, overdue_days,
//                                      escalate, tier, milestone.NAME
// An unknown verb or key fails the scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../../../support/scenario_files.hpp"
#include "citysafe/core/hazard/hazard_view.hpp"
#include "citysafe/core/hazard/scheduler.hpp"

namespace citysafe::hazard {
namespace {

std::vector<std::string> files() { return testing::scenarioFiles(CITYSAFE_SCENARIOS "/hazard"); }

// KEY=VALUE words; a key the verb does not know is an error.
using Args = std::map<std::string, std::string>;
Result<Args> argsOf(std::istringstream& words, std::initializer_list<const char*> known,
                    bool any_key = false) {
  Args out;
  for (std::string kv; words >> kv;) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos) return invalid(kv, "is not KEY=VALUE");
    const auto key = kv.substr(0, eq);
    if (!any_key && std::find_if(known.begin(), known.end(),
                                 [&](const char* k) { return key == k; }) == known.end()) {
      return invalid(key, "is not a known key here");
    }
    out[key] = kv.substr(eq + 1);
  }
  return out;
}

Result<Day> day(const std::string& text) {
  auto d = parseDay(text);
  if (!d) return invalid(text, "is not a date");
  return *d;
}

// "2026-09-28T10:00", Beijing time.
Result<TimePoint> moment(const std::string& text) {
  const auto t = text.find('T');
  if (t == std::string::npos || text.size() != t + 6) return invalid(text, "is not DAYTHH:MM");
  const auto d = CS_TRY(day(text.substr(0, t)));
  return startOfLocalDay(d) + std::chrono::hours(std::stoi(text.substr(t + 1, 2))) +
         std::chrono::minutes(std::stoi(text.substr(t + 4, 2)));
}

// "2027-01-01..2027-01-03,2027-02-06" as days.
Result<std::vector<Day>> days(const std::string& text) {
  std::vector<Day> out;
  std::stringstream list(text);
  for (std::string part; std::getline(list, part, ',');) {
    const auto dots = part.find("..");
    const auto first = CS_TRY(day(part.substr(0, dots)));
    const auto last = dots == std::string::npos ? first : CS_TRY(day(part.substr(dots + 2)));
    for (auto d = first; d <= last; d += std::chrono::days(1)) out.push_back(d);
  }
  return out;
}

std::string tierText(const std::optional<Tier>& tier) { return tier ? nameOf(*tier) : "none"; }

class HazardScenario : public ::testing::TestWithParam<std::string> {
 protected:
  HazardSettings settings_{WorkCalendar::china(), HazardPolicy::defaults()};
  Hazard hazard_;
  SweepStep last_;
  std::string error_;  // of the last assign: empty when it was accepted

  Result<void> run(const std::string& verb, std::istringstream& words);
  Result<void> check(const std::string& key, const std::string& value);
  std::vector<std::string> failures_;
};

Result<void> HazardScenario::run(const std::string& verb, std::istringstream& words) {
  if (verb == "calendar") {
    const auto a = CS_TRY(argsOf(words, {"year", "holidays", "workdays"}));
    const int year = std::stoi(a.at("year"));
    std::vector<CalendarException> exceptions;
    for (auto [key, workday] : {std::pair{"holidays", false}, std::pair{"workdays", true}}) {
      if (!a.contains(key)) continue;
      for (auto d : CS_TRY(days(a.at(key)))) exceptions.push_back({d, workday, key});
    }
    return settings_.calendar.setYear(year, std::move(exceptions));
  }
  if (verb == "policy") {
    auto& e = settings_.policy.escalation;
    const auto a = CS_TRY(
        argsOf(words, {"due_soon_days", "general_city_after_days", "general_province_after_days",
                       "major_city_after_days", "major_province_after_days"}));
    for (auto [key, slot] :
         {std::pair{"due_soon_days", &e.due_soon_days},
          std::pair{"general_city_after_days", &e.general_city_after_days},
          std::pair{"general_province_after_days", &e.general_province_after_days},
          std::pair{"major_city_after_days", &e.major_city_after_days},
          std::pair{"major_province_after_days", &e.major_province_after_days}}) {
      if (a.contains(key)) *slot = std::stoi(a.at(key));
    }
    return settings_.policy.validate();
  }
  if (verb == "hazard") {
    const auto a = CS_TRY(argsOf(words, {"source", "grade"}));
    hazard_ = Hazard{};
    hazard_.state = State::Accepted;
    hazard_.source = CS_TRY(readEnum<Source>(a.at("source"), "source"));
    hazard_.grade = CS_TRY(readEnum<Grade>(a.at("grade"), "grade"));
    return ok();
  }
  if (verb == "assign") {
    const auto a = CS_TRY(argsOf(words, {"at", "deadline", "days", "count"}));
    const auto at = CS_TRY(moment(a.at("at")));
    DeadlineRequest req;
    if (a.contains("deadline")) req.deadline = CS_TRY(day(a.at("deadline")));
    if (a.contains("days")) req.days = std::stoi(a.at("days"));
    if (a.contains("count")) req.count = CS_TRY(readEnum<DayCount>(a.at("count"), "count"));
    auto given = assignDeadline(settings_, hazard_.source, hazard_.grade, at, req);
    error_ = given ? "" : given.error().field;
    if (!given) return ok();
    hazard_.state = State::Assigned;
    hazard_.assigned_at = at;
    hazard_.deadline_at = hazard_.original_deadline_at = given->deadline;
    hazard_.deadline_basis = given->basis;
    hazard_.due_soon_at.reset();
    hazard_.overdue_at.reset();
    return ok();
  }
  if (verb == "state") {
    std::string name;
    words >> name;
    hazard_.state = CS_TRY(readEnum<State>(name, "state"));
    if (hazard_.state == State::Closed && hazard_.supervision) {
      hazard_.supervision->delisted_at = hazard_.updated_at;
    }
    return ok();
  }
  if (verb == "tick") {
    const auto a = CS_TRY(argsOf(words, {"at"}));
    const auto now = CS_TRY(moment(a.at("at")));
    last_ = sweepStepFor(hazard_, settings_.policy.escalation, now);
    if (last_.mark_overdue) hazard_.overdue_at = now;
    if (last_.mark_due_soon) hazard_.due_soon_at = now;
    if (last_.escalate_to) hazard_.supervision = Supervision{*last_.escalate_to, now, "", {}};
    hazard_.updated_at = now;
    return ok();
  }
  if (verb == "extend") {
    const auto a = CS_TRY(argsOf(words, {"to", "at"}));
    extendDeadline(hazard_, endOfLocalDay(CS_TRY(day(a.at("to")))), CS_TRY(moment(a.at("at"))));
    return ok();
  }
  if (verb == "expect") {
    const auto a = CS_TRY(argsOf(words, {}, true));
    for (const auto& [key, value] : a) CS_TRY(check(key, value));
    return ok();
  }
  return invalid(verb, "is not a known verb");
}

Result<void> HazardScenario::check(const std::string& key, const std::string& value) {
  std::string got;
  if (key == "deadline") {
    got = hazard_.deadline_at ? formatDay(localDay(*hazard_.deadline_at)) : "none";
  } else if (key == "error") {
    got = error_.empty() ? "none" : error_;
  } else if (key == "due_soon") {
    got = last_.mark_due_soon ? "marked" : "no";
  } else if (key == "overdue") {
    got = last_.mark_overdue ? "marked" : "no";
  } else if (key == "overdue_days") {
    got = last_.overdue_days ? std::to_string(*last_.overdue_days) : "none";
  } else if (key == "escalate") {
    got = tierText(last_.escalate_to);
  } else if (key == "tier") {
    got = isListed(hazard_) ? nameOf(hazard_.supervision->tier) : "none";
  } else if (key.starts_with("milestone.")) {
    got = "none";
    for (const auto& m : milestonesOf(hazard_, settings_)) {
      if ("milestone." + m.name == key) got = formatDay(m.due);
    }
  } else {
    return invalid(key, "is not a known expectation");
  }
  if (got != value) failures_.push_back(key + ": expected " + value + ", got " + got);
  return ok();
}

TEST_P(HazardScenario, FollowsTheRulesExactly) {
  const int n = testing::forEachScenarioLine(
      CITYSAFE_SCENARIOS "/hazard", GetParam(),
      [&](const std::string& verb, std::istringstream& words, const std::string& where) {
        const auto before = failures_.size();
        auto r = run(verb, words);
        ASSERT_TRUE(r) << where << ": " << r.error().field << " " << r.error().message;
        for (auto i = before; i < failures_.size(); ++i)
          ADD_FAILURE() << where << ": " << failures_[i];
      });
  EXPECT_GT(n, 0);
}

INSTANTIATE_TEST_SUITE_P(Hazard, HazardScenario, ::testing::ValuesIn(files()),
                         testing::scenarioTestName);

// The runner refuses what it does not know, so a misspelt expectation cannot pass in silence.
TEST(HazardScenarioRunner, RefusesAnUnknownKey) {
  std::istringstream words("at=2026-01-05T09:00 dayz=3");
  EXPECT_FALSE(argsOf(words, {"at", "days"}));
}

}  // namespace
}  // namespace citysafe::hazard
