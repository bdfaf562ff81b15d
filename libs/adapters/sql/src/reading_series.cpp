// The time series of the monitoring port: raw readings, their minute and hour aggregates, and on
// SQLite the write log in front of them.
//
// Why a log on SQLite: readings are kept keyed by (sensor, time) so a sensor's series is one
// range, but 200,000 sensors reporting in turn then dirty one page per reading, and once the
// table outgrows the caches every commit and checkpoint is that many random page writes. New
// readings go instead to `reading_log`, keyed by (stripe, time, sensor): a batch appends to the
// right edge of each stripe, a handful of pages. The SeriesCompactor moves five minutes of log at
// a time into `readings`, a sensor's run per statement, so each sensor's page is written once in
// five minutes. The stripe (sensor id modulo 16) keeps a sensor's logged readings within a
// sixteenth of the log, for charts; more stripes would mean more pages per commit. The port's
// "parts" of the log are these stripes. The compactor reads the log a page at a time so that no
// read holds its snapshot long: SQLite cannot restart its WAL behind one. PostgreSQL writes the
// series directly.
#include <algorithm>
#include <climits>
#include <unordered_map>
#include <unordered_set>

#include "repositories.hpp"

namespace citysafe::sql {
namespace {

constexpr int kStripes = 16;
constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 3'600'000;

// Multi-row VALUES in fixed chunks, so each statement text is prepared once and reused.
constexpr std::size_t kChunk = 128;

std::string valuesList(std::size_t rows, const char* row) {
  std::string out;
  for (std::size_t i = 0; i < rows; ++i) {
    out += i ? ", " : "";
    out += row;
  }
  return out;
}

std::int64_t stripeOf(std::int64_t sensor_id) { return sensor_id % kStripes; }

// Readings are never negative times (the ingestor keeps them within retention), so division
// floors.
std::int64_t floorTo(std::int64_t at_ms, std::int64_t unit) { return at_ms - at_ms % unit; }
std::int64_t ceilTo(std::int64_t at_ms, std::int64_t unit) {
  return at_ms % unit == 0 ? at_ms : floorTo(at_ms, unit) + unit;
}

const char* aggregateTable(store::Resolution r) {
  return r == store::Resolution::Hour ? "reading_hours" : "reading_minutes";
}

// Recomputes a sensor's minutes (from its raw readings) or hours (from its minutes) whose
// buckets start in [from_ms, to_ms): whatever they held before, so it is exact however often it
// runs. The bounds are whole buckets.
Result<void> recomputeBuckets(Connection& conn, store::Resolution resolution,
                              std::int64_t sensor_id, std::int64_t from_ms, std::int64_t to_ms) {
  static const std::string kUpdate =
      " ON CONFLICT (sensor_id, start_ms) DO UPDATE SET n = excluded.n, total = excluded.total, "
      "lowest = excluded.lowest, highest = excluded.highest";
  static const std::string kMinutes =
      "INSERT INTO reading_minutes (sensor_id, start_ms, n, total, lowest, highest) SELECT "
      "sensor_id, (ts / 60000) * 60000, COUNT(*), SUM(value), MIN(value), MAX(value) FROM "
      "readings WHERE sensor_id = ? AND ts >= ? AND ts < ? GROUP BY sensor_id, (ts / 60000) * "
      "60000" +
      kUpdate;
  static const std::string kHours =
      "INSERT INTO reading_hours (sensor_id, start_ms, n, total, lowest, highest) SELECT "
      "sensor_id, (start_ms / 3600000) * 3600000, SUM(n), SUM(total), MIN(lowest), MAX(highest) "
      "FROM reading_minutes WHERE sensor_id = ? AND start_ms >= ? AND start_ms < ? GROUP BY "
      "sensor_id, (start_ms / 3600000) * 3600000" +
      kUpdate;
  CS_TRY(conn.exec(resolution == store::Resolution::Hour ? kHours : kMinutes,
                   {sensor_id, from_ms, to_ms}));
  return ok();
}

// Inserts `count` rows with ON CONFLICT DO NOTHING, 128 to a statement; `bind` appends row i's
// values. Returns how many were new.
template <class Bind>
Result<std::int64_t> insertInChunks(Connection& conn, const std::string& many,
                                    const std::string& one, std::size_t count, Bind bind) {
  std::int64_t inserted = 0;
  std::vector<Value> params;
  std::size_t i = 0;
  while (i < count) {
    const bool full = count - i >= kChunk;
    const std::size_t n = full ? kChunk : 1;
    params.clear();
    for (std::size_t k = i; k < i + n; ++k) bind(k, params);
    auto done = CS_TRY(conn.exec(full ? many : one, params));
    inserted += done;
    i += n;
  }
  return inserted;
}

}  // namespace

Result<std::int64_t> SqlMonitoringRepository::insertIntoSeries(
    std::span<const store::ReadingRow> rows) {
  static const std::string kMany = "INSERT INTO readings (sensor_id, ts, value) VALUES " +
                                   valuesList(kChunk, "(?, ?, ?)") + " ON CONFLICT DO NOTHING";
  static const std::string kOne =
      "INSERT INTO readings (sensor_id, ts, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  return insertInChunks(conn_, kMany, kOne, rows.size(),
                        [&](std::size_t k, std::vector<Value>& params) {
                          params.emplace_back(rows[k].sensor_id.value);
                          params.emplace_back(rows[k].at_ms);
                          params.emplace_back(rows[k].value);
                        });
}

