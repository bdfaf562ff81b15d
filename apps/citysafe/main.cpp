#include <iostream>

#include "verbs.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"CitySafe — city safety operation system (城市安全运行系统)"};
  cli.require_subcommand(1);
  citysafe::app::Action action;
  citysafe::app::addServeVerb(cli, action);
  citysafe::app::addImportVerb(cli, action);
  citysafe::app::addUserVerb(cli, action);
  citysafe::app::addAuditVerb(cli, action);
  citysafe::app::addMigrateVerb(cli, action);
  citysafe::app::addAssessVerb(cli, action);
  citysafe::app::addReplayVerb(cli, action);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    cli.exit(e);
    return 2;  // bad input on the command line
  }
  try {
    return action ? action() : 2;
  } catch (const std::exception& e) {
    std::cerr << "citysafe: unexpected failure: " << e.what() << "\n";
    return 1;
  }
}
