#pragma once
// The limits that keep one client, or many, from starving the server. Defaults and what each
// protects are listed in docs/security.md.
#include <chrono>
#include <cstddef>

namespace citysafe::http {

struct ServerLimits {
  // Open connections in all and per client address (trusted proxies are exempt from the
  // latter). Past either, a connection gets 503 and is closed at once. The total is lowered at
  // start to what the process's file-descriptor limit leaves room for.
  std::size_t max_connections = 16384;
  std::size_t max_connections_per_address = 256;
  // A request's headers must be complete this long after the connection (or the previous
  // answer); the same bound holds an idle keep-alive connection.
  std::chrono::milliseconds header_timeout{15000};
  // A body must arrive at no less than min_body_rate bytes/s on average once body_grace has
  // passed (a slow sender is cut off; a phone on a weak network is far faster).
  std::chrono::milliseconds body_grace{10000};
  std::size_t min_body_rate = std::size_t{16} * 1024;
  // Handlers run on worker threads with bounded queues; a full queue answers 503 with
  // Retry-After instead of waiting without bound.
  std::size_t workers = 4;
  std::size_t worker_queue = 512;
  // Password hashing, image decoding and file imports: CPU-bound, so few threads and a short
  // queue, leaving the other cores to everything else.
  std::size_t heavy_workers = 1;
  std::size_t heavy_queue = 32;
  // After a failed accept (out of file descriptors), wait before trying again.
  std::chrono::milliseconds accept_backoff_min{20};
  std::chrono::milliseconds accept_backoff_max{1000};
};

}  // namespace citysafe::http
