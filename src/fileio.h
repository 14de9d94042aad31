/* fileio.h - whole files into memory. */
#ifndef NKG_FILEIO_H
#define NKG_FILEIO_H

#include "nkg.h"

/* Reads all of `path` ("-" is standard input, which stays open) into *out:
 * a malloc'd buffer the caller owns and frees, *len bytes long (the bytes
 * may include NULs) followed by a terminating NUL. On failure *out is NULL,
 * *len is 0 and d holds one line naming the file as given ("stdin" for
 * "-"):
 *   NKG_ERR_IO     "FILE: <strerror>": it cannot be opened, is a directory
 *                  or a read fails;
 *   NKG_ERR_NOMEM  "FILE: out of memory". */
nkg_status nkg_read_file(const char *path, char **out, size_t *len, nkg_diag *d);

#endif
