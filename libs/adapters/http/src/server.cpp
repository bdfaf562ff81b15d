// The only file that knows Boost.Beast.
#include "citysafe/http/server.hpp"

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <deque>
#include <future>
#include <thread>

namespace citysafe::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

namespace {

HttpRequest toRequest(const bhttp::request<bhttp::string_body>& req, const std::string& remote) {
  HttpRequest out;
  out.method = std::string(req.method_string());
  const std::string target(req.target());
  const auto q = target.find('?');
  out.path = percentDecode(target.substr(0, q));
  if (q != std::string::npos) out.query = parseQuery(target.substr(q + 1));
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = req.body();
  out.remote_address = remote;
  return out;
}

// A HEAD answer carries the GET answer's headers and length but no body.
bhttp::response<bhttp::string_body> toBeast(const HttpResponse& r, unsigned version,
                                            bool keep_alive, bool head = false) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "citysafe");
  res.set(bhttp::field::content_type, r.content_type);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  for (const auto& [name, value] : r.headers) res.insert(name, value);
  res.keep_alive(keep_alive);
  if (head) {
    res.content_length(r.body.size());
    return res;
  }
  res.body() = r.body;
  res.prepare_payload();
  return res;
}

// One live-channel client. Everything but the bus callback runs on the socket's strand.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(tcp::socket&& socket, Application& app, events::EventBus& bus,
                   identity::Principal who, std::string token)
      : ws_(std::move(socket)),
        recheck_(ws_.get_executor()),
        app_(app),
        bus_(bus),
        who_(std::move(who)),
        token_(std::move(token)) {}

  void start(bhttp::request<bhttp::string_body> req) {
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
      if (!self->open_ || !visibleTo(self->who_, event)) return;
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
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, Application& app, events::EventBus& bus)
      : stream_(std::move(socket)), app_(app), bus_(bus) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? std::string() : endpoint.address().to_string();
  }

  void run() { read(); }

 private:
  // The header first, so the body limit can depend on the target (uploads may be larger).
  void read() {
    parser_.emplace();
    // Beast checks Content-Length against the limit while parsing the header, so start with the
    // largest any route allows and narrow it once the target is known.
    limit_ = std::max(app_.config().body_limit, app_.config().upload_limit);
    parser_->body_limit(limit_);
    stream_.expires_after(std::chrono::seconds(60));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&HttpSession::onHeader, shared_from_this()));
  }

  void onHeader(beast::error_code ec, std::size_t bytes) {
    if (ec) return onRead(ec, bytes);
    limit_ = app_.bodyLimitFor(std::string(parser_->get().target()));
    if (const auto length = parser_->content_length(); length && *length > limit_) {
      return onRead(bhttp::error::body_limit, bytes);
    }
    parser_->body_limit(limit_);
    stream_.expires_after(std::chrono::seconds(300));
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
  }

  void onRead(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::end_of_stream) return shutdown();
    if (ec == bhttp::error::body_limit) {
      const auto p = problemBody(413, "TooLarge",
                                 "the body is larger than " + std::to_string(limit_) + " bytes");
      return write(toBeast(p, 11, false));
    }
    if (ec == bhttp::error::header_limit || ec == bhttp::error::bad_target ||
        ec == bhttp::error::bad_method || ec == bhttp::error::bad_field ||
        ec == bhttp::error::bad_value || ec == bhttp::error::bad_version ||
        ec == bhttp::error::bad_line_ending) {
      return write(toBeast(problemBody(400, "Invalid", "malformed HTTP request: " + ec.message()),
                           11, false));
    }
    if (ec) return;
    auto req = parser_->release();
    if (websocket::is_upgrade(req)) return upgrade(std::move(req));
    HttpRequest request = toRequest(req, remote_);
    const bool head = request.method == "HEAD";
    if (head) request.method = "GET";
    const HttpResponse response = app_.handle(request);
    write(toBeast(response, req.version(), req.keep_alive(), head));
  }

  static HttpResponse problemBody(int status, const std::string& title, const std::string& detail) {
    return problemResponse(status, title, detail, "body");
  }

  void upgrade(bhttp::request<bhttp::string_body> req) {
    const HttpRequest request = toRequest(req, remote_);
    if (request.path != "/api/v1/events") {
      return write(toBeast(problemBody(404, "NotFound", "no WebSocket endpoint here"),
                           req.version(), false));
    }
    auto who = app_.authenticate(request);
    if (!who || !who->can(identity::Permission::EventsRead)) {
      return write(toBeast(problemBody(401, "Unauthenticated", "log in to receive live events"),
                           req.version(), false));
    }
    stream_.expires_never();
    std::make_shared<WebSocketSession>(stream_.release_socket(), app_, bus_, std::move(*who),
                                       sessionToken(request))
        ->start(std::move(req));
  }

  void write(bhttp::response<bhttp::string_body> res) {
    auto shared = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(res));
    bhttp::async_write(stream_, *shared,
                       [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                         if (ec || !shared->keep_alive()) return self->shutdown();
                         self->read();
                       });
  }

  // Half-close, then read and discard what the client is still sending (for a while, and up to
  // a bound): closing with unread bytes would reset the connection and lose our answer (a 413,
  // say) before the client reads it.
  void shutdown() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    static constexpr std::size_t kMaxDrained = 16 << 20;
    drain_buffer_.resize(64 * 1024);
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (!ec && self->drained_ < kMaxDrained) self->drain();
                            });
  }

  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
  beast::tcp_stream stream_;
  Application& app_;
  events::EventBus& bus_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_;
  std::size_t limit_ = 0;
};

}  // namespace