Result<std::int64_t> SqlMonitoringRepository::insertLogged(
    std::span<const store::ReadingRow> rows) {
  static const std::string kMany =
      "INSERT INTO reading_log (stripe, ts, sensor_id, value) VALUES " +
      valuesList(kChunk, "(?, ?, ?, ?)") + " ON CONFLICT DO NOTHING";
  static const std::string kOne =
      "INSERT INTO reading_log (stripe, ts, sensor_id, value) VALUES (?, ?, ?, ?) ON CONFLICT DO "
      "NOTHING";
  return insertInChunks(conn_, kMany, kOne, rows.size(),
                        [&](std::size_t k, std::vector<Value>& params) {
                          params.emplace_back(stripeOf(rows[k].sensor_id.value));
                          params.emplace_back(rows[k].at_ms);
                          params.emplace_back(rows[k].sensor_id.value);
                          params.emplace_back(rows[k].value);
                        });
}

Result<std::int64_t> SqlMonitoringRepository::insertReadings(
    std::span<const store::ReadingRow> rows) {
  if (!logged()) return insertIntoSeries(rows);
  auto horizon = CS_TRY(logHorizon());
  const auto late = [&](const store::ReadingRow& r) { return r.at_ms < horizon; };
  if (std::none_of(rows.begin(), rows.end(), late)) return insertLogged(rows);
  std::vector<store::ReadingRow> fresh;
  std::int64_t inserted = 0;
  for (const auto& r : rows) {
    if (!late(r)) {
      fresh.push_back(r);
      continue;
    }
    // Older than the horizon: straight into the series, unless the log still holds it (its move
    // is under way): then it is not new, and the first value stays, as everywhere else.
    auto held = CS_TRY(queryInt(
        conn_, "SELECT COUNT(*) FROM reading_log WHERE stripe = ? AND ts = ? AND sensor_id = ?",
        {stripeOf(r.sensor_id.value), r.at_ms, r.sensor_id.value}));
    if (held > 0) continue;
    auto done = CS_TRY(conn_.exec(
        "INSERT INTO readings (sensor_id, ts, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        {r.sensor_id.value, r.at_ms, r.value}));
    inserted += done;
  }
  auto logged_rows = CS_TRY(insertLogged(fresh));
  return inserted + logged_rows;
}

Result<void> SqlMonitoringRepository::recomputeMinutes(std::span<const store::BucketKey> buckets) {
  auto horizon = CS_TRY(logHorizon());
  for (const auto& b : buckets) {
    // A minute still in the log is computed when its readings move.
    if (b.start_ms + kMinuteMs > horizon) continue;
    CS_TRY(recomputeBuckets(conn_, store::Resolution::Minute, b.sensor_id.value, b.start_ms,
                            b.start_ms + kMinuteMs));
  }
  return ok();
}

Result<void> SqlMonitoringRepository::recomputeHours(std::span<const store::BucketKey> buckets) {
  auto horizon = CS_TRY(logHorizon());
  for (const auto& b : buckets) {
    if (b.start_ms >= horizon) continue;  // all its minutes are still in the log
    CS_TRY(recomputeBuckets(conn_, store::Resolution::Hour, b.sensor_id.value, b.start_ms,
                            b.start_ms + kHourMs));
  }
  return ok();
}

Result<std::vector<store::SensorLast>> SqlMonitoringRepository::lastReadings() {
  // One index seek per sensor on (sensor_id, ts), in both stores.
  auto rows = CS_TRY(conn_.query(
      "SELECT s.id, r.ts, r.value FROM sensors s JOIN readings r ON r.sensor_id = s.id AND r.ts = "
      "(SELECT MAX(ts) FROM readings WHERE sensor_id = s.id) WHERE s.status <> 'retired'",
      {}));
  std::vector<store::SensorLast> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({SensorId{r.getInt(0)}, r.getInt(1), r.getDouble(2)});
  if (!logged()) return out;
  // Newer readings are in the log: a stripe at a time (SQLite takes the value of the row with
  // the MAX).
  auto retired = CS_TRY(conn_.query("SELECT id FROM sensors WHERE status = 'retired'", {}));
  std::unordered_set<std::int64_t> skip;
  for (const auto& r : retired) skip.insert(r.getInt(0));
  std::unordered_map<SensorId, std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) at.emplace(out[i].sensor_id, i);
  for (int stripe = 0; stripe < kStripes; ++stripe) {
    auto newest = CS_TRY(conn_.query(
        "SELECT sensor_id, MAX(ts), value FROM reading_log WHERE stripe = ? GROUP BY sensor_id",
        {std::int64_t{stripe}}));
    for (const auto& r : newest) {
      const store::SensorLast l{SensorId{r.getInt(0)}, r.getInt(1), r.getDouble(2)};
      if (skip.contains(l.sensor_id.value)) continue;
      const auto [it, added] = at.emplace(l.sensor_id, out.size());
      if (added) {
        out.push_back(l);
      } else if (out[it->second].at_ms < l.at_ms) {
        out[it->second] = l;
      }
    }
  }
  return out;
}

Result<void> SqlMonitoringRepository::setLast(std::span<const store::SensorLast> last) {
  for (const auto& l : last) {
    CS_TRY(conn_.exec(
        "UPDATE sensors SET last_at = ?, last_value = ? WHERE id = ? AND (last_at IS NULL OR "
        "last_at < ?)",
        {l.at_ms, l.value, l.sensor_id.value, l.at_ms}));
  }
  return ok();
}

Result<std::vector<store::SeriesPoint>> SqlMonitoringRepository::seriesPoints(
    const std::string& sql, const std::vector<Value>& params) {
  auto rows = CS_TRY(conn_.query(sql, params));
  std::vector<store::SeriesPoint> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.getInt(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getInt(4)});
  }
  return out;
}

