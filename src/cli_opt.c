/* cli_opt.c - option parsing shared by the subcommands. */
#include <string.h>
#include <stdio.h>
#include "cli.h"

int nkg_opt_value(int argc, char **argv, int *i, const char *shortname, const char *longname,
                  const char **val)
{
    const char *a = argv[*i];
    size_t ln = strlen(longname);
    if ((strcmp(a, shortname) == 0 || strcmp(a, longname) == 0) && *i + 1 < argc) {
        *val = argv[++*i];
        return 1;
    }
    if (strncmp(a, longname, ln) == 0 && a[ln] == '=') {
        *val = a + ln + 1;
        return 1;
    }
    return 0;
}

int nkg_cli_fail(const nkg_diag *d, nkg_status st)
{
    fprintf(stderr, "newskg: %s\n", d->msg[0] ? d->msg : nkg_strerror(st));
    return nkg_exit_code(st);
}