struct HttpServer::Impl {
  // The acceptor lives on its own strand: its completion handlers and the close in stop() run
  // one at a time, never a re-armed accept on one thread racing the close on another.
  Impl(Application& a, events::EventBus& b, int n)
      : app(a), bus(b), threads(n), ioc(n), acceptor(asio::make_strand(ioc)) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) std::make_shared<HttpSession>(std::move(socket), app, bus)->run();
      if (acceptor.is_open()) accept();
    });
  }

  Application& app;
  events::EventBus& bus;
  int threads;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::vector<std::thread> pool;
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool stopping = false;
  bool stopped = false;
};

HttpServer::HttpServer(Application& app, events::EventBus& bus, int threads)
    : impl_(std::make_unique<Impl>(app, bus, threads < 1 ? 1 : threads)) {}

HttpServer::~HttpServer() { stop(); }

Result<unsigned short> HttpServer::start(const std::string& address, unsigned short port) {
  beast::error_code ec;
  const auto ip = asio::ip::make_address(address, ec);
  if (ec) return invalid("address", "'" + address + "' is not an IP address");
  const tcp::endpoint endpoint{ip, port};
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return fail(Errc::Unavailable, "port",
                "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message());
  const unsigned short bound = acc.local_endpoint().port();
  impl_->accept();
  for (int i = 0; i < impl_->threads; ++i) impl_->pool.emplace_back([this] { impl_->ioc.run(); });
  return bound;
}

void HttpServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) return;
    impl_->stopping = true;
  }
  // Close the listening socket on its strand and wait for it, so new connections are refused at
  // once rather than left in the backlog of a server that no longer accepts.
  std::promise<void> closed;
  auto done = closed.get_future();
  asio::post(impl_->acceptor.get_executor(), [this, &closed] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    closed.set_value();
  });
  if (!impl_->pool.empty()) done.wait_for(std::chrono::seconds(2));
  impl_->ioc.stop();
  for (auto& t : impl_->pool) {
    if (t.joinable()) t.join();
  }
  std::lock_guard lock(impl_->mutex);
  impl_->stopped = true;
  impl_->stopped_cv.notify_all();
}

void HttpServer::wait() {
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace citysafe::http