Result<std::vector<store::SeriesPoint>> SqlMonitoringRepository::series(
    SensorId sensor, store::Resolution resolution, std::int64_t from_ms, std::int64_t to_ms,
    int limit) {
  const std::int64_t sensor_id = sensor.value;
  const auto n = std::int64_t{limit};
  const bool raw = resolution == store::Resolution::Raw;
  const std::string stored =
      raw ? "SELECT ts, value, value, value, 1 FROM readings WHERE sensor_id = ? AND ts >= ? AND "
            "ts < ?"
          : std::string("SELECT start_ms, total / n, lowest, highest, n FROM ") +
                aggregateTable(resolution) +
                " WHERE sensor_id = ? AND start_ms >= ? AND start_ms < ?";
  if (!logged() || resolution == store::Resolution::Hour) {
    return seriesPoints(stored + " ORDER BY 1 LIMIT ?", {sensor_id, from_ms, to_ms, n});
  }
  const std::int64_t stripe = stripeOf(sensor_id);
  if (raw) {
    // A reading being moved may be in both for a moment: UNION keeps one.
    return seriesPoints(
        stored +
            " UNION SELECT ts, value, value, value, 1 FROM reading_log WHERE "
            "stripe = ? AND ts >= ? AND ts < ? AND sensor_id = ? ORDER BY 1 LIMIT ?",
        {sensor_id, from_ms, to_ms, stripe, from_ms, to_ms, sensor_id, n});
  }
  // Minutes of logged readings are computed here until they move; whole minutes only.
  const std::int64_t log_from = ceilTo(from_ms, kMinuteMs);
  const std::int64_t log_to = ceilTo(to_ms, kMinuteMs);
  return seriesPoints(
      stored +
          " UNION ALL SELECT b, SUM(value) / COUNT(*), MIN(value), MAX(value), COUNT(*) FROM "
          "(SELECT (ts / 60000) * 60000 AS b, value FROM reading_log WHERE stripe = ? AND ts >= ? "
          "AND ts < ? AND sensor_id = ?) GROUP BY b HAVING b NOT IN (SELECT start_ms FROM "
          "reading_minutes WHERE sensor_id = ? AND start_ms >= ? AND start_ms < ?) ORDER BY 1 "
          "LIMIT ?",
      {sensor_id, from_ms, to_ms, stripe, log_from, log_to, sensor_id, sensor_id, log_from, log_to,
       n});
}

