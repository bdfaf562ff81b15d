#pragma once
// The hidden-hazard closed loop: report → accept → assign with a deadline → rectify → submit
// with evidence → verify and close, with extensions, a scheduler for due and overdue hazards,
// graded supervision, public tips, statistics and ledger import. Every call checks permission
// and scope; every change is audited and announced on the live channel.
#include <functional>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/hazard/hazard_policy.hpp"
#include "citysafe/core/hazard/hazard_stats.hpp"
#include "citysafe/core/hazard/hazard_view.hpp"
#include "citysafe/core/hazard/media_rules.hpp"
#include "citysafe/core/hazard/state_machine.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/import_report.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::hazard {

struct HazardDraft {
  std::string title;
  std::string description;
  Source source = Source::GridInspection;
  Grade grade = Grade::General;
  std::string sector;
  OrgId org_id;
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  std::string address;
  std::optional<TimePoint> found_at;  // defaults to now
};

struct ActionRequest {
  Action action = Action::Accept;
  std::string note;    // progress, verification remarks
  std::string reason;  // reject, return and reopen need one
  // accept may classify what a tip left open
  std::optional<Grade> grade;
  std::optional<std::string> sector;
  // assign (and reopen): the unit and the deadline, as a date or a number of days
  std::optional<OrgId> responsible_org_id;
  std::optional<Day> deadline;
  std::optional<int> days;
  std::optional<DayCount> count;
  std::vector<MediaId> media_ids;  // progress, submit (evidence), verify
};

// What an action reads from the store, asked for only when the action needs it (so errors come
// in the same order whatever is stored): an organisation by id (empty when there is none), the
// settings, the hazard's photos and videos.
struct TransitionReads {
  std::function<Result<std::optional<org::Organisation>>(OrgId)> org;
  std::function<Result<HazardSettings>()> settings;
  std::function<Result<std::vector<Media>>()> media;
};

// One step of the loop on `hazard`, by `who` at `now`: the state machine's edge, the permission,
// what the action needs (a reason, evidence, a unit and a deadline) and the fields it sets.
// Nothing is written; on an error the hazard may be half changed and must be dropped.
[[nodiscard]] Result<void> transition(Hazard& hazard, const identity::Principal& who,
                                      const ActionRequest& request, TimePoint now,
                                      const TransitionReads& reads);

struct MediaUpload {
  MediaStage stage = MediaStage::Report;
  std::string content_type;
  std::string file_name;
  std::string data;
};

struct TipRequest {
  std::string description;
  org::GeoPoint location;
  std::string address;
  std::string contact;
  std::string honeypot;        // a form field people never see; bots fill it
  std::string client_address;  // the sender's IP address, for rate limits
};

struct TipReceipt {
  std::string tracking_code;  // shown once; only its hash is kept
  Hazard hazard;
};

struct TipStatus {
  std::string hazard_code;
  State state = State::Reported;
  TimePoint reported_at;
  TimePoint updated_at;
  std::string outcome;  // the reason when rejected
  std::vector<TimelineEntry> steps;
};

struct SweepReport {
  int due_soon = 0;
  int overdue = 0;
  int escalated = 0;
};

struct StatsQuery {
  std::optional<TimePoint> from;  // found_at in [from, to)
  std::optional<TimePoint> to;
  std::optional<OrgId> org_id;
  std::optional<std::string> sector;
};

// A ledger (台账) row as read from CSV or .xlsx, before names are resolved.
struct LedgerRecord {
  int line = 0;
  std::string external_code;
  std::string title;
  std::string description;
  std::string source;  // a source name, or its Chinese label
  std::string grade;   // general/major, 一般/重大
  std::string sector;
  std::string org;  // organisation name or credit code
  std::string lon;
  std::string lat;
  std::string address;
  std::string found_at;  // ISO date or date-time
  std::string state;     // a state name, or its Chinese label; empty: reported
  std::string responsible_org;
  std::string deadline;
  std::string closed_at;
};

// Ledger headers (Chinese or English) to records; unknown columns are reported, not fatal.
[[nodiscard]] Result<std::vector<LedgerRecord>> ledgerRecords(
    const std::vector<std::vector<std::string>>& table, std::vector<ImportProblem>& problems);

struct LedgerOrgs;  // organisations by name and credit code, for an import

// What the hazard services share: the context, the image decoder and its limits, and the steps
// every change takes (settings, loading in scope, the timeline and the audit, notices, the live
// channel). Not used on its own.
class HazardWork {
 public:
  using Settings = HazardSettings;
  [[nodiscard]] const MediaLimits& limits() const { return limits_; }

