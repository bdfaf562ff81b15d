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

bool isStateChange(const std::string& action) {
  return action == "report" || action == "accept" || action == "reject" || action == "assign" ||
         action == "start" || action == "submit" || action == "verify" || action == "return" ||
         action == "reopen";
}

// The street a point belongs to: the nearest street with a location, else the district.
Result<OrgId> streetFor(store::Tx& tx, org::GeoPoint at) {
  store::OrgFilter all{identity::scopeOf(Principal::system()), std::nullopt, std::nullopt};
  std::optional<OrgId> best;
  std::optional<OrgId> district;
  double best_d = 0;
  for (std::int64_t after = 0;;) {
    auto page = tx.orgs().list(all, {.limit = 500, .after_id = after});
    if (!page) return tl::unexpected(page.error());
    for (const auto& o : *page) {
      if (o.kind == org::OrgKind::District && !district) district = o.id;
      if (o.kind != org::OrgKind::Street || !o.location) continue;
      const double dx = (o.location->lon - at.lon) * std::cos(at.lat * 3.14159265358979 / 180);
      const double dy = o.location->lat - at.lat;
      const double d = dx * dx + dy * dy;
      if (!best || d < best_d) {
        best = o.id;
        best_d = d;
      }
    }
    if (page->size() < 500) break;
    after = page->back().id.value;
  }
  if (best) return *best;
  if (district) return *district;
  return fail(Errc::Unavailable, "location", "no street or district is set up to receive tips");
}

}  // namespace

Result<HazardService::PreparedMedia> HazardService::prepareMedia(const MediaUpload& up,
                                                                 bool images_only) {
  auto type = checkMedia(up.data, up.content_type, limits_, images_only);
  if (!type) return tl::unexpected(type.error());
  PreparedMedia p;
  auto& m = p.media;
  m.stage = up.stage;
  m.content_type = *type;
  m.file_name = detail::utf8Prefix(up.file_name, 100);
  m.bytes = static_cast<std::int64_t>(up.data.size());
  m.sha256 = sha256Hex(up.data);
  if (isImage(*type) && images_) {
    decoding_.acquire();
    auto facts = images_->inspect(up.data);
    decoding_.release();
    if (!facts) return tl::unexpected(facts.error());
    m.width = facts->width;
    m.height = facts->height;
    p.thumbnail = std::move(facts->thumbnail_jpeg);
    m.has_thumbnail = !p.thumbnail.empty();
  }
  return p;
}

Result<Media> HazardService::storeMedia(store::Tx& tx, std::optional<UserId> who, const Hazard& h,
                                        PreparedMedia prepared, const std::string& data,
                                        bool images_only) {
  if (h.state == State::Closed || h.state == State::Rejected) {
    return fail(Errc::Conflict, "id", std::string("the hazard is ") + toString(h.state));
  }
  auto existing = tx.hazards().media(h.id);
  if (!existing) return tl::unexpected(existing.error());
  const int cap = images_only ? limits_.per_tip : limits_.per_hazard;
  if (static_cast<int>(existing->size()) >= cap) {
    return invalid("body", "at most " + std::to_string(cap) + " photos and videos per " +
                               (images_only ? "tip" : "hazard"));
  }
  Media m = std::move(prepared.media);
  m.hazard_id = h.id;
  m.uploaded_by = who;
  m.uploaded_at = ctx_.clock.now();
  auto id = tx.hazards().addMedia(m, data, prepared.thumbnail);
  if (!id) return tl::unexpected(id.error());
  m.id = *id;
  return m;
}

Result<Media> HazardService::addMedia(const Principal& who, std::int64_t id,
                                      const MediaUpload& up) {
  const Permission needed = up.stage == MediaStage::Report         ? Permission::HazardReport
                            : up.stage == MediaStage::Verification ? Permission::HazardVerify
                                                                   : Permission::HazardRectify;
  if (auto r = identity::require(who, needed); !r) return tl::unexpected(r.error());
  auto prepared = prepareMedia(up, false);
  if (!prepared) return tl::unexpected(prepared.error());
  return store::writeReturning<Media>(ctx_.store, [&](store::Tx& tx) -> Result<Media> {
    auto h = loadVisible(tx, who, id);
    if (!h) return tl::unexpected(h.error());
    if (needed == Permission::HazardRectify && !detail::inResponsibleUnit(who, *h)) {
      return fail(Errc::Forbidden, "stage", "only the unit fixing the hazard adds its evidence");
    }
    auto m = storeMedia(tx, who.user_id, *h, *prepared, up.data, false);
    if (!m) return m;
    auto audited = ctx_.auditor.record(tx, who,
                                       {"hazard_media", std::to_string(m->id), "upload", "null",
                                        JsonObject()
                                            .add("hazard_id", h->id)
                                            .add("content_type", m->content_type)
                                            .add("bytes", m->bytes)
                                            .add("sha256", m->sha256)
                                            .str(),
                                        h->org_path});
    if (!audited) return tl::unexpected(audited.error());
    return m;
  });
}

Result<std::vector<Media>> HazardService::media(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<std::vector<Media>>(ctx_.store,
                                                  [&](store::Tx& tx) -> Result<std::vector<Media>> {
                                                    if (auto h = loadVisible(tx, who, id); !h)
                                                      return tl::unexpected(h.error());
                                                    return tx.hazards().media(id);
                                                  });
}

