#include "hazard_json.hpp"

#include <cmath>
#include <sstream>

#include "citysafe/core/org/sectors.hpp"
#include "query_params.hpp"

namespace citysafe::http {

using namespace hazard;  // NOLINT(google-build-using-namespace): this file is all hazards

namespace {

// from/to dates: [start of `from`, start of the day after `to`) in Beijing time.
Result<void> periodFrom(const QueryParams& q, std::optional<TimePoint>& from,
                        std::optional<TimePoint>& to) {
  if (const auto f = q.text("from")) from = startOfLocalDay(CS_TRY(dayFrom(*f, "from")));
  if (const auto t = q.text("to")) {
    to = startOfLocalDay(CS_TRY(dayFrom(*t, "to")) + std::chrono::days(1));
  }
  if (from && to && *to <= *from) return invalid("to", "must not be before from");
  return {};
}

Result<std::optional<std::string>> sectorOf(const QueryParams& q) {
  const auto s = q.text("sector");
  if (s && !org::isKnownSector(*s)) return invalid("sector", "unknown sector '" + *s + "'");
  return s;
}

Result<int> intField(const Json& j, const char* key, const std::string& field) {
  if (!j.contains(key) || !j[key].is_number_integer())
    return invalid(field, "must be a whole number");
  const auto v = j[key].get<std::int64_t>();
  if (v < -100000 || v > 100000) return invalid(field, "is out of range");
  return static_cast<int>(v);
}

}  // namespace

Result<org::GeoPoint> locationFrom(const BodyReader& body) {
  const auto& loc = body.raw().contains("location") ? body.raw()["location"] : Json();
  if (!loc.is_object() || !loc.contains("lon") || !loc.contains("lat") || !loc["lon"].is_number() ||
      !loc["lat"].is_number()) {
    return invalid("location", "needs lon and lat: pick the place on the map");
  }
  return org::GeoPoint{loc["lon"].get<double>(), loc["lat"].get<double>()};
}

Result<Day> dayFrom(const std::string& text, const char* field) {
  auto d = parseDay(text);
  if (!d) return invalid(field, "'" + text + "' is not a date like 2026-10-08");
  return *d;
}

}  // namespace citysafe::http

