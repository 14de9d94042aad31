/* fileio.c - whole files into memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fileio.h"

/* All of fd into a malloc'd, NUL-terminated buffer (*buf owned by the
 * caller). `name` is the file in messages. */
static nkg_status read_fd(int fd, const char *name, char **buf, size_t *n, nkg_diag *d)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0)
        return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", name, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", name, strerror(EISDIR));
    /* A regular file's size plus one for the NUL: one read fills it and the
     * next one sees the end without growing the buffer. */
    size_t cap = S_ISREG(sb.st_mode) && sb.st_size > 0 && (uintmax_t)sb.st_size < SIZE_MAX
                     ? (size_t)sb.st_size + 1
                     : 65536;
    size_t len = 0;
    char *b = malloc(cap);
    if (!b)
        return nkg_diag_set(d, NKG_ERR_NOMEM, "%s: out of memory", name);
    for (;;) {
        if (len == cap) {
            char *nb = cap < SIZE_MAX / 2 ? realloc(b, cap * 2) : NULL;
            if (!nb) {
                free(b);
                return nkg_diag_set(d, NKG_ERR_NOMEM, "%s: out of memory", name);
            }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(b);
            return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", name, strerror(e));
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    /* read() was only called with room left, and the last one added nothing,
     * so len < cap: the NUL fits. */
    b[len] = '\0';
    *buf = b;
    *n = len;
    return NKG_OK;
}

nkg_status nkg_read_file(const char *path, char **out, size_t *len, nkg_diag *d)
{
    *out = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "stdin" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0)
        return nkg_diag_set(d, NKG_ERR_IO, "%s: %s", name, strerror(errno));
    nkg_status st = read_fd(fd, name, out, len, d);
    if (!is_stdin)
        close(fd);
    return st;
}
