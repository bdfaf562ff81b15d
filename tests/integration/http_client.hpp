#pragma once
// A deliberately small HTTP/1.1 and WebSocket client over POSIX sockets, so the tests drive the
// real server without a second copy of Beast.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace citysafe::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie joined by '\n'
  std::string body;
  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Every answer to a route documented in openapi.json is checked against it (expectMatchesContract).
HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body = "",
                      const std::map<std::string, std::string>& headers = {});

// Fails the running test (naming the operation, the JSON pointer and the reason) when `reply`
// disagrees with openapi.json: an undocumented status or content type, or a body off its schema.
void expectMatchesContract(const std::string& method, const std::string& target,
                           const HttpReply& reply);

// One connection for sending exactly the bytes a test wants (slow, malformed, never finished),
// optionally from another loopback address so it counts as another client.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port, const std::string& source = "");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool send(const std::string& bytes);
  // What arrives until one whole answer is in, the server closes, or `timeout_ms` of silence.
  std::string read(int timeout_ms);
  // The status code of a raw answer, 0 if there is none.
  static int status(const std::string& raw);
  // Waits (reading and discarding) until the server closes; false after `timeout_ms`.
  bool closedWithin(int timeout_ms);

 private:
  int fd_ = -1;
  bool closed_ = false;
};

class WebSocketClient {
 public:
  // Opens ws://127.0.0.1:port/path with the given extra headers; check status() for 101.
  WebSocketClient(unsigned short port, const std::string& path,
                  const std::map<std::string, std::string>& headers);
  ~WebSocketClient();
  WebSocketClient(const WebSocketClient&) = delete;
  WebSocketClient& operator=(const WebSocketClient&) = delete;
  [[nodiscard]] int status() const { return status_; }
  // The next text message, or nullopt after `timeout_ms` without one.
  std::optional<std::string> next(int timeout_ms = 3000);

 private:
  bool readExact(std::string& out, std::size_t n, int timeout_ms);
  int fd_ = -1;
  int status_ = 0;
  std::string pending_;
};

}  // namespace citysafe::testing
