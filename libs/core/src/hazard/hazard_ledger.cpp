// Import of existing hazard ledgers (台账): rows in their recorded state, with a report per row.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>

#include "citysafe/common/time_format.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/org/sectors.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace {

using Field = std::string LedgerRecord::*;

struct Column {
  Field field;
  std::array<std::string_view, 4> names;  // English name first, then the Chinese headers
};

const std::array<Column, 15> kColumns = {{
    {&LedgerRecord::external_code, {"external_code", "隐患编号", "编号", "序号"}},
    {&LedgerRecord::title, {"title", "隐患名称", "标题", ""}},
    {&LedgerRecord::description, {"description", "隐患描述", "隐患内容", "问题描述"}},
    {&LedgerRecord::source, {"source", "隐患来源", "来源", "发现方式"}},
    {&LedgerRecord::grade, {"grade", "隐患等级", "等级", "隐患级别"}},
    {&LedgerRecord::sector, {"sector", "行业领域", "行业", "所属行业"}},
    {&LedgerRecord::org, {"org", "所属单位", "单位名称", "隐患单位"}},
    {&LedgerRecord::lon, {"lon", "经度", "", ""}},
    {&LedgerRecord::lat, {"lat", "纬度", "", ""}},
    {&LedgerRecord::address, {"address", "地址", "位置", "隐患位置"}},
    {&LedgerRecord::found_at, {"found_at", "发现时间", "发现日期", "排查时间"}},
    {&LedgerRecord::state, {"state", "状态", "整改状态", "整改情况"}},
    {&LedgerRecord::responsible_org, {"responsible_org", "整改责任单位", "责任单位", ""}},
    {&LedgerRecord::deadline, {"deadline", "整改期限", "整改时限", "限期"}},
    {&LedgerRecord::closed_at, {"closed_at", "销号时间", "销号日期", "整改完成时间"}},
}};

template <class T, std::size_t N>
std::optional<T> byLabel(std::string_view text,
                         const std::array<std::pair<std::string_view, T>, N>& labels) {
  for (const auto& [label, value] : labels) {
    if (label == text) return value;
  }
  return std::nullopt;
}

std::optional<Source> sourceOf(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, Source>, 9> kLabels = {{
      {"企业自查", Source::SelfInspection},
      {"网格巡查", Source::GridInspection},
      {"部门检查", Source::DepartmentInspection},
      {"执法检查", Source::EnforcementCheck},
      {"专家检查", Source::ExpertCheck},
      {"专家体检", Source::ExpertCheck},
      {"群众举报", Source::PublicTip},
      {"暗访曝光", Source::UndercoverExposure},
      {"在线监测", Source::OnlineMonitoring},
  }};
  if (auto s = parseEnum<Source>(text)) return s;
  return byLabel(text, kLabels);
}

std::optional<Grade> gradeOf(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, Grade>, 4> kLabels = {{
      {"一般", Grade::General},
      {"一般隐患", Grade::General},
      {"重大", Grade::Major},
      {"重大隐患", Grade::Major},
  }};
  if (auto g = parseEnum<Grade>(text)) return g;
  return byLabel(text, kLabels);
}

std::optional<State> stateOf(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, State>, 9> kLabels = {{
      {"待受理", State::Reported},
      {"不予受理", State::Rejected},
      {"已受理", State::Accepted},
      {"已交办", State::Assigned},
      {"整改中", State::Rectifying},
      {"未整改", State::Rectifying},
      {"待验收", State::Submitted},
      {"已销号", State::Closed},
      {"已整改", State::Closed},
  }};
  if (text.empty()) return State::Reported;
  if (auto s = parseEnum<State>(text)) return s;
  return byLabel(text, kLabels);
}

std::optional<std::string> sectorOf(std::string_view text) {
  for (const auto& s : org::allSectors()) {
    if (s.code == text || s.name_zh == text) return std::string(s.code);
  }
  return std::nullopt;
}

// "2026-03-01", "2026/3/1" or an ISO-8601 date-time.
std::optional<TimePoint> timeOf(const std::string& text, bool end_of_day) {
  if (auto t = parseIso8601(text)) return t;
  int y = 0;
  int m = 0;
  int d = 0;
  char a = 0;
  char b = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) != 5 || a != b ||
      (a != '-' && a != '/' && a != '.')) {
    return std::nullopt;
  }
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  auto day = parseDay(iso);
  if (!day) return std::nullopt;
  return end_of_day ? endOfLocalDay(*day) : startOfLocalDay(*day) + std::chrono::hours(9);
}

