#pragma once
// Time comes through this port so deadlines and durations are testable with a fake clock.
#include <chrono>
#include <mutex>
#include <thread>

namespace citysafe {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual TimePoint now() const = 0;
  // For measuring how long something took (never goes back), and for pausing.
  [[nodiscard]] virtual std::chrono::steady_clock::time_point monotonic() const {
    return std::chrono::steady_clock::now();
  }
  virtual void sleepFor(std::chrono::nanoseconds duration) const {
    std::this_thread::sleep_for(duration);
  }
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

// Thread-safe; advances only when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : now_(start) {}
  [[nodiscard]] TimePoint now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void advance(std::chrono::milliseconds by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }
  void set(TimePoint to) {
    std::lock_guard lock(mutex_);
    now_ = to;
  }

 private:
  mutable std::mutex mutex_;
  TimePoint now_;
};

inline std::int64_t toEpochMs(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint fromEpochMs(std::int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

}  // namespace citysafe
