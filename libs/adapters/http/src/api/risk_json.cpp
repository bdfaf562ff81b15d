#include "risk_json.hpp"

#include <charconv>

#include "citysafe/common/csv.hpp"
#include "citysafe/core/org/sectors.hpp"
#include "citysafe/core/risk/geometry.hpp"

namespace citysafe::http {

Result<Crs> parseCrs(const std::string& text, const std::string& field) {
  if (text.empty() || text == "wgs84" || text == "WGS-84" || text == "EPSG:4326") return Crs::Wgs84;
  if (text == "gcj02" || text == "GCJ-02") return Crs::Gcj02;
  return invalid(field, "must be wgs84 or gcj02");
}

namespace {

Result<org::GeoPoint> position(const Json& j, const std::string& field, Crs crs) {
  if (!j.is_array() || j.size() < 2 || !j[0].is_number() || !j[1].is_number()) {
    return invalid(field, "a position is [longitude, latitude]");
  }
  org::GeoPoint p{j[0].get<double>(), j[1].get<double>()};
  return crs == Crs::Gcj02 ? risk::gcj02ToWgs84(p) : p;
}

Result<std::vector<org::GeoPoint>> positions(const Json& j, const std::string& field, Crs crs) {
  if (!j.is_array()) return invalid(field, "must be an array of positions");
  std::vector<org::GeoPoint> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    auto p = CS_TRY(position(j[i], field + "[" + std::to_string(i) + "]", crs));
    out.push_back(p);
  }
  return out;
}

Json positionJson(org::GeoPoint p, Crs crs) {
  if (crs == Crs::Gcj02) p = risk::wgs84ToGcj02(p);
  return Json::array({std::round(p.lon * 1e7) / 1e7, std::round(p.lat * 1e7) / 1e7});
}

Result<double> number(const Json& inputs, const char* key) {
  if (!inputs.contains(key)) return invalid(std::string("inputs.") + key, "is required");
  if (!inputs[key].is_number()) return invalid(std::string("inputs.") + key, "must be a number");
  return inputs[key].get<double>();
}

Result<int> integer(const Json& inputs, const char* key) {
  if (!inputs.contains(key)) return invalid(std::string("inputs.") + key, "is required");
  if (!inputs[key].is_number_integer())
    return invalid(std::string("inputs.") + key, "must be an integer");
  return inputs[key].get<int>();
}

Result<risk::Gb18218Input> gb18218Input(const Json& inputs) {
  risk::Gb18218Input in;
  if (!inputs.contains("substances") || !inputs["substances"].is_array()) {
    return invalid("inputs.substances", "must be an array of {name or cas, quantity_t, category?}");
  }
  const auto& list = inputs["substances"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "inputs.substances[" + std::to_string(i) + "].";
    const auto& s = list[i];
    if (!s.is_object()) return invalid(at.substr(0, at.size() - 1), "must be an object");
    CS_TRY(onlyKeys(s, {"name", "cas", "category", "quantity_t"}, at));
    risk::SubstanceInput sub;
    for (auto [key, target] :
         {std::pair{"name", &sub.name}, {"cas", &sub.cas}, {"category", &sub.category}}) {
      if (!s.contains(key) || s[key].is_null()) continue;
      if (!s[key].is_string()) return invalid(at + key, "must be a string");
      *target = s[key].get<std::string>();
    }
    if (!s.contains("quantity_t")) return invalid(at + "quantity_t", "is required (tonnes)");
    if (!s["quantity_t"].is_number())
      return invalid(at + "quantity_t", "must be a number of tonnes");
    sub.quantity_t = s["quantity_t"].get<double>();
    in.substances.push_back(std::move(sub));
  }
  if (inputs.contains("people_500m") && !inputs["people_500m"].is_null()) {
    if (!inputs["people_500m"].is_number_integer())
      return invalid("inputs.people_500m", "must be a whole number of people");
    in.people_500m = inputs["people_500m"].get<std::int64_t>();
  }
  return in;
}

}  // namespace

Result<risk::Geometry> parseGeometry(const Json& json, const std::string& field, Crs crs) {
  if (!json.is_object() || !json.contains("type") || !json["type"].is_string() ||
      !json.contains("coordinates")) {
    return invalid(field, "must be a GeoJSON geometry {type, coordinates}");
  }
  const auto type = json["type"].get<std::string>();
  const auto& coords = json["coordinates"];
  risk::Geometry g;
  if (type == "Point") {
    auto p = CS_TRY(position(coords, field + ".coordinates", crs));
    g.type = risk::GeometryType::Point;
    g.points = {p};
  } else if (type == "LineString") {
    auto ps = CS_TRY(positions(coords, field + ".coordinates", crs));
    g.type = risk::GeometryType::LineString;
    g.points = std::move(ps);
  } else if (type == "Polygon") {
    if (!coords.is_array() || coords.empty())
      return invalid(field + ".coordinates", "a Polygon needs its outer ring");
    auto ps = CS_TRY(positions(coords[0], field + ".coordinates[0]", crs));
    g.type = risk::GeometryType::Polygon;
    g.points = std::move(ps);
  } else {
    return invalid(field + ".type", "must be Point, LineString or Polygon");
  }
  return g;
}

Json geometryJson(const risk::Geometry& g, Crs crs) {
  Json coords = Json::array();
  for (const auto& p : g.points) coords.push_back(positionJson(p, crs));
  switch (g.type) {
    case risk::GeometryType::Point:
      return {{"type", "Point"}, {"coordinates", coords.empty() ? Json::array() : coords[0]}};
    case risk::GeometryType::LineString:
      return {{"type", "LineString"}, {"coordinates", coords}};
    case risk::GeometryType::Polygon:
      return {{"type", "Polygon"}, {"coordinates", Json::array({coords})}};
  }
  return nullptr;
}

