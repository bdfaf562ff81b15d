// The hazard port, the same on every store: every field round-trips, filters follow the scope
// rule, the scheduler's candidates, media bytes, extensions, notices, calendar and policy.
#include <map>
#include <set>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/hazard/scheduler.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using hazard::Hazard;
using hazard::State;

class HazardStore : public StoreContract {
 protected:
  Hazard make(const org::Organisation& owner, const std::string& sector, State state) {
    Hazard h;
    h.code = "YH-T";
    h.title = "测试隐患";
    h.description = "配电箱门锁损坏，带电部位外露";
    h.source = hazard::Source::DepartmentInspection;
    h.grade = hazard::Grade::General;
    h.state = state;
    h.sector = sector;
    h.org_id = owner.id;
    h.org_path = owner.path;
    h.location = {120.155, 30.315};
    h.found_by_name = "inspector";
    h.found_at = h.reported_at = h.updated_at = clock_.now();
    return h;
  }
  // A request by the gas enterprise's manager, against `previous` and asking for `until`.
  hazard::Extension request(const Tree& t, HazardId hazard_id, std::string reason,
                            TimePoint until) {
    return {.hazard_id = hazard_id,
            .hazard_org_path = t.gas_enterprise.path,
            .hazard_sector = "gas",
            .requested_by = UserId{4},
            .requested_by_name = "enterprise",
            .requested_at = clock_.now(),
            .reason = std::move(reason),
            .previous_deadline = clock_.now(),
            .requested_deadline = until};
  }
  HazardId insert(const Hazard& h) {
    auto id = store::writeReturning<HazardId>(
        *store_, [&](store::Tx& tx) { return tx.hazards().insert(h); });
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : HazardId{};
  }
  template <class T>
  Result<T> read(const std::function<Result<T>(store::Tx&)>& work) {
    return store::readReturning<T>(*store_, work);
  }
};

TEST_P(HazardStore, EveryFieldRoundTrips) {
  const Tree t = buildTree();
  Hazard h = make(t.gas_enterprise, "gas", State::Closed);
  h.responsible_org_id = t.gas_enterprise.id;
  h.responsible_org_path = t.gas_enterprise.path;
  h.assigned_by_org_id = t.street_a.id;
  h.found_by = UserId{7};
  h.assigned_at = clock_.now() + std::chrono::hours(1);
  h.deadline_at = clock_.now() + std::chrono::days(30);
  h.original_deadline_at = clock_.now() + std::chrono::days(20);
  h.deadline_basis = "30 日整改督办";
  h.due_soon_at = clock_.now() + std::chrono::days(27);
  h.overdue_at = clock_.now() + std::chrono::days(31);
  h.submitted_at = clock_.now() + std::chrono::days(29);
  h.closed_at = clock_.now() + std::chrono::days(32);
  h.closed_on_time = true;
  h.rectifiers = {UserId{3}, UserId{9}};
  h.supervision = hazard::Supervision{hazard::Tier::City, clock_.now(), "逾期 30 天",
                                      clock_.now() + std::chrono::days(33)};
  h.reopen_count = 2;
  h.external_code = "TZ-1";
  h.grade = hazard::Grade::Major;
  h.address = "和平路 1 号";
  const auto id = insert(h);
  auto got = read<Hazard>([&](store::Tx& tx) { return tx.hazards().get(id); });
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->description, h.description);
  EXPECT_EQ(got->state, State::Closed);
  EXPECT_EQ(got->grade, hazard::Grade::Major);
  EXPECT_EQ(got->source, hazard::Source::DepartmentInspection);
  EXPECT_EQ(got->responsible_org_path, t.gas_enterprise.path);
  EXPECT_EQ(got->assigned_by_org_id->value, t.street_a.id.value);
  EXPECT_EQ(got->found_by->value, 7);
  EXPECT_EQ(got->assigned_at, h.assigned_at);
  EXPECT_EQ(got->deadline_at, h.deadline_at);
  EXPECT_EQ(got->original_deadline_at, h.original_deadline_at);
  EXPECT_EQ(got->deadline_basis, h.deadline_basis);
  EXPECT_EQ(got->due_soon_at, h.due_soon_at);
  EXPECT_EQ(got->overdue_at, h.overdue_at);
  EXPECT_EQ(got->submitted_at, h.submitted_at);
  EXPECT_EQ(got->closed_at, h.closed_at);
  EXPECT_EQ(got->closed_on_time, true);
  ASSERT_EQ(got->rectifiers.size(), 2U);
  EXPECT_EQ(got->rectifiers[1].value, 9);
  ASSERT_TRUE(got->supervision);
  EXPECT_EQ(got->supervision->tier, hazard::Tier::City);
  EXPECT_EQ(got->supervision->reason, "逾期 30 天");
  EXPECT_EQ(got->supervision->delisted_at, h.supervision->delisted_at);
  EXPECT_EQ(got->reopen_count, 2);
  EXPECT_EQ(got->external_code, "TZ-1");
  EXPECT_EQ(got->address, "和平路 1 号");
  EXPECT_DOUBLE_EQ(got->location.lon, 120.155);
}

