// Photos and videos of hazards, kept as base64 text (the same in both dialects).
#include "citysafe/common/base64.hpp"
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Media;

// The bytes are read on their own, by content().
const RowMap<Media> kMedia{"hazard_media", stored<&Media::id>("id"),
                           columns<&Media::hazard_id, &Media::stage, &Media::content_type,
                                   &Media::file_name, &Media::bytes, &Media::sha256, &Media::width,
                                   &Media::height, &Media::uploaded_by, &Media::uploaded_at>(),
                           stored<&Media::has_thumbnail>("thumbnail <> ''")};

}  // namespace

Result<MediaId> SqlHazardMediaRepository::add(const Media& m, const std::string& data,
                                              const std::string& thumbnail) {
  auto values = kMedia.values(m);
  values.emplace_back(base64Encode(data));
  values.emplace_back(base64Encode(thumbnail));
  return MediaId{
      CS_TRY(queryInt(conn_, kMedia.insert({"data", "thumbnail"}) + " RETURNING id", values))};
}

Result<std::vector<Media>> SqlHazardMediaRepository::of(HazardId hazard) {
  return kMedia.all(conn_, "WHERE hazard_id = ? ORDER BY id", {hazard.value});
}

Result<store::MediaContent> SqlHazardMediaRepository::content(MediaId id, bool thumbnail) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kMedia.list() + ", " + (thumbnail ? "thumbnail" : "data") +
                             " FROM hazard_media WHERE id = ?",
                         {id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such media");
  auto data = base64Decode(rows.front().getText(kMedia.selected()));
  if (!data) return fail(Errc::Internal, "id", "stored media is damaged");
  return store::MediaContent{CS_TRY(kMedia.read(rows.front())), std::move(*data)};
}

}  // namespace citysafe::sql
