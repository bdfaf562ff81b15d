// What the keyed audit log proves, on every store: keyed records, rows checked against their
// last audited content, and a truncated or rewritten tail found from the signed checkpoints.
#include <algorithm>
#include <functional>

#include "citysafe/common/sha256.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "citysafe/core/identity/user_service.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

class AuditIntegrity : public StoreContract {
 protected:
  std::vector<audit::AuditRecord> records() {
    auto all = store::readReturning<std::vector<audit::AuditRecord>>(*store_, [&](store::Tx& tx) {
      return tx.audit().list({.scope = {"/", {}, {}}, .limit = 1000});
    });
    EXPECT_TRUE(all);
    std::vector<audit::AuditRecord> out(all->rbegin(), all->rend());  // oldest first
    return out;
  }
  audit::VerifyReport verify() {
    auto report = ctx_->auditor.verify(*store_);
    EXPECT_TRUE(report) << report.error().message;
    return report.value_or(audit::VerifyReport{});
  }
  // Writes a record's hash fields back as a forger would.
  void rewrite(const audit::AuditRecord& r) {
    rawSql("UPDATE audit_log SET prev_hash = '" + r.prev_hash + "', hash = '" + r.hash +
           "', hash_version = " + std::to_string(r.hash_version) +
           " WHERE seq = " + std::to_string(r.seq));
  }
  // Rehashes the whole chain as a forger with the database would, each record by `sign`, and
  // expects verify() to refuse it from the first record on, naming `problem`.
  void expectRechainRefused(const std::function<void(audit::AuditRecord&)>& sign,
                            const std::string& problem) {
    std::string prev = audit::kGenesisHash;
    for (auto r : records()) {
      r.prev_hash = prev;
      sign(r);
      prev = r.hash;
      rewrite(r);
    }
    const auto report = verify();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_seq, 1);
    EXPECT_TRUE(mentions(report, problem)) << problems(report);
  }
  static bool mentions(const audit::VerifyReport& report, const std::string& text) {
    for (const auto& p : report.problems) {
      if (p.find(text) != std::string::npos) return true;
    }
    return false;
  }
  static std::string problems(const audit::VerifyReport& report) {
    std::string out;
    for (const auto& p : report.problems) out += p + "\n";
    return out;
  }
};

TEST_P(AuditIntegrity, NewRecordsAreKeyedAndCarryTheirRowsContent) {
  buildTree();
  for (const auto& r : records()) {
    EXPECT_EQ(r.hash_version, audit::kKeyedHmac);
    EXPECT_EQ(r.hash, audit::keyedChainHash(r, testing::kTestAuditKey));
    EXPECT_NE(r.hash, audit::unkeyedChainHash(r));
    EXPECT_EQ(r.content_hash.size(), 64U) << r.entity << " " << r.entity_id;
  }
  const auto report = verify();
  EXPECT_TRUE(report.ok) << problems(report);
  EXPECT_EQ(report.rows_checked, 8);
  EXPECT_EQ(report.checkpoints, 9);  // at install, then after each commit
}

TEST_P(AuditIntegrity, ARowEditedBehindItsBackIsNamed) {
  const Tree t = buildTree();
  rawSql("UPDATE orgs SET name = 'forged' WHERE id = " + std::to_string(t.street_b.id.value));
  const auto report = verify();
  EXPECT_FALSE(report.ok);
  EXPECT_TRUE(mentions(report, "org " + std::to_string(t.street_b.id.value) +
                                   ": current row differs from its last audited state (seq 4)"))
      << problems(report);
  EXPECT_EQ(report.problems.size(), 1U) << problems(report);
}

TEST_P(AuditIntegrity, ARowInsertedOrDeletedBehindItsBackIsNamed) {
  const Tree t = buildTree();
  rawSql(
      "INSERT INTO orgs (id, kind, name, path, created_at, updated_at) VALUES "
      "(900, 'street', 'ghost', '/900/', 0, 0)");
  rawSql("DELETE FROM orgs WHERE id = " + std::to_string(t.gas_department.id.value));
  const auto report = verify();
  EXPECT_TRUE(mentions(report, "org 900: row has no audit record")) << problems(report);
  EXPECT_TRUE(mentions(report, "org " + std::to_string(t.gas_department.id.value) +
                                   ": row is gone, but its last audited state (seq 8)"))
      << problems(report);
}

TEST_P(AuditIntegrity, ColumnsThatChangeWithoutARecordAreLeftOut) {
  const Tree t = buildTree();
  identity::UserService users(*ctx_, hasher_);
  auto made = users.create(
      identity::Principal::system(),
      {"wang.wu", "王五", t.street_a.id, {identity::Role::Inspector}, "correct horse battery"});
  ASSERT_TRUE(made) << made.error().message;
  const std::string id = std::to_string(made->id.value);
  rawSql("UPDATE users SET failed_logins = 3, locked_until = 1 WHERE id = " + id);
  EXPECT_TRUE(verify().ok);
  rawSql("UPDATE users SET roles = ',admin,' WHERE id = " + id);
  const auto report = verify();
  EXPECT_TRUE(mentions(report, "user " + id + ": current row differs")) << problems(report);
}

