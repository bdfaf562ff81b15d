#include "http_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "../support/loopback_socket.hpp"
#include "../support/openapi_contract.hpp"

namespace citysafe::testing {
namespace {

int connectLoopback(unsigned short port, const std::string& source = "") {
  const int fd = connectToLoopback(port, source);
  if (fd < 0) {
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) +
                             (source.empty() ? "" : " from " + source));
  }
  return fd;
}

void sendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

std::string requestText(const std::string& method, const std::string& target,
                        const std::string& body, const std::map<std::string, std::string>& headers,
                        bool close) {
  std::ostringstream out;
  out << method << " " << target << " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool typed = false;
  for (const auto& [k, v] : headers) {
    out << k << ": " << v << "\r\n";
    std::string name = k;
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    typed = typed || name == "content-type";
  }
  if (!body.empty() || method == "POST" || method == "PATCH") {
    if (!typed) out << "Content-Type: application/json\r\n";
    out << "Content-Length: " << body.size() << "\r\n";
  }
  if (close) out << "Connection: close\r\n";
  out << "\r\n" << body;
  return out.str();
}

// Parses the status line and headers of `head` (up to the blank line).
int parseHead(const std::string& head, std::map<std::string, std::string>& headers) {
  std::istringstream in(head);
  std::string line;
  std::getline(in, line);
  const int status = std::stoi(line.substr(9, 3));
  while (std::getline(in, line) && line != "\r") {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (!value.empty() && value.back() == '\r') value.pop_back();
    auto& slot = headers[name];
    slot = slot.empty() ? value : slot + "\n" + value;
  }
  return status;
}

const OpenApiContract& apiContract() {
  static const OpenApiContract contract = OpenApiContract::fromFile(CITYSAFE_OPENAPI);
  return contract;
}

}  // namespace

void expectMatchesContract(const std::string& method, const std::string& target,
                           const HttpReply& reply) {
  if (reply.status == 0) return;  // no answer: the test itself says what it expected
  const auto type = reply.headers.contains("content-type") ? reply.headers.at("content-type") : "";
  // CITYSAFE_CONTRACT_LOG=file: every documented exchange as one JSON line, to see what the
  // server really answers when writing a schema.
  if (const char* log = std::getenv("CITYSAFE_CONTRACT_LOG");
      log != nullptr && apiContract().operationPath(method, target)) {
    const auto body = nlohmann::json::parse(reply.body, nullptr, false);
    const auto line =
        nlohmann::json{{"method", method}, {"path", *apiContract().operationPath(method, target)},
                       {"target", target}, {"status", reply.status},
                       {"type", type},     {"body", body.is_discarded() ? nlohmann::json() : body}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n";
    // One append per line, so parallel test processes do not interleave.
    const int fd = ::open(log, O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd >= 0) {
      [[maybe_unused]] const auto n = ::write(fd, line.data(), line.size());
      ::close(fd);
    }
  }
  const auto violations = apiContract().check(method, target, reply.status, type, reply.body);
  if (!violations.empty()) {
    ADD_FAILURE() << "the answer to " << method << " " << target
                  << " disagrees with openapi.json:\n"
                  << describe(violations) << "body: " << reply.body.substr(0, 400);
  }
}

HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body, const std::map<std::string, std::string>& headers) {
  const int fd = connectLoopback(port);
  sendAll(fd, requestText(method, target, body, headers, true));
  std::string raw;
  char buf[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 30000) <= 0) break;
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  HttpReply reply;
  const auto split = raw.find("\r\n\r\n");
  if (split == std::string::npos) return reply;
  reply.status = parseHead(raw.substr(0, split + 2), reply.headers);
  reply.body = raw.substr(split + 4);
  expectMatchesContract(method, target, reply);
  return reply;
}

RawConnection::RawConnection(unsigned short port, const std::string& source)
    : fd_(connectLoopback(port, source)) {}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::send(const std::string& bytes) {
  try {
    sendAll(fd_, bytes);
    return true;
  } catch (const std::exception&) {
    return false;  // the server closed it
  }
}

std::string RawConnection::read(int timeout_ms) {
  std::string raw;
  char buf[65536];
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) break;
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      closed_ = true;
      break;
    }
    raw.append(buf, static_cast<std::size_t>(n));
    // One answer is enough; a body follows its Content-Length.
    const auto split = raw.find("\r\n\r\n");
    if (split == std::string::npos) continue;
    std::map<std::string, std::string> headers;
    parseHead(raw.substr(0, split + 2), headers);
    const auto length = headers.count("content-length") ? std::stoul(headers["content-length"]) : 0;
    if (raw.size() >= split + 4 + length) break;
  }
  return raw;
}

int RawConnection::status(const std::string& raw) {
  if (raw.size() < 12 || !raw.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(raw.substr(9, 3));
}

bool RawConnection::closedWithin(int timeout_ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[4096];
  while (!closed_ && std::chrono::steady_clock::now() < until) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) closed_ = true;
  }
  return closed_;
}

WebSocketClient::WebSocketClient(unsigned short port, const std::string& path,
                                 const std::map<std::string, std::string>& headers) {
  fd_ = connectLoopback(port);
  auto all = headers;
  all["Upgrade"] = "websocket";
  all["Connection"] = "Upgrade";
  all["Sec-WebSocket-Key"] = "dGhlIHNhbXBsZSBub25jZQ==";
  all["Sec-WebSocket-Version"] = "13";
  sendAll(fd_, requestText("GET", path, "", all, false));
  std::string head;
  while (head.find("\r\n\r\n") == std::string::npos) {
    std::string byte;
    if (!readExact(byte, 1, 3000)) return;
    head += byte;
  }
  std::map<std::string, std::string> ignored;
  status_ = parseHead(head, ignored);
}

WebSocketClient::~WebSocketClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool WebSocketClient::readExact(std::string& out, std::size_t n, int timeout_ms) {
  out.clear();
  while (out.size() < n) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    const auto got = ::recv(fd_, buf, std::min(sizeof buf, n - out.size()), 0);
    if (got <= 0) return false;
    out.append(buf, static_cast<std::size_t>(got));
  }
  return true;
}

std::optional<std::string> WebSocketClient::next(int timeout_ms) {
  for (;;) {
    std::string header;
    if (!readExact(header, 2, timeout_ms)) return std::nullopt;
    const int opcode = static_cast<unsigned char>(header[0]) & 0x0f;
    std::uint64_t length = static_cast<unsigned char>(header[1]) & 0x7f;
    std::string ext;
    if (length == 126) {
      if (!readExact(ext, 2, timeout_ms)) return std::nullopt;
      length = (std::uint64_t{static_cast<unsigned char>(ext[0])} << 8) |
               static_cast<unsigned char>(ext[1]);
    } else if (length == 127) {
      if (!readExact(ext, 8, timeout_ms)) return std::nullopt;
      length = 0;
      for (const char c : ext) length = (length << 8) | static_cast<unsigned char>(c);
    }
    std::string payload;
    if (!readExact(payload, static_cast<std::size_t>(length), timeout_ms)) return std::nullopt;
    if (opcode == 1) return payload;  // text; ping/pong/close frames are skipped
    if (opcode == 8) return std::nullopt;
  }
}

}  // namespace citysafe::testing
