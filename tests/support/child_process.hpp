#pragma once
// Real processes for tests: the citysafe binary and the Mosquitto broker, started, killed with
// any signal (kill -9 included) and restarted.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace citysafe::testing {

class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess() { kill(SIGKILL); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Starts `argv` with stdout and stderr appended to `log`.
  bool start(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    log_ = log;
    return rc == 0;
  }
  // Sends `signal` and waits for the process to end; true if it was running.
  bool kill(int signal) {
    if (pid_ <= 0) return false;
    ::kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = status;
    return true;
  }
  // After kill(): did the process exit by itself with code 0 (a graceful stop), rather than
  // die of the signal?
  [[nodiscard]] bool exitedCleanly() const {
    return WIFEXITED(status_) && WEXITSTATUS(status_) == 0;
  }
  [[nodiscard]] bool running() const {
    if (pid_ <= 0) return false;
    int status = 0;
    return waitpid(pid_, &status, WNOHANG) == 0;
  }
  [[nodiscard]] std::string log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Waits until the log holds `text`; false after `timeout`.
  bool awaitLog(const std::string& text, std::chrono::milliseconds timeout) const {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      if (log().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::filesystem::path log_;
};

// A loopback port nobody listens on right now.
inline int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Until a TCP connection to the loopback `port` succeeds; false after `timeout`.
inline bool awaitPort(int port, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// A Mosquitto broker from Debian on a loopback port, persisting to `dir` so a restart keeps
// queued messages and sessions. `access` is the rest of its configuration: who may connect, and
// further listeners.
class Broker {
 public:
  static constexpr const char* kAnonymous = "allow_anonymous true\n";

  explicit Broker(std::filesystem::path dir, int port, const std::string& access = kAnonymous)
      : dir_(std::move(dir)), port_(port) {
    std::filesystem::create_directories(dir_);
    // Started as root, mosquitto drops to its own user, which must be able to save its queue.
    std::filesystem::permissions(dir_, std::filesystem::perms::all);
    std::ofstream conf(dir_ / "mosquitto.conf");
    conf << "listener " << port_ << " 127.0.0.1\n"
         << "persistence true\n"
         << "persistence_location " << dir_.string()
         << "/\n"
         // Throughput needs many messages in flight to a consumer that acknowledges in batches,
         // and a consumer that is down needs its queue kept.
         << "max_inflight_messages 1000\n"
         << "max_queued_messages 0\n"
         << access;
  }
  bool start() {
    if (!process_.start({"/usr/sbin/mosquitto", "-c", (dir_ / "mosquitto.conf").string()},
                        dir_ / "mosquitto.log")) {
      return false;
    }
    // Until the listener answers (the log says "running" only once, while restarts append to it).
    return awaitPort(port_, std::chrono::seconds(5));
  }
  void stop() { process_.kill(SIGTERM); }  // saves its persistence file
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] std::string log() const { return process_.log(); }

 private:
  std::filesystem::path dir_;
  int port_;
  ChildProcess process_;
};

}  // namespace citysafe::testing
