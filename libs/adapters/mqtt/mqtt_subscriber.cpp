#include "mqtt_subscriber.hpp"

#include <spdlog/spdlog.h>

#include "mqtt_transport.hpp"
#include "sigpipe_blocked.hpp"

namespace citysafe::mqtt {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxPacket = 268'435'455;  // MQTT's own limit: whatever the broker sends

void putU16(std::string& out, std::size_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

void putString(std::string& out, const std::string& s) {
  putU16(out, s.size());
  out += s;
}

// Fixed header: type/flags byte and the variable-length remaining length.
std::string packet(std::uint8_t first, const std::string& body) {
  std::string out(1, static_cast<char>(first));
  std::size_t n = body.size();
  do {
    auto byte = static_cast<std::uint8_t>(n % 128);
    n /= 128;
    if (n > 0) byte |= 0x80;
    out.push_back(static_cast<char>(byte));
  } while (n > 0);
  return out + body;
}

// Incoming bytes, cut into packets.
class PacketReader {
 public:
  // Reads what is there (waiting up to `wait_ms`); false when the connection is gone.
  bool fill(Transport& transport, int wait_ms) {
    const std::size_t before = buffer_.size();
    if (!transport.receive(buffer_, wait_ms)) return false;
    if (buffer_.size() > before) last_received_ = Clock::now();
    return true;
  }
  // The next whole packet: type byte and body. False when none is complete yet; `broken` when the
  // stream cannot be a valid MQTT stream.
  bool next(std::uint8_t& first, std::string& body, bool& broken) {
    broken = false;
    if (buffer_.size() < pos_ + 2) return false;
    std::size_t length = 0;
    std::size_t multiplier = 1;
    std::size_t i = pos_ + 1;
    for (;; ++i) {
      if (i >= buffer_.size()) return false;
      const auto byte = static_cast<std::uint8_t>(buffer_[i]);
      length += (byte & 0x7F) * multiplier;
      if ((byte & 0x80) == 0) break;
      multiplier *= 128;
      if (i - pos_ >= 4) {
        broken = true;
        return false;
      }
    }
    if (length > kMaxPacket) {
      broken = true;
      return false;
    }
    const std::size_t start = i + 1;
    if (buffer_.size() < start + length) return false;
    first = static_cast<std::uint8_t>(buffer_[pos_]);
    body.assign(buffer_, start, length);
    pos_ = start + length;
    if (pos_ == buffer_.size()) {
      buffer_.clear();
      pos_ = 0;
    } else if (pos_ > (1U << 20)) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    return true;
  }
  [[nodiscard]] bool hasBuffered() const { return buffer_.size() > pos_; }
  [[nodiscard]] Clock::time_point lastReceived() const { return last_received_; }

 private:
  std::string buffer_;
  std::size_t pos_ = 0;
  Clock::time_point last_received_ = Clock::now();
};

// CONNACK return codes of MQTT 3.1.1.
const char* connackReason(int code) {
  switch (code) {
    case 1:
      return "the broker does not speak MQTT 3.1.1";
    case 2:
      return "the client id is not allowed";
    case 3:
      return "the broker is unavailable";
    case 4:
      return "bad user name or password";
    case 5:
      return "not authorised";
    default:
      return "an unknown reason";
  }
}

std::uint16_t u16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>((static_cast<std::uint8_t>(s[at]) << 8) |
                                    static_cast<std::uint8_t>(s[at + 1]));
}

}  // namespace

Subscriber::Subscriber(SubscriberOptions options, BatchHandler handler)
    : options_(std::move(options)), handler_(std::move(handler)) {}

Subscriber::~Subscriber() { stop(); }

