// The HTTP transport under load (issue 11), against the real binary (`citysafe serve --demo`)
// with production argon2id settings. Each figure is printed beside the same figure at rest, or
// beside the transport's own limit, measured in the same run:
//   1. /healthz and an authenticated list GET, at rest and during 50 logins/s;
//   2. /healthz with 10,000 idle connections open (from 40 loopback addresses);
//   3. 100 keep-alive clients on mixed authenticated reads, against a static file GET.
// Usage: bench_http_load --binary build/release/apps/citysafe/citysafe --web web/dist
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../tests/support/child_process.hpp"
#include "../tests/support/loopback_socket.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

int openConnection(unsigned short port, const std::string& source = "") {
  const int fd = citysafe::testing::connectToLoopback(port, source);
  const int one = 1;
  if (fd >= 0) ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// A keep-alive HTTP/1.1 client for one thread: status of each exchange, 0 on failure.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  ~Client() { reset(); }
  int exchange(const std::string& method, const std::string& target, const std::string& body = "",
               const std::string& headers = "", std::string* reply_body = nullptr) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0) fd_ = openConnection(port_);
      if (fd_ < 0) return 0;
      std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
      if (!body.empty()) {
        request +=
            "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n";
      }
      request += "\r\n" + body;
      if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
        const int status = readReply(reply_body);
        if (status > 0) return status;
      }
      reset();  // the server closed a kept-alive connection: once more on a new one
    }
    return 0;
  }
  std::string set_cookie;

 private:
  int readReply(std::string* reply_body) {
    std::string raw;
    char buf[16384];
    std::size_t need = std::string::npos;
    std::size_t split = std::string::npos;
    while (need == std::string::npos || raw.size() < need) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 30000) <= 0) return 0;
      const auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return 0;
      raw.append(buf, static_cast<std::size_t>(n));
      if (split == std::string::npos && (split = raw.find("\r\n\r\n")) != std::string::npos) {
        const auto at = raw.find("Content-Length: ");
        const std::size_t length = at < split ? std::stoul(raw.substr(at + 16)) : 0;
        need = split + 4 + length;
        const auto cookie = raw.find("Set-Cookie: cs_session=");
        if (cookie < split)
          set_cookie = raw.substr(cookie + 12, raw.find(';', cookie) - cookie - 12);
        if (raw.find("Connection: close") < split) closing_ = true;
      }
    }
    if (reply_body) *reply_body = raw.substr(split + 4);
    const int status = std::stoi(raw.substr(9, 3));
    if (closing_) reset();
    return status;
  }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    closing_ = false;
  }
  unsigned short port_;
  int fd_ = -1;
  bool closing_ = false;
};

struct Latencies {
  std::vector<double> ms;
  int failed = 0;
  double seconds = 0;
  [[nodiscard]] double at(double q) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  }
  void merge(const Latencies& o) {
    ms.insert(ms.end(), o.ms.begin(), o.ms.end());
    failed += o.failed;
  }
};