Result<std::int64_t> SqlMonitoringRepository::dropBefore(store::Resolution resolution,
                                                         std::int64_t before_ms) {
  const bool raw = resolution == store::Resolution::Raw;
  std::int64_t removed = 0;
  if (raw && conn_.dialect() == Dialect::Postgres) {
    // Whole day partitions whose range ends by the cut-off, then what the default holds.
    auto parts = CS_TRY(
        conn_.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "WHERE i.inhparent = 'readings'::regclass AND c.relname LIKE 'readings\\_p%'",
                    {}));
    for (const auto& p : parts) {
      const std::string& name = p.getText(0);  // readings_p<start ms>
      const std::int64_t start = std::stoll(name.substr(10));
      if (start + 86'400'000 > before_ms) continue;
      CS_TRY(conn_.execScript("DROP TABLE " + name));
      ++removed;
    }
    auto rest = CS_TRY(conn_.exec("DELETE FROM readings_default WHERE ts < ?", {before_ms}));
    return removed + rest;
  }
  if (raw) {
    for (int stripe = 0; stripe < kStripes; ++stripe) {
      auto dropped = CS_TRY(dropLogged(stripe, 0, before_ms));
      removed += dropped;
    }
  }
  // SQLite keys rows by sensor first: one range per sensor, never a scan of the whole table.
  auto ids = CS_TRY(conn_.query("SELECT id FROM sensors", {}));
  const std::string sql = raw ? "DELETE FROM readings WHERE sensor_id = ? AND ts < ?"
                              : std::string("DELETE FROM ") + aggregateTable(resolution) +
                                    " WHERE sensor_id = ? AND start_ms < ?";
  for (const auto& row : ids) {
    auto done = CS_TRY(conn_.exec(sql, {row.getInt(0), before_ms}));
    removed += done;
  }
  return removed;
}

Result<void> SqlMonitoringRepository::prepareRange(std::int64_t from_ms, std::int64_t to_ms) {
  if (conn_.dialect() != Dialect::Postgres) return ok();
  constexpr std::int64_t kDay = 86'400'000;
  for (std::int64_t day = from_ms - (from_ms % kDay); day < to_ms; day += kDay) {
    const std::string name = "readings_p" + std::to_string(day);
    // to_regclass looks in the search path, so each schema has its own partitions.
    auto exists = CS_TRY(queryInt(
        conn_, "SELECT COUNT(*) FROM (SELECT to_regclass(?) AS r) x WHERE r IS NOT NULL", {name}));
    if (exists > 0) continue;
    // A day the default partition already holds rows of stays there (creating the partition
    // would fail); it is still correct, only not dropped as a whole.
    auto held =
        CS_TRY(queryInt(conn_,
                        "SELECT COUNT(*) FROM (SELECT 1 FROM readings_default WHERE ts >= ? AND "
                        "ts < ? LIMIT 1) x",
                        {day, day + kDay}));
    if (held > 0) continue;
    if (auto r = conn_.execScript("CREATE TABLE IF NOT EXISTS " + name +
                                  " PARTITION OF readings FOR VALUES FROM (" + std::to_string(day) +
                                  ") TO (" + std::to_string(day + kDay) + ")");
        !r) {
      return r;
    }
  }
  return ok();
}

