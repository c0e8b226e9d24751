#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers then pull in the system ICU,
// which clashes with Foundation's own ICU module on a clean build. We never use
// the ICU parts of libxml2, so hide them.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to
/// reference; call it through this wrapper instead.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }

#endif
