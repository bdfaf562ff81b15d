#pragma once
// A compact in-memory copy of every risk point's position, colour and scope, kept in step with
// the store through the registry version, so that aggregating a million points takes
// milliseconds instead of a full table scan per request. Works across nodes: each node catches up
// with the rows written since the version it last saw.
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "citysafe/core/store/store.hpp"

namespace citysafe::risk {

class MarkerCache {
 public:
  // Catches up with the store (cheap when nothing changed). Thread-safe.
  [[nodiscard]] Result<void> refresh(store::Store& store);
  // The same counts as RiskRepository::gridCounts for the same filter. Thread-safe.
  [[nodiscard]] std::vector<store::CellCount> gridCounts(const store::RiskFilter& filter,
                                                         const store::GridFrame& frame) const;
  [[nodiscard]] std::size_t size() const;

 private:
  struct Entry {
    double lon;
    double lat;
    std::uint32_t path;  // index into paths_
    std::int8_t level;   // -1: not assessed
    std::int8_t grade;
    std::uint8_t kind;
    std::uint8_t sector;  // index into sectors_
  };
  [[nodiscard]] bool matches(const store::RiskFilter& f, const Entry& e) const;
  std::uint32_t intern(std::vector<std::string>& table,
                       std::unordered_map<std::string, std::uint32_t>& index,
                       const std::string& value);

  mutable std::shared_mutex mutex_;
  std::int64_t version_ = -1;
  std::vector<Entry> entries_;
  std::unordered_map<RiskPointId, std::size_t> by_id_;
  std::vector<std::string> paths_;
  std::unordered_map<std::string, std::uint32_t> path_index_;
  std::vector<std::string> sectors_;
  std::unordered_map<std::string, std::uint32_t> sector_index_;
};

}  // namespace citysafe::risk
