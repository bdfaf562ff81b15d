// Photos and videos of hazards, kept as base64 text (the same in both dialects).
#include "citysafe/common/base64.hpp"
#include "citysafe/sql/columns.hpp"
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

// What a listing reads: thumbnail <> '' is has_thumbnail; the bytes are read on their own.
constexpr Columns<12> kMedia{{"id", "hazard_id", "stage", "content_type", "file_name", "bytes",
                              "sha256", "width", "height", "uploaded_by", "uploaded_at",
                              "thumbnail <> ''"}};
// What an upload writes.
constexpr Columns<13> kStored{{"id", "hazard_id", "stage", "content_type", "file_name", "bytes",
                               "sha256", "width", "height", "uploaded_by", "uploaded_at", "data",
                               "thumbnail"}};

Result<hazard::Media> mediaFrom(const Row& r) {
  constexpr const auto& kCol = kMedia;
  hazard::Media m;
  m.id = MediaId{r.getInt(kCol.at("id"))};
  m.hazard_id = HazardId{r.getInt(kCol.at("hazard_id"))};
  m.stage =
      CS_TRY(storedEnum<hazard::MediaStage>(r.getText(kCol.at("stage")), "hazard_media.stage"));
  m.content_type = r.getText(kCol.at("content_type"));
  m.file_name = r.getText(kCol.at("file_name"));
  m.bytes = r.getInt(kCol.at("bytes"));
  m.sha256 = r.getText(kCol.at("sha256"));
  m.width = static_cast<int>(r.getInt(kCol.at("width")));
  m.height = static_cast<int>(r.getInt(kCol.at("height")));
  if (!r.isNull(kCol.at("uploaded_by"))) m.uploaded_by = UserId{r.getInt(kCol.at("uploaded_by"))};
  m.uploaded_at = fromEpochMs(r.getInt(kCol.at("uploaded_at")));
  m.has_thumbnail = r.getBool(kCol.at("thumbnail <> ''"));
  return m;
}

}  // namespace

Result<MediaId> SqlHazardMediaRepository::add(const hazard::Media& m, const std::string& data,
                                              const std::string& thumbnail) {
  return MediaId{CS_TRY(
      queryInt(conn_, kStored.insertInto("hazard_media") + " RETURNING id",
               {m.hazard_id.value, named(m.stage), m.content_type, m.file_name, m.bytes, m.sha256,
                std::int64_t{m.width}, std::int64_t{m.height}, idValue(m.uploaded_by),
                toEpochMs(m.uploaded_at), base64Encode(data), base64Encode(thumbnail)}))};
}

Result<std::vector<hazard::Media>> SqlHazardMediaRepository::of(HazardId hazard) {
  return mapRows(CS_TRY(conn_.query("SELECT " + kMedia.list() +
                                        " FROM hazard_media WHERE hazard_id = ? ORDER BY id",
                                    {hazard.value})),
                 mediaFrom);
}

Result<store::MediaContent> SqlHazardMediaRepository::content(MediaId id, bool thumbnail) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kMedia.list() + ", " + (thumbnail ? "thumbnail" : "data") +
                             " FROM hazard_media WHERE id = ?",
                         {id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such media");
  auto data = base64Decode(rows.front().getText(kMedia.size()));
  if (!data) return fail(Errc::Internal, "id", "stored media is damaged");
  return store::MediaContent{CS_TRY(mediaFrom(rows.front())), std::move(*data)};
}

}  // namespace citysafe::sql
