#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>

// Object ids that follow creation order.
//
// cgraph's default id discipline makes a named object's id the address of its interned name,
// and keeps subgraphs (clusters) in id order, so their order in the output, and with it the
// bytes, changed with the heap's layout from one call to the next. This discipline maps no
// names: cgraph then gives every object the next id from `map(NULL)`, a counter per graph, and
// keeps the name in its own table (agnameof still returns it).

static inline void *cgraphviz_ids_open(Agraph_t *graph, Agdisc_t *discipline) {
  (void)graph;
  (void)discipline;
  IDTYPE *next = (IDTYPE *)malloc(sizeof(IDTYPE));
  if (next) *next = 1;
  return next;
}

static inline long cgraphviz_ids_map(
    void *state, int type, char *name, IDTYPE *id, int create) {
  (void)type;
  (void)create;
  IDTYPE *next = (IDTYPE *)state;
  if (name || !next) return 0;
  *id = *next;
  *next += 2;  // odd, as cgraph's anonymous ids are
  return 1;
}

static inline long cgraphviz_ids_alloc(void *state, int type, IDTYPE request) {
  (void)state;
  (void)type;
  (void)request;
  return 0;
}

static inline void cgraphviz_ids_free(void *state, int type, IDTYPE id) {
  (void)state;
  (void)type;
  (void)id;
}

static inline char *cgraphviz_ids_print(void *state, int type, IDTYPE id) {
  (void)state;
  (void)type;
  (void)id;
  return NULL;
}

static inline void cgraphviz_ids_close(void *state) { free(state); }

static inline void cgraphviz_ids_register(void *state, int type, void *object) {
  (void)state;
  (void)type;
  (void)object;
}

/// A DOT text being read.
typedef struct {
  const char *text;
  size_t length;
  size_t offset;
} cgraphviz_reader;

/// Hands the parser one line at a time, as cgraph's own `agmemread` does.
static inline int cgraphviz_read_line(void *channel, char *buffer, int size) {
  cgraphviz_reader *reader = (cgraphviz_reader *)channel;
  if (size <= 0 || reader->offset >= reader->length) return 0;
  int count = 0;
  char c;
  do {
    c = reader->text[reader->offset + (size_t)count];
    buffer[count++] = c;
  } while (c != '\n' && count < size && reader->offset + (size_t)count < reader->length);
  reader->offset += (size_t)count;
  return count;
}

/// Parses DOT text into a graph whose object ids follow creation order; NULL on a syntax error
/// (reported through the error sink).
static inline Agraph_t *cgraphviz_read(const char *dot) {
  static Agiddisc_t ids = {
      cgraphviz_ids_open,  cgraphviz_ids_map,   cgraphviz_ids_alloc,   cgraphviz_ids_free,
      cgraphviz_ids_print, cgraphviz_ids_close, cgraphviz_ids_register};
  static Agiodisc_t io;
  io.afread = cgraphviz_read_line;
  io.putstr = AgIoDisc.putstr;
  io.flush = AgIoDisc.flush;
  Agdisc_t discipline = {&AgMemDisc, &ids, &io};
  cgraphviz_reader reader = {dot, strlen(dot), 0};
  return agread(&reader, &discipline);
}

/// Sends every cgraph and gvc message, errors and warnings, to `sink` (a non-capturing Swift
/// closure) instead of stderr.
static inline void cgraphviz_set_error_sink(agusererrf sink) {
  agseterr(AGWARN);
  agseterrf(sink);
}

#endif