TEST_P(AuditIntegrity, ATruncatedTailIsNamedFromTheCheckpoints) {
  buildTree();
  rawSql("DELETE FROM audit_log WHERE seq > 5");
  const auto report = verify();
  EXPECT_FALSE(report.ok);
  EXPECT_TRUE(mentions(report, "truncated tail: records 6..8 are missing")) << problems(report);
}

TEST_P(AuditIntegrity, AChainRecomputedWithPlainSha256IsRefused) {
  buildTree();
  expectRechainRefused(
      [](audit::AuditRecord& r) {
        r.hash_version = audit::kUnkeyedSha256;
        r.hash = audit::unkeyedChainHash(r);
      },
      "record 1: unkeyed, but the chain is keyed from seq 1 on");
}

TEST_P(AuditIntegrity, AChainRecomputedWithAnotherKeyIsRefused) {
  buildTree();
  expectRechainRefused(
      [](audit::AuditRecord& r) {
        r.hash = audit::keyedChainHash(r, "the attacker's own key, also 32 bytes or more");
      },
      "record 1: content changed: its keyed hash does not hold");
}

TEST_P(AuditIntegrity, AForgedOrDamagedCheckpointIsNamed) {
  buildTree();
  auto lines = checkpoints_.lines().value();
  lines.push_back("cp1 99 " + std::string(64, 'a') + " 0 " + std::string(64, 'b'));
  checkpoints_.replace(lines);
  const auto report = verify();
  EXPECT_TRUE(mentions(report, "checkpoint line 10: its signature does not hold"))
      << problems(report);
  EXPECT_FALSE(mentions(report, "truncated")) << problems(report);
}

TEST_P(AuditIntegrity, UnkeyedRecordsFromBeforeTheKeyKeepVerifying) {
  // A database from before migration 12: two unkeyed records, then the key's first checkpoint.
  checkpoints_.replace({});
  std::string prev = audit::kGenesisHash;
  for (std::int64_t seq = 1; seq <= 2; ++seq) {
    audit::AuditRecord r{.seq = seq,
                         .at = fromEpochMs(1700000000000 + seq),
                         .actor = "system",
                         .entity = "basemap",
                         .entity_id = "1",
                         .action = "import",
                         .before_json = "null",
                         .after_json = "{}",
                         .prev_hash = prev,
                         .hash_version = audit::kUnkeyedSha256};
    r.hash = audit::unkeyedChainHash(r);
    prev = r.hash;
    rawSql(
        "INSERT INTO audit_log (seq, at, actor_id, actor, scope_path, entity, entity_id, "
        "action, before_json, after_json, prev_hash, hash) VALUES (" +
        std::to_string(seq) + ", " + std::to_string(toEpochMs(r.at)) +
        ", 0, 'system', '/', 'basemap', '1', 'import', 'null', '{}', '" + r.prev_hash + "', '" +
        r.hash + "')");
  }
  ASSERT_TRUE(ctx_->auditor.checkpointHead(*store_));
  buildTree();
  auto report = verify();
  EXPECT_TRUE(report.ok) << problems(report);
  EXPECT_EQ(report.checked, 10);
  EXPECT_EQ(records().front().hash_version, audit::kUnkeyedSha256);  // the column's default

  // A keyed record may not be downgraded to an unkeyed one, even with a good unkeyed hash.
  auto fifth = records()[4];
  fifth.hash_version = audit::kUnkeyedSha256;
  fifth.hash = audit::unkeyedChainHash(fifth);
  rewrite(fifth);
  report = verify();
  EXPECT_EQ(report.first_broken_seq, 5);
  EXPECT_TRUE(mentions(report, "record 5: unkeyed after keyed records")) << problems(report);
}

TEST_P(AuditIntegrity, WithoutCheckpointsVerifySaysTheTailIsUnproven) {
  buildTree();
  checkpoints_.replace({});
  const auto report = verify();
  EXPECT_FALSE(report.ok);
  EXPECT_TRUE(mentions(report, "no signed checkpoint")) << problems(report);
}

TEST_P(AuditIntegrity, EveryColumnOfAnAuditedTableIsCoveredOrLeftOutOnPurpose) {
  for (const auto& t : sql::auditedTableColumns()) {
    const auto columns =
        rawColumn(GetParam() == "sqlite"
                      ? "SELECT name FROM pragma_table_info('" + t.table + "')"
                      : "SELECT column_name FROM information_schema.columns WHERE table_name = '" +
                            t.table + "' AND table_schema = current_schema()");
    ASSERT_FALSE(columns.empty()) << t.table;
    for (const auto& column : columns) {
      const auto named = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), column) != list.end();
      };
      EXPECT_TRUE(column == "id" || named(t.covered) || named(t.excluded))
          << t.table << "." << column
          << " is neither covered by the audited content nor left out on purpose: list it in "
             "libs/adapters/sql/src/audited_content.cpp";
    }
    EXPECT_EQ(columns.size(), 1 + t.covered.size() + t.excluded.size()) << t.table;
  }
}

CITYSAFE_INSTANTIATE_STORES(AuditIntegrity);

}  // namespace
}  // namespace citysafe::contract
