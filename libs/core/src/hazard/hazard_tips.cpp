// Photos and videos, and public tips (群众举报): a form without login that creates a hazard for
// the nearest street to accept, with a tracking code for the tipster.
#include <algorithm>
#include <cmath>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/common/sha256.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace {

constexpr int kTipsPerHour = 3;
constexpr int kTipsPerDay = 10;

Principal publicActor() {
  Principal p = Principal::system();
  p.username = "public";
  return p;
}

std::string normaliseCode(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return out;
}

// Twelve characters from an alphabet without 0/O and 1/I, grouped "ABCD-EFGH-JKLM".
std::string newTrackingCode() {
  static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const std::string hex = randomHexToken(12);
  std::string code;
  for (std::size_t i = 0; i < 12; ++i) {
    const int byte = std::stoi(hex.substr(i * 2, 2), nullptr, 16);
    if (i > 0 && i % 4 == 0) code += '-';
    code += kAlphabet[static_cast<std::size_t>(byte) % kAlphabet.size()];
  }
  return code;
}

// Rate limits count per client: an IPv4 address, or an IPv6 /64 (one household or phone's prefix,
// which it can rotate addresses within).
std::string clientKey(const std::string& address) {
  if (address.find(':') == std::string::npos) return address;
  std::string prefix;
  int groups = 0;
  for (char c : address) {
    if (c == ':' && ++groups == 4) break;
    prefix += c;
  }
  return prefix + "::/64";
}

// The report and every action but progress (a note).
bool isStateChange(const std::string& action) {
  return action == "report" || (action != "progress" && parseEnum<Action>(action));
}

// The street a point belongs to: the nearest street with a location, else the district.
Result<OrgId> streetFor(store::Tx& tx, org::GeoPoint at) {
  store::OrgFilter all{identity::scopeOf(Principal::system()), std::nullopt, std::nullopt};
  std::optional<OrgId> best;
  std::optional<OrgId> district;
  double best_d = 0;
  CS_TRY(detail::forEachOrg(tx, all, [&](const org::Organisation& o) {
    if (o.kind == org::OrgKind::District && !district) district = o.id;
    if (o.kind != org::OrgKind::Street || !o.location) return;
    const double dx = (o.location->lon - at.lon) * std::cos(at.lat * 3.14159265358979 / 180);
    const double dy = o.location->lat - at.lat;
    const double d = dx * dx + dy * dy;
    if (!best || d < best_d) {
      best = o.id;
      best_d = d;
    }
  }));
  if (best) return *best;
  if (district) return *district;
  return fail(Errc::Unavailable, "location", "no street or district is set up to receive tips");
}

}  // namespace

Result<HazardWork::PreparedMedia> HazardWork::prepareMedia(const MediaUpload& up,
                                                           bool images_only) {
  auto type = CS_TRY(checkMedia(up.data, up.content_type, limits_, images_only));
  PreparedMedia p;
  auto& m = p.media;
  m.stage = up.stage;
  m.content_type = type;
  m.file_name = detail::utf8Prefix(up.file_name, 100);
  m.bytes = static_cast<std::int64_t>(up.data.size());
  m.sha256 = sha256Hex(up.data);
  if (isImage(type) && images_) {
    decoding_.acquire();
    auto inspected = images_->inspect(up.data);
    decoding_.release();
    auto facts = CS_TRY(std::move(inspected));
    m.width = facts.width;
    m.height = facts.height;
    p.thumbnail = std::move(facts.thumbnail_jpeg);
    m.has_thumbnail = !p.thumbnail.empty();
  }
  return p;
}