TEST_P(HazardStore, AStaleCopyCannotOverwriteANewerOne) {
  const Tree t = buildTree();
  const auto id = insert(make(t.gas_enterprise, "gas", State::Submitted));
  auto load = [&] { return *read<Hazard>([&](store::Tx& tx) { return tx.hazards().get(id); }); };
  auto first = load();
  auto second = load();
  first.state = State::Closed;
  ASSERT_TRUE(store_->write([&](store::Tx& tx) { return tx.hazards().update(first); }));
  second.state = State::Rectifying;  // a "return" decided on what it read before the close
  auto stale = store_->write([&](store::Tx& tx) { return tx.hazards().update(second); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, Errc::Conflict);
  EXPECT_EQ(load().state, State::Closed);
  first.title = "再次更新";
  EXPECT_TRUE(store_->write([&](store::Tx& tx) { return tx.hazards().update(first); }))
      << "the holder of the newest copy may write again";
}

TEST_P(HazardStore, OnlyOneExtensionRequestWaitsPerHazard) {
  const Tree t = buildTree();
  const auto id = insert(make(t.gas_enterprise, "gas", State::Rectifying));
  auto ask = [&] {
    return store_->write([&](store::Tx& tx) -> Result<void> {
      auto made = tx.extensions().add(request(t, id, "r", clock_.now()));
      return made ? ok() : tl::unexpected(made.error());
    });
  };
  EXPECT_TRUE(ask());
  auto second = ask();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::Conflict);
}

TEST_P(HazardStore, ListsFollowTheScopeRuleAndTheFilters) {
  const Tree t = buildTree();
  insert(make(t.gas_enterprise, "gas", State::Reported));
  insert(make(t.fire_enterprise, "fire", State::Rectifying));
  auto late = make(t.community, "fire", State::Rectifying);
  late.deadline_at = clock_.now() - std::chrono::days(1);
  insert(late);
  insert(make(t.street_b, "gas", State::Closed));
  auto list = [&](store::HazardFilter f) {
    auto r = read<std::vector<Hazard>>(
        [&](store::Tx& tx) { return tx.hazards().list(f, 100, HazardId{}); });
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->size() : 0;
  };
  store::HazardFilter all;
  all.scope = {"/", "", {}};
  EXPECT_EQ(list(all), 4U);
  store::HazardFilter street;
  street.scope = {t.street_a.path, "", {}};
  EXPECT_EQ(list(street), 2U) << "its enterprise and community, not street B's shopping mall";
  store::HazardFilter gas_department;
  gas_department.scope = {t.gas_department.path, t.district.path, {"gas"}};
  EXPECT_EQ(list(gas_department), 2U) << "its sector across the district";
  auto rectifying = all;
  rectifying.states = {State::Rectifying};
  EXPECT_EQ(list(rectifying), 2U);
  auto overdue = all;
  overdue.overdue_at = clock_.now();
  EXPECT_EQ(list(overdue), 1U);
  auto text = all;
  text.text = "配电箱";
  EXPECT_EQ(list(text), 4U);
  text.text = "不存在";
  EXPECT_EQ(list(text), 0U);
  auto counts =
      read<store::StateCounts>([&](store::Tx& tx) { return tx.hazards().countByState(street); });
  ASSERT_TRUE(counts);
  EXPECT_EQ((*counts)[static_cast<int>(State::Rectifying)], 1);
  EXPECT_EQ((*counts)[static_cast<int>(State::Reported)], 1);
}