Result<risk::MethodInput> parseMethodInput(const std::string& method, const Json& inputs) {
  if (!inputs.is_object()) return invalid("inputs", "must be an object");
  if (method == "lec") {
    CS_TRY(onlyKeys(inputs, {"l", "e", "c"}, "inputs."));
    auto l = number(inputs, "l");
    auto e = number(inputs, "e");
    auto c = number(inputs, "c");
    for (const auto* r : {&l, &e, &c}) {
      if (!*r) return tl::unexpected(r->error());
    }
    return risk::MethodInput{risk::LecInput{*l, *e, *c}};
  }
  if (method == "ls") {
    CS_TRY(onlyKeys(inputs, {"l", "s"}, "inputs."));
    auto l = CS_TRY(integer(inputs, "l"));
    auto s = CS_TRY(integer(inputs, "s"));
    return risk::MethodInput{risk::LsInput{l, s}};
  }
  if (method == "gb18218") {
    CS_TRY(onlyKeys(inputs, {"substances", "people_500m"}, "inputs."));
    auto in = CS_TRY(gb18218Input(inputs));
    return risk::MethodInput{std::move(in)};
  }
  return invalid("method", "must be lec, ls or gb18218");
}

Json levelCountsJson(const store::LevelCounts& c) {
  return {{"red", c[0]},  {"orange", c[1]},     {"yellow", c[2]},
          {"blue", c[3]}, {"unassessed", c[4]}, {"total", c[0] + c[1] + c[2] + c[3] + c[4]}};
}

Json riskPointJson(const risk::RiskPoint& point, Crs crs) {
  Json j = point;
  if (crs != Crs::Wgs84) j["geometry"] = geometryJson(point.geometry, crs);
  return j;
}

Result<store::RiskFilter> riskFilterFrom(const HttpRequest& request, Services& services,
                                         const identity::Principal& who) {
  const QueryParams query(request);
  store::RiskFilter f;
  if (const auto box = query.text("bbox")) f.bbox = CS_TRY(parseBBox(*box));
  if (auto sector = query.text("sector")) {
    if (!org::isKnownSector(*sector)) return invalid("sector", "unknown sector '" + *sector + "'");
    f.sector = std::move(sector);
  }
  if (const auto id = CS_TRY(query.id<OrgTag>("org_id"))) {
    const auto org = CS_TRY(store::ifFound(services.orgs.get(who, *id)));
    if (!org) return invalid("org_id", "no such organisation in your scope");
    f.org_path = org->path;
  }
  for (const auto& c : splitNonEmpty(query.textOr("colour", ""), ',')) {
    auto level = risk::parseColour(c);
    if (!level) return invalid("colour", "'" + c + "' is not red, orange, yellow or blue");
    f.levels.push_back(*level);
  }
  for (const auto& k : splitNonEmpty(query.textOr("kind", ""), ',')) {
    f.kinds.push_back(CS_TRY(readEnum<risk::RiskKind>(k, "kind")));
  }
  return f;
}

}  // namespace citysafe::http

namespace citysafe::risk {

void to_json(nlohmann::json& out, const AssessmentSummary& l) {
  out = {{"method", l.method},
         {"basis", l.basis},
         {"value", l.value},
         {"level", l.level},
         {"colour", colourName(l.level)},
         {"assessed_at", l.assessed_at},
         {"due_at", l.due_at}};
}

void to_json(nlohmann::json& out, const RiskPoint& p) {
  using nlohmann::json;
  const auto* l = p.latest ? &*p.latest : nullptr;
  out = {{"id", p.id},
         {"code", p.code},
         {"name", p.name},
         {"kind", p.kind},
         {"kind_zh", nameZh(p.kind)},
         {"vulnerable_target", isVulnerableTarget(p.kind)},
         {"sector", p.sector},
         {"org_id", p.org_id},
         {"enterprise_id", p.enterprise_id},
         {"geometry", http::geometryJson(p.geometry)},
         {"capacity", p.capacity},
         {"hazard_grade", p.hazard_grade > 0 ? json(p.hazard_grade) : json(nullptr)},
         {"colour", l ? json(colourName(l->level)) : json(nullptr)},
         {"level", l ? json(l->level) : json(nullptr)},
         {"latest", p.latest},
         {"created_at", p.created_at},
         {"updated_at", p.updated_at}};
}

void to_json(nlohmann::json& out, const Assessment& a) {
  out = {{"id", a.id},
         {"risk_point_id", a.risk_point_id},
         {"method", a.method},
         {"basis", a.basis},
         {"inputs", nlohmann::json::parse(a.inputs_json, nullptr, false)},
         {"result", nlohmann::json::parse(a.result_json, nullptr, false)},
         {"value", a.value},
         {"level", a.level},
         {"colour", colourName(a.level)},
         {"hazard_grade",
          a.hazard_grade > 0 ? nlohmann::json(a.hazard_grade) : nlohmann::json(nullptr)},
         {"assessor", a.assessor},
         {"assessed_at", a.assessed_at},
         {"due_at", a.due_at}};
}

void to_json(nlohmann::json& out, const ExposedTarget& t) {
  // A place outside the caller's scope comes without id and name.
  const bool named = t.id.valid();
  out = {{"id", named ? nlohmann::json(t.id) : nlohmann::json(nullptr)},
         {"name", named ? nlohmann::json(t.name) : nlohmann::json(nullptr)},
         {"kind", t.kind},
         {"capacity", t.capacity},
         {"distance_m", t.distance_m}};
}

void to_json(nlohmann::json& out, const ExposureRing& ring) {
  out = {{"radius_m", ring.radius_m}, {"people", ring.people}, {"targets", ring.targets}};
}

}  // namespace citysafe::risk