Result<Media> HazardWork::storeMedia(store::Tx& tx, const Principal& who, const Hazard& h,
                                     PreparedMedia prepared, const std::string& data,
                                     bool images_only) {
  if (h.state == State::Closed || h.state == State::Rejected) {
    return fail(Errc::Conflict, "id", std::string("the hazard is ") + nameOf(h.state));
  }
  auto existing = CS_TRY(tx.hazardMedia().of(h.id));
  const int cap = images_only ? limits_.per_tip : limits_.per_hazard;
  if (static_cast<int>(existing.size()) >= cap) {
    return invalid("body", "at most " + std::to_string(cap) + " photos and videos per " +
                               (images_only ? "tip" : "hazard"));
  }
  Media m = std::move(prepared.media);
  m.hazard_id = h.id;
  if (who.user_id.valid()) m.uploaded_by = who.user_id;  // none for a public tip
  m.uploaded_at = ctx_.clock.now();
  m.id = CS_TRY(tx.hazardMedia().add(m, data, prepared.thumbnail));
  CS_TRY(ctx_.auditor.record(tx, who,
                             {"hazard_media", std::to_string(m.id.value), "upload", "null",
                              JsonObject()
                                  .add("hazard_id", h.id.value)
                                  .add("content_type", m.content_type)
                                  .add("bytes", m.bytes)
                                  .add("sha256", m.sha256)
                                  .str(),
                              h.org_path}));
  return m;
}

Result<Media> HazardLoop::addMedia(const Principal& who, HazardId id, const MediaUpload& up) {
  const Permission needed = up.stage == MediaStage::Report         ? Permission::HazardReport
                            : up.stage == MediaStage::Verification ? Permission::HazardVerify
                                                                   : Permission::HazardRectify;
  CS_TRY(identity::require(who, needed));
  auto prepared = CS_TRY(prepareMedia(up, false));
  return store::writeReturning<Media>(ctx_.store, [&](store::Tx& tx) -> Result<Media> {
    auto h = CS_TRY(loadVisible(tx, who, id));
    if (needed == Permission::HazardRectify && !detail::inResponsibleUnit(who, h)) {
      return fail(Errc::Forbidden, "stage", "only the unit fixing the hazard adds its evidence");
    }
    return storeMedia(tx, who, h, prepared, up.data, false);
  });
}

Result<std::vector<Media>> HazardLoop::media(const Principal& who, HazardId id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<Media>>(ctx_.store,
                                                  [&](store::Tx& tx) -> Result<std::vector<Media>> {
                                                    CS_TRY(loadVisible(tx, who, id));
                                                    return tx.hazardMedia().of(id);
                                                  });
}

Result<store::MediaContent> HazardLoop::mediaContent(const Principal& who, MediaId media_id,
                                                     bool thumbnail) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<store::MediaContent>(
      ctx_.store, [&](store::Tx& tx) -> Result<store::MediaContent> {
        auto content = CS_TRY(store::ifFound(tx.hazardMedia().content(media_id, thumbnail)));
        if (!content) return fail(Errc::NotFound, "id", "no such photo or video");
        if (!CS_TRY(store::ifFound(loadVisible(tx, who, content->media.hazard_id)))) {
          return fail(Errc::NotFound, "id", "no such photo or video");
        }
        if (thumbnail && content->data.empty()) {
          return fail(Errc::NotFound, "id", "this photo or video has no thumbnail");
        }
        return std::move(*content);
      });
}

