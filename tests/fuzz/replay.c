/* replay.c - runs a fuzz target over files without libFuzzer.
 *
 * Usage: TARGET DIR|FILE...  Every regular file of each directory (sorted,
 * not recursive) is passed once to LLVMFuzzerTestOneInput. Prints one TAP
 * line "ok - replay TARGET (N inputs)"; a crash kills the process, so any
 * failure shows as a non-zero exit. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feeds the file at path to the target; 0 on success, -1 when unreadable. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t len = 0, cap = 4096;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            return -1;
        }
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (!err) {
        /* An exact-size copy, so ASan sees reads past the end. */
        uint8_t *exact = malloc(len ? len : 1);
        if (exact) {
            memcpy(exact, buf, len);
            LLVMFuzzerTestOneInput(exact, len);
            free(exact);
        }
    }
    free(buf);
    return err ? -1 : 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');
    name = name ? name + 1 : argv[0];
    size_t inputs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            printf("not ok - replay %s: cannot read %s\n", name, argv[i]);
            return 1;
        }
        if (!S_ISDIR(sb.st_mode)) {
            if (replay_file(argv[i]) != 0) {
                printf("not ok - replay %s: cannot read %s\n", name, argv[i]);
                return 1;
            }
            inputs++;
            continue;
        }
        DIR *dp = opendir(argv[i]);
        if (!dp) {
            printf("not ok - replay %s: cannot open %s\n", name, argv[i]);
            return 1;
        }
        char **paths = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
            char *p = malloc(len);
            if (!p)
                break;
            snprintf(p, len, "%s/%s", argv[i], e->d_name);
            if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) {
                free(p);
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **np = realloc(paths, cap * sizeof *np);
                if (!np) {
                    free(p);
                    break;
                }
                paths = np;
            }
            paths[n++] = p;
        }
        closedir(dp);
        if (n)
            qsort(paths, n, sizeof *paths, cmp);
        int bad = 0;
        for (size_t j = 0; j < n; j++) {
            if (!bad && replay_file(paths[j]) != 0) {
                printf("not ok - replay %s: cannot read %s\n", name, paths[j]);
                bad = 1;
            }
            inputs++;
            free(paths[j]);
        }
        free(paths);
        if (bad)
            return 1;
    }
    printf("ok - replay %s (%zu inputs)\n", name, inputs);
    return 0;
}
