#pragma once
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/org/organisation.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::org {

struct OrgDraft {
  std::string name;
  OrgKind kind = OrgKind::Street;
  std::optional<OrgId> parent_id;
  std::string credit_code;
  std::vector<std::string> sectors;
  std::string address;
  std::optional<GeoPoint> location;
};

struct OrgPatch {
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<std::vector<std::string>> sectors;
  std::optional<std::optional<GeoPoint>> location;  // set, or clear with nullopt inside
};

struct OrgListQuery {
  std::optional<OrgKind> kind;
  std::optional<OrgId> parent_id;
  store::PageRequest page;
};

// Thread-safe. Every call checks permission and scope before touching anything.
class OrgService {
 public:
  explicit OrgService(ServiceContext& ctx) : ctx_(ctx) {}
  [[nodiscard]] Result<Organisation> create(const identity::Principal& who, const OrgDraft& draft);
  [[nodiscard]] Result<Organisation> update(const identity::Principal& who, OrgId id,
                                            const OrgPatch& patch);
  [[nodiscard]] Result<Organisation> get(const identity::Principal& who, OrgId id);
  [[nodiscard]] Result<std::vector<Organisation>> list(const identity::Principal& who,
                                                       const OrgListQuery& query);

 private:
  void announce(const Organisation& org, const char* action);
  ServiceContext& ctx_;
};

// Semantic checks shared by create and update: name, sectors, location.
[[nodiscard]] Result<void> validateName(const std::string& name);
[[nodiscard]] Result<void> validateSectors(OrgKind kind, const std::vector<std::string>& sectors);
[[nodiscard]] Result<void> validateLocation(const std::optional<GeoPoint>& location);

}  // namespace citysafe::org
