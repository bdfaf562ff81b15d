// `citysafe audit verify`, the real binary, against the attacks the keyed audit log is for: a
// row edited in the database, a deleted tail, and a chain recomputed without the key. The demo
// district is built once by `serve --demo`; each test tampers with its own copy.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include "../support/child_process.hpp"
#include "../support/cli_run.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "citysafe/sql/sql_store.hpp"

namespace citysafe::testing {
namespace {

namespace fs = std::filesystem;

class AuditCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pristine_ = fs::temp_directory_path() / ("citysafe-audit-" + randomHexToken(6));
    fs::create_directories(pristine_);
    ChildProcess serve;
    ASSERT_TRUE(serve.start(
        {CITYSAFE_BINARY, "serve", "--demo", "--port", "0", "--web", (pristine_ / "no-ui").string(),
         "--db", "sqlite:" + (pristine_ / "a.db").string()},
        pristine_ / "serve.log"));
    ASSERT_TRUE(serve.awaitLog("CitySafe listening", std::chrono::seconds(120))) << serve.log();
    serve.kill(SIGTERM);  // a clean stop, which checkpoints the head
  }
  static void TearDownTestSuite() { fs::remove_all(pristine_); }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("citysafe-audit-" + randomHexToken(6));
    fs::create_directories(dir_);
    for (const char* f : {"a.db", "a.db.audit-key", "a.db.audit-key.checkpoints"}) {
      fs::copy_file(pristine_ / f, dir_ / f);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  [[nodiscard]] std::string db() const { return (dir_ / "a.db").string(); }
  [[nodiscard]] CliRun verify() const { return runCli("audit verify --db sqlite:" + db()); }
  // Runs SQL behind the platform's back, as an attacker with the database file would.
  std::string sqlite(const std::string& sql) const {
    const std::string script = (dir_ / "tamper.sql").string();
    std::ofstream(script) << sql << "\n";
    const auto r = runShell("sqlite3 " + db() + " < " + script + " 2>&1");
    return r.out.substr(0, r.out.find_last_not_of('\n') + 1);
  }
  // Rewrites every record's hash as `rehash` says, relinking the chain as a forger would.
  void recomputeChain(const std::function<void(audit::AuditRecord&)>& rehash) {
    auto store = sql::openStore("sqlite:" + db());
    ASSERT_TRUE(store) << store.error().message;
    std::string script = "BEGIN;\n";
    std::string prev = audit::kGenesisHash;
    auto scanned = (*store)->read([&](store::Tx& tx) {
      return tx.audit().scan([&](const audit::AuditRecord& original) {
        audit::AuditRecord r = original;
        r.prev_hash = prev;
        rehash(r);
        prev = r.hash;
        script += "UPDATE audit_log SET prev_hash = '" + r.prev_hash + "', hash = '" + r.hash +
                  "', hash_version = " + std::to_string(r.hash_version) +
                  " WHERE seq = " + std::to_string(r.seq) + ";\n";
        return true;
      });
    });
    ASSERT_TRUE(scanned) << scanned.error().message;
    store->reset();
    sqlite(script + "COMMIT;");
  }

  // What verify says of a row edited since its newest record.
  std::string editedRowFinding(const std::string& entity, const std::string& id) const {
    const std::string seq = sqlite("SELECT MAX(seq) FROM audit_log WHERE entity = '" + entity +
                                   "' AND entity_id = '" + id + "';");
    EXPECT_FALSE(seq.empty()) << entity << " " << id;
    return entity + " " + id + ": current row differs from its last audited state (seq " + seq +
           ")";
  }

  static inline fs::path pristine_;
  fs::path dir_;
};

TEST_F(AuditCli, TheUntouchedDemoVerifies) {
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"ok\":true"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"rows_checked\":0"), std::string::npos) << r.out;
}