 protected:
  explicit HazardWork(ServiceContext& ctx, const ImageInspector* images = nullptr,
                      MediaLimits limits = {})
      : ctx_(ctx), images_(images), limits_(limits) {}

  [[nodiscard]] Result<Settings> settings(store::Tx& tx);
  [[nodiscard]] Result<Hazard> insertChecked(store::Tx& tx, const identity::Principal& who,
                                             const HazardDraft& draft);
  struct PreparedMedia {
    Media media;
    std::string thumbnail;
  };
  // Checks and decodes an upload before any transaction opens: decoding is slow and memory-hungry,
  // so at most two run at once in the process, and none holds the database's write lock.
  [[nodiscard]] Result<PreparedMedia> prepareMedia(const MediaUpload& upload, bool images_only);
  // Stores and audits an upload by `who` (the public actor for a tip).
  [[nodiscard]] Result<Media> storeMedia(store::Tx& tx, const identity::Principal& who,
                                         const Hazard& hazard, PreparedMedia prepared,
                                         const std::string& data, bool images_only);
  [[nodiscard]] Result<void> recordStep(store::Tx& tx, const identity::Principal& who,
                                        const Hazard& before, const Hazard& after,
                                        const std::string& action, const std::string& note,
                                        const std::vector<MediaId>& media_ids);
  [[nodiscard]] Result<void> notifyUnits(store::Tx& tx, const Hazard& hazard,
                                         const std::string& kind, const std::string& message);
  [[nodiscard]] Result<Hazard> loadVisible(store::Tx& tx, const identity::Principal& who,
                                           HazardId id);
  void announce(const Hazard& hazard, const std::string& action);

  ServiceContext& ctx_;
  const ImageInspector* images_;
  MediaLimits limits_;
  // NOLINTNEXTLINE(readability-identifier-naming): a private static member, named as members are
  static inline std::counting_semaphore<2> decoding_{2};
};

// The loop: report, read, act, the timeline and photos.
class HazardLoop : public HazardWork {
 public:
  explicit HazardLoop(ServiceContext& ctx, const ImageInspector* images = nullptr,
                      MediaLimits limits = {})
      : HazardWork(ctx, images, limits) {}

  [[nodiscard]] Result<Hazard> report(const identity::Principal& who, const HazardDraft& draft);
  // Reports and, in the same transaction, lets the caller link what the hazard came from (an
  // alarm): both are kept or neither.
  using AlsoInTx = std::function<Result<void>(store::Tx&, const Hazard&)>;
  [[nodiscard]] Result<Hazard> report(const identity::Principal& who, const HazardDraft& draft,
                                      const AlsoInTx& also);
  [[nodiscard]] Result<Hazard> get(const identity::Principal& who, HazardId id);
  [[nodiscard]] Result<std::vector<Hazard>> list(const identity::Principal& who,
                                                 store::HazardFilter filter, int limit,
                                                 HazardId before_id);
  struct Counts {
    store::StateCounts by_state{};
    std::int64_t total = 0;
    std::int64_t overdue = 0;  // of those, overdue now
  };
  [[nodiscard]] Result<Counts> counts(const identity::Principal& who, store::HazardFilter filter);
  [[nodiscard]] Result<Hazard> act(const identity::Principal& who, HazardId id,
                                   const ActionRequest& request);
  // What a reader sees: the full record (milestones, contact) or list items, with unit names.
  [[nodiscard]] Result<HazardView> view(const identity::Principal& who, const Hazard& hazard);
  [[nodiscard]] Result<std::vector<HazardView>> views(const identity::Principal& who,
                                                      const std::vector<Hazard>& hazards);
  [[nodiscard]] Result<std::vector<TimelineEntry>> timeline(const identity::Principal& who,
                                                            HazardId id);

  [[nodiscard]] Result<Media> addMedia(const identity::Principal& who, HazardId id,
                                       const MediaUpload& upload);
  [[nodiscard]] Result<std::vector<Media>> media(const identity::Principal& who, HazardId id);
  [[nodiscard]] Result<store::MediaContent> mediaContent(const identity::Principal& who,
                                                         MediaId media_id, bool thumbnail);

 private:
  // The principal's scope on the filter, and its org_id (which the principal must reach) as a
  // subtree.
  [[nodiscard]] Result<void> narrow(store::Tx& tx, const identity::Principal& who,
                                    store::HazardFilter& filter);
};

// Supervision: the scheduler, extensions and notices.
class HazardSupervision : public HazardWork {
 public:
  explicit HazardSupervision(ServiceContext& ctx) : HazardWork(ctx) {}

