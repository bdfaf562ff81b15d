// The citysafe binary as an operator uses it: exit codes, JSON output, tamper detection.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../support/cli_run.hpp"
#include "citysafe/common/random_token.hpp"

namespace citysafe {
namespace {

testing::CliRun run(const std::string& args, const std::string& stdin_text = "") {
  return testing::runCli(args, stdin_text);
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("citysafe-cli-" + randomHexToken(6));
    std::filesystem::create_directories(dir_);
    db_ = "--db sqlite:" + (dir_ / "cli.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(Cli, ImportsAnOsmExtractAndReportsTheCount) {
  const auto r = run("import osm " + std::string(CITYSAFE_SHARED_DATA) +
                     "/osm/shanghai_huangpu_osmnx.osm " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto json = nlohmann::json::parse(r.out.substr(r.out.rfind('{')));
  EXPECT_EQ(json["source"], "shanghai_huangpu_osmnx.osm");
  EXPECT_GT(json["features"].get<int>(), 700);
}

TEST_F(Cli, AnUnreadableOsmFileExitsWithCode2) {
  const auto r = run("import osm /nonexistent.osm.pbf " + db_);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("file:"), std::string::npos) << r.out;
}

TEST_F(Cli, BadFlagsExitWithCode2) {
  EXPECT_EQ(run("serve --port notaport").exit_code, 2);
  EXPECT_EQ(run("no-such-verb").exit_code, 2);
}

// Bad MQTT security flags stop `serve` and `replay` before anything starts, naming the flag.
TEST_F(Cli, BadMqttSecurityFlagsExitWithCode2NamingTheFlag) {
  const auto not_pem = (dir_ / "not.pem").string();
  std::ofstream(not_pem) << "not a certificate\n";
  const auto empty = (dir_ / "empty-password").string();
  std::ofstream(empty) << "\n";
  const std::string serve = "serve --port 0 " + db_ + " --mqtt mqtts://127.0.0.1:1";
  const std::string replay = "replay /dev/null --sensor S --mqtt mqtts://127.0.0.1:1";
  const std::pair<std::string, std::string> cases[] = {
      {serve + " --mqtt-tls-ca /nonexistent/ca.crt", "mqtt-tls-ca:"},
      {serve + " --mqtt-tls-ca " + not_pem, "mqtt-tls-ca:"},
      {serve + " --mqtt-tls-cert " + not_pem + " --mqtt-tls-key " + not_pem, "mqtt-tls-cert:"},
      {serve + " --mqtt-tls-key " + not_pem, "mqtt-tls-cert:"},
      {serve + " --mqtt-username u --mqtt-password-file /nonexistent", "mqtt-password-file:"},
      {serve + " --mqtt-username u --mqtt-password-file " + empty, "mqtt-password-file:"},
      {"serve --port 0 " + db_ + " --mqtt-username u", "mqtt:"},
      {replay + " --mqtt-tls-ca /nonexistent/ca.crt", "mqtt-tls-ca:"},
      {replay + " --mqtt-password-file " + empty, "mqtt-password-file:"},
  };
  for (const auto& [args, named] : cases) {
    const auto r = run(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_NE(r.out.find(named), std::string::npos) << args << "\n" << r.out;
  }
  // No flag takes the password itself, and the refusal does not repeat it.
  const auto refused = run(replay + " --mqtt-password hunter2");
  EXPECT_EQ(refused.exit_code, 2) << refused.out;
  EXPECT_NE(refused.out.find("use --mqtt-password-file"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("hunter2"), std::string::npos) << refused.out;
}

TEST_F(Cli, UserAddReadsThePasswordFromStandardInputOnly) {
  ASSERT_EQ(run("migrate " + db_).exit_code, 0);
  // No organisation exists yet, so even a good request fails on org_id, with exit code 2.
  const auto no_org = run("user add --username ops --org-id 1 --role admin --password-stdin " + db_,
                          "a-long-password");
  EXPECT_EQ(no_org.exit_code, 2) << no_org.out;
  EXPECT_NE(no_org.out.find("org_id"), std::string::npos) << no_org.out;
  const auto no_password = run("user add --username ops --org-id 1 --role admin " + db_);
  EXPECT_EQ(no_password.exit_code, 2);
  EXPECT_NE(no_password.out.find("password"), std::string::npos) << no_password.out;
  const auto bad_role =
      run("user add --username ops --org-id 1 --role emperor --password-stdin " + db_,
          "a-long-password");
  EXPECT_EQ(bad_role.exit_code, 2);
  EXPECT_NE(bad_role.out.find("role"), std::string::npos) << bad_role.out;
}

TEST_F(Cli, AuditVerifyDetectsARecordEditedInTheDatabase) {
  ASSERT_EQ(run("import osm " + std::string(CITYSAFE_SHARED_DATA) +
                "/osm/shanghai_huangpu_osmnx.osm " + db_)
                .exit_code,
            0);
  ASSERT_EQ(
      run("import osm " + std::string(CITYSAFE_SHARED_DATA) + "/osm/osrm_monaco.osm.pbf " + db_)
          .exit_code,
      0);
  const auto good = run("audit verify " + db_);
  ASSERT_EQ(good.exit_code, 0) << good.out;
  EXPECT_NE(good.out.find("\"ok\":true"), std::string::npos) << good.out;

  const std::string tamper = "sqlite3 " + (dir_ / "cli.db").string() +
                             " \"UPDATE audit_log SET actor = 'mallory' WHERE seq = 1\"";
  ASSERT_EQ(std::system(tamper.c_str()), 0);
  const auto bad = run("audit verify " + db_);
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("\"first_broken_seq\":1"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace citysafe
