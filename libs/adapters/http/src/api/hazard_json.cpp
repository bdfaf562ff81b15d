#include "hazard_json.hpp"

#include <cmath>
#include <set>
#include <sstream>

#include "citysafe/core/org/sectors.hpp"

namespace citysafe::http {

using namespace hazard;  // NOLINT(google-build-using-namespace): this file is all hazards

namespace {

Json optTime(const std::optional<TimePoint>& t) { return t ? Json(isoTime(*t)) : Json(nullptr); }

Json optOrg(const std::optional<OrgId>& id) { return id ? Json(id->value) : Json(nullptr); }

Json nameOf(const OrgNames& names, const std::optional<OrgId>& id) {
  if (!id) return nullptr;
  auto it = names.find(id->value);
  return it == names.end() ? Json(nullptr) : Json(it->second);
}

std::string query(const HttpRequest& r, const char* name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? std::string() : it->second;
}

Result<std::optional<OrgId>> orgQuery(const HttpRequest& r, const char* name) {
  if (query(r, name).empty()) return std::optional<OrgId>{};
  auto id = positiveQuery(r, name);
  if (!id) return tl::unexpected(id.error());
  return std::optional<OrgId>{OrgId{*id}};
}

// from/to dates: [start of `from`, start of the day after `to`) in Beijing time.
Result<void> periodFrom(const HttpRequest& r, std::optional<TimePoint>& from,
                        std::optional<TimePoint>& to) {
  if (const auto f = query(r, "from"); !f.empty()) {
    auto d = dayFrom(f, "from");
    if (!d) return tl::unexpected(d.error());
    from = startOfLocalDay(*d);
  }
  if (const auto t = query(r, "to"); !t.empty()) {
    auto d = dayFrom(t, "to");
    if (!d) return tl::unexpected(d.error());
    to = startOfLocalDay(*d + std::chrono::days(1));
  }
  if (from && to && *to <= *from) return invalid("to", "must not be before from");
  return {};
}

Result<int> intField(const Json& j, const char* key, const std::string& field) {
  if (!j.contains(key) || !j[key].is_number_integer())
    return invalid(field, "must be a whole number");
  const auto v = j[key].get<std::int64_t>();
  if (v < -100000 || v > 100000) return invalid(field, "is out of range");
  return static_cast<int>(v);
}

}  // namespace

Result<Day> dayFrom(const std::string& text, const char* field) {
  auto d = parseDay(text);
  if (!d) return invalid(field, "'" + text + "' is not a date like 2026-10-08");
  return *d;
}

OrgNames orgNames(store::Store& store, const std::vector<Hazard>& hazards) {
  std::set<std::int64_t> ids;
  for (const auto& h : hazards) {
    ids.insert(h.org_id.value);
    if (h.responsible_org_id) ids.insert(h.responsible_org_id->value);
  }
  OrgNames names;
  (void)store.read([&](store::Tx& tx) -> Result<void> {
    for (auto id : ids) {
      if (auto o = tx.orgs().get(OrgId{id})) names[id] = o->name;
    }
    return ok();
  });
  return names;
}

Json hazardJson(const Hazard& h, const OrgNames& names, TimePoint now, const HazardExtras& x) {
  const bool overdue = isOverdue(h, now);
  const int overdue_days =
      overdue ? static_cast<int>((localDay(now) - localDay(*h.deadline_at)).count()) : 0;
  Json supervision = nullptr;
  if (h.supervision) {
    supervision = {{"tier", toString(h.supervision->tier)},
                   {"listed_at", isoTime(h.supervision->listed_at)},
                   {"reason", h.supervision->reason},
                   {"delisted_at", optTime(h.supervision->delisted_at)}};
  }
  Json milestones = Json::array();
  if (x.calendar && x.policy && h.grade == Grade::Major && h.assigned_at) {
    for (const auto& m : x.policy->major_milestones) {
      milestones.push_back({{"name", m.name},
                            {"working_days", m.working_days},
                            {"due", formatDay(x.calendar->addWorkingDays(localDay(*h.assigned_at),
                                                                         m.working_days))}});
    }
  }
  Json allowed = Json::array();
  for (auto a : x.allowed) allowed.push_back(toString(a));
  return {{"id", h.id},
          {"code", h.code},
          {"title", h.title},
          {"description", h.description},
          {"source", toString(h.source)},
          {"grade", toString(h.grade)},
          {"state", toString(h.state)},
          {"sector", h.sector},
          {"org_id", h.org_id.value},
          {"org_name", nameOf(names, h.org_id)},
          {"responsible_org_id", optOrg(h.responsible_org_id)},
          {"responsible_org_name", nameOf(names, h.responsible_org_id)},
          {"risk_point_id", h.risk_point_id ? Json(*h.risk_point_id) : Json(nullptr)},
          {"location", {{"lon", h.location.lon}, {"lat", h.location.lat}}},
          {"address", h.address},
          {"found_by_name", h.found_by_name},
          {"found_at", isoTime(h.found_at)},
          {"reported_at", isoTime(h.reported_at)},
          {"assigned_at", optTime(h.assigned_at)},
          {"deadline", optTime(h.deadline_at)},
          {"original_deadline", optTime(h.original_deadline_at)},
          {"deadline_basis", h.deadline_basis},
          {"due_soon", h.due_soon_at.has_value() && isOpen(h.state) && !overdue},
          {"overdue", overdue},
          {"overdue_days", overdue_days},
          {"submitted_at", optTime(h.submitted_at)},
          {"closed_at", optTime(h.closed_at)},
          {"closed_on_time", h.closed_on_time ? Json(*h.closed_on_time) : Json(nullptr)},
          {"supervision", supervision},
          {"reopen_count", h.reopen_count},
          {"external_code", h.external_code},
          {"tip_contact",
           x.show_contact && !h.tip_contact.empty() ? Json(h.tip_contact) : Json(nullptr)},
          {"updated_at", isoTime(h.updated_at)},
          {"milestones", milestones},
          {"allowed_actions", allowed}};
}

Json hazardItems(Services& services, const identity::Principal& who,
                 const std::vector<Hazard>& hazards) {
  const auto names = orgNames(services.ctx.store, hazards);
  const auto now = services.ctx.clock.now();
  Json items = Json::array();
  for (const auto& h : hazards) {
    items.push_back(hazardJson(h, names, now, {services.hazards.allowedActions(who, h)}));
  }
  return items;
}

Json timelineJson(const TimelineEntry& e) {
  return {{"id", e.id},
          {"at", isoTime(e.at)},
          {"action", e.action},
          {"from", toString(e.from)},
          {"to", toString(e.to)},
          {"actor", e.actor_name},
          {"note", e.note},
          {"deadline", optTime(e.deadline_at)},
          {"media_ids", e.media_ids}};
}

Json mediaJson(const Media& m) {
  const std::string url = "/api/v1/hazard-media/" + std::to_string(m.id);
  return {{"id", m.id},
          {"hazard_id", m.hazard_id},
          {"stage", toString(m.stage)},
          {"content_type", m.content_type},
          {"file_name", m.file_name},
          {"bytes", m.bytes},
          {"width", m.width},
          {"height", m.height},
          {"uploaded_at", isoTime(m.uploaded_at)},
          {"url", url},
          {"thumbnail_url", m.has_thumbnail ? Json(url + "/thumbnail") : Json(nullptr)}};
}

Json extensionJson(const Extension& e) {
  return {{"id", e.id},
          {"hazard_id", e.hazard_id},
          {"state", toString(e.state)},
          {"reason", e.reason},
          {"requested_by", e.requested_by_name},
          {"requested_at", isoTime(e.requested_at)},
          {"previous_deadline", isoTime(e.previous_deadline)},
          {"requested_deadline", isoTime(e.requested_deadline)},
          {"decided_by", e.decided_by ? Json(e.decided_by_name) : Json(nullptr)},
          {"decided_at", optTime(e.decided_at)},
          {"decision_note", e.decision_note}};
}

Json figuresJson(const Figures& f) {
  // Dividing by a whole power of ten gives the nearest double, which prints without noise.
  auto round = [](double v, double per) { return std::round(v * per) / per; };
  return {{"found", f.found},
          {"closed", f.closed},
          {"closed_on_time", f.closed_on_time},
          {"open", f.open},
          {"overdue_now", f.overdue_now},
          {"closure_rate", round(f.closureRate(), 10000)},
          {"on_time_rate", round(f.onTimeRate(), 10000)},
          {"avg_days_to_close", round(f.averageDaysToClose(), 10)}};
}

Json calendarJson(const WorkCalendar& calendar, int year) {
  Json holidays = Json::array();
  Json workdays = Json::array();
  for (const auto& e : calendar.exceptionsOf(year)) {
    (e.workday ? workdays : holidays).push_back({{"date", formatDay(e.day)}, {"name", e.name}});
  }
  return {{"year", year},
          {"loaded", calendar.hasYear(year)},
          {"holidays", holidays},
          {"workdays", workdays}};
}

Json policyJson(const HazardPolicy& p) {
  Json rules = Json::array();
  for (const auto& r : p.rules) {
    rules.push_back({{"source", r.source ? Json(toString(*r.source)) : Json(nullptr)},
                     {"grade", r.grade ? Json(toString(*r.grade)) : Json(nullptr)},
                     {"default_days", r.default_days},
                     {"max_days", r.max_days},
                     {"day_count", toString(r.count)},
                     {"basis", r.basis}});
  }
  Json milestones = Json::array();
  for (const auto& m : p.major_milestones) {
    milestones.push_back({{"name", m.name}, {"working_days", m.working_days}});
  }
  const auto& e = p.escalation;
  return {{"rules", rules},
          {"major_milestones", milestones},
          {"escalation",
           {{"due_soon_days", e.due_soon_days},
            {"general_city_after_days", e.general_city_after_days},
            {"general_province_after_days", e.general_province_after_days},
            {"major_city_after_days", e.major_city_after_days},
            {"major_province_after_days", e.major_province_after_days}}}};
}

Result<store::HazardFilter> hazardFilterFrom(const HttpRequest& r, TimePoint now) {
  store::HazardFilter f;
  if (const auto states = query(r, "state"); !states.empty()) {
    std::stringstream in(states);
    for (std::string part; std::getline(in, part, ',');) {
      auto s = parseState(part);
      if (!s) return invalid("state", "'" + part + "' is not a hazard state");
      f.states.push_back(*s);
    }
  }
  if (const auto g = query(r, "grade"); !g.empty()) {
    f.grade = parseGrade(g);
    if (!f.grade) return invalid("grade", "must be general or major");
  }
  if (const auto s = query(r, "source"); !s.empty()) {
    f.source = parseSource(s);
    if (!f.source) return invalid("source", "'" + s + "' is not a hazard source");
  }
  if (const auto s = query(r, "sector"); !s.empty()) {
    if (!org::isKnownSector(s)) return invalid("sector", "unknown sector '" + s + "'");
    f.sector = s;
  }
  if (const auto t = query(r, "tier"); !t.empty()) {
    f.tier = parseTier(t);
    if (!f.tier) return invalid("tier", "must be district, city or province");
  }
  auto responsible = orgQuery(r, "responsible_org_id");
  if (!responsible) return tl::unexpected(responsible.error());
  f.responsible_org_id = *responsible;
  if (const auto b = query(r, "bbox"); !b.empty()) {
    auto box = parseBBox(b);
    if (!box) return tl::unexpected(box.error());
    f.bbox = *box;
  }
  for (const char* flag : {"overdue", "supervised"}) {
    const auto v = query(r, flag);
    if (!v.empty() && v != "true" && v != "false") return invalid(flag, "must be true or false");
  }
  f.supervised_only = query(r, "supervised") == "true";
  if (query(r, "overdue") == "true") f.overdue_at = now;
  f.text = query(r, "q");
  if (f.text.size() > 100) return invalid("q", "must be at most 100 bytes");
  if (auto p = periodFrom(r, f.found_from, f.found_to); !p) return tl::unexpected(p.error());
  return f;
}

Result<StatsQuery> statsQueryFrom(const HttpRequest& r) {
  StatsQuery q;
  if (auto p = periodFrom(r, q.from, q.to); !p) return tl::unexpected(p.error());
  auto org = orgQuery(r, "org_id");
  if (!org) return tl::unexpected(org.error());
  q.org_id = *org;
  if (const auto s = query(r, "sector"); !s.empty()) {
    if (!org::isKnownSector(s)) return invalid("sector", "unknown sector '" + s + "'");
    q.sector = s;
  }
  return q;
}

Result<ActionRequest> actionFrom(const BodyReader& body) {
  ActionRequest a;
  auto action = body.requiredString("action", 20);
  if (!action) return tl::unexpected(action.error());
  auto parsed = parseAction(*action);
  if (!parsed) return invalid("action", "'" + *action + "' is not a hazard action");
  a.action = *parsed;
  for (auto [key, out] : {std::pair{"note", &a.note}, std::pair{"reason", &a.reason}}) {
    auto text = body.optionalString(key, 4000);
    if (!text) return tl::unexpected(text.error());
    *out = text->value_or("");
  }
  auto grade = body.optionalString("grade", 20);
  if (!grade) return tl::unexpected(grade.error());
  if (*grade) {
    a.grade = parseGrade(**grade);
    if (!a.grade) return invalid("grade", "must be general or major");
  }
  auto sector = body.optionalString("sector", 40);
  if (!sector) return tl::unexpected(sector.error());
  a.sector = *sector;
  auto unit = body.optionalId("responsible_org_id");
  if (!unit) return tl::unexpected(unit.error());
  if (*unit) a.responsible_org_id = OrgId{**unit};
  auto deadline = body.optionalString("deadline", 20);
  if (!deadline) return tl::unexpected(deadline.error());
  if (*deadline) {
    auto d = dayFrom(**deadline, "deadline");
    if (!d) return tl::unexpected(d.error());
    a.deadline = *d;
  }
  if (body.has("days") && !body.isNull("days")) {
    const auto& d = body.raw()["days"];
    if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 3660) {
      return invalid("days", "must be a whole number of days between 1 and 3660");
    }
    a.days = static_cast<int>(d.get<std::int64_t>());
  }
  auto count = body.optionalString("day_count", 20);
  if (!count) return tl::unexpected(count.error());
  if (*count) {
    a.count = parseDayCount(**count);
    if (!a.count) return invalid("day_count", "must be calendar or working");
  }
  if (a.deadline && a.days) return invalid("days", "give a deadline or a number of days, not both");
  if (body.has("media_ids") && !body.isNull("media_ids")) {
    const auto& ids = body.raw()["media_ids"];
    if (!ids.is_array()) return invalid("media_ids", "must be a list of media ids");
    for (const auto& id : ids) {
      if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
        return invalid("media_ids", "must be a list of media ids");
      }
      a.media_ids.push_back(id.get<std::int64_t>());
    }
  }
  return a;
}

