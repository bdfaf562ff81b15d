#include "citysafe/core/audit/auditor.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using AuditStore = StoreContract;

TEST_P(AuditStore, EveryWriteAppendsAChainedRecord) {
  buildTree();  // eight organisations, eight records
  auto report = ctx_->auditor.verify(*store_);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->ok) << report->reason;
  EXPECT_EQ(report->checked, 8);
  auto records = store::readReturning<std::vector<audit::AuditRecord>>(*store_, [&](store::Tx& tx) {
    return tx.audit().list({.scope = {"/", {}, {}}, .entity = "org", .limit = 100});
  });
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 8U);
  EXPECT_EQ(records->front().seq, 8);  // newest first
  EXPECT_EQ(records->back().prev_hash, audit::kGenesisHash);
  EXPECT_EQ(records->back().action, "create");
  EXPECT_NE(records->back().after_json.find("\"name\":\"市\""), std::string::npos);
}

TEST_P(AuditStore, VerifyNamesTheFirstRecordEditedBehindItsBack) {
  buildTree();
  rawSql("UPDATE audit_log SET after_json = '{\"name\":\"forged\"}' WHERE seq = 5");
  auto report = ctx_->auditor.verify(*store_);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 5);
  EXPECT_NE(report->reason.find("content changed"), std::string::npos);
}

TEST_P(AuditStore, VerifyNoticesADeletedRecord) {
  buildTree();
  rawSql("DELETE FROM audit_log WHERE seq = 3");
  auto report = ctx_->auditor.verify(*store_);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 4);
}

TEST_P(AuditStore, VerifyNoticesARecomputedHashThatBreaksTheLink) {
  buildTree();
  // A forger who even has the key, rewriting a record and its own hash, still breaks the next
  // record's link.
  auto records = store::readReturning<std::vector<audit::AuditRecord>>(*store_, [&](store::Tx& tx) {
    return tx.audit().list({.scope = {"/", {}, {}}, .limit = 100});
  });
  ASSERT_TRUE(records);
  audit::AuditRecord forged = (*records)[records->size() - 2];  // seq 2
  forged.after_json = "{}";
  forged.hash = audit::keyedChainHash(forged, testing::kTestAuditKey);
  rawSql("UPDATE audit_log SET after_json = '{}', hash = '" + forged.hash + "' WHERE seq = 2");
  auto report = ctx_->auditor.verify(*store_);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 3);
  EXPECT_NE(report->reason.find("link"), std::string::npos);
}

TEST_P(AuditStore, ListsOnlyRecordsInScope) {
  const Tree t = buildTree();
  auto in_b = store::readReturning<std::vector<audit::AuditRecord>>(*store_, [&](store::Tx& tx) {
    return tx.audit().list({.scope = {t.street_b.path, {}, {}}, .limit = 100});
  });
  ASSERT_TRUE(in_b);
  ASSERT_EQ(in_b->size(), 2U);  // street B and the fire enterprise under it
}

TEST_P(AuditStore, ARolledBackChangeLeavesNoRecord) {
  buildTree();
  auto failed = store_->write([&](store::Tx& tx) -> Result<void> {
    auto r = ctx_->auditor.record(tx, identity::Principal::system(),
                                  {"org", "1", "update", "null", "null", "/"});
    if (!r) return tl::unexpected(r.error());
    return fail(Errc::Invalid, "x", "the change itself failed");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(checkpoints_.lines()->size(), 9U);  // at install and per commit: none for a rollback
  auto report = ctx_->auditor.verify(*store_);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok);
  EXPECT_EQ(report->checked, 8);
}

CITYSAFE_INSTANTIATE_STORES(AuditStore);

}  // namespace
}  // namespace citysafe::contract