TEST_P(HazardStore, TheSchedulerSeesDueOnesAndUnlistedMajors) {
  const Tree t = buildTree();
  auto due = make(t.gas_enterprise, "gas", State::Assigned);
  due.deadline_at = clock_.now() + std::chrono::days(2);
  const auto due_id = insert(due);
  auto later = make(t.gas_enterprise, "gas", State::Rectifying);
  later.deadline_at = clock_.now() + std::chrono::days(20);
  insert(later);
  auto major = make(t.fire_enterprise, "fire", State::Submitted);
  major.grade = hazard::Grade::Major;
  const auto major_id = insert(major);
  auto listed = major;
  listed.supervision = hazard::Supervision{hazard::Tier::District, clock_.now(), "重大", {}};
  insert(listed);
  const auto horizon = clock_.now() + std::chrono::days(3);
  auto got = read<std::vector<Hazard>>([&](store::Tx& tx) -> Result<std::vector<Hazard>> {
    std::map<HazardId, Hazard> found;
    for (const auto& f : hazard::sweepFilters(horizon)) {
      for (auto& h : CS_TRY(tx.hazards().list(f, 1000, HazardId{})))
        found.emplace(h.id, std::move(h));
    }
    std::vector<Hazard> out;
    for (auto& [id, h] : found) out.push_back(std::move(h));
    return out;
  });
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 2U);
  EXPECT_EQ((*got)[0].id, due_id);
  EXPECT_EQ((*got)[1].id, major_id);
}

// One rule, two places: the filters the store runs take exactly the hazards the core's
// predicates name, for every state, deadline and listing.
TEST_P(HazardStore, TheStoreFiltersAgreeWithTheCoreOnOverdueAndSweepCandidates) {
  const Tree t = buildTree();
  const auto now = clock_.now();
  const std::vector<std::optional<TimePoint>> deadlines = {std::nullopt,
                                                           now - std::chrono::days(40),
                                                           now - std::chrono::milliseconds(1),
                                                           now,
                                                           now + std::chrono::days(2),
                                                           now + std::chrono::days(3),
                                                           now + std::chrono::days(20)};
  std::vector<Hazard> all;
  for (int s = 0; s < hazard::kStateCount; ++s) {
    for (const auto& deadline : deadlines) {
      for (int variant = 0; variant < 3; ++variant) {
        auto h = make(t.gas_enterprise, "gas", static_cast<State>(s));
        h.deadline_at = deadline;
        h.grade = variant == 0 ? hazard::Grade::General : hazard::Grade::Major;
        if (variant == 2) h.supervision = hazard::Supervision{hazard::Tier::City, now, "重大", {}};
        h.id = insert(h);
        all.push_back(h);
      }
    }
  }
  auto ids = [&](const std::vector<store::HazardFilter>& filters) {
    std::set<HazardId> out;
    for (const auto& f : filters) {
      auto r = read<std::vector<Hazard>>(
          [&](store::Tx& tx) { return tx.hazards().list(f, 1000, HazardId{}); });
      EXPECT_TRUE(r) << r.error().message;
      if (r)
        for (const auto& h : *r) out.insert(h.id);
    }
    return out;
  };
  std::set<HazardId> overdue;
  std::set<HazardId> candidates;
  const auto horizon = now + std::chrono::days(3);
  for (const auto& h : all) {
    if (hazard::isOverdue(h, now)) overdue.insert(h.id);
    if (hazard::isSweepCandidate(h, horizon)) candidates.insert(h.id);
  }
  store::HazardFilter late;
  late.scope = {"/", "", {}};
  late.overdue_at = now;
  EXPECT_EQ(ids({late}), overdue);
  EXPECT_FALSE(overdue.empty());
  EXPECT_EQ(ids(hazard::sweepFilters(horizon)), candidates);
  EXPECT_GT(candidates.size(), overdue.size());
}

