#include "citysafe/common/thread_priority.hpp"

#include <sys/resource.h>
#include <unistd.h>

namespace citysafe {

void lowerThisThreadPriority(int nice) {
  // On Linux a thread id names one thread to setpriority.
  const auto tid = static_cast<id_t>(gettid());
  const int current = getpriority(PRIO_PROCESS, tid);
  (void)setpriority(PRIO_PROCESS, tid, current + nice);
}

}  // namespace citysafe
