#include "citysafe/core/monitoring/series_compactor.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace citysafe::monitoring {
namespace {

// One write transaction, counted and timed in the report, then a pause in proportion.
template <class Write>
Result<void> timed(const Clock& clock, CompactionReport& report, double pause_per_busy,
                   Write write) {
  const auto start = clock.monotonic();
  auto outcome = write();
  const std::chrono::duration<double, std::milli> took = clock.monotonic() - start;
  report.longest_ms = std::max(report.longest_ms, took.count());
  ++report.transactions;
  clock.sleepFor(std::chrono::duration_cast<std::chrono::nanoseconds>(took * pause_per_busy));
  return outcome;
}

}  // namespace

SeriesCompactor::SeriesCompactor(ServiceContext& ctx, CompactionOptions options)
    : ctx_(ctx), options_(options) {}

Result<CompactionReport> SeriesCompactor::run(const std::function<bool()>& stopping) {
  CompactionReport report;
  auto parts = CS_TRY(store::readReturning<int>(
      ctx_.store, [](store::Tx& tx) -> Result<int> { return tx.monitoring().logParts(); }));
  if (parts == 0) return report;
  constexpr std::int64_t kMinuteMs = 60'000;
  const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
  const std::int64_t cut = (now_ms - options_.lag.count()) / kMinuteMs * kMinuteMs;
  // The horizon first, in its own transaction: from its commit on, no reading older than it
  // enters the log, so what is read below is all there will be.
  const auto horizon = CS_TRY(
      store::writeReturning<std::int64_t>(ctx_.store, [&](store::Tx& tx) -> Result<std::int64_t> {
        const auto now_at = CS_TRY(tx.monitoring().logHorizon());
        if (cut < now_at + options_.step.count()) return now_at;
        CS_TRY(tx.monitoring().advanceLogHorizon(cut));
        return tx.monitoring().logHorizon();
      }));
  report.horizon_ms = horizon;
  for (int part = 0; part < parts; ++part) {
    if (stopping && stopping()) break;
    CS_TRY(movePart(part, horizon, report, stopping));
  }
  return report;
}

Result<void> SeriesCompactor::movePart(int part, std::int64_t horizon, CompactionReport& report,
                                       const std::function<bool()>& stopping) {
  // Read outside any write transaction (ingestion goes on meanwhile), a page per read.
  const int page_rows = std::max(options_.rows_per_read, 1);
  Result<std::vector<store::ReadingRow>> rows = std::vector<store::ReadingRow>{};
  for (;;) {
    const auto after = rows->empty() ? std::optional<store::ReadingRow>{} : rows->back();
    const auto page =
        CS_TRY(store::readReturning<std::vector<store::ReadingRow>>(ctx_.store, [&](store::Tx& tx) {
          return tx.monitoring().loggedBefore(part, horizon, after, page_rows);
        }));
    rows->insert(rows->end(), page.begin(), page.end());
    if (page.size() < static_cast<std::size_t>(page_rows)) break;
  }
  if (rows->empty()) return ok();
  std::sort(rows->begin(), rows->end(), [](const auto& a, const auto& b) {
    return a.sensor_id != b.sensor_id ? a.sensor_id < b.sensor_id : a.at_ms < b.at_ms;
  });
  const std::size_t per_tx = std::max<std::size_t>(options_.rows_per_transaction, 1);
  // Whole sensors per transaction, so each sensor's minutes are recomputed once.
  for (std::size_t from = 0; from < rows->size();) {
    if (stopping && stopping()) return ok();  // the rest stays in the log for the next run
    std::size_t to = std::min(rows->size(), from + per_tx);
    while (to < rows->size() && (*rows)[to].sensor_id == (*rows)[to - 1].sensor_id) ++to;
    const std::span<const store::ReadingRow> run(rows->data() + from, to - from);
    if (auto r = timed(ctx_.clock, report, options_.pause_per_busy,
                       [&] {
                         return ctx_.store.write(
                             [&](store::Tx& tx) { return tx.monitoring().moveToSeries(run); });
                       });
        !r) {
      return r;
    }
    report.moved += static_cast<std::int64_t>(run.size());
    from = to;
  }
  // Then forget them from the log, in time slices (deleting a range of the log is cheaper than
  // moving it: four times the readings to a transaction).
  std::vector<std::int64_t> times;
  times.reserve(rows->size());
  for (const auto& r : *rows) times.push_back(r.at_ms);
  std::sort(times.begin(), times.end());
  const std::size_t per_drop = per_tx * 4;
  for (std::size_t i = 0; i < times.size(); i += per_drop) {
    const std::int64_t from = times[i];
    const std::int64_t to = i + per_drop < times.size() ? times[i + per_drop] : horizon;
    if (from >= to) continue;  // one time shared by more than a slice: the next slice takes it
    if (auto r = timed(ctx_.clock, report, options_.pause_per_busy,
                       [&] {
                         return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
                           CS_TRY(tx.monitoring().dropLogged(part, from, to));
                           return ok();
                         });
                       });
        !r) {
      return r;
    }
  }
  return ok();
}

}  // namespace citysafe::monitoring

namespace citysafe::monitoring {

Result<void> SeriesHousekeeping::run() {
  const TimePoint now = ctx_.clock.now();
  const std::chrono::days day{1};
  // Each step its own transaction: partition DDL locks the readings table on PostgreSQL, and
  // should not wait behind the retention deletes.
  CS_TRY(ctx_.store.write([&](store::Tx& tx) {
    return tx.monitoring().prepareRange(toEpochMs(now - day), toEpochMs(now + 2 * day));
  }));
  const std::pair<store::Resolution, std::chrono::milliseconds> retention[] = {
      {store::Resolution::Raw, options_.raw}, {store::Resolution::Minute, options_.minutes}};
  for (const auto& keep : retention) {
    CS_TRY(store::writeReturning<std::int64_t>(ctx_.store, [&](store::Tx& tx) {
      return tx.monitoring().dropBefore(keep.first, toEpochMs(now - keep.second));
    }));
  }
  return ok();
}

}  // namespace citysafe::monitoring
