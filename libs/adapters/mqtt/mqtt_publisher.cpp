#include "mqtt_publisher.hpp"

#include <mosquitto.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "mqtt_tls.hpp"
#include "sigpipe_blocked.hpp"

namespace citysafe::mqtt {

struct Publisher::State {
  std::string host;
  int port = 1883;
  std::string client_id;
  ConnectionSecurity security;
  mosquitto* handle = nullptr;
  std::atomic<std::int64_t> sent{0};
  std::atomic<std::int64_t> acked{0};
  std::mutex mutex;
  std::condition_variable acked_signal;
  std::optional<int> connack;  // the broker's answer to CONNECT, under `mutex`
  bool dropped = false;        // the connection ended before that answer, under `mutex`
  std::string last_error;      // libmosquitto's last logged error, under `mutex`
};

namespace {
// libmosquitto wants one init per process, before any thread uses it.
void initLibrary() {
  static const int kOnce = [] { return mosquitto_lib_init(); }();
  (void)kOnce;
}

constexpr auto kConnackTimeout = std::chrono::seconds(10);
}  // namespace

Publisher::Publisher(std::string host, int port, std::string client_id, ConnectionSecurity security)
    : state_(std::make_unique<State>()) {
  state_->host = std::move(host);
  state_->port = port;
  state_->client_id = std::move(client_id);
  state_->security = std::move(security);
}

Publisher::~Publisher() {
  if (state_->handle != nullptr) {
    mosquitto_disconnect(state_->handle);
    mosquitto_loop_stop(state_->handle, false);
    mosquitto_destroy(state_->handle);
  }
}

Result<void> Publisher::connect() {
  initLibrary();
  State* s = state_.get();
  const std::string where = s->host + ":" + std::to_string(s->port);
  s->handle = mosquitto_new(s->client_id.c_str(), true, s);
  if (s->handle == nullptr) return fail(Errc::Internal, "", "mqtt: cannot create a client");
  // Many messages in flight: the broker, not a round trip per message, sets the pace.
  mosquitto_max_inflight_messages_set(s->handle, 1000);
  mosquitto_publish_callback_set(s->handle, [](mosquitto*, void* obj, int) {
    auto* st = static_cast<State*>(obj);
    st->acked.fetch_add(1);
    std::lock_guard lock(st->mutex);
    st->acked_signal.notify_all();
  });
  mosquitto_connect_callback_set(s->handle, [](mosquitto*, void* obj, int rc) {
    auto* st = static_cast<State*>(obj);
    std::lock_guard lock(st->mutex);
    if (!st->connack) st->connack = rc;
    st->acked_signal.notify_all();
  });
  // The TLS handshake finishes in the network thread: failing, it drops the connection.
  mosquitto_disconnect_callback_set(s->handle, [](mosquitto*, void* obj, int) {
    auto* st = static_cast<State*>(obj);
    std::lock_guard lock(st->mutex);
    if (!st->connack) st->dropped = true;
    st->acked_signal.notify_all();
  });
  // Why it failed shows only in the library's log: keep its last error for the message. An error
  // before the broker's answer (a refused certificate) ends this attempt.
  mosquitto_log_callback_set(s->handle, [](mosquitto*, void* obj, int level, const char* text) {
    if ((level & MOSQ_LOG_ERR) == 0) return;
    auto* st = static_cast<State*>(obj);
    std::lock_guard lock(st->mutex);
    st->last_error = text;
    if (!st->connack) st->dropped = true;
    st->acked_signal.notify_all();
  });
  const auto& security = s->security;
  if (!security.username.empty()) {
    mosquitto_username_pw_set(s->handle, security.username.c_str(),
                              security.password.empty() ? nullptr : security.password.c_str());
  }
  if (security.tls.enabled) {
    // Our own context, fully set up: libmosquitto uses it as it is, without its defaults (it
    // takes a reference).
    auto ctx = CS_TRY(makeTlsContext(security.tls, s->host));
    if (mosquitto_int_option(s->handle, MOSQ_OPT_SSL_CTX_WITH_DEFAULTS, 0) != MOSQ_ERR_SUCCESS ||
        mosquitto_void_option(s->handle, MOSQ_OPT_SSL_CTX, ctx.get()) != MOSQ_ERR_SUCCESS) {
      return fail(Errc::Internal, "mqtt", "cannot hand the TLS context to libmosquitto");
    }
  }
  {
    // The network thread started here inherits the blocked SIGPIPE.
    const SigpipeBlocked sigpipe_blocked;
    const int rc = mosquitto_connect(s->handle, s->host.c_str(), s->port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
      std::lock_guard lock(s->mutex);
      return fail(Errc::Unavailable, "mqtt",
                  "cannot reach the broker at " + where + ": " + mosquitto_strerror(rc) +
                      (s->last_error.empty() ? "" : " (" + s->last_error + ")"));
    }
    if (mosquitto_loop_start(s->handle) != MOSQ_ERR_SUCCESS) {
      return fail(Errc::Internal, "mqtt", "cannot start the client's network thread");
    }
  }
  std::unique_lock lock(s->mutex);
  const bool answered = s->acked_signal.wait_for(
      lock, kConnackTimeout, [s] { return s->connack.has_value() || s->dropped; });
  if (!answered || !s->connack) {
    return fail(Errc::Unavailable, "mqtt",
                (answered ? "lost the connection to " : "no answer from ") + where +
                    (s->last_error.empty() ? "" : ": " + s->last_error));
  }
  if (*s->connack != 0) {
    return fail(Errc::Unauthenticated, "mqtt",
                "the broker at " + where + " refused the connection as " +
                    (security.username.empty() ? "anonymous" : "user " + security.username) + ": " +
                    mosquitto_connack_string(*s->connack));
  }
  return ok();
}

Result<void> Publisher::publish(const std::string& topic, const std::string& payload, int qos) {
  const int rc = mosquitto_publish(state_->handle, nullptr, topic.c_str(),
                                   static_cast<int>(payload.size()), payload.data(), qos, false);
  if (rc != MOSQ_ERR_SUCCESS) {
    return fail(Errc::Unavailable, "mqtt",
                std::string("publish failed: ") + mosquitto_strerror(rc));
  }
  if (qos > 0) state_->sent.fetch_add(1);
  return ok();
}

Result<void> Publisher::drain(int timeout_ms) {
  std::unique_lock lock(state_->mutex);
  const bool done =
      state_->acked_signal.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                    [this] { return state_->acked.load() >= state_->sent.load(); });
  if (!done) {
    return fail(Errc::Unavailable, "mqtt",
                std::to_string(state_->sent.load() - state_->acked.load()) +
                    " messages not acknowledged by the broker in time");
  }
  return ok();
}

std::int64_t Publisher::published() const { return state_->sent.load(); }
std::int64_t Publisher::acknowledged() const { return state_->acked.load(); }

}  // namespace citysafe::mqtt
