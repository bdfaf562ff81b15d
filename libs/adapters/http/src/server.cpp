// The Beast server: accepting, the caps, reading a request in steps and writing the answer. The
// live channel's sockets are in live_session.cpp.
#include "citysafe/http/server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <thread>
#include <utility>

#include "beast_session.hpp"
#include "citysafe/http/worker_pool.hpp"

namespace citysafe::http {

namespace {

// A HEAD request is admitted and handled as the GET it mirrors; the answer drops the body.
HttpRequest toRequest(const bhttp::request_header<>& req, const std::string& remote) {
  HttpRequest out;
  out.method = std::string(req.method_string());
  if (out.method == "HEAD") out.method = "GET";
  const std::string target(req.target());
  const auto q = target.find('?');
  out.path = percentDecode(target.substr(0, q));
  if (q != std::string::npos) out.query = parseQuery(target.substr(q + 1));
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.remote_address = remote;
  return out;
}

// What every connection shares.
struct Shared {
  Application& app;
  events::EventBus& bus;
  ConnectionLimiter& limiter;
  WorkerPool& workers;
  WorkerPool& heavy;
  const ServerLimits& limits;
};

// A HEAD answer carries the GET answer's headers and length but no body.
bhttp::response<bhttp::string_body> toBeast(const HttpResponse& r, unsigned version,
                                            bool keep_alive, bool head = false) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "citysafe");
  res.set(bhttp::field::content_type, r.content_type);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  // The UI loads only its own scripts (Vite emits no inline ones); MapLibre needs blob: workers
  // and sets inline styles on its markers. No page of ours may be framed (clickjacking).
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
          "worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-ancestors 'none'");
  res.set("X-Frame-Options", "DENY");
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

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, Shared shared, ConnectionSlot slot)
      : stream_(std::move(socket)), shared_(shared), app_(shared.app), slot_(std::move(slot)) {}

  void run() { read(); }

 private:
  static constexpr std::size_t kBodyStep = std::size_t{64} * 1024;

  // The headers first: they decide the route, the caller and the body limit, so nothing is
  // read (or decoded) for a request that will be refused.
  void read() {
    parser_.emplace();
    // Beast checks Content-Length against the limit while parsing the header, so start with the
    // largest any route allows and narrow it once the target is known.
    parser_->body_limit(std::max(app_.config().body_limit, app_.config().upload_limit));
    stream_.expires_after(shared_.limits.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&HttpSession::onHeader, shared_from_this()));
  }

  void onHeader(beast::error_code ec, std::size_t) {
    if (ec) return onReadError(ec);
    const auto& header = parser_->get();
    head_ = header.method() == bhttp::verb::head;
    HttpRequest request = toRequest(header, slot_.address());
    if (websocket::is_upgrade(header)) return upgrade(request);
    admission_ = app_.admit(request);
    if (admission_.refusal) {
      // The body (if any) stays unread; the connection closes after the answer.
      return write(toBeast(*admission_.refusal, header.version(), false, head_));
    }
    limit_ = admission_.body_limit;
    if (const auto length = parser_->content_length(); length && *length > limit_) {
      return onReadError(bhttp::error::body_limit);
    }
    parser_->body_limit(limit_);
    body_started_ = std::chrono::steady_clock::now();
    received_ = 0;
    readBody();
  }

  // The body in steps, each with a deadline that moves on only as bytes arrive: after the grace
  // period the client must keep up the minimum rate on average, or it is cut off.
  void readBody() {
    if (parser_->is_done()) return dispatch();
    const auto& limits = shared_.limits;
    const double allowed_seconds =
        static_cast<double>(received_ + kBodyStep) /
        static_cast<double>(std::max<std::size_t>(limits.min_body_rate, 1));
    stream_.expires_at(body_started_ + limits.body_grace +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(allowed_seconds)));
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                             self->received_ += n;
                             if (ec == beast::error::timeout) {
                               // The stream has closed the socket; there is no one to answer.
                               self->app_.metrics().slowClientCut();
                               return;
                             }
                             if (ec) return self->onReadError(ec);
                             self->readBody();
                           });
  }

  void dispatch() {
    const unsigned version = parser_->get().version();
    const bool keep_alive = parser_->get().keep_alive();
    auto beast_request = parser_->release();
    HttpRequest request = toRequest(beast_request, slot_.address());
    request.body = std::move(beast_request.body());
    if (admission_.work == Work::Inline) {
      return write(toBeast(app_.handle(request, admission_), version, keep_alive, head_));
    }
    WorkerPool& pool = admission_.work == Work::Heavy ? shared_.heavy : shared_.workers;
    const bool queued = pool.trySubmit([self = shared_from_this(), request = std::move(request),
                                        admission = std::move(admission_), version, keep_alive] {
      auto response = self->app_.handle(request, admission);
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response), version, keep_alive] {
                   self->write(toBeast(response, version, keep_alive, self->head_));
                 });
    });
    if (!queued) {
      app_.metrics().requestShed();
      auto busy = problemBody(503, "Unavailable", "the server is busy; try again in a moment");
      busy.headers.emplace_back("Retry-After", admission_.work == Work::Heavy ? "2" : "1");
      write(toBeast(busy, version, keep_alive, head_));
    }
  }

  void onReadError(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return shutdown();
    if (ec == bhttp::error::body_limit) {
      return refuse(413, "TooLarge",
                    "the body is larger than " + std::to_string(limit_) + " bytes");
    }
    // Any other parse error is a malformed request: conflicting Content-Length and
    // Transfer-Encoding, an unknown coding, a bad chunk or field. Answer it and close.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
      return refuse(400, "Invalid", "malformed HTTP request: " + ec.message());
    }
    shutdown();  // timeouts and socket errors: nobody to answer
  }

  void refuse(int status, const std::string& title, const std::string& detail) {
    write(toBeast(problemBody(status, title, detail), 11, false));
  }

  static HttpResponse problemBody(int status, const std::string& title, const std::string& detail) {
    return problemResponse(status, title, detail, "body");
  }

  void upgrade(const HttpRequest& request) {
    if (!parser_->is_done()) return refuse(400, "Invalid", "a WebSocket upgrade has no body");
    auto req = parser_->release();
    if (request.path != "/api/v1/events") {
      return write(toBeast(problemBody(404, "NotFound", "no WebSocket endpoint here"),
                           req.version(), false));
    }
    // A page of another site could otherwise listen with the user's cookie.
    if (!app_.guard().originAllowed(request)) {
      return write(toBeast(
          problemResponse(403, "Forbidden", "this origin may not open the live channel", "origin"),
          req.version(), false));
    }
    auto who = app_.authenticate(request);
    if (!who || !who->can(identity::Permission::EventsRead)) {
      return write(toBeast(problemBody(401, "Unauthenticated", "log in to receive live events"),
                           req.version(), false));
    }
    stream_.expires_never();
    startLiveSession(stream_.release_socket(), app_, shared_.bus, std::move(*who),
                     sessionToken(request), std::move(slot_), req);
  }

  void write(bhttp::response<bhttp::string_body> res) {
    auto shared = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(res));
    // A client that stops reading must not hold the connection for ever.
    stream_.expires_after(std::chrono::seconds(60));
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
    drain_buffer_.resize(std::size_t{64} * 1024);
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (!ec && self->drained_ < kMaxDrained) self->drain();
                            });
  }

  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
  beast::tcp_stream stream_;
  Shared shared_;
  Application& app_;
  ConnectionSlot slot_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Admission admission_;
  bool head_ = false;
  std::size_t limit_ = 0;
  std::chrono::steady_clock::time_point body_started_;
  std::size_t received_ = 0;
};

