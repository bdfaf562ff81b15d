#pragma once
// Hidden hazards (事故隐患): what was found, where, whose it is, and where it stands in the
// rectification loop.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::hazard {

enum class Source : std::uint8_t {
  SelfInspection,        // 企业自查
  GridInspection,        // 网格巡查
  DepartmentInspection,  // 部门检查
  EnforcementCheck,      // 执法检查
  ExpertCheck,           // 专家体检式检查
  PublicTip,             // 群众举报
  UndercoverExposure,    // 暗访曝光
  OnlineMonitoring,      // 在线监测 (opened from a sensor alarm)
};
inline constexpr int kSourceCount = 8;

enum class Grade : std::uint8_t { General, Major };  // 一般隐患, 重大隐患

enum class State : std::uint8_t {
  Reported,    // 待受理
  Rejected,    // 不予受理 (not a hazard)
  Accepted,    // 已受理
  Assigned,    // 已交办 (a unit and a deadline)
  Rectifying,  // 整改中
  Submitted,   // 待验收
  Closed,      // 已销号
};
inline constexpr int kStateCount = 7;

// Supervision tiers (挂牌督办), lowest first.
enum class Tier : std::uint8_t { District, City, Province };

inline constexpr EnumNames<Source, kSourceCount> kSourceNames{
    {"self_inspection", "grid_inspection", "department_inspection", "enforcement_check",
     "expert_check", "public_tip", "undercover_exposure", "online_monitoring"}};
inline constexpr EnumNames<Grade, 2> kGradeNames{{"general", "major"}};
inline constexpr EnumNames<State, kStateCount> kStateNames{
    {"reported", "rejected", "accepted", "assigned", "rectifying", "submitted", "closed"}};
inline constexpr EnumNames<Tier, 3> kTierNames{{"district", "city", "province"}};
constexpr const auto& enumNames(Source /*tag*/) { return kSourceNames; }
constexpr const auto& enumNames(Grade /*tag*/) { return kGradeNames; }
constexpr const auto& enumNames(State /*tag*/) { return kStateNames; }
constexpr const auto& enumNames(Tier /*tag*/) { return kTierNames; }

// Still to be fixed: accepted, assigned, rectifying or submitted.
bool isOpen(State state);
// A deadline runs: assigned or rectifying.
inline constexpr std::array<State, 2> kFixingStates{State::Assigned, State::Rectifying};
bool isBeingFixed(State state);

struct Supervision {
  Tier tier = Tier::District;
  TimePoint listed_at;
  std::string reason;
  std::optional<TimePoint> delisted_at;  // 摘牌, after closure
};

struct Hazard {
  HazardId id;
  std::string code;  // YH000001
  std::string title;
  std::string description;
  Source source = Source::GridInspection;
  Grade grade = Grade::General;
  State state = State::Reported;
  std::string sector;
  OrgId org_id;          // where the hazard is: an enterprise, or a street/community
  std::string org_path;  // its subtree path: the scope rule works on it
  std::optional<OrgId> responsible_org_id;
  std::string responsible_org_path;         // who fixes it: users inside this subtree
  std::optional<OrgId> assigned_by_org_id;  // the supervising unit
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  std::string address;
  std::optional<UserId> found_by;  // empty for a public tip
  std::string found_by_name;
  TimePoint found_at;
  TimePoint reported_at;
  std::optional<TimePoint> assigned_at;
  std::optional<TimePoint> deadline_at;
  std::optional<TimePoint> original_deadline_at;  // before any extension
  std::string deadline_basis;                     // "30 calendar days", "60 working days"
  std::optional<TimePoint> due_soon_at;           // when the scheduler first saw it due soon
  std::optional<TimePoint> overdue_at;            // when the scheduler first saw it overdue
  std::optional<TimePoint> submitted_at;          // latest submission for verification
  std::optional<TimePoint> closed_at;
  std::optional<bool> closed_on_time;
  std::vector<UserId> rectifiers;  // everyone who started, noted progress or submitted
  std::optional<Supervision> supervision;
  int reopen_count = 0;
  std::string external_code;  // the ledger's own number, for imported hazards
  std::string tip_contact;    // a tipster's phone or address: for the receiving street only
  TimePoint updated_at;
  std::int64_t version = 0;  // bumped by every update; a stale copy cannot overwrite a newer one
};

// What the timeline shows: one row per transition or note.
struct TimelineEntry {
  std::int64_t id = 0;
  HazardId hazard_id;
  TimePoint at;
  std::string action;  // accept, reject, assign, ..., escalate, extend, overdue
  State from = State::Reported;
  State to = State::Reported;
  std::optional<UserId> actor_id;
  std::string actor_name;  // "系统" for the scheduler, "群众" for a tip
  std::string note;
  std::optional<TimePoint> deadline_at;
  std::vector<MediaId> media_ids;
};

enum class ExtensionState : std::uint8_t { Pending, Granted, Refused };
inline constexpr EnumNames<ExtensionState, 3> kExtensionStateNames{
    {"pending", "granted", "refused"}};
constexpr const auto& enumNames(ExtensionState /*tag*/) { return kExtensionStateNames; }

struct Extension {
  std::int64_t id = 0;
  HazardId hazard_id;
  std::string hazard_org_path;
  std::string hazard_sector;
  UserId requested_by;
  std::string requested_by_name;
  TimePoint requested_at;
  std::string reason;
  TimePoint previous_deadline;
  TimePoint requested_deadline;
  ExtensionState state = ExtensionState::Pending;
  std::optional<UserId> decided_by;
  std::string decided_by_name;
  std::optional<TimePoint> decided_at;
  std::string decision_note;
};

enum class MediaStage : std::uint8_t { Report, Progress, Evidence, Verification };
inline constexpr EnumNames<MediaStage, 4> kMediaStageNames{
    {"report", "progress", "evidence", "verification"}};
constexpr const auto& enumNames(MediaStage /*tag*/) { return kMediaStageNames; }

struct Media {
  MediaId id;
  HazardId hazard_id;
  MediaStage stage = MediaStage::Report;
  std::string content_type;  // image/jpeg, image/png, video/mp4, ...
  std::string file_name;
  std::int64_t bytes = 0;
  std::string sha256;
  int width = 0;  // images only
  int height = 0;
  std::optional<UserId> uploaded_by;
  TimePoint uploaded_at;
  bool has_thumbnail = false;
};

// A message to an organisation's inbox: due soon, overdue, escalated, extension to decide.
struct Notification {
  std::int64_t id = 0;
  OrgId org_id;
  HazardId hazard_id;
  std::string kind;
  std::string message;
  TimePoint at;
  std::optional<TimePoint> read_at;
};

// THE definition of overdue: being fixed and past the deadline. HazardFilter::overdue_at is the
// same rule pushed down into the store.
bool isOverdue(const Hazard& hazard, TimePoint now);
// Whole Beijing days past the deadline when overdue, else empty.
std::optional<int> overdueDays(const Hazard& hazard, TimePoint now);

// Audit before/after form.
std::string toAuditJson(const Hazard& hazard);

}  // namespace citysafe::hazard