Result<TipReceipt> HazardTips::submitTip(const TipRequest& tip) {
  // A bot that filled the hidden field learns nothing about which field gave it away.
  if (!tip.honeypot.empty()) return invalid("body", "the tip could not be accepted");
  const auto length = detail::utf8Length(tip.description);
  if (length < 10) return invalid("description", "describe what you saw in at least 10 characters");
  if (length > 1000) return invalid("description", "must be at most 1000 characters");
  if (tip.contact.size() > 100) return invalid("contact", "must be at most 100 bytes");
  const auto now = ctx_.clock.now();
  const std::string client = sha256Hex("tip-client:" + clientKey(tip.client_address));
  const std::string code = newTrackingCode();
  auto made = store::writeReturning<Hazard>(ctx_.store, [&](store::Tx& tx) -> Result<Hazard> {
    auto recent = CS_TRY(tx.tips().from(client, now - std::chrono::hours(24)));
    const auto last_hour = std::count_if(recent.begin(), recent.end(), [&](const Hazard& h) {
      return h.reported_at > now - std::chrono::hours(1);
    });
    if (last_hour >= kTipsPerHour || static_cast<int>(recent.size()) >= kTipsPerDay) {
      return fail(Errc::RateLimited, "client",
                  "too many tips from this address; please try again later or call 12345");
    }
    for (const auto& h : recent) {
      if (h.description == tip.description) {
        return fail(Errc::Conflict, "description", "this tip was already received as " + h.code);
      }
    }
    auto street = CS_TRY(streetFor(tx, tip.location));
    HazardDraft d;
    d.description = tip.description;  // the contact stays apart: see Hazard::tip_contact
    d.source = Source::PublicTip;
    d.org_id = street;
    d.location = tip.location;
    d.address = tip.address;
    auto h = CS_TRY(insertChecked(tx, publicActor(), d));
    if (!tip.contact.empty()) {
      h.tip_contact = tip.contact;
      CS_TRY(tx.hazards().update(h));
    }
    CS_TRY(tx.tips().setKeys(h.id, sha256Hex(normaliseCode(code)), client));
    return h;
  });
  auto h = CS_TRY(std::move(made));
  announce(h, "reported");
  return TipReceipt{code, std::move(h)};
}

Result<TipStatus> HazardTips::tipStatus(const std::string& tracking_code) {
  const std::string code = normaliseCode(tracking_code);
  if (code.empty() || code.size() > 40) return invalid("code", "is not a tracking code");
  return store::readReturning<TipStatus>(ctx_.store, [&](store::Tx& tx) -> Result<TipStatus> {
    auto id = CS_TRY(tx.tips().find(sha256Hex(code)));
    if (!id) return fail(Errc::NotFound, "code", "no tip has this tracking code");
    auto h = CS_TRY(tx.hazards().get(*id));
    auto steps = CS_TRY(tx.hazards().timeline(h.id));
    TipStatus s{h.code, h.state, h.reported_at, h.updated_at, "", {}};
    for (auto& e : steps) {
      if (!isStateChange(e.action)) continue;
      if (e.action == "reject")
        s.outcome = e.note;  // addressed to the tipster; other notes are not
      // The public sees what happened and when, not who did it or their notes.
      e.actor_id.reset();
      e.actor_name.clear();
      e.note.clear();
      e.media_ids.clear();
      s.steps.push_back(std::move(e));
    }
    return s;
  });
}

Result<Media> HazardTips::addTipMedia(const std::string& tracking_code, const MediaUpload& upload) {
  const std::string code = normaliseCode(tracking_code);
  MediaUpload up = upload;
  up.stage = MediaStage::Report;
  // The tip that may take photos, checked again inside the write.
  auto open_tip = [&](store::Tx& tx) -> Result<Hazard> {
    auto id = CS_TRY(tx.tips().find(sha256Hex(code)));
    if (!id) return fail(Errc::NotFound, "code", "no tip has this tracking code");
    auto h = CS_TRY(tx.hazards().get(*id));
    if (h.state != State::Reported) {
      return fail(Errc::Conflict, "code",
                  "the tip has been taken up; photos can no longer be added");
    }
    return h;
  };
  // Decoding costs CPU: only for a tip that exists and still takes photos.
  CS_TRY(store::readReturning<Hazard>(ctx_.store, open_tip));
  auto prepared = CS_TRY(prepareMedia(up, true));
  return store::writeReturning<Media>(ctx_.store, [&](store::Tx& tx) -> Result<Media> {
    auto h = CS_TRY(open_tip(tx));
    return storeMedia(tx, publicActor(), h, prepared, up.data, true);
  });
}

}  // namespace citysafe::hazard
