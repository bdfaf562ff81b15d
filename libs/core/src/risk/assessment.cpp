#include "citysafe/core/risk/assessment.hpp"

#include "citysafe/common/json_text.hpp"

namespace citysafe::risk {
namespace {

Error prefixed(Error e) {
  e.field = "inputs." + e.field;
  return e;
}

Result<Evaluation> evaluateLec(const LecInput& in) {
  auto r = assessLec(in);
  if (!r) return tl::unexpected(prefixed(r.error()));
  Evaluation out{.method = "lec", .value = r->d, .level = r->level};
  out.inputs_json = JsonObject().add("l", in.l).add("e", in.e).add("c", in.c).str();
  out.result_json = JsonObject()
                        .add("value", r->d)
                        .add("band", r->band)
                        .add("level", levelName(r->level))
                        .add("colour", colourName(r->level))
                        .str();
  return out;
}

Result<Evaluation> evaluateLs(const LsInput& in) {
  auto r = assessLs(in);
  if (!r) return tl::unexpected(prefixed(r.error()));
  Evaluation out{.method = "ls", .value = static_cast<double>(r->r), .level = r->level};
  out.inputs_json = JsonObject().add("l", std::int64_t{in.l}).add("s", std::int64_t{in.s}).str();
  out.result_json = JsonObject()
                        .add("value", std::int64_t{r->r})
                        .add("level", levelName(r->level))
                        .add("colour", colourName(r->level))
                        .str();
  return out;
}

Result<Evaluation> evaluateGb18218(const Gb18218Input& in) {
  auto r = assessGb18218(in);
  if (!r) return tl::unexpected(prefixed(r.error()));
  Evaluation out{.method = "gb18218",
                 .value = r->r,
                 .level = r->level,
                 .hazard_grade = r->grade,
                 .is_major_hazard = r->is_major_hazard};
  std::string substances = "[";
  for (std::size_t i = 0; i < in.substances.size(); ++i) {
    const auto& s = in.substances[i];
    JsonObject o;
    if (!s.name.empty()) o.add("name", s.name);
    if (!s.cas.empty()) o.add("cas", s.cas);
    if (!s.category.empty()) o.add("category", s.category);
    o.add("quantity_t", s.quantity_t);
    substances += (i ? "," : "") + o.str();
  }
  out.inputs_json =
      JsonObject().addRaw("substances", substances + "]").add("people_500m", in.people_500m).str();
  std::string terms = "[";
  for (std::size_t i = 0; i < r->terms.size(); ++i) {
    const auto& t = r->terms[i];
    terms += (i ? "," : "") + JsonObject()
                                  .add("substance", t.substance)
                                  .add("q", t.q)
                                  .add("critical_q", t.critical_q)
                                  .add("critical_source", t.critical_source)
                                  .add("beta", t.beta)
                                  .add("beta_source", t.beta_source)
                                  .add("ratio", t.ratio)
                                  .str();
  }
  out.result_json = JsonObject()
                        .addRaw("terms", terms + "]")
                        .add("s", r->s)
                        .add("is_major_hazard", r->is_major_hazard)
                        .add("alpha", r->alpha)
                        .add("r", r->r)
                        .add("grade", std::int64_t{r->grade})
                        .add("grade_label", gradeLabel(r->grade))
                        .add("level", levelName(r->level))
                        .add("colour", colourName(r->level))
                        .str();
  return out;
}

}  // namespace

Result<Evaluation> evaluate(const MethodInput& input) {
  return std::visit(
      [](const auto& in) -> Result<Evaluation> {
        using T = std::decay_t<decltype(in)>;
        if constexpr (std::is_same_v<T, LecInput>)
          return evaluateLec(in);
        else if constexpr (std::is_same_v<T, LsInput>)
          return evaluateLs(in);
        else
          return evaluateGb18218(in);
      },
      input);
}

int ReassessmentPolicy::daysFor(RiskLevel level) const {
  switch (level) {
    case RiskLevel::Major:
      return red_days;
    case RiskLevel::Large:
      return orange_days;
    case RiskLevel::General:
      return yellow_days;
    case RiskLevel::Low:
      return blue_days;
  }
  return blue_days;
}

}  // namespace citysafe::risk