namespace citysafe::hazard {

using http::Json;

void to_json(Json& out, const Supervision& s) {
  out = {{"tier", s.tier},
         {"listed_at", s.listed_at},
         {"reason", s.reason},
         {"delisted_at", s.delisted_at}};
}

void to_json(Json& out, const MilestoneDue& m) {
  out = {{"name", m.name}, {"working_days", m.working_days}, {"due", formatDay(m.due)}};
}

void to_json(Json& out, const HazardView& v) {
  const Hazard& h = v.hazard;
  out = {{"id", h.id},
         {"code", h.code},
         {"title", h.title},
         {"description", h.description},
         {"source", h.source},
         {"grade", h.grade},
         {"state", h.state},
         {"sector", h.sector},
         {"org_id", h.org_id},
         {"org_name", v.org_name},
         {"responsible_org_id", h.responsible_org_id},
         {"responsible_org_name", v.responsible_org_name},
         {"risk_point_id", h.risk_point_id},
         {"location", {{"lon", h.location.lon}, {"lat", h.location.lat}}},
         {"address", h.address},
         {"found_by_name", h.found_by_name},
         {"found_at", h.found_at},
         {"reported_at", h.reported_at},
         {"assigned_at", h.assigned_at},
         {"deadline", h.deadline_at},
         {"original_deadline", h.original_deadline_at},
         {"deadline_basis", h.deadline_basis},
         {"due_soon", v.due_soon},
         {"overdue", v.overdue},
         {"overdue_days", v.overdue_days},
         {"submitted_at", h.submitted_at},
         {"closed_at", h.closed_at},
         {"closed_on_time", h.closed_on_time},
         {"supervision", h.supervision},
         {"reopen_count", h.reopen_count},
         {"external_code", h.external_code},
         {"tip_contact", v.show_contact ? Json(h.tip_contact) : Json(nullptr)},
         {"updated_at", h.updated_at},
         {"milestones", v.milestones},
         {"allowed_actions", v.allowed}};
}

void to_json(Json& out, const TimelineEntry& e) {
  out = {{"id", e.id},
         {"at", e.at},
         {"action", e.action},
         {"from", e.from},
         {"to", e.to},
         {"actor", e.actor_name},
         {"note", e.note},
         {"deadline", e.deadline_at},
         {"media_ids", e.media_ids}};
}

void to_json(Json& out, const Media& m) {
  const std::string url = "/api/v1/hazard-media/" + std::to_string(m.id.value);
  out = {{"id", m.id},
         {"hazard_id", m.hazard_id},
         {"stage", m.stage},
         {"content_type", m.content_type},
         {"file_name", m.file_name},
         {"bytes", m.bytes},
         {"width", m.width},
         {"height", m.height},
         {"uploaded_at", m.uploaded_at},
         {"url", url},
         {"thumbnail_url", m.has_thumbnail ? Json(url + "/thumbnail") : Json(nullptr)}};
}

void to_json(Json& out, const Extension& e) {
  out = {{"id", e.id},
         {"hazard_id", e.hazard_id},
         {"state", e.state},
         {"reason", e.reason},
         {"requested_by", e.requested_by_name},
         {"requested_at", e.requested_at},
         {"previous_deadline", e.previous_deadline},
         {"requested_deadline", e.requested_deadline},
         {"decided_by", e.decided_by ? Json(e.decided_by_name) : Json(nullptr)},
         {"decided_at", e.decided_at},
         {"decision_note", e.decision_note}};
}

void to_json(Json& out, const Notification& n) {
  out = {{"id", n.id}, {"hazard_id", n.hazard_id}, {"kind", n.kind}, {"message", n.message},
         {"at", n.at}, {"read_at", n.read_at}};
}

void to_json(Json& out, const Figures& f) {
  // Dividing by a whole power of ten gives the nearest double, which prints without noise.
  auto round = [](double v, double per) { return std::round(v * per) / per; };
  out = {{"found", f.found},
         {"closed", f.closed},
         {"closed_on_time", f.closed_on_time},
         {"open", f.open},
         {"overdue_now", f.overdue_now},
         {"closure_rate", round(f.closureRate(), 10000)},
         {"on_time_rate", round(f.onTimeRate(), 10000)},
         {"avg_days_to_close", round(f.averageDaysToClose(), 10)}};
}

}  // namespace citysafe::hazard