namespace {
// Text that may be left out: a string of at most `max` bytes, or absent/null (""). A number or
// a nested value is an error naming the field, not an empty string stored in silence.
Result<std::string> optionalText(const Json& object, const char* key, const std::string& field,
                                 std::size_t max) {
  if (!object.contains(key) || object[key].is_null()) return std::string();
  if (!object[key].is_string()) return invalid(field, "must be text");
  auto text = object[key].get<std::string>();
  if (text.size() > max) return invalid(field, "must be at most " + std::to_string(max) + " bytes");
  return text;
}

// An object with only the listed keys; anything else is named.
Result<void> onlyKeys(const Json& object, std::initializer_list<const char*> keys,
                      const std::string& field) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) return invalid(field + "." + key, "is not a known field");
  }
  return ok();
}
}  // namespace

Result<std::vector<CalendarException>> calendarFrom(const BodyReader& body, int year) {
  std::vector<CalendarException> days;
  for (const auto& [key, workday] : {std::pair{"holidays", false}, std::pair{"workdays", true}}) {
    if (!body.has(key)) continue;
    const auto& list = body.raw()[key];
    if (!list.is_array()) return invalid(key, "must be a list of {date, name}");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
      const auto& item = list[i];
      if (!item.is_object() || !item.contains("date") || !item["date"].is_string()) {
        return invalid(field, "needs a date");
      }
      if (auto known = onlyKeys(item, {"date", "name"}, field); !known) {
        return tl::unexpected(known.error());
      }
      auto d = dayFrom(item["date"].get<std::string>(), (field + ".date").c_str());
      if (!d) return invalid(field + ".date", d.error().message);
      auto name = optionalText(item, "name", field + ".name", 100);
      if (!name) return tl::unexpected(name.error());
      if (yearOf(*d) != year) {
        return invalid(field + ".date", formatDay(*d) + " is not in " + std::to_string(year));
      }
      for (const auto& earlier : days) {
        if (earlier.day == *d) return invalid(field + ".date", formatDay(*d) + " is listed twice");
      }
      days.push_back({*d, workday, std::move(*name)});
    }
  }
  return days;
}

