#include "citysafe/core/audit/audit_service.hpp"
#include "citysafe/core/audit/auditor.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

class AuditStore : public StoreContract {
 protected:
  // Verifies the chain, expecting it broken first at `seq`; the report, for more checks.
  audit::VerifyReport brokenAt(std::int64_t seq) {
    auto report = ctx_->auditor.verify(*store_);
    if (!report) {
      ADD_FAILURE() << report.error().message;
      return {};
    }
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->first_broken_seq, seq);
    return *report;
  }
};

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
  EXPECT_NE(brokenAt(5).reason.find("content changed"), std::string::npos);
}

TEST_P(AuditStore, VerifyNoticesADeletedRecord) {
  buildTree();
  rawSql("DELETE FROM audit_log WHERE seq = 3");
  brokenAt(4);
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
  EXPECT_NE(brokenAt(3).reason.find("link"), std::string::npos);
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

identity::Principal officer(const org::Organisation& org, identity::Role role) {
  return {.user_id = UserId{7},
          .username = "officer",
          .org_id = org.id,
          .org_kind = org.kind,
          .org_path = org.path,
          .roles = {role}};
}

TEST_P(AuditStore, TheServiceListsOnlyWhatTheCallerReaches) {
  const Tree t = buildTree();
  audit::AuditService audit(*ctx_);
  auto in_b = audit.list(officer(t.street_b, identity::Role::Leader), {});
  ASSERT_TRUE(in_b) << in_b.error().message;
  ASSERT_EQ(in_b->size(), 2U);  // street B and the fire enterprise under it
  for (const auto& r : *in_b) EXPECT_TRUE(r.scope_path.starts_with(t.street_b.path));
  auto one =
      audit.list(identity::Principal::system(),
                 {.scope = {}, .entity = "org", .entity_id = std::to_string(t.city.id.value)});
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 1U);
  EXPECT_EQ(one->front().entity_id, std::to_string(t.city.id.value));
}

TEST_P(AuditStore, TheServicePagesNewestFirst) {
  buildTree();
  audit::AuditService audit(*ctx_);
  auto first = audit.list(identity::Principal::system(), {.scope = {}, .limit = 3});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 3U);
  EXPECT_EQ(first->front().seq, 8);
  auto next = audit.list(identity::Principal::system(),
                         {.scope = {}, .before_seq = first->back().seq, .limit = 3});
  ASSERT_TRUE(next);
  ASSERT_FALSE(next->empty());
  EXPECT_EQ(next->front().seq, first->back().seq - 1);
}

TEST_P(AuditStore, TheServiceRefusesCallersWithoutTheAuditPermissions) {
  const Tree t = buildTree();
  audit::AuditService audit(*ctx_);
  auto listed = audit.list(officer(t.street_a, identity::Role::Inspector), {});
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().code, Errc::Forbidden);
  auto verified = audit.verify(officer(t.city, identity::Role::Leader));  // reads, never verifies
  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().code, Errc::Forbidden);
  auto report = audit.verify(officer(t.city, identity::Role::Admin));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->ok) << report->reason;
}

}  // namespace
}  // namespace citysafe::contract