  // The scheduler's tick: due-soon and overdue marks, notices and escalation. Idempotent. Of
  // several nodes on one database only the holder of the "hazard_sweep" lease works; the others
  // get an empty report.
  [[nodiscard]] Result<SweepReport> sweep(const std::string& node = "local");
  [[nodiscard]] Result<std::vector<Notification>> notifications(const identity::Principal& who,
                                                                bool unread_only);
  [[nodiscard]] Result<void> markRead(const identity::Principal& who, std::int64_t id);

  [[nodiscard]] Result<Extension> requestExtension(const identity::Principal& who, HazardId id,
                                                   const std::string& reason, Day deadline);
  [[nodiscard]] Result<Extension> decideExtension(const identity::Principal& who,
                                                  std::int64_t extension_id, bool grant,
                                                  const std::string& note);
  // Of one hazard, or (id 0) the pending requests the principal may decide.
  [[nodiscard]] Result<std::vector<Extension>> extensions(const identity::Principal& who,
                                                          HazardId id);
  // The pending requests, each with its hazard when the principal sees it (for a list that says
  // what each is about).
  struct Pending {
    Extension extension;
    std::optional<Hazard> hazard;
  };
  [[nodiscard]] Result<std::vector<Pending>> pendingExtensions(const identity::Principal& who);

 private:
  [[nodiscard]] Result<SweepReport> sweepOne(store::Tx& tx, const Settings& settings,
                                             Hazard& hazard, std::vector<Hazard>& changed);
};

// Public tips: no login, a tracking code, photos while the tip waits.
class HazardTips : public HazardWork {
 public:
  explicit HazardTips(ServiceContext& ctx, const ImageInspector* images = nullptr,
                      MediaLimits limits = {})
      : HazardWork(ctx, images, limits) {}

  [[nodiscard]] Result<TipReceipt> submitTip(const TipRequest& tip);
  [[nodiscard]] Result<TipStatus> tipStatus(const std::string& tracking_code);
  [[nodiscard]] Result<Media> addTipMedia(const std::string& tracking_code,
                                          const MediaUpload& upload);
};

// The ledger (台账): import, and the figures and rankings it is judged on.
class HazardLedger : public HazardWork {
 public:
  explicit HazardLedger(ServiceContext& ctx) : HazardWork(ctx) {}

  [[nodiscard]] Result<Statistics> statistics(const identity::Principal& who,
                                              const StatsQuery& query);
  // Streets (or departments) of the principal's district, best first.
  [[nodiscard]] Result<std::vector<RankedUnit>> ranking(const identity::Principal& who,
                                                        const StatsQuery& query, bool departments);
  // All rows in one transaction; nothing is written when any row fails unless keep_good_rows.
  [[nodiscard]] Result<ImportReport> importLedger(const identity::Principal& who,
                                                  const std::vector<LedgerRecord>& records,
                                                  std::vector<ImportProblem> parse_problems,
                                                  bool keep_good_rows);

 private:
  [[nodiscard]] Result<std::optional<Hazard>> importOne(
      store::Tx& tx, const identity::Principal& who, const Settings& settings,
      const LedgerOrgs& orgs, const LedgerRecord& record, std::vector<ImportProblem>& problems);
};

// The working-day calendar and the deadline policy.
class HazardSettingsService : public HazardWork {
 public:
  explicit HazardSettingsService(ServiceContext& ctx) : HazardWork(ctx) {}
  using HazardWork::settings;

  // Both, read together.
  [[nodiscard]] Result<Settings> settings();
  [[nodiscard]] Result<WorkCalendar> calendar(const identity::Principal& who);
  [[nodiscard]] Result<void> setCalendarYear(const identity::Principal& who, int year,
                                             const std::vector<CalendarException>& days);
  [[nodiscard]] Result<HazardPolicy> policy(const identity::Principal& who);
  [[nodiscard]] Result<void> setPolicy(const identity::Principal& who, const HazardPolicy& policy);
};

// Every hazard service, as the composition root holds them.
struct HazardServices {
  HazardLoop loop;
  HazardSupervision supervision;
  HazardTips tips;
  HazardLedger ledger;
  HazardSettingsService settings;
  explicit HazardServices(ServiceContext& ctx, const ImageInspector* images = nullptr,
                          MediaLimits limits = {})
      : loop(ctx, images, limits),
        supervision(ctx),
        tips(ctx, images, limits),
        ledger(ctx),
        settings(ctx) {}
};

}  // namespace citysafe::hazard
