// The working-day calendar and the deadline policy. The policy is one JSON document in the API's
// form (hazard_policy_json.hpp); migration 13 rewrote the tab-separated rows it was kept as before.
#include <sstream>

#include "citysafe/json/hazard_policy_json.hpp"
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

using nlohmann::json;

Result<hazard::HazardPolicy> readPolicy(const std::string& text) {
  try {
    return json::parse(text).get<hazard::HazardPolicy>();
  } catch (const std::exception& e) {
    return fail(Errc::Internal, "hazard_policy.policy",
                std::string("the stored hazard policy is damaged: ") + e.what());
  }
}

// Before migration 13: one tab-separated line per rule and milestone, and one for escalation.
std::vector<std::vector<std::string>> lines(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cells.push_back(line.substr(start, tab - start));
    }
    cells.push_back(line.substr(start));
    out.push_back(std::move(cells));
  }
  return out;
}

hazard::HazardPolicy policyFromTsv(const std::string& rules, const std::string& milestones,
                                   const std::string& escalation) {
  hazard::HazardPolicy p;
  for (const auto& c : lines(rules)) {
    if (c.size() != 6) continue;
    hazard::DeadlineRule rule;
    if (c[0] != "*") rule.source = parseEnum<hazard::Source>(c[0]);
    if (c[1] != "*") rule.grade = parseEnum<hazard::Grade>(c[1]);
    rule.default_days = std::stoi(c[2]);
    rule.max_days = std::stoi(c[3]);
    rule.count = parseEnum<hazard::DayCount>(c[4]).value_or(hazard::DayCount::Calendar);
    rule.basis = c[5];
    p.rules.push_back(std::move(rule));
  }
  for (const auto& c : lines(milestones)) {
    if (c.size() == 2) p.major_milestones.push_back({c[0], std::stoi(c[1])});
  }
  const auto esc = lines(escalation);
  if (!esc.empty() && esc.front().size() == 5) {
    const auto& e = esc.front();
    p.escalation = {std::stoi(e[0]), std::stoi(e[1]), std::stoi(e[2]), std::stoi(e[3]),
                    std::stoi(e[4])};
  }
  return p;
}

}  // namespace

Result<void> hazardPolicyToJson(Connection& c) {
  auto rows = CS_TRY(c.query("SELECT id, rules, milestones, escalation FROM hazard_policy", {}));
  for (const auto& r : rows) {
    const auto p = policyFromTsv(r.getText(1), r.getText(2), r.getText(3));
    CS_TRY(
        c.query("UPDATE hazard_policy SET policy = ? WHERE id = ?", {json(p).dump(), r.getInt(0)}));
  }
  return c.execScript(
      "ALTER TABLE hazard_policy DROP COLUMN rules; ALTER TABLE hazard_policy DROP COLUMN "
      "milestones; ALTER TABLE hazard_policy DROP COLUMN escalation;");
}

Result<std::vector<hazard::CalendarException>> SqlHazardSettingsRepository::calendar() {
  auto rows = CS_TRY(conn_.query("SELECT day, workday, name FROM calendar_days ORDER BY day", {}));
  std::vector<hazard::CalendarException> out;
  for (const auto& r : rows) {
    const auto day = hazard::parseDay(r.getText(0));
    if (!day) {
      return fail(Errc::Internal, "calendar_days.day",
                  "unknown day '" + r.getText(0) + "' stored in calendar_days.day");
    }
    out.push_back({*day, r.getBool(1), r.getText(2)});
  }
  return out;
}

Result<std::vector<int>> SqlHazardSettingsRepository::calendarYears() {
  auto rows = CS_TRY(conn_.query("SELECT year FROM calendar_years ORDER BY year", {}));
  std::vector<int> years;
  for (const auto& r : rows) years.push_back(static_cast<int>(r.getInt(0)));
  return years;
}

Result<void> SqlHazardSettingsRepository::replaceCalendarYear(
    int year, const std::vector<hazard::CalendarException>& days) {
  CS_TRY(conn_.query("INSERT INTO calendar_years (year) VALUES (?) ON CONFLICT (year) DO NOTHING",
                     {std::int64_t{year}}));
  CS_TRY(conn_.query("DELETE FROM calendar_days WHERE year = ?", {std::int64_t{year}}));
  for (const auto& d : days) {
    CS_TRY(conn_.query(
        "INSERT INTO calendar_days (day, year, workday, name) VALUES (?, ?, ?, ?)",
        {hazard::formatDay(d.day), std::int64_t{year}, std::int64_t{d.workday ? 1 : 0}, d.name}));
  }
  return ok();
}

Result<std::optional<hazard::HazardPolicy>> SqlHazardSettingsRepository::policy() {
  auto rows = CS_TRY(conn_.query("SELECT policy FROM hazard_policy WHERE id = 1", {}));
  if (rows.empty()) return std::optional<hazard::HazardPolicy>{};
  return std::optional<hazard::HazardPolicy>{CS_TRY(readPolicy(rows.front().getText(0)))};
}

Result<void> SqlHazardSettingsRepository::savePolicy(const hazard::HazardPolicy& p) {
  CS_TRY(conn_.query("DELETE FROM hazard_policy WHERE id = 1", {}));
  CS_TRY(conn_.query("INSERT INTO hazard_policy (id, policy) VALUES (1, ?)", {json(p).dump()}));
  return ok();
}

}  // namespace citysafe::sql