bool number(const std::string& text, double& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc{} && p == text.data() + text.size();
}

}  // namespace

struct LedgerOrgs {
  std::map<std::string, std::vector<org::Organisation>> by_name;
  std::map<std::string, org::Organisation> by_code;
};

namespace {

Result<LedgerOrgs> indexOrgs(store::Tx& tx, const Principal& who) {
  LedgerOrgs index;
  store::OrgFilter f{identity::scopeOf(who), std::nullopt, std::nullopt};
  CS_TRY(detail::forEachOrg(tx, f, [&](const org::Organisation& o) {
    index.by_name[o.name].push_back(o);
    if (!o.credit_code.empty()) index.by_code[o.credit_code] = o;
  }));
  return index;
}

}  // namespace

Result<std::vector<LedgerRecord>> ledgerRecords(const std::vector<std::vector<std::string>>& table,
                                                std::vector<ImportProblem>& problems) {
  if (table.empty()) return invalid("file", "is empty");
  std::vector<std::optional<std::size_t>> fields;  // index into kColumns
  std::set<std::size_t> seen;
  for (const auto& raw : table[0]) {
    std::string header = raw;
    if (header.starts_with("\xEF\xBB\xBF")) header.erase(0, 3);
    while (!header.empty() && header.back() == ' ') header.pop_back();
    std::optional<std::size_t> field;
    for (std::size_t c = 0; c < kColumns.size() && !header.empty(); ++c) {
      const auto& names = kColumns[c].names;
      if (std::find(names.begin(), names.end(), header) != names.end()) field = c;
    }
    if (!field && !header.empty())
      problems.push_back({1, header, "is not a ledger column; ignored"});
    if (field && !seen.insert(*field).second) {
      return invalid("header", "column '" + header + "' names a field given twice");
    }
    fields.push_back(field);
  }
  if (!seen.contains(2)) return invalid("header", "needs a 隐患描述 (description) column");
  std::vector<LedgerRecord> records;
  for (std::size_t r = 1; r < table.size(); ++r) {
    const auto& row = table[r];
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); })) {
      continue;
    }
    LedgerRecord rec;
    rec.line = static_cast<int>(r + 1);
    for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
      if (fields[c]) rec.*(kColumns[*fields[c]].field) = row[c];
    }
    records.push_back(std::move(rec));
  }
  return records;
}

// An organisation named by credit code or by a name that is unique in the principal's scope.
static Result<org::Organisation> resolveOrg(const LedgerOrgs& orgs, const std::string& text,
                                            const char* field) {
  if (auto it = orgs.by_code.find(text); it != orgs.by_code.end()) return it->second;
  auto it = orgs.by_name.find(text);
  if (it == orgs.by_name.end()) {
    return invalid(
        field, text.empty() ? "is required" : "'" + text + "' is not an organisation you reach");
  }
  if (it->second.size() > 1) {
    return invalid(field, "'" + text + "' names several organisations; give the credit code");
  }
  return it->second.front();
}

