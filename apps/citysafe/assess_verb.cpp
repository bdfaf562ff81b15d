// `citysafe assess lec|ls|gb18218`: the grading methods for scripts and spot checks; JSON out.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "citysafe/core/risk/assessment.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {
namespace {

int printEvaluation(const Result<risk::Evaluation>& evaluation) {
  if (!evaluation) return report(evaluation.error());
  auto out = nlohmann::json::parse(evaluation->result_json);
  out["method"] = evaluation->method;
  std::cout << out.dump(2) << "\n";
  return 0;
}

// The input file: {"substances":[{"name"|"cas", "quantity_t", "category"?}], "people_500m": N}.
Result<risk::Gb18218Input> readGb18218File(const std::string& path) {
  std::ifstream in(path);
  if (!in) return invalid("input", "cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return invalid("input", "'" + path + "' is not a JSON object");
  if (!json.contains("substances") || !json["substances"].is_array()) {
    return invalid("substances", "must be an array of {name or cas, quantity_t, category?}");
  }
  risk::Gb18218Input input;
  for (std::size_t i = 0; i < json["substances"].size(); ++i) {
    const auto& s = json["substances"][i];
    const std::string at = "substances[" + std::to_string(i) + "].";
    if (!s.is_object()) return invalid(at + "name", "each substance is an object");
    risk::SubstanceInput sub;
    for (auto [key, target] :
         {std::pair{"name", &sub.name}, {"cas", &sub.cas}, {"category", &sub.category}}) {
      if (!s.contains(key) || s[key].is_null()) continue;
      if (!s[key].is_string()) return invalid(at + key, "must be a string");
      *target = s[key].get<std::string>();
    }
    if (!s.contains("quantity_t") || !s["quantity_t"].is_number()) {
      return invalid(at + "quantity_t", "must be a number of tonnes");
    }
    sub.quantity_t = s["quantity_t"].get<double>();
    input.substances.push_back(std::move(sub));
  }
  if (json.contains("people_500m")) {
    if (!json["people_500m"].is_number_integer())
      return invalid("people_500m", "must be a whole number of people");
    input.people_500m = json["people_500m"].get<std::int64_t>();
  }
  return input;
}

}  // namespace

void addAssessVerb(CLI::App& cli, Action& action) {
  auto* cmd = cli.add_subcommand(
      "assess", "Grade a risk with LEC, the LS matrix or GB 18218-2018 (JSON out)");
  cmd->require_subcommand(1);

  auto lec = std::make_shared<risk::LecInput>();
  auto* lec_cmd = cmd->add_subcommand("lec", "D = L × E × C");
  lec_cmd->add_option("--l", lec->l, "likelihood: 10, 6, 3, 1, 0.5, 0.2, 0.1")->required();
  lec_cmd->add_option("--e", lec->e, "exposure: 10, 6, 3, 2, 1, 0.5")->required();
  lec_cmd->add_option("--c", lec->c, "consequence: 100, 40, 15, 7, 3, 1")->required();
  lec_cmd->callback(
      [lec, &action] { action = [lec] { return printEvaluation(risk::evaluate(*lec)); }; });

  auto ls = std::make_shared<risk::LsInput>();
  auto* ls_cmd = cmd->add_subcommand("ls", "R = L × S on the 5 × 5 matrix");
  ls_cmd->add_option("--l", ls->l, "likelihood 1-5")->required();
  ls_cmd->add_option("--s", ls->s, "severity 1-5")->required();
  ls_cmd->callback(
      [ls, &action] { action = [ls] { return printEvaluation(risk::evaluate(*ls)); }; });

  auto file = std::make_shared<std::string>();
  auto* gb_cmd =
      cmd->add_subcommand("gb18218", "Major hazard source identification and grade of one unit");
  gb_cmd
      ->add_option("--input", *file,
                   "JSON file: substances (name or CAS, quantity_t, category) and people_500m")
      ->required();
  gb_cmd->callback([file, &action] {
    action = [file] {
      auto input = readGb18218File(*file);
      if (!input) return report(input.error());
      return printEvaluation(risk::evaluate(*input));
    };
  });
}

}  // namespace citysafe::app