void Subscriber::start() {
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Subscriber::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

SubscriberStats Subscriber::stats() const {
  return {messages_.load(), batches_.load(), acknowledged_.load(), reconnects_.load(),
          failures_.load()};
}

void Subscriber::run() {
  const SigpipeBlocked sigpipe_blocked;  // for this thread's whole life
  auto backoff = std::chrono::milliseconds(100);
  bool first = true;
  while (!stopping_) {
    if (!first) reconnects_.fetch_add(1);
    first = false;
    const auto began = Clock::now();
    session();
    connected_ = false;
    if (stopping_) break;
    // A session that lasted a while earns a quick retry; repeated failures back off to 5 s.
    backoff = Clock::now() - began > std::chrono::seconds(10)
                  ? std::chrono::milliseconds(100)
                  : std::min(backoff * 2, std::chrono::milliseconds(5000));
    for (auto waited = std::chrono::milliseconds(0); waited < backoff && !stopping_;
         waited += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

// The same failure at every retry is logged once, until a connection succeeds.
void Subscriber::reportFailure(const std::string& reason) {
  if (reason == last_failure_) {
    spdlog::debug("mqtt: {}:{}: {}", options_.host, options_.port, reason);
    return;
  }
  last_failure_ = reason;
  spdlog::warn("mqtt: {}:{}: {}", options_.host, options_.port, reason);
}

bool Subscriber::sendConnect(Transport& transport) const {
  std::string connect;
  putString(connect, "MQTT");
  connect.push_back(4);    // protocol level 3.1.1
  std::uint8_t flags = 0;  // clean session off: the broker keeps our session and queue
  const auto& user = options_.security.username;
  const auto& password = options_.security.password;
  if (!user.empty()) flags |= 0x80;
  if (!user.empty() && !password.empty()) flags |= 0x40;
  connect.push_back(static_cast<char>(flags));
  putU16(connect, static_cast<std::size_t>(options_.keepalive_s));
  putString(connect, options_.client_id);
  if (!user.empty()) putString(connect, user);
  if (!user.empty() && !password.empty()) putString(connect, password);
  return transport.send(packet(0x10, connect));
}

bool Subscriber::sendSubscribe(Transport& transport) const {
  std::string subscribe;
  putU16(subscribe, 1);
  putString(subscribe, options_.filter);
  subscribe.push_back(1);  // QoS 1
  return transport.send(packet(0x82, subscribe));
}

bool Subscriber::flush(Transport& transport, std::vector<Message>& pending) {
  if (pending.empty()) return true;
  batches_.fetch_add(1);
  bool durable = false;
  try {
    durable = handler_(pending);
  } catch (const std::exception& e) {
    spdlog::error("mqtt: the batch handler threw: {}", e.what());
  }
  if (!durable) {
    failures_.fetch_add(1);
    pending.clear();
    return false;  // drop the connection: the broker will send them again
  }
  std::string acks;
  std::int64_t n = 0;
  for (const auto& m : pending) {
    if (m.packet_id == 0) continue;
    acks.push_back(0x40);
    acks.push_back(0x02);
    putU16(acks, m.packet_id);
    ++n;
  }
  pending.clear();
  if (!acks.empty() && !transport.send(acks)) return false;
  acknowledged_.fetch_add(n);
  return true;
}

// One connection. The broker may send queued messages right after CONNACK, before SUBACK, so
// one reader handles every packet from the start.
bool Subscriber::session() {
  const auto handshake_deadline = Clock::now() + std::chrono::seconds(10);
  auto opened =
      openTransport(options_.host, options_.port, options_.security.tls, handshake_deadline);
  if (!opened) {
    reportFailure(opened.error().message);
    return false;
  }
  Transport& transport = **opened;
  if (!sendConnect(transport)) return false;
  enum class Phase : std::uint8_t { AwaitConnack, AwaitSuback, Ready } phase = Phase::AwaitConnack;
  PacketReader reader;
  std::vector<Message> pending;
  bool stopped_full = false;  // the last pass stopped at a full batch, with packets left
  auto last_sent = Clock::now();
  const auto ping_every = std::chrono::seconds(std::max(1, options_.keepalive_s / 2));
  while (!stopping_) {
    if (phase != Phase::Ready && Clock::now() > handshake_deadline) {
      reportFailure("no answer to the handshake");
      return false;
    }
    // Wait briefly for more while a batch is open, longer when idle.
    int wait_ms = 200;
    if (!pending.empty()) {
      const auto age = Clock::now() - pending.front().received;
      const auto until = age < options_.batch_linger ? options_.batch_linger : options_.batch_wait;
      wait_ms =
          age >= until
              ? 0
              : static_cast<int>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(until - age).count());
    }
    // Whole packets left over from a full batch are taken at once; a packet still arriving is
    // waited for like any other data.
    if (!reader.fill(transport, stopped_full ? 0 : wait_ms)) {
      flush(transport, pending);  // what arrived before the drop may still be made durable
      return true;
    }
    // Silent for a keepalive and a half (our pings go unanswered): the connection is dead.
    if (phase == Phase::Ready &&
        Clock::now() - reader.lastReceived() > std::chrono::seconds(options_.keepalive_s * 3 / 2)) {
      spdlog::warn("mqtt: nothing from {}:{} for {} s; reconnecting", options_.host, options_.port,
                   options_.keepalive_s * 3 / 2);
      flush(transport, pending);
      return true;
    }
    std::uint8_t first = 0;
    std::string body;
    bool broken = false;
    stopped_full = false;
    for (;;) {
      if (pending.size() >= options_.batch_messages) {
        stopped_full = true;
        break;
      }
      if (!reader.next(first, body, broken)) break;
      const int type = first >> 4;
      if (type == 2) {  // CONNACK
        if (body.size() < 2 || body[1] != 0) {
          const int code = body.size() >= 2 ? static_cast<int>(body[1]) : -1;
          const auto& user = options_.security.username;
          reportFailure(fmt::format("the broker refused the connection as {}: {} (return code {})",
                                    user.empty() ? "anonymous" : "user " + user,
                                    connackReason(code), code));
          return false;
        }
        if (!sendSubscribe(transport)) return false;
        phase = Phase::AwaitSuback;
        continue;
      }
      if (type == 9) {  // SUBACK
        if (body.size() < 3 || static_cast<std::uint8_t>(body[2]) == 0x80) {
          reportFailure("the broker refused the subscription to " + options_.filter);
          return false;
        }
        phase = Phase::Ready;
        connected_ = true;
        last_failure_.clear();
        spdlog::info("mqtt: subscribed to {} at {}:{} as {}", options_.filter, options_.host,
                     options_.port, options_.client_id);
        continue;
      }
      if (type != 3) continue;  // PINGRESP, and nothing else we asked for
      const int qos = (first >> 1) & 0x03;
      if (body.size() < 2) continue;  // too short to be a PUBLISH: nothing to acknowledge
      const std::size_t topic_len = u16(body, 0);
      std::size_t at = 2 + topic_len;
      if (body.size() < at + (qos > 0 ? 2 : 0)) continue;
      Message m;
      m.topic.assign(body, 2, topic_len);
      if (qos > 0) {
        m.packet_id = u16(body, at);
        at += 2;
      }
      m.payload.assign(body, at, std::string::npos);
      m.dup = (first & 0x08) != 0;
      m.received = Clock::now();
      pending.push_back(std::move(m));
      messages_.fetch_add(1);
    }
    if (broken) {
      spdlog::warn("mqtt: malformed packet from the broker; reconnecting");
      return true;
    }
    // Hand the batch over when it is full, old enough, or nothing more is waiting.
    const bool full = pending.size() >= options_.batch_messages;
    const bool aged =
        !pending.empty() && Clock::now() - pending.front().received >= options_.batch_wait;
    const bool quiet = !pending.empty() && !stopped_full && !transport.readable() &&
                       Clock::now() - pending.front().received >= options_.batch_linger;
    if (full || aged || quiet) {
      if (!flush(transport, pending)) return true;
      last_sent = Clock::now();
    }
    if (Clock::now() - last_sent >= ping_every) {
      if (!transport.send(std::string_view("\xC0\x00", 2))) return true;
      last_sent = Clock::now();
    }
  }
  flush(transport, pending);
  transport.send(std::string_view("\xE0\x00", 2));  // DISCONNECT: the session stays for next time
  return true;
}

}  // namespace citysafe::mqtt
