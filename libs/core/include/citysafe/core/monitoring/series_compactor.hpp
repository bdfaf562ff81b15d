#pragma once
// Moves readings from the store's write log into the per-sensor series (see the port's "write
// log"), a minute at a time and a sensor's run at a time, so each sensor's page is written once a
// minute instead of once a reading. Runs beside ingestion in short transactions (a few thousand
// readings each) so ingestion never waits long for the store. A crash part-way leaves the rest in
// the log for the next run; moving twice changes nothing. A store without a log has nothing to do.
#include <chrono>
#include <cstdint>
#include <functional>

#include "citysafe/core/services.hpp"

namespace citysafe::monitoring {

struct CompactionOptions {
  // Readings younger than this stay in the log, so the minute being filled moves whole.
  std::chrono::milliseconds lag = std::chrono::minutes(1);
  // The horizon moves in steps of at least this: the longer, the more readings a sensor's page
  // takes per write (five minutes of a sensor reporting every two seconds fill about one page),
  // the more the log holds for charts to scan.
  std::chrono::milliseconds step = std::chrono::minutes(5);
  std::size_t rows_per_transaction = 4096;
  int rows_per_read = 65'536;
  // After each transaction, pause this many times as long as it took: ingestion gets the store
  // at least half the time while a move runs (it still finishes well within `step`).
  double pause_per_busy = 1.0;
};

struct CompactionReport {
  std::int64_t moved = 0;       // readings moved into the series
  std::int64_t horizon_ms = 0;  // readings older than this are in the series
  int transactions = 0;
  double longest_ms = 0;  // the longest transaction: how long ingestion may have waited
};

class SeriesCompactor {
 public:
  explicit SeriesCompactor(ServiceContext& ctx, CompactionOptions options = {});
  // Advances the horizon to the last whole minute at least `lag` old (once that is `step`
  // past it) and moves everything before it.
  // `stopping` is asked between transactions: a shutdown need not wait for a whole run.
  [[nodiscard]] Result<CompactionReport> run(const std::function<bool()>& stopping = {});

 private:
  Result<void> movePart(int part, std::int64_t horizon, CompactionReport& report,
                        const std::function<bool()>& stopping);

  ServiceContext& ctx_;
  CompactionOptions options_;
};

// How long the series keeps what (hours are kept for good).
struct RetentionOptions {
  std::chrono::milliseconds raw = std::chrono::days(30);  // as far back as ingestion accepts
  std::chrono::milliseconds minutes = std::chrono::days(400);
};

// Beside the compactor, once an hour on one node: storage prepared ahead (PostgreSQL: the day
// partitions) and retention (raw readings and minutes past their time).
class SeriesHousekeeping {
 public:
  explicit SeriesHousekeeping(ServiceContext& ctx, RetentionOptions options = {})
      : ctx_(ctx), options_(options) {}
  [[nodiscard]] Result<void> run();

 private:
  ServiceContext& ctx_;
  RetentionOptions options_;
};

}  // namespace citysafe::monitoring