Result<HazardPolicy> policyFrom(const BodyReader& body) {
  HazardPolicy p;
  const auto& j = body.raw();
  if (!j.contains("rules") || !j["rules"].is_array()) return invalid("rules", "must be a list");
  for (std::size_t i = 0; i < j["rules"].size(); ++i) {
    const auto& r = j["rules"][i];
    const std::string field = "rules[" + std::to_string(i) + "]";
    if (!r.is_object()) return invalid(field, "must be an object");
    if (auto known = onlyKeys(
            r, {"source", "grade", "default_days", "max_days", "day_count", "basis"}, field);
        !known) {
      return tl::unexpected(known.error());
    }
    DeadlineRule rule;
    if (r.contains("source") && !r["source"].is_null()) {
      rule.source =
          r["source"].is_string() ? parseSource(r["source"].get<std::string>()) : std::nullopt;
      if (!rule.source) return invalid(field + ".source", "is not a hazard source");
    }
    if (r.contains("grade") && !r["grade"].is_null()) {
      rule.grade =
          r["grade"].is_string() ? parseGrade(r["grade"].get<std::string>()) : std::nullopt;
      if (!rule.grade) return invalid(field + ".grade", "must be general or major");
    }
    auto def = intField(r, "default_days", field + ".default_days");
    if (!def) return tl::unexpected(def.error());
    auto max = intField(r, "max_days", field + ".max_days");
    if (!max) return tl::unexpected(max.error());
    rule.default_days = *def;
    rule.max_days = *max;
    const auto count = r.contains("day_count") && r["day_count"].is_string()
                           ? parseDayCount(r["day_count"].get<std::string>())
                           : std::nullopt;
    if (!count) return invalid(field + ".day_count", "must be calendar or working");
    rule.count = *count;
    auto basis = optionalText(r, "basis", field + ".basis", 200);
    if (!basis) return tl::unexpected(basis.error());
    rule.basis = std::move(*basis);
    p.rules.push_back(std::move(rule));
  }
  if (j.contains("major_milestones")) {
    if (!j["major_milestones"].is_array()) return invalid("major_milestones", "must be a list");
    for (std::size_t i = 0; i < j["major_milestones"].size(); ++i) {
      const auto& m = j["major_milestones"][i];
      const std::string field = "major_milestones[" + std::to_string(i) + "]";
      if (!m.is_object() || !m.contains("name") || !m["name"].is_string()) {
        return invalid(field + ".name", "is required");
      }
      auto days = intField(m, "working_days", field + ".working_days");
      if (!days) return tl::unexpected(days.error());
      p.major_milestones.push_back({m["name"].get<std::string>(), *days});
    }
  }
  if (j.contains("escalation")) {
    const auto& e = j["escalation"];
    if (!e.is_object()) return invalid("escalation", "must be an object");
    auto& out = p.escalation;
    for (auto [key, slot] :
         {std::pair{"due_soon_days", &out.due_soon_days},
          std::pair{"general_city_after_days", &out.general_city_after_days},
          std::pair{"general_province_after_days", &out.general_province_after_days},
          std::pair{"major_city_after_days", &out.major_city_after_days},
          std::pair{"major_province_after_days", &out.major_province_after_days}}) {
      if (!e.contains(key)) continue;
      auto v = intField(e, key, std::string("escalation.") + key);
      if (!v) return tl::unexpected(v.error());
      *slot = *v;
    }
  }
  if (auto r = p.validate(); !r) return tl::unexpected(r.error());
  return p;
}

}  // namespace citysafe::http
