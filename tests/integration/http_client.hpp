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

HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body = "",
                      const std::map<std::string, std::string>& headers = {});

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