TEST_F(AuditCli, NamesAHazardRowEditedInTheDatabase) {
  const std::string id = sqlite("SELECT MIN(id) FROM hazards;");
  ASSERT_FALSE(id.empty());
  const std::string expected = editedRowFinding("hazard", id);
  sqlite("UPDATE hazards SET state = 'closed', closed_at = 0 WHERE id = " + id + ";");
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
}

TEST_F(AuditCli, NamesRiskPointUserAndOrganisationRowsEditedInTheDatabase) {
  const std::string point = sqlite("SELECT MAX(id) FROM risk_points;");
  const std::string user = sqlite("SELECT MAX(id) FROM users;");
  const std::string org = sqlite("SELECT MAX(id) FROM orgs;");
  const std::vector<std::string> expected = {editedRowFinding("risk_point", point),
                                             editedRowFinding("user", user),
                                             editedRowFinding("org", org)};
  // A login counter changes without a record of its own and is left out: no finding.
  sqlite("UPDATE users SET failed_logins = 4 WHERE id = 1;");
  sqlite("UPDATE risk_points SET level = 1 WHERE id = " + point +
         "; UPDATE users SET roles = ',admin,' WHERE id = " + user +
         "; UPDATE orgs SET address = 'elsewhere' WHERE id = " + org + ";");
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 1) << r.out;
  for (const auto& finding : expected) {
    EXPECT_NE(r.out.find(finding), std::string::npos) << finding << "\n" << r.out;
  }
  EXPECT_EQ(r.out.find("user 1:"), std::string::npos) << r.out;
}

TEST_F(AuditCli, NamesTheLastTwentyRecordsDeleted) {
  const std::int64_t last = std::stoll(sqlite("SELECT MAX(seq) FROM audit_log;"));
  ASSERT_GT(last, 20);
  sqlite("DELETE FROM audit_log WHERE seq > " + std::to_string(last - 20) + ";");
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("truncated tail: records " + std::to_string(last - 19) + ".." +
                       std::to_string(last) + " are missing"),
            std::string::npos)
      << r.out;
}

TEST_F(AuditCli, NamesAChainRecomputedWithPlainSha256) {
  recomputeChain([](audit::AuditRecord& r) {
    r.hash_version = audit::kUnkeyedSha256;
    r.hash = audit::unkeyedChainHash(r);
  });
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("record 1: unkeyed, but the chain is keyed from seq 1 on"),
            std::string::npos)
      << r.out;
}

TEST_F(AuditCli, NamesAChainRecomputedWithAnotherKey) {
  recomputeChain([](audit::AuditRecord& r) {
    r.hash = audit::keyedChainHash(r, "not the key in a.db.audit-key, but as long as one");
  });
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("record 1: content changed: its keyed hash does not hold under the audit "
                       "key"),
            std::string::npos)
      << r.out;
}

TEST_F(AuditCli, VerifyNeedsTheKeyAndMakesNone) {
  fs::remove(dir_ / "a.db.audit-key");
  const auto r = verify();
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("audit-key: cannot read"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "a.db.audit-key"));
}

TEST_F(AuditCli, MigrateMakesAPrivateKeyAndItsFirstCheckpoint) {
  const fs::path key = dir_ / "elsewhere" / "audit.key";
  const auto r =
      runCli("migrate --db sqlite:" + (dir_ / "new.db").string() + " --audit-key " + key.string());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  struct stat info {};
  ASSERT_EQ(::stat(key.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  std::ifstream checkpoints(key.string() + ".checkpoints");
  std::string line;
  ASSERT_TRUE(std::getline(checkpoints, line));
  EXPECT_TRUE(line.starts_with("cp1 0 " + audit::kGenesisHash + " ")) << line;

  ::chmod(key.c_str(), 0644);
  const auto shared =
      runCli("migrate --db sqlite:" + (dir_ / "new.db").string() + " --audit-key " + key.string());
  EXPECT_EQ(shared.exit_code, 2) << shared.out;
  EXPECT_NE(shared.out.find("audit-key: " + key.string() + " may be read or written by others"),
            std::string::npos)
      << shared.out;
}

}  // namespace
}  // namespace citysafe::testing
