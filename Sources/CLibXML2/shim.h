#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would include the system's
   <unicode/ucnv.h>, whose types clash with the ICU copy inside Foundation ("UErrorCode has
   different definitions in different modules"). jobfeed never touches the ICU converter
   fields that the macro adds to xmlCharEncodingHandler, so it is hidden from Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