Result<store::MediaContent> HazardService::mediaContent(const Principal& who, std::int64_t media_id,
                                                        bool thumbnail) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<store::MediaContent>(
      ctx_.store, [&](store::Tx& tx) -> Result<store::MediaContent> {
        auto content = tx.hazards().mediaContent(media_id, thumbnail);
        if (!content) return fail(Errc::NotFound, "id", "no such photo or video");
        if (auto h = loadVisible(tx, who, content->media.hazard_id); !h) {
          return fail(Errc::NotFound, "id", "no such photo or video");
        }
        if (thumbnail && content->data.empty()) {
          return fail(Errc::NotFound, "id", "this photo or video has no thumbnail");
        }
        return content;
      });
}

Result<TipReceipt> HazardService::submitTip(const TipRequest& tip) {
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
    auto recent = tx.hazards().tipsFrom(client, now - std::chrono::hours(24));
    if (!recent) return tl::unexpected(recent.error());
    const auto last_hour = std::count_if(recent->begin(), recent->end(), [&](const Hazard& h) {
      return h.reported_at > now - std::chrono::hours(1);
    });
    if (last_hour >= kTipsPerHour || static_cast<int>(recent->size()) >= kTipsPerDay) {
      return fail(Errc::RateLimited, "client",
                  "too many tips from this address; please try again later or call 12345");
    }
    for (const auto& h : *recent) {
      if (h.description == tip.description) {
        return fail(Errc::Conflict, "description", "this tip was already received as " + h.code);
      }
    }
    auto street = streetFor(tx, tip.location);
    if (!street) return tl::unexpected(street.error());
    HazardDraft d;
    d.description = tip.description;  // the contact stays apart: see Hazard::tip_contact
    d.source = Source::PublicTip;
    d.org_id = *street;
    d.location = tip.location;
    d.address = tip.address;
    auto h = insertChecked(tx, publicActor(), d);
    if (!h) return h;
    if (!tip.contact.empty()) {
      h->tip_contact = tip.contact;
      if (auto r = tx.hazards().update(*h); !r) return tl::unexpected(r.error());
    }
    if (auto r = tx.hazards().setTipKeys(h->id, sha256Hex(normaliseCode(code)), client); !r) {
      return tl::unexpected(r.error());
    }
    return h;
  });
  if (!made) return tl::unexpected(made.error());
  announce(*made, "reported");
  return TipReceipt{code, std::move(*made)};
}

Result<TipStatus> HazardService::tipStatus(const std::string& tracking_code) {
  const std::string code = normaliseCode(tracking_code);
  if (code.empty() || code.size() > 40) return invalid("code", "is not a tracking code");
  return store::readReturning<TipStatus>(ctx_.store, [&](store::Tx& tx) -> Result<TipStatus> {
    auto id = tx.hazards().findTip(sha256Hex(code));
    if (!id) return tl::unexpected(id.error());
    if (!*id) return fail(Errc::NotFound, "code", "no tip has this tracking code");
    auto h = tx.hazards().get(**id);
    if (!h) return tl::unexpected(h.error());
    auto steps = tx.hazards().timeline(h->id);
    if (!steps) return tl::unexpected(steps.error());
    TipStatus s{h->code, h->state, h->reported_at, h->updated_at, "", {}};
    for (auto& e : *steps) {
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

Result<Media> HazardService::addTipMedia(const std::string& tracking_code,
                                         const MediaUpload& upload) {
  const std::string code = normaliseCode(tracking_code);
  MediaUpload up = upload;
  up.stage = MediaStage::Report;
  // The tip that may take photos, checked again inside the write.
  auto open_tip = [&](store::Tx& tx) -> Result<Hazard> {
    auto id = tx.hazards().findTip(sha256Hex(code));
    if (!id) return tl::unexpected(id.error());
    if (!*id) return fail(Errc::NotFound, "code", "no tip has this tracking code");
    auto h = tx.hazards().get(**id);
    if (!h) return tl::unexpected(h.error());
    if (h->state != State::Reported) {
      return fail(Errc::Conflict, "code",
                  "the tip has been taken up; photos can no longer be added");
    }
    return h;
  };
  // Decoding costs CPU: only for a tip that exists and still takes photos.
  if (auto known = store::readReturning<Hazard>(ctx_.store, open_tip); !known) {
    return tl::unexpected(known.error());
  }
  auto prepared = prepareMedia(up, true);
  if (!prepared) return tl::unexpected(prepared.error());
  return store::writeReturning<Media>(ctx_.store, [&](store::Tx& tx) -> Result<Media> {
    auto h = open_tip(tx);
    if (!h) return tl::unexpected(h.error());
    auto m = storeMedia(tx, std::nullopt, *h, *prepared, up.data, true);
    if (!m) return m;
    auto audited = ctx_.auditor.record(tx, publicActor(),
                                       {"hazard_media", std::to_string(m->id), "upload", "null",
                                        JsonObject()
                                            .add("hazard_id", h->id)
                                            .add("content_type", m->content_type)
                                            .add("bytes", m->bytes)
                                            .str(),
                                        h->org_path});
    if (!audited) return tl::unexpected(audited.error());
    return m;
  });
}

}  // namespace citysafe::hazard