// A state the code does not know, written behind the store's back, is a failure to read, not
// a hazard quietly taken as "reported".
TEST_P(HazardStore, AnUnknownStoredStateIsAnErrorNotADefault) {
  const Tree t = buildTree();
  const auto id = insert(make(t.gas_enterprise, "gas", State::Accepted));
  rawSql("UPDATE hazards SET state = 'archived' WHERE id = " + std::to_string(id.value));
  auto got = read<Hazard>([&](store::Tx& tx) { return tx.hazards().get(id); });
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, Errc::Internal);
  EXPECT_NE(got.error().message.find("hazards.state"), std::string::npos) << got.error().message;
  store::HazardFilter all;
  all.scope = {"/", "", {}};
  auto counted =
      read<store::StateCounts>([&](store::Tx& tx) { return tx.hazards().countByState(all); });
  ASSERT_FALSE(counted);
  EXPECT_EQ(counted.error().code, Errc::Internal);
}

TEST_P(HazardStore, KeepsMediaBytesExactlyAndListsWithoutThem) {
  const Tree t = buildTree();
  const auto id = insert(make(t.gas_enterprise, "gas", State::Rectifying));
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>(i % 256);  // NULs and high bytes
  hazard::Media m{.hazard_id = id,
                  .stage = hazard::MediaStage::Evidence,
                  .content_type = "image/png",
                  .file_name = "整改后.png",
                  .bytes = 5000,
                  .sha256 = "abc",
                  .width = 4,
                  .height = 3,
                  .uploaded_by = UserId{5},
                  .uploaded_at = clock_.now()};
  auto mid = store::writeReturning<MediaId>(
      *store_, [&](store::Tx& tx) { return tx.hazardMedia().add(m, bytes, "thumb"); });
  ASSERT_TRUE(mid) << mid.error().message;
  auto listed =
      read<std::vector<hazard::Media>>([&](store::Tx& tx) { return tx.hazardMedia().of(id); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_TRUE((*listed)[0].has_thumbnail);
  EXPECT_EQ((*listed)[0].stage, hazard::MediaStage::Evidence);
  EXPECT_EQ((*listed)[0].file_name, "整改后.png");
  auto content = read<store::MediaContent>(
      [&](store::Tx& tx) { return tx.hazardMedia().content(*mid, false); });
  ASSERT_TRUE(content);
  EXPECT_EQ(content->data, bytes);
  auto thumb = read<store::MediaContent>(
      [&](store::Tx& tx) { return tx.hazardMedia().content(*mid, true); });
  EXPECT_EQ(thumb->data, "thumb");
}

TEST_P(HazardStore, TimelineExtensionsAndNoticesRoundTrip) {
  const Tree t = buildTree();
  const auto id = insert(make(t.gas_enterprise, "gas", State::Rectifying));
  ASSERT_TRUE(store_->write([&](store::Tx& tx) -> Result<void> {
    hazard::TimelineEntry e{.hazard_id = id,
                            .at = clock_.now(),
                            .action = "progress",
                            .from = State::Assigned,
                            .to = State::Rectifying,
                            .actor_id = UserId{4},
                            .actor_name = "enterprise",
                            .note = "已停用",
                            .media_ids = {MediaId{11}, MediaId{12}}};
    if (auto r = tx.hazards().addTimeline(e); !r) return tl::unexpected(r.error());
    auto x = request(t, id, "备件未到", clock_.now() + std::chrono::days(10));
    auto xid = tx.extensions().add(x);
    if (!xid) return tl::unexpected(xid.error());
    x.id = *xid;
    x.state = hazard::ExtensionState::Granted;
    x.decided_by = UserId{2};
    x.decided_by_name = "street";
    x.decided_at = clock_.now();
    if (auto r = tx.extensions().decide(x); !r) return tl::unexpected(r.error());
    auto n = tx.notifications().add({.org_id = t.gas_enterprise.id,
                                     .hazard_id = id,
                                     .kind = "overdue",
                                     .message = "逾期",
                                     .at = clock_.now()});
    return n ? ok() : tl::unexpected(n.error());
  }));
  auto line = read<std::vector<hazard::TimelineEntry>>(
      [&](store::Tx& tx) { return tx.hazards().timeline(id); });
  ASSERT_EQ(line->size(), 1U);
  EXPECT_EQ((*line)[0].note, "已停用");
  EXPECT_EQ((*line)[0].media_ids, (std::vector<MediaId>{MediaId{11}, MediaId{12}}));
  EXPECT_EQ((*line)[0].from, State::Assigned);
  auto exts = read<std::vector<hazard::Extension>>([&](store::Tx& tx) {
    return tx.extensions().list(id, {"/", "", {}});
  });
  ASSERT_EQ(exts->size(), 1U);
  EXPECT_EQ((*exts)[0].state, hazard::ExtensionState::Granted);
  EXPECT_EQ((*exts)[0].decided_by_name, "street");
  auto pending = read<std::vector<hazard::Extension>>([&](store::Tx& tx) {
    return tx.extensions().list(HazardId{}, {"/", "", {}});
  });
  EXPECT_TRUE(pending->empty());
  auto notes = read<std::vector<hazard::Notification>>(
      [&](store::Tx& tx) { return tx.notifications().list(t.gas_enterprise.id, true, 10); });
  ASSERT_EQ(notes->size(), 1U);
  auto other = store::writeReturning<bool>(*store_, [&](store::Tx& tx) {
    return tx.notifications().markRead((*notes)[0].id, t.street_a.id, clock_.now());
  });
  EXPECT_FALSE(*other) << "only the addressee marks its notice read";
  auto mine = store::writeReturning<bool>(*store_, [&](store::Tx& tx) {
    return tx.notifications().markRead((*notes)[0].id, t.gas_enterprise.id, clock_.now());
  });
  EXPECT_TRUE(*mine);
  notes = read<std::vector<hazard::Notification>>(
      [&](store::Tx& tx) { return tx.notifications().list(t.gas_enterprise.id, true, 10); });
  EXPECT_TRUE(notes->empty());
}

TEST_P(HazardStore, CalendarYearsAndPolicyAreReplacedWhole) {
  const auto day = [](const char* d) { return *hazard::parseDay(d); };
  ASSERT_TRUE(store_->write([&](store::Tx& tx) {
    return tx.hazardSettings().replaceCalendarYear(
        2027, {{day("2027-10-01"), false, "国庆节"}, {day("2027-09-26"), true, "调休"}});
  }));
  ASSERT_TRUE(store_->write([&](store::Tx& tx) {
    return tx.hazardSettings().replaceCalendarYear(2027, {{day("2027-10-02"), false, "国庆节"}});
  }));
  auto days = read<std::vector<hazard::CalendarException>>(
      [&](store::Tx& tx) { return tx.hazardSettings().calendar(); });
  ASSERT_EQ(days->size(), 1U);
  EXPECT_EQ((*days)[0].day, day("2027-10-02"));
  auto none = read<std::optional<hazard::HazardPolicy>>(
      [&](store::Tx& tx) { return tx.hazardSettings().policy(); });
  EXPECT_FALSE(*none);
  auto p = hazard::HazardPolicy::defaults();
  p.rules[0].basis = "带\t制表符的依据";
  p.escalation.general_city_after_days = 15;
  ASSERT_TRUE(store_->write([&](store::Tx& tx) { return tx.hazardSettings().savePolicy(p); }));
  ASSERT_TRUE(store_->write([&](store::Tx& tx) { return tx.hazardSettings().savePolicy(p); }));
  auto got = read<std::optional<hazard::HazardPolicy>>(
      [&](store::Tx& tx) { return tx.hazardSettings().policy(); });
  ASSERT_TRUE(*got);
  ASSERT_EQ((*got)->rules.size(), p.rules.size());
  EXPECT_EQ((*got)->rules[0].source, hazard::Source::UndercoverExposure);
  EXPECT_FALSE((*got)->rules[0].grade);
  EXPECT_EQ((*got)->rules[0].basis, "带\t制表符的依据") << "kept exactly, tab and all";
  EXPECT_EQ((*got)->rules.back().count, hazard::DayCount::Working);
  EXPECT_EQ((*got)->escalation.general_city_after_days, 15);
  EXPECT_EQ((*got)->major_milestones.size(), 4U);
}

// A database that kept the policy as tab-separated rows (before migration 13) reads back the
// same policy once migrated.
TEST_P(HazardStore, APolicyKeptAsTabSeparatedRowsReadsBackTheSameAfterMigrating) {
  rawSql(
      "DROP TABLE hazard_policy;"
      "CREATE TABLE hazard_policy (id BIGINT PRIMARY KEY, rules TEXT NOT NULL, milestones TEXT "
      "NOT NULL, escalation TEXT NOT NULL);"
      "INSERT INTO hazard_policy (id, rules, milestones, escalation) VALUES (1, "
      "'undercover_exposure\t*\t15\t30\tcalendar\t暗访曝光 15 天\n"
      "*\tmajor\t60\t180\tworking\t重大隐患 60 个工作日\n"
      "*\t*\t30\t90\tcalendar\t\n', "
      "'制定方案\t5\n完成整改\t40\n', '2\t20\t60\t0\t25');"
      "DELETE FROM schema_migrations WHERE version = 13;");
  auto migrated = store_->migrate();
  ASSERT_TRUE(migrated) << migrated.error().message;
  EXPECT_EQ(*migrated, 1);
  auto got = read<std::optional<hazard::HazardPolicy>>(
      [&](store::Tx& tx) { return tx.hazardSettings().policy(); });
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_TRUE(*got);
  const auto& p = **got;
  ASSERT_EQ(p.rules.size(), 3U);
  EXPECT_EQ(p.rules[0].source, hazard::Source::UndercoverExposure);
  EXPECT_FALSE(p.rules[0].grade);
  EXPECT_EQ(p.rules[0].default_days, 15);
  EXPECT_EQ(p.rules[0].max_days, 30);
  EXPECT_EQ(p.rules[0].count, hazard::DayCount::Calendar);
  EXPECT_EQ(p.rules[0].basis, "暗访曝光 15 天");
  EXPECT_FALSE(p.rules[1].source);
  EXPECT_EQ(p.rules[1].grade, hazard::Grade::Major);
  EXPECT_EQ(p.rules[1].count, hazard::DayCount::Working);
  EXPECT_EQ(p.rules[1].max_days, 180);
  EXPECT_EQ(p.rules[2].basis, "");
  ASSERT_EQ(p.major_milestones.size(), 2U);
  EXPECT_EQ(p.major_milestones[1].name, "完成整改");
  EXPECT_EQ(p.major_milestones[1].working_days, 40);
  EXPECT_EQ(p.escalation.due_soon_days, 2);
  EXPECT_EQ(p.escalation.general_city_after_days, 20);
  EXPECT_EQ(p.escalation.general_province_after_days, 60);
  EXPECT_EQ(p.escalation.major_city_after_days, 0);
  EXPECT_EQ(p.escalation.major_province_after_days, 25);
  EXPECT_EQ(rawColumn("SELECT COUNT(*) FROM hazard_policy"), std::vector<std::string>{"1"});
}

CITYSAFE_INSTANTIATE_STORES(HazardStore);

}  // namespace
}  // namespace citysafe::contract

namespace citysafe::contract {
namespace {

using LeaseStore = StoreContract;

TEST_P(LeaseStore, OneHolderAtATimeUntilTheLeaseRunsOut) {
  const auto now = clock_.now();
  auto take = [&](const std::string& holder, TimePoint at) {
    auto r = store::writeReturning<bool>(*store_, [&](store::Tx& tx) {
      return tx.leases().acquire("job", holder, at, at + std::chrono::seconds(50));
    });
    EXPECT_TRUE(r) << r.error().message;
    return r && *r;
  };
  EXPECT_TRUE(take("node-a", now));
  EXPECT_FALSE(take("node-b", now + std::chrono::seconds(10)));
  EXPECT_TRUE(take("node-a", now + std::chrono::seconds(20))) << "the holder renews";
  EXPECT_FALSE(take("node-b", now + std::chrono::seconds(60)));
  EXPECT_TRUE(take("node-b", now + std::chrono::seconds(71))) << "expired: another may take it";
  EXPECT_FALSE(take("node-a", now + std::chrono::seconds(72)));
}

CITYSAFE_INSTANTIATE_STORES(LeaseStore);

}  // namespace
}  // namespace citysafe::contract