// Answers 503 on a connection over a cap and closes it, without a session: a short non-blocking
// write that fits the socket buffer, so a flood of them costs the acceptor next to nothing.
void refuseOverCap(tcp::socket socket) {
  static constexpr std::string_view kBusy =
      "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
      "Connection: close\r\n\r\n";
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(asio::buffer(kBusy.data(), kBusy.size()), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

}  // namespace

struct HttpServer::Impl {
  // The acceptor lives on its own strand: its completion handlers and the close in stop() run
  // one at a time, never a re-armed accept on one thread racing the close on another.
  Impl(Application& a, events::EventBus& b, int n)
      : app(a),
        bus(b),
        limits(a.config().limits),
        limiter(std::min(limits.max_connections, descriptorBudget()),
                limits.max_connections_per_address, a.config().trusted_proxies),
        threads(n),
        ioc(n),
        acceptor(asio::make_strand(ioc)),
        backoff_timer(acceptor.get_executor()),
        workers("http-workers", limits.workers, limits.worker_queue),
        heavy("http-heavy", limits.heavy_workers, limits.heavy_queue) {}

  // What the process's descriptor limit leaves for connections, beside the store, the broker
  // and the files the server opens.
  static std::size_t descriptorBudget() {
    static constexpr rlim_t kReserve = 256;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
    return limit.rlim_cur > kReserve * 2 ? static_cast<std::size_t>(limit.rlim_cur - kReserve)
                                         : static_cast<std::size_t>(limit.rlim_cur / 2);
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (ec) {
        // Out of descriptors (or another transient failure): retrying at once would spin.
        backoff = std::clamp(backoff * 2, limits.accept_backoff_min, limits.accept_backoff_max);
        backoff_timer.expires_after(backoff);
        backoff_timer.async_wait([this](beast::error_code waited) {
          if (!waited && acceptor.is_open()) accept();
        });
        return;
      }
      backoff = std::chrono::milliseconds(0);
      beast::error_code peer_ec;
      const auto peer = socket.remote_endpoint(peer_ec);
      const std::string address = peer_ec ? std::string() : peer.address().to_string();
      if (!limiter.tryOpen(address)) {
        app.metrics().connectionRefused();
        refuseOverCap(std::move(socket));
      } else {
        std::make_shared<HttpSession>(std::move(socket),
                                      Shared{app, bus, limiter, workers, heavy, limits},
                                      ConnectionSlot(limiter, address))
            ->run();
      }
      accept();
    });
  }

  Application& app;
  events::EventBus& bus;
  const ServerLimits& limits;
  ConnectionLimiter limiter;  // outlives the sessions, which give their slots back to it
  int threads;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::steady_timer backoff_timer;
  std::chrono::milliseconds backoff{0};
  WorkerPool workers;
  WorkerPool heavy;
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
    impl_->backoff_timer.cancel();
    closed.set_value();
  });
  if (!impl_->pool.empty()) done.wait_for(std::chrono::seconds(2));
  impl_->ioc.stop();
  for (auto& t : impl_->pool) {
    if (t.joinable()) t.join();
  }
  // Queued requests are dropped here, while the io_context their sockets belong to still exists.
  impl_->workers.stop();
  impl_->heavy.stop();
  std::lock_guard lock(impl_->mutex);
  impl_->stopped = true;
  impl_->stopped_cv.notify_all();
}

void HttpServer::wait() {
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace citysafe::http