namespace citysafe::http {

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

Result<store::HazardFilter> hazardFilterFrom(const HttpRequest& r, TimePoint now) {
  const QueryParams q(r);
  store::HazardFilter f;
  if (const auto states = q.text("state")) {
    std::stringstream in(*states);
    for (std::string part; std::getline(in, part, ',');) {
      f.states.push_back(CS_TRY(readEnum<State>(part, "state")));
    }
  }
  f.grade = CS_TRY(q.named<Grade>("grade"));
  f.source = CS_TRY(q.named<Source>("source"));
  f.sector = CS_TRY(sectorOf(q));
  f.tier = CS_TRY(q.named<Tier>("tier"));
  f.responsible_org_id = CS_TRY(q.id<OrgTag>("responsible_org_id"));
  f.org_id = CS_TRY(q.id<OrgTag>("org_id"));
  if (const auto b = q.text("bbox")) f.bbox = CS_TRY(parseBBox(*b));
  f.supervised_only = CS_TRY(q.flag("supervised")).value_or(false);
  if (CS_TRY(q.flag("overdue")).value_or(false)) f.overdue_at = now;
  f.text = q.textOr("q", "");
  if (f.text.size() > 100) return invalid("q", "must be at most 100 bytes");
  CS_TRY(periodFrom(q, f.found_from, f.found_to));
  return f;
}

Result<StatsQuery> statsQueryFrom(const HttpRequest& r) {
  const QueryParams q(r);
  StatsQuery out;
  CS_TRY(periodFrom(q, out.from, out.to));
  out.org_id = CS_TRY(q.id<OrgTag>("org_id"));
  out.sector = CS_TRY(sectorOf(q));
  return out;
}

Result<ActionRequest> actionFrom(const BodyReader& body) {
  ActionRequest a;
  a.action = CS_TRY(body.requiredEnum<Action>("action"));
  for (auto [key, out] : {std::pair{"note", &a.note}, std::pair{"reason", &a.reason}}) {
    *out = CS_TRY(body.optionalString(key, 4000)).value_or("");
  }
  a.grade = CS_TRY(body.optionalEnum<Grade>("grade"));
  a.sector = CS_TRY(body.optionalString("sector", 40));
  auto unit = CS_TRY(body.optionalId("responsible_org_id"));
  if (unit) a.responsible_org_id = OrgId{*unit};
  auto deadline = CS_TRY(body.optionalString("deadline", 20));
  if (deadline) a.deadline = CS_TRY(dayFrom(*deadline, "deadline"));
  if (body.has("days") && !body.isNull("days")) {
    const auto& d = body.raw()["days"];
    if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 3660) {
      return invalid("days", "must be a whole number of days between 1 and 3660");
    }
    a.days = static_cast<int>(d.get<std::int64_t>());
  }
  a.count = CS_TRY(body.optionalEnum<DayCount>("day_count"));
  if (a.deadline && a.days) return invalid("days", "give a deadline or a number of days, not both");
  if (body.has("media_ids") && !body.isNull("media_ids")) {
    const auto& ids = body.raw()["media_ids"];
    if (!ids.is_array()) return invalid("media_ids", "must be a list of media ids");
    for (const auto& id : ids) {
      if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
        return invalid("media_ids", "must be a list of media ids");
      }
      a.media_ids.emplace_back(id.get<std::int64_t>());
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

// A name that may be left out (absent or null: any); anything else is an error naming the field.
template <NamedEnum E>
Result<std::optional<E>> optionalName(const Json& object, const char* key,
                                      const std::string& field) {
  if (!object.contains(key) || object[key].is_null()) return std::optional<E>{};
  const auto text = object[key].is_string() ? object[key].get<std::string>() : std::string();
  return readEnum<E>(text, field.c_str()).map([](E value) { return std::optional<E>(value); });
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
      CS_TRY(onlyKeys(item, {"date", "name"}, field + "."));
      auto d = dayFrom(item["date"].get<std::string>(), (field + ".date").c_str());
      if (!d) return invalid(field + ".date", d.error().message);
      auto name = CS_TRY(optionalText(item, "name", field + ".name", 100));
      if (yearOf(*d) != year) {
        return invalid(field + ".date", formatDay(*d) + " is not in " + std::to_string(year));
      }
      for (const auto& earlier : days) {
        if (earlier.day == *d) return invalid(field + ".date", formatDay(*d) + " is listed twice");
      }
      days.push_back({*d, workday, std::move(name)});
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
    CS_TRY(onlyKeys(r, {"source", "grade", "default_days", "max_days", "day_count", "basis"},
                    field + "."));
    DeadlineRule rule;
    rule.source = CS_TRY(optionalName<Source>(r, "source", field + ".source"));
    rule.grade = CS_TRY(optionalName<Grade>(r, "grade", field + ".grade"));
    rule.default_days = CS_TRY(intField(r, "default_days", field + ".default_days"));
    rule.max_days = CS_TRY(intField(r, "max_days", field + ".max_days"));
    const auto count = CS_TRY(optionalName<DayCount>(r, "day_count", field + ".day_count"));
    if (!count) return invalid(field + ".day_count", "must be calendar or working");
    rule.count = *count;
    rule.basis = CS_TRY(optionalText(r, "basis", field + ".basis", 200));
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
      auto days = CS_TRY(intField(m, "working_days", field + ".working_days"));
      p.major_milestones.push_back({m["name"].get<std::string>(), days});
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
      *slot = CS_TRY(intField(e, key, std::string("escalation.") + key));
    }
  }
  CS_TRY(p.validate());
  return p;
}

}  // namespace citysafe::http
