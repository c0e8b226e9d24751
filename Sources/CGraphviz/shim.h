#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>

/// `agmemread` takes a `char *`; cgraph only reads it. Take `const char *` so Swift can pass a
/// String.
static inline Agraph_t *cgraphviz_read(const char *dot) {
  return agmemread((char *)dot);
}

/// Sends every cgraph and gvc message, errors and warnings, to `sink` (a non-capturing Swift
/// closure) instead of stderr.
static inline void cgraphviz_set_error_sink(agusererrf sink) {
  agseterr(AGWARN);
  agseterrf(sink);
}

#endif