int SqlMonitoringRepository::logParts() { return logged() ? kStripes : 0; }

Result<std::int64_t> SqlMonitoringRepository::logHorizon() {
  if (!logged()) return std::int64_t{LLONG_MAX};
  if (!horizon_) {
    auto h = CS_TRY(queryInt(conn_, "SELECT horizon FROM reading_log_state WHERE id = 1", {}));
    horizon_ = h;
  }
  return *horizon_;
}

Result<void> SqlMonitoringRepository::advanceLogHorizon(std::int64_t horizon_ms) {
  if (!logged()) return ok();
  CS_TRY(conn_.exec("UPDATE reading_log_state SET horizon = ? WHERE id = 1 AND horizon < ?",
                    {horizon_ms, horizon_ms}));
  horizon_.reset();
  return ok();
}

Result<std::vector<store::ReadingRow>> SqlMonitoringRepository::loggedBefore(
    int stripe, std::int64_t before_ms, std::optional<store::ReadingRow> after, int limit) {
  std::vector<store::ReadingRow> out;
  if (!logged()) return out;
  // Built one by one: GCC 12 misreads a braced list of these variants as maybe uninitialised.
  const store::ReadingRow from = after.value_or(store::ReadingRow{SensorId{-1}, LLONG_MIN, 0});
  std::vector<Value> params;
  params.emplace_back(std::int64_t{stripe});
  params.emplace_back(before_ms);
  params.emplace_back(from.at_ms);
  params.emplace_back(from.at_ms);
  params.emplace_back(from.sensor_id.value);
  params.emplace_back(std::int64_t{limit});
  CS_TRY(
      conn_.forEachRow("SELECT sensor_id, ts, value FROM reading_log WHERE stripe = ? AND ts < ? "
                       "AND ts >= ? AND (ts > ? OR sensor_id > ?) ORDER BY ts, sensor_id LIMIT ?",
                       params, [&](Row&& r) {
                         out.push_back({SensorId{r.getInt(0)}, r.getInt(1), r.getDouble(2)});
                       }));
  return out;
}

Result<void> SqlMonitoringRepository::moveToSeries(std::span<const store::ReadingRow> rows) {
  CS_TRY(insertIntoSeries(rows));
  // Each sensor's minutes and hours over the span its readings cover, recomputed from what lies
  // beneath (readings that reached the series by other ways included). Every hour a run touches,
  // ended or not: the hour may have been computed while some of its minutes were still in the
  // log, and this run may be the last to touch it.
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j < rows.size() && rows[j].sensor_id == rows[i].sensor_id) ++j;
    const std::int64_t id = rows[i].sensor_id.value;
    const std::int64_t first = rows[i].at_ms;
    const std::int64_t last = rows[j - 1].at_ms;
    if (auto r = recomputeBuckets(conn_, store::Resolution::Minute, id, floorTo(first, kMinuteMs),
                                  floorTo(last, kMinuteMs) + kMinuteMs);
        !r) {
      return r;
    }
    if (auto r = recomputeBuckets(conn_, store::Resolution::Hour, id, floorTo(first, kHourMs),
                                  floorTo(last, kHourMs) + kHourMs);
        !r) {
      return r;
    }
    i = j;
  }
  return ok();
}

Result<std::int64_t> SqlMonitoringRepository::dropLogged(int stripe, std::int64_t from_ms,
                                                         std::int64_t before_ms) {
  if (!logged()) return std::int64_t{0};
  return conn_.exec("DELETE FROM reading_log WHERE stripe = ? AND ts >= ? AND ts < ?",
                    {std::int64_t{stripe}, from_ms, before_ms});
}

}  // namespace citysafe::sql
