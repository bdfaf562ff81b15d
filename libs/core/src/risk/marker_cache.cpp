#include "citysafe/core/risk/marker_cache.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>

namespace citysafe::risk {

std::uint32_t MarkerCache::intern(std::vector<std::string>& table,
                                  std::unordered_map<std::string, std::uint32_t>& index,
                                  const std::string& value) {
  auto [it, added] = index.emplace(value, static_cast<std::uint32_t>(table.size()));
  if (added) table.push_back(value);
  return it->second;
}

Result<void> MarkerCache::refresh(store::Store& store) {
  std::int64_t seen = 0;
  {
    std::shared_lock lock(mutex_);
    seen = version_;
  }
  std::int64_t current = 0;
  std::vector<store::RiskMarker> changed;
  auto read = store.read([&](store::Tx& tx) -> Result<void> {
    auto v = CS_TRY(tx.risks().version());
    current = v;
    if (current == seen) return ok();
    auto rows = tx.risks().markersSince(seen);  // -1 at first: every row
    if (!rows) return tl::unexpected(rows.error());
    changed = std::move(*rows);
    return ok();
  });
  if (!read) return read;
  if (current == seen) return ok();
  std::unique_lock lock(mutex_);
  if (version_ >= current) return ok();  // another thread caught up meanwhile
  for (const auto& m : changed) {
    const Entry e{m.at.lon,
                  m.at.lat,
                  intern(paths_, path_index_, m.org_path),
                  static_cast<std::int8_t>(m.level ? static_cast<int>(*m.level) : -1),
                  static_cast<std::int8_t>(m.hazard_grade),
                  static_cast<std::uint8_t>(m.kind),
                  static_cast<std::uint8_t>(intern(sectors_, sector_index_, m.sector))};
    auto [it, added] = by_id_.emplace(m.id, entries_.size());
    if (added) {
      entries_.push_back(e);
    } else {
      entries_[it->second] = e;
    }
  }
  version_ = current;
  return ok();
}

std::size_t MarkerCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

std::vector<store::CellCount> MarkerCache::gridCounts(const store::RiskFilter& f,
                                                      const store::GridFrame& frame) const {
  std::shared_lock lock(mutex_);
  // Decide scope once per distinct path and sector, not once per point.
  std::vector<char> in_subtree(paths_.size()), in_district(paths_.size()),
      wanted_path(paths_.size());
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    in_subtree[i] = paths_[i].starts_with(f.scope.subtree_path) ? 1 : 0;
    in_district[i] = (!f.scope.sector_district_path.empty() &&
                      paths_[i].starts_with(f.scope.sector_district_path))
                         ? 1
                         : 0;
    wanted_path[i] = (!f.org_path || paths_[i].starts_with(*f.org_path)) ? 1 : 0;
  }
  std::vector<std::uint8_t> reach_sector(sectors_.size()), wanted_sector(sectors_.size());
  for (std::size_t i = 0; i < sectors_.size(); ++i) {
    reach_sector[i] = (std::find(f.scope.sectors.begin(), f.scope.sectors.end(), sectors_[i]) !=
                       f.scope.sectors.end())
                          ? 1
                          : 0;
    wanted_sector[i] = (!f.sector || *f.sector == sectors_[i]) ? 1 : 0;
  }
  std::unordered_map<std::uint64_t, store::CellCount> cells;
  for (const auto& e : entries_) {
    if (!(in_subtree[e.path] || (in_district[e.path] && reach_sector[e.sector]))) continue;
    if (!wanted_path[e.path] || !wanted_sector[e.sector]) continue;
    if (f.bbox && (e.lon < f.bbox->min_lon || e.lon > f.bbox->max_lon || e.lat < f.bbox->min_lat ||
                   e.lat > f.bbox->max_lat)) {
      continue;
    }
    if (!f.levels.empty() &&
        (e.level < 0 || std::find(f.levels.begin(), f.levels.end(),
                                  static_cast<RiskLevel>(e.level)) == f.levels.end())) {
      continue;
    }
    if (!f.kinds.empty() &&
        std::find(f.kinds.begin(), f.kinds.end(), static_cast<RiskKind>(e.kind)) == f.kinds.end()) {
      continue;
    }
    if (f.major_hazard_only && e.grade <= 0) continue;
    const auto ix =
        static_cast<std::int64_t>(std::floor((e.lon - frame.origin.lon) / frame.cell_lon));
    const auto iy =
        static_cast<std::int64_t>(std::floor((e.lat - frame.origin.lat) / frame.cell_lat));
    // ix, iy and the level packed in one key: 28 bits each, offset to stay positive.
    const std::uint64_t key = (static_cast<std::uint64_t>(ix + (1 << 27)) << 36) |
                              (static_cast<std::uint64_t>(iy + (1 << 27)) << 8) |
                              static_cast<std::uint8_t>(e.level);
    auto& c = cells[key];
    if (c.count == 0) {
      c.ix = ix;
      c.iy = iy;
      if (e.level >= 0) c.level = static_cast<RiskLevel>(e.level);
    }
    ++c.count;
  }
  std::vector<store::CellCount> out;
  out.reserve(cells.size());
  for (auto& [key, c] : cells) out.push_back(c);
  return out;
}

}  // namespace citysafe::risk
