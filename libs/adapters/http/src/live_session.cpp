// The live channel (/api/v1/events): one WebSocket per client, fed from the event bus.
#include <deque>

#include "beast_session.hpp"
#include "citysafe/core/events/event_visibility.hpp"

namespace citysafe::http {

namespace {

// One live-channel client. Everything but the bus callback runs on the socket's strand.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(tcp::socket&& socket, Application& app, events::EventBus& bus,
                   identity::Principal who, std::string token, ConnectionSlot slot)
      : ws_(std::move(socket)),
        recheck_(ws_.get_executor()),
        app_(app),
        bus_(bus),
        who_(std::move(who)),
        token_(std::move(token)),
        slot_(std::move(slot)) {}

  void start(const bhttp::request<bhttp::string_body>& req) {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.async_accept(req,
                     beast::bind_front_handler(&WebSocketSession::onAccept, shared_from_this()));
  }

 private:
  static constexpr std::size_t kMaxQueued = 1000;

  void onAccept(beast::error_code ec) {
    if (ec) return;
    app_.metrics().websocketOpened();
    open_ = true;
    std::weak_ptr<WebSocketSession> weak = shared_from_this();
    subscription_ = bus_.subscribe([weak](const events::DomainEvent& event) {
      if (auto self = weak.lock()) self->offer(event);
    });
    enqueue(R"({"type":"hello","entity":"","entity_id":"","action":"hello","data":null})");
    scheduleRecheck();
    readLoop();
  }

  // Called on the publisher's thread: hop onto the strand before touching anything.
  void offer(const events::DomainEvent& event) {
    asio::post(ws_.get_executor(), [self = shared_from_this(), event] {
      if (!self->open_ || !events::visibleTo(self->who_, event)) return;
      self->push(eventJson(event));
      self->app_.metrics().eventPushed();
    });
  }

  void enqueue(std::string message) {
    asio::post(ws_.get_executor(), [self = shared_from_this(), m = std::move(message)]() mutable {
      self->push(std::move(m));
    });
  }

  void push(std::string message) {
    // A client that stops reading must not grow the queue without bound: drop the oldest
    // waiting message, never the one being written (queue_.front()).
    if (queue_.size() >= kMaxQueued) queue_.erase(queue_.begin() + 1);
    queue_.push_back(std::move(message));
    if (queue_.size() == 1) writeNext();
  }

  void writeNext() {
    ws_.text(true);
    ws_.async_write(asio::buffer(queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) return self->close();
                      self->queue_.pop_front();
                      if (!self->queue_.empty()) self->writeNext();
                    });
  }

  // A live socket must not outlive its session: logout, disable, password change or expiry end
  // it, and role or scope changes take effect.
  void scheduleRecheck() {
    recheck_.expires_after(app_.config().live_recheck);
    recheck_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->open_) return;
      auto who = self->app_.services().auth.authenticate(self->token_);
      if (!who || !who->can(identity::Permission::EventsRead)) {
        self->close();
        beast::error_code ignored;
        beast::get_lowest_layer(self->ws_).socket().close(ignored);
        return;
      }
      self->who_ = std::move(*who);
      self->scheduleRecheck();
    });
  }

  void readLoop() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->buffer_.consume(self->buffer_.size());  // clients only listen; ignore what they send
      self->readLoop();
    });
  }

  void close() {
    if (!open_) return;
    open_ = false;
    recheck_.cancel();
    bus_.unsubscribe(subscription_);
    app_.metrics().websocketClosed();
  }

  websocket::stream<beast::tcp_stream> ws_;
  asio::steady_timer recheck_;
  Application& app_;
  events::EventBus& bus_;
  identity::Principal who_;
  std::string token_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  std::uint64_t subscription_ = 0;
  bool open_ = false;
  ConnectionSlot slot_;
};

}  // namespace

void startLiveSession(tcp::socket&& socket, Application& app, events::EventBus& bus,
                      identity::Principal who, std::string token, ConnectionSlot slot,
                      const bhttp::request<bhttp::string_body>& req) {
  std::make_shared<WebSocketSession>(std::move(socket), app, bus, std::move(who), std::move(token),
                                     std::move(slot))
      ->start(req);
}

}  // namespace citysafe::http
