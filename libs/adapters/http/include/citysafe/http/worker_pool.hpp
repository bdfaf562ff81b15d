#pragma once
// A fixed set of threads taking jobs from a bounded queue. trySubmit refuses instead of
// queueing without bound, so overload becomes a quick 503 rather than a growing delay.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace citysafe::http {

class WorkerPool {
 public:
  WorkerPool(std::string name, std::size_t threads, std::size_t max_queued);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping; the job is then not run.
  [[nodiscard]] bool trySubmit(std::function<void()> job);
  // Finishes the running jobs, drops the queued ones and joins the threads. Idempotent.
  void stop();
  [[nodiscard]] std::size_t queued() const;
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  void run();
  std::string name_;
  std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

}  // namespace citysafe::http
