#include "mqtt_publisher.hpp"

#include <mosquitto.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace citysafe::mqtt {

struct Publisher::State {
  std::string host;
  int port = 1883;
  std::string client_id;
  mosquitto* handle = nullptr;
  std::atomic<std::int64_t> sent{0};
  std::atomic<std::int64_t> acked{0};
  std::mutex mutex;
  std::condition_variable acked_signal;
};

namespace {
// libmosquitto wants one init per process, before any thread uses it.
void initLibrary() {
  static const int kOnce = [] { return mosquitto_lib_init(); }();
  (void)kOnce;
}
}  // namespace

Publisher::Publisher(std::string host, int port, std::string client_id)
    : state_(std::make_unique<State>()) {
  state_->host = std::move(host);
  state_->port = port;
  state_->client_id = std::move(client_id);
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
  const int rc = mosquitto_connect(s->handle, s->host.c_str(), s->port, 30);
  if (rc != MOSQ_ERR_SUCCESS) {
    return fail(Errc::Unavailable, "mqtt",
                "cannot reach the broker at " + s->host + ":" + std::to_string(s->port) + ": " +
                    mosquitto_strerror(rc));
  }
  if (mosquitto_loop_start(s->handle) != MOSQ_ERR_SUCCESS) {
    return fail(Errc::Internal, "mqtt", "cannot start the client's network thread");
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
