#pragma once
#include <memory>
#include <string>

#include "citysafe/common/result.hpp"
#include "citysafe/core/events/event_bus.hpp"
#include "citysafe/http/application.hpp"

namespace citysafe::http {

// Asynchronous HTTP/1.1 + WebSocket server (Boost.Beast) on a fixed pool of threads. Handlers
// run on the pool threads; the live channel (/api/v1/events) pushes bus events to each socket
// filtered by its user's scope.
class HttpServer {
 public:
  HttpServer(Application& app, events::EventBus& bus, int threads);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  // Binds and starts serving; returns the bound port (useful with port 0).
  [[nodiscard]] Result<unsigned short> start(const std::string& address, unsigned short port);
  // Stops accepting, closes sockets and joins the threads. Idempotent.
  void stop();
  // Blocks until stop() is called (from a signal handler thread, say).
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace citysafe::http
