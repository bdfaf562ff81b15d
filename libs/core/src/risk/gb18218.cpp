#include "citysafe/core/risk/gb18218.hpp"

#include <cmath>
#include <sstream>

namespace citysafe::risk {
namespace {

// "氯化氢(无水)" and "氯化氢(无水)" are both "氯化氢" for matching a plain name.
std::string_view baseName(std::string_view name) {
  const auto ascii = name.find('(');
  const auto wide = name.find("\xEF\xBC\x88");  // full-width (
  return name.substr(0, std::min(ascii, wide));
}

bool hasAlias(std::string_view aliases, std::string_view name) {
  std::size_t start = 0;
  while (start <= aliases.size()) {
    const auto end = aliases.find(';', start);
    if (aliases.substr(start, end - start) == name) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

const Chemical* findChemical(const SubstanceInput& s) {
  for (const auto& c : table1Chemicals()) {
    if (!s.cas.empty() && c.cas == s.cas) return &c;
    if (!s.name.empty() &&
        (c.name == s.name || baseName(c.name) == s.name || hasAlias(c.aliases, s.name))) {
      return &c;
    }
  }
  return nullptr;
}

const ToxicGasBeta* findToxicGas(const SubstanceInput& s, const Chemical* chemical) {
  for (const auto& g : table3ToxicGases()) {
    if (!s.cas.empty() && g.cas == s.cas) return &g;
    if (!s.name.empty() && g.name == s.name) return &g;
    if (chemical && (g.cas == chemical->cas || g.name == baseName(chemical->name))) return &g;
  }
  return nullptr;
}

const HazardCategory* findCategory(std::string_view symbol) {
  for (const auto& c : table2Categories()) {
    if (c.symbol == symbol) return &c;
  }
  return nullptr;
}

std::string describe(const SubstanceInput& s) { return s.name.empty() ? "CAS " + s.cas : s.name; }

}  // namespace

double alphaFor(std::int64_t people) {
  for (const auto& band : table5Alpha()) {
    if (people >= band.min_people && (band.max_people < 0 || people <= band.max_people))
      return band.alpha;
  }
  return 0.5;
}

int gradeFor(double r) {
  if (r >= 100) return 1;
  if (r >= 50) return 2;
  if (r >= 10) return 3;
  return 4;
}

const char* gradeLabel(int grade) {
  switch (grade) {
    case 1:
      return "一级";
    case 2:
      return "二级";
    case 3:
      return "三级";
    case 4:
      return "四级";
    default:
      return "";
  }
}

Result<Gb18218Result> assessGb18218(const Gb18218Input& input) {
  if (input.substances.empty())
    return invalid("substances", "list at least one substance held in the unit");
  if (input.people_500m < 0) return invalid("people_500m", "must not be negative");
  Gb18218Result out;
  double weighted = 0;
  for (std::size_t i = 0; i < input.substances.size(); ++i) {
    const auto& s = input.substances[i];
    const std::string at = "substances[" + std::to_string(i) + "].";
    if (s.name.empty() && s.cas.empty())
      return invalid(at + "name", "give the substance's name or CAS number");
    if (!std::isfinite(s.quantity_t) || s.quantity_t < 0) {
      return invalid(at + "quantity_t", "must be a quantity in tonnes, zero or more");
    }
    const HazardCategory* category = nullptr;
    if (!s.category.empty()) {
      category = findCategory(s.category);
      if (!category)
        return invalid(at + "category",
                       "'" + s.category + "' is not a GB 18218 Table 2 category (J1–J5, W1.1–W11)");
    }
    const Chemical* chemical = findChemical(s);
    Gb18218Term term;
    term.q = s.quantity_t;
    if (chemical) {
      term.substance = std::string(chemical->name);
      term.critical_q = chemical->critical_t;
      term.critical_source = "表1";
    } else if (category) {
      term.substance = describe(s);
      term.critical_q = category->critical_t;
      term.critical_source = "表2 " + std::string(category->symbol);
    } else {
      return invalid(
          at + (s.name.empty() ? "cas" : "name"),
          "'" + describe(s) +
              "' is not in GB 18218 Table 1; give its hazard category (Table 2, e.g. W5.3)");
    }
    if (const ToxicGasBeta* gas = findToxicGas(s, chemical)) {
      term.beta = gas->beta;
      term.beta_source = "表3";
    } else if (category) {
      term.beta = category->beta;
      term.beta_source = "表4 " + std::string(category->symbol);
    } else {
      return invalid(at + "category",
                     "'" + term.substance +
                         "' is not a Table 3 toxic gas; give its hazard category for β (Table 4)");
    }
    term.ratio = term.q / term.critical_q;
    out.s += term.ratio;
    weighted += term.beta * term.ratio;
    out.terms.push_back(std::move(term));
  }
  out.is_major_hazard = out.s >= 1;
  out.alpha = alphaFor(input.people_500m);
  out.r = std::round(out.alpha * weighted * 1000) / 1000;  // the standard works to a few decimals
  if (out.is_major_hazard) {
    out.grade = gradeFor(out.r);
    out.level = static_cast<RiskLevel>(out.grade - 1);
  }
  return out;
}

}  // namespace citysafe::risk
