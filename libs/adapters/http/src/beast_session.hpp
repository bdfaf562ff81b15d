#pragma once
// What the Beast server and the live channel share (private to the HTTP adapter: with
// server.cpp and live_session.cpp, the only files that know Boost.Beast).
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <string>
#include <utility>

#include "citysafe/core/events/event_bus.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/http/application.hpp"
#include "citysafe/http/connection_limiter.hpp"

namespace citysafe::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

// A connection's place under the caps, given back when the last owner of the socket goes.
class ConnectionSlot {
 public:
  ConnectionSlot(ConnectionLimiter& limiter, std::string address)
      : limiter_(&limiter), address_(std::move(address)) {}
  ConnectionSlot(ConnectionSlot&& other) noexcept
      : limiter_(std::exchange(other.limiter_, nullptr)), address_(std::move(other.address_)) {}
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ConnectionSlot(const ConnectionSlot&) = delete;
  ~ConnectionSlot() {
    if (limiter_) limiter_->close(address_);
  }
  [[nodiscard]] const std::string& address() const { return address_; }

 private:
  ConnectionLimiter* limiter_;
  std::string address_;
};

// Accepts the WebSocket upgrade `req` on `socket` and pushes the bus's events that `who` may
// read until the client goes, or its session ends.
void startLiveSession(tcp::socket&& socket, Application& app, events::EventBus& bus,
                      identity::Principal who, std::string token, ConnectionSlot slot,
                      const bhttp::request<bhttp::string_body>& req);

}  // namespace citysafe::http
