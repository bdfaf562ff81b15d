#pragma once
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/import_report.hpp"
#include "citysafe/core/risk/assessment.hpp"
#include "citysafe/core/risk/marker_cache.hpp"
#include "citysafe/core/risk/risk_analysis.hpp"
#include "citysafe/core/risk/risk_point.hpp"
#include "citysafe/core/risk/statutory_lists.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::risk {

struct RiskPointDraft {
  std::string name;
  RiskKind kind = RiskKind::EnterpriseUnit;
  std::string sector;
  OrgId org_id;
  std::optional<OrgId> enterprise_id;
  Geometry geometry;
  std::int64_t capacity = 0;
};

struct RiskPointPatch {
  std::optional<std::string> name;
  std::optional<std::string> sector;
  std::optional<Geometry> geometry;
  std::optional<std::int64_t> capacity;
};

struct AssessRequest {
  MethodInput input;
  std::string basis = "inherent";  // or "residual"
  // GB 18218 without a head count: take α's people from the exposure within 500 m.
  bool people_from_exposure = false;
};

// One row of an import, with where it came from for the report.
struct ImportRow {
  int line = 0;
  RiskPointDraft draft;
};

// A row of a statutory list, with the people within 500 m and 1 km when the list shows them.
struct ListedPoint {
  RiskPoint point;
  std::int64_t people_500m = 0;
  std::int64_t people_1000m = 0;
};

struct ListPage {
  std::vector<ListedPoint> rows;
  store::LevelCounts counts{};  // of the whole list under the filter, not just this page
};

using citysafe::ImportProblem;
using citysafe::ImportReport;

// Thread-safe. Every call checks permission and scope.
class RiskService {
 public:
  explicit RiskService(ServiceContext& ctx, ReassessmentPolicy policy = {})
      : ctx_(ctx), policy_(policy) {}
  [[nodiscard]] Result<RiskPoint> create(const identity::Principal& who,
                                         const RiskPointDraft& draft);
  [[nodiscard]] Result<RiskPoint> update(const identity::Principal& who, RiskPointId id,
                                         const RiskPointPatch& patch);
  [[nodiscard]] Result<RiskPoint> get(const identity::Principal& who, RiskPointId id);
  [[nodiscard]] Result<std::vector<RiskPoint>> list(const identity::Principal& who,
                                                    store::RiskFilter filter,
                                                    store::PageRequest page);
  // Every point the filter selects, in id order (the map, exports).
  [[nodiscard]] Result<std::vector<RiskPoint>> listAll(const identity::Principal& who,
                                                       const store::RiskFilter& filter);
  // A page of a statutory list under the caller's filter, with its counts.
  [[nodiscard]] Result<ListPage> statutoryList(const identity::Principal& who, StatutoryList list,
                                               const store::RiskFilter& asked,
                                               store::PageRequest page);
  // The whole list, every row with its people near (the export).
  [[nodiscard]] Result<std::vector<ListedPoint>> exportList(const identity::Principal& who,
                                                            StatutoryList list,
                                                            const store::RiskFilter& asked);
  [[nodiscard]] Result<store::LevelCounts> counts(const identity::Principal& who,
                                                  store::RiskFilter filter);
  [[nodiscard]] Result<std::vector<store::RiskMarker>> markers(const identity::Principal& who,
                                                               store::RiskFilter filter);
  // Loads the marker cache now rather than on the first grid request (seconds at a million).
  [[nodiscard]] Result<void> warmCache() { return cache_.refresh(ctx_.store); }
  [[nodiscard]] Result<std::vector<GridCell>> grid(const identity::Principal& who,
                                                   store::RiskFilter filter,
                                                   const store::GridFrame& frame);
  // Cells of `cell_m` metres (50..10,000) anchored on the district's south-west corner (to
  // 0.01°), so that they stay put between requests.
  [[nodiscard]] Result<std::vector<GridCell>> districtGrid(const identity::Principal& who,
                                                           store::RiskFilter filter, double cell_m);
  // The caller's areas (the streets in scope, or the communities for a caller below a street)
  // with their counts and safety index.
  [[nodiscard]] Result<std::vector<AreaSummary>> areaSummaries(
      const identity::Principal& who, const store::RiskFilter& filter,
      const SafetyIndexWeights& weights = {});
  // Grades inputs without recording anything (the calculator).
  [[nodiscard]] Result<Evaluation> evaluate(const identity::Principal& who,
                                            const MethodInput& input);
  [[nodiscard]] Result<Assessment> assess(const identity::Principal& who, RiskPointId id,
                                          const AssessRequest& request);
  [[nodiscard]] Result<std::vector<Assessment>> history(const identity::Principal& who,
                                                        RiskPointId id);
  // All rows in one transaction. Rows that fail (and `parse_problems` from reading the file) are
  // reported by line; when any row fails nothing is written unless `keep_good_rows`.
  [[nodiscard]] Result<ImportReport> importPoints(const identity::Principal& who,
                                                  const std::vector<ImportRow>& rows,
                                                  std::vector<ImportProblem> parse_problems,
                                                  bool keep_good_rows);
  [[nodiscard]] Result<std::vector<ExposureRing>> exposure(const identity::Principal& who,
                                                           RiskPointId id,
                                                           const std::vector<double>& radii_m);

 private:
  [[nodiscard]] Result<RiskPoint> insertChecked(store::Tx& tx, const identity::Principal& who,
                                                const RiskPointDraft& draft);
  [[nodiscard]] Result<void> checkPlacement(store::Tx& tx, const identity::Principal& who,
                                            const RiskPoint& point);
  [[nodiscard]] Result<ListedPoint> withPeopleNear(RiskPoint point);
  void announce(const RiskPoint& point, const char* action);
  ServiceContext& ctx_;
  ReassessmentPolicy policy_;
  MarkerCache cache_;
};

}  // namespace citysafe::risk