// One client asking `target` as fast as answers come (or every `pace`), for `span`.
Latencies probe(unsigned short port, const std::string& target, const std::string& headers,
                std::chrono::milliseconds span, std::chrono::milliseconds pace = 0ms) {
  Client client(port);
  Latencies out;
  const auto start = Clock::now();
  while (Clock::now() - start < span) {
    const auto t = Clock::now();
    const int status = client.exchange("GET", target, "", headers);
    if (status != 200) {
      ++out.failed;
    } else {
      out.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    if (pace > 0ms) std::this_thread::sleep_until(t + pace);
  }
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

std::string loginCookie(unsigned short port, const std::string& user, const std::string& password) {
  Client c(port);
  const int status = c.exchange("POST", "/api/v1/auth/login",
                                R"({"username":")" + user + R"(","password":")" + password + "\"}");
  if (status != 200) {
    std::cerr << "login " << user << ": " << status << "\n";
    std::exit(1);
  }
  return "Cookie: " + c.set_cookie + "\r\n";
}

void print(const char* what, Latencies& l) {
  std::printf("  %-52s p50 %7.2f ms  p99 %7.2f ms  (%zu answers, %d failed)\n", what, l.at(0.5),
              l.at(0.99), l.ms.size(), l.failed);
}

// Logins at `rate` per second on fresh connections for `span`; counts statuses.
void loginStorm(unsigned short port, int rate, std::chrono::milliseconds span,
                std::atomic<bool>& done, int& ok, int& shed, int& other) {
  std::vector<std::thread> senders;
  std::mutex m;
  const auto start = Clock::now();
  for (int i = 0; Clock::now() - start < span; ++i) {
    senders.emplace_back([&, i] {
      Client c(port);
      const int status = c.exchange("POST", "/api/v1/auth/login",
                                    R"({"username":"duty","password":"demo-duty-2026"})");
      std::lock_guard lock(m);
      (status == 200 ? ok : status == 503 ? shed : other) += 1;
    });
    std::this_thread::sleep_until(start + i * std::chrono::microseconds(1000000 / rate));
  }
  for (auto& t : senders) t.join();
  done = true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = "build/release/apps/citysafe/citysafe";
  std::string web = "web/dist";
  int seconds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--binary") binary = argv[i + 1];
    if (flag == "--web") web = argv[i + 1];
    if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
  }
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  const auto dir = std::filesystem::temp_directory_path() / "citysafe-http-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  citysafe::testing::ChildProcess server;
  server.start({std::filesystem::absolute(binary).string(), "serve", "--demo", "--db",
                "sqlite:" + (dir / "cs.db").string(), "--port", "0", "--web", web},
               dir / "serve.log");
  if (!server.awaitLog("listening on http://127.0.0.1:", 120s)) {
    std::cerr << server.log();
    return 1;
  }
  const auto log = server.log();
  const auto at = log.find("127.0.0.1:") + 10;
  const auto port = static_cast<unsigned short>(std::stoi(log.substr(at, log.find('/', at) - at)));
  const auto span = std::chrono::milliseconds(seconds * 1000);
  const std::string duty = loginCookie(port, "duty", "demo-duty-2026");
  const std::string list = "/api/v1/hazards?limit=20";
  std::printf("HTTP load against the real binary, %d s per phase\n", seconds);

  // 1. At rest, then during a login storm. Probes ask every 10 ms, as a dashboard would.
  {
    Latencies health, reads;
    std::thread a([&] { health = probe(port, "/healthz", "", span, 10ms); });
    std::thread b([&] { reads = probe(port, list, duty, span, 10ms); });
    a.join();
    b.join();
    std::printf("1. at rest\n");
    print("/healthz", health);
    print("GET /api/v1/hazards?limit=20 (logged in)", reads);
    std::atomic<bool> done{false};
    int ok = 0, shed = 0, other = 0;
    Latencies storm_health, storm_reads;
    std::thread storm([&] { loginStorm(port, 50, span, done, ok, shed, other); });
    std::thread c([&] { storm_health = probe(port, "/healthz", "", span, 10ms); });
    std::thread d([&] { storm_reads = probe(port, list, duty, span, 10ms); });
    storm.join();
    c.join();
    d.join();
    std::printf("   during 50 logins/s: %d logged in, %d shed with 503, %d other\n", ok, shed,
                other);
    print("/healthz", storm_health);
    print("GET /api/v1/hazards?limit=20 (logged in)", storm_reads);
    std::printf("   ratio to rest, p99: healthz %.2f, list %.2f\n",
                storm_health.at(0.99) / std::max(health.at(0.99), 1e-3),
                storm_reads.at(0.99) / std::max(reads.at(0.99), 1e-3));
  }

  // 2. 10,000 idle connections, 250 from each of 40 loopback addresses (under the per-address
  // cap of 256), opened first; /healthz asked meanwhile (before the 15 s header timeout).
  {
    std::vector<int> idle;
    idle.reserve(10000);
    const auto opened_at = Clock::now();
    for (int a = 0; a < 40; ++a) {
      const std::string source = "127.0.1." + std::to_string(a + 1);
      for (int i = 0; i < 250; ++i) {
        const int fd = openConnection(port, source);
        if (fd >= 0) idle.push_back(fd);
      }
    }
    const double open_s = std::chrono::duration<double>(Clock::now() - opened_at).count();
    std::this_thread::sleep_for(500ms);
    auto health =
        probe(port, "/healthz", "", std::min(span, std::chrono::milliseconds(8000)), 10ms);
    std::printf("2. %zu idle connections open (opened in %.1f s)\n", idle.size(), open_s);
    print("/healthz", health);
    // After the header timeout the server has closed them all.
    std::this_thread::sleep_for(std::chrono::milliseconds(16000) - (Clock::now() - opened_at));
    int closed = 0;
    for (const int fd : idle) {
      char byte = 0;
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 0) > 0 && ::recv(fd, &byte, 1, MSG_DONTWAIT) == 0) ++closed;
      ::close(fd);
    }
    std::printf("   closed by the server after the 15 s header timeout: %d of %zu\n", closed,
                idle.size());
  }

  // 3. 100 keep-alive clients: mixed reads, then a static file, for the ratio.
  {
    const std::vector<std::string> mixed = {list, "/api/v1/auth/me", "/api/v1/alarms?limit=20",
                                            "/api/v1/risk/points?limit=50", "/api/v1/hazard-stats"};
    auto run = [&](const std::vector<std::string>& targets, const std::string& headers) {
      std::vector<Latencies> each(100);
      std::vector<std::thread> clients;
      const auto start = Clock::now();
      for (int i = 0; i < 100; ++i) {
        clients.emplace_back([&, i] {
          Client c(port);
          std::size_t k = static_cast<std::size_t>(i);
          while (Clock::now() - start < span) {
            const auto t = Clock::now();
            const int status = c.exchange("GET", targets[k++ % targets.size()], "", headers);
            if (status == 200) {
              each[static_cast<std::size_t>(i)].ms.push_back(
                  std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            } else {
              ++each[static_cast<std::size_t>(i)].failed;
            }
          }
        });
      }
      for (auto& t : clients) t.join();
      Latencies all;
      for (auto& e : each) all.merge(e);
      all.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      return all;
    };
    auto reads = run(mixed, duty);
    auto files = run({"/index.html"}, "");
    const double read_rate = static_cast<double>(reads.ms.size()) / reads.seconds;
    const double file_rate = static_cast<double>(files.ms.size()) / files.seconds;
    std::printf("3. 100 keep-alive clients\n");
    std::printf("  mixed authenticated reads: %8.0f req/s  p99 %7.2f ms  (%d failed)\n", read_rate,
                reads.at(0.99), reads.failed);
    std::printf("  static index.html:         %8.0f req/s  p99 %7.2f ms  (%d failed)\n", file_rate,
                files.at(0.99), files.failed);
    std::printf("  ratio reads / static: %.2f\n", read_rate / std::max(file_rate, 1e-9));
  }
  server.kill(SIGTERM);
  std::filesystem::remove_all(dir);
  return 0;
}
