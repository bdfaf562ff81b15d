#pragma once
// One file per CLI verb; each registers its subcommand and the action to run.
#include <CLI/CLI.hpp>
#include <functional>

namespace citysafe::app {

using Action = std::function<int()>;

// Each adds a subcommand to `cli` and sets `action` when that subcommand is chosen.
void addServeVerb(CLI::App& cli, Action& action);
void addImportVerb(CLI::App& cli, Action& action);
void addUserVerb(CLI::App& cli, Action& action);
void addAuditVerb(CLI::App& cli, Action& action);
void addMigrateVerb(CLI::App& cli, Action& action);
void addAssessVerb(CLI::App& cli, Action& action);
void addReplayVerb(CLI::App& cli, Action& action);

}  // namespace citysafe::app
