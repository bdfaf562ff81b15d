// One step of the rectification loop, decided without the store: the reads an action needs come
// in through TransitionReads.
#include <algorithm>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/org/sectors.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace detail {

Result<void> requireText(const std::string& text, const char* field, const char* why) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return invalid(field, why);
  if (text.size() > 4000) return invalid(field, "must be at most 4000 bytes");
  return ok();
}

}  // namespace detail

namespace {

bool hasEvidence(const std::vector<Media>& media, const std::vector<MediaId>& ids) {
  return !ids.empty() && std::all_of(ids.begin(), ids.end(), [&](MediaId id) {
    return std::any_of(media.begin(), media.end(), [&](const Media& m) { return m.id == id; });
  });
}

// The unit that must fix the hazard (named, or kept from before) and a fresh deadline.
Result<void> assign(Hazard& h, const Principal& who, const ActionRequest& req, TimePoint now,
                    const TransitionReads& reads) {
  const auto unit_id = req.responsible_org_id ? req.responsible_org_id : h.responsible_org_id;
  if (!unit_id) return invalid("responsible_org_id", "name the unit that must fix the hazard");
  const auto unit = CS_TRY(reads.org(*unit_id));
  if (!unit || !identity::reaches(identity::scopeOf(who), unit->path, {h.sector})) {
    return identity::notInScope("responsible_org_id", unit_id->value);
  }
  if (!unit->path.starts_with(h.org_path) && !h.org_path.starts_with(unit->path)) {
    return invalid("responsible_org_id",
                   unit->name + " is neither the hazard's organisation nor above or below it");
  }
  const auto given = CS_TRY(assignDeadline(CS_TRY(reads.settings()), h.source, h.grade, now,
                                           {req.deadline, req.days, req.count}));
  h.responsible_org_id = unit->id;
  h.responsible_org_path = unit->path;
  h.assigned_by_org_id = who.isSystem() ? std::optional<OrgId>() : who.org_id;
  h.assigned_at = now;
  h.deadline_at = given.deadline;
  h.original_deadline_at = given.deadline;
  h.deadline_basis = given.basis;
  h.due_soon_at.reset();
  h.overdue_at.reset();
  return ok();
}

// Progress, submission and verification: the photos they name, and what each needs of them.
Result<void> checkEvidence(const Hazard& h, const ActionRequest& req,
                           const std::vector<Media>& media) {
  if (!req.media_ids.empty() && !hasEvidence(media, req.media_ids)) {
    return invalid("media_ids", "name photos or videos uploaded to this hazard");
  }
  if (req.action == Action::Progress && req.media_ids.empty() &&
      req.note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid("note", "a progress report needs a note or a photo");
  }
  if (req.action != Action::Submit) return ok();
  if (req.media_ids.empty()) {
    return invalid("media_ids",
                   "a submission needs evidence: upload at least one photo or video of the fix");
  }
  // Evidence is what the unit uploaded of its fix in this round, not the report's photos.
  for (const auto& m : media) {
    if (std::find(req.media_ids.begin(), req.media_ids.end(), m.id) == req.media_ids.end()) {
      continue;
    }
    const bool of_fix = m.stage == MediaStage::Evidence || m.stage == MediaStage::Progress;
    if (!of_fix || (h.assigned_at && m.uploaded_at < *h.assigned_at)) {
      return invalid("media_ids",
                     "evidence must be photos or videos of the fix, uploaded since the hazard "
                     "was assigned");
    }
  }
  return ok();
}

}  // namespace

Result<void> transition(Hazard& h, const Principal& who, const ActionRequest& req, TimePoint now,
                        const TransitionReads& reads) {
  const auto next = CS_TRY(nextState(h.state, req.action));
  const auto permitted = permittedActions(who, h);
  if (std::find(permitted.begin(), permitted.end(), req.action) == permitted.end()) {
    const bool rectify = req.action == Action::Start || req.action == Action::Progress ||
                         req.action == Action::Submit;
    const bool verify = req.action == Action::Verify || req.action == Action::Return;
    return fail(Errc::Forbidden, "action",
                rectify  ? "only the unit assigned to fix this hazard may do that"
                : verify ? "a fix must be verified by someone other than who made it, outside "
                           "the unit that made it, with the right to verify"
                         : "your role may not do that");
  }
  auto need_reason = [&] {
    return detail::requireText(req.reason, "reason", "is required for this action");
  };
  switch (req.action) {
    case Action::Accept:
      if (req.grade) h.grade = *req.grade;
      if (req.sector) {
        if (!org::isKnownSector(*req.sector)) {
          return invalid("sector", "unknown sector '" + *req.sector + "'");
        }
        h.sector = *req.sector;
      }
      if (h.sector.empty()) return invalid("sector", "classify the hazard's sector to accept it");
      break;
    case Action::Reject:
    case Action::Return:
      CS_TRY(need_reason());
      break;
    case Action::Assign:
      CS_TRY(assign(h, who, req, now, reads));
      break;
    case Action::Start:
      break;
    case Action::Progress:
    case Action::Submit:
    case Action::Verify:
      CS_TRY(checkEvidence(h, req, CS_TRY(reads.media())));
      if (req.action == Action::Submit) h.submitted_at = now;
      if (req.action == Action::Verify) {
        h.closed_at = now;
        h.closed_on_time = h.submitted_at && h.deadline_at && *h.submitted_at <= *h.deadline_at;
        if (h.supervision && !h.supervision->delisted_at) h.supervision->delisted_at = now;
      }
      break;
    case Action::Reopen:
      CS_TRY(need_reason());
      if (h.state == State::Closed) {
        ++h.reopen_count;
        h.closed_at.reset();
        h.closed_on_time.reset();
        h.submitted_at.reset();
        CS_TRY(assign(h, who, req, now, reads));
      }
      break;
  }
  if (req.action == Action::Start || req.action == Action::Progress ||
      req.action == Action::Submit) {
    const bool known = std::any_of(h.rectifiers.begin(), h.rectifiers.end(),
                                   [&](UserId u) { return u.value == who.user_id.value; });
    if (!known) h.rectifiers.push_back(who.user_id);
  }
  h.state = next;
  h.updated_at = now;
  return ok();
}

}  // namespace citysafe::hazard
