/* cli.h - subcommands of the newskg command. Each takes the arguments after
 * its name (argv[0] is the subcommand name) and returns the process exit
 * code documented in the README: 0 ok, 2 usage, 3 bad input, 4 I/O, 5 other. */
#ifndef NKG_CLI_H
#define NKG_CLI_H

#include "nkg.h"

int nkg_cli_extract(int argc, char **argv);
int nkg_cli_convert(int argc, char **argv);
int nkg_cli_merge(int argc, char **argv);
int nkg_cli_query(int argc, char **argv);

/* Option with a value: "-o FILE", "--output FILE" or "--output=FILE" at
 * argv[*i]. On a match sets *val, advances *i past what it used, returns 1. */
int nkg_opt_value(int argc, char **argv, int *i, const char *shortname, const char *longname,
                  const char **val);

/* Report a failed command: one line "newskg: MESSAGE" on stderr (the
 * diagnostic's message, else the status's), and return the status's exit
 * code. */
int nkg_cli_fail(const nkg_diag *d, nkg_status st);

#endif
