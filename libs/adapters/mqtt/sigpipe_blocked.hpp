#pragma once
// OpenSSL (ours and libmosquitto's) writes to its socket without MSG_NOSIGNAL: a broker gone
// mid-write would raise SIGPIPE and end the whole process. With SIGPIPE blocked in the writing
// thread (threads it starts inherit the mask), the write fails and the connection is re-made.
#include <signal.h>

#include <ctime>

namespace citysafe::mqtt {

class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, &previous_);
  }
  // A SIGPIPE raised meanwhile is taken off first: unblocking would deliver it.
  ~SigpipeBlocked() {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGPIPE) == 1) {
      sigset_t pipe;
      sigemptyset(&pipe);
      sigaddset(&pipe, SIGPIPE);
      const timespec now{};
      sigtimedwait(&pipe, nullptr, &now);
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t previous_{};
};

}  // namespace citysafe::mqtt