Result<std::optional<Hazard>> HazardLedger::importOne(store::Tx& tx, const Principal& who,
                                                      const Settings& s, const LedgerOrgs& orgs,
                                                      const LedgerRecord& rec,
                                                      std::vector<ImportProblem>& problems) {
  bool good = true;
  auto bad = [&](const char* field, const std::string& reason) {
    problems.push_back({rec.line, field, reason});
    good = false;
  };
  HazardDraft d;
  d.title = rec.title;
  d.description = rec.description;
  if (auto src = sourceOf(rec.source.empty() ? "grid_inspection" : rec.source)) {
    d.source = *src;
  } else {
    bad("source", "'" + rec.source + "' is not a hazard source");
  }
  if (auto g = gradeOf(rec.grade.empty() ? "general" : rec.grade)) {
    d.grade = *g;
  } else {
    bad("grade", "'" + rec.grade + "' is neither 一般 nor 重大");
  }
  if (auto sector = sectorOf(rec.sector)) {
    d.sector = *sector;
  } else {
    bad("sector", "'" + rec.sector + "' is not a sector");
  }
  double lon = 0;
  double lat = 0;
  if (!number(rec.lon, lon)) bad("lon", "'" + rec.lon + "' is not a longitude");
  if (!number(rec.lat, lat)) bad("lat", "'" + rec.lat + "' is not a latitude");
  d.location = {lon, lat};
  d.address = rec.address;
  if (!rec.found_at.empty()) {
    d.found_at = timeOf(rec.found_at, false);
    if (!d.found_at) bad("found_at", "'" + rec.found_at + "' is not a date");
  }
  const auto state = stateOf(rec.state);
  if (!state) bad("state", "'" + rec.state + "' is not a hazard state");
  auto owner = resolveOrg(orgs, rec.org, "org");
  if (owner) {
    d.org_id = owner->id;
  } else {
    bad("org", owner.error().message);
  }
  const bool assigned =
      state && *state != State::Reported && *state != State::Rejected && *state != State::Accepted;
  std::optional<org::Organisation> unit;
  std::optional<TimePoint> deadline;
  std::optional<TimePoint> closed_at;
  if (assigned) {
    auto r = rec.responsible_org.empty() ? owner
                                         : resolveOrg(orgs, rec.responsible_org, "responsible_org");
    if (r) {
      unit = *r;
    } else if (!rec.responsible_org.empty()) {
      bad("responsible_org", r.error().message);
    }
    deadline = timeOf(rec.deadline, true);
    if (!deadline)
      bad("deadline", rec.deadline.empty() ? "is required once a unit is assigned"
                                           : "'" + rec.deadline + "' is not a date");
  }
  if (state == State::Closed) {
    closed_at = timeOf(rec.closed_at, false);
    if (!closed_at)
      bad("closed_at", rec.closed_at.empty() ? "is required for a closed hazard"
                                             : "'" + rec.closed_at + "' is not a date");
  }
  if (!good) return std::optional<Hazard>{};
  auto inserted = insertChecked(tx, who, d);
  // A row the rules refuse is a problem of that row; a store failure ends the import.
  if (!inserted && inserted.error().code != Errc::Internal &&
      inserted.error().code != Errc::Unavailable) {
    bad(inserted.error().field.c_str(), inserted.error().message);
    return std::optional<Hazard>{};
  }
  auto h = CS_TRY(std::move(inserted));
  const Hazard before = h;
  h.external_code = rec.external_code;
  h.state = *state;
  if (unit) {
    h.responsible_org_id = unit->id;
    h.responsible_org_path = unit->path;
    h.assigned_at = h.found_at;
    h.deadline_at = h.original_deadline_at = deadline;
    h.deadline_basis = s.policy.ruleFor(h.source, h.grade).basis;
  }
  if (closed_at) {
    h.closed_at = h.submitted_at = closed_at;
    h.closed_on_time = deadline && *closed_at <= *deadline;
  }
  CS_TRY(tx.hazards().update(h));
  const std::string note =
      "台账导入" + (rec.external_code.empty() ? "" : "（" + rec.external_code + "）");
  CS_TRY(recordStep(tx, who, before, h, "import", note, {}));
  return std::optional<Hazard>(std::move(h));
}

Result<ImportReport> HazardLedger::importLedger(const Principal& who,
                                                const std::vector<LedgerRecord>& records,
                                                std::vector<ImportProblem> parse_problems,
                                                bool keep_good_rows) {
  CS_TRY(identity::require(who, Permission::HazardManage));
  ImportReport report;
  report.problems = std::move(parse_problems);
  std::vector<Hazard> added;
  bool rolled_back = false;
  auto done = ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto s = CS_TRY(settings(tx));
    auto orgs = CS_TRY(indexOrgs(tx, who));
    std::set<int> bad_lines;
    for (const auto& rec : records) {
      const auto before = report.problems.size();
      auto h = CS_TRY(importOne(tx, who, s, orgs, rec, report.problems));
      if (h) added.push_back(std::move(*h));
      if (report.problems.size() > before) bad_lines.insert(rec.line);
    }
    report.failed = static_cast<int>(bad_lines.size());
    if (report.failed > 0 && !keep_good_rows) {
      rolled_back = true;
      return fail(Errc::Invalid, "rows", "rolled back");
    }
    report.imported = static_cast<int>(added.size());
    report.committed = true;
    return ok();
  });
  if (!rolled_back) CS_TRY(std::move(done));
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
  if (report.committed) {
    for (const auto& h : added) announce(h, "imported");
  }
  return report;
}

}  // namespace citysafe::hazard
