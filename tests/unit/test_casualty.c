/* test_casualty.c - numbers and casualty reports on invented sentences,
 * with the real mappings/ tables (run from the repository root). */
#include <stdlib.h>
#include <string.h>
#include "casualty.h"
#include "tap.h"

static nkg_lexicon *LX;

#define NONE (-1)

typedef struct {
    nkg_arena *a;
    nkg_text t;
    nkg_casualty *v;
    size_t n;
} run_t;

static run_t run(const char *s)
{
    run_t r;
    memset(&r, 0, sizeof r);
    r.a = nkg_arena_new();
    if (nkg_text_analyze(r.a, s, strlen(s), LX, &r.t) != NKG_OK ||
        nkg_find_casualties(&r.t, LX, r.a, &r.v, &r.n) != NKG_OK)
        r.n = 0;
    return r;
}

static void show(const run_t *r)
{
    for (size_t i = 0; i < r->n; ++i) {
        const nkg_casualty *c = &r->v[i];
        printf("#   %s value %lld min %lld max %lld qual \"%s\" src \"%s\" [%s] %s\n", c->kind,
               (long long)c->num.value, (long long)c->num.min, (long long)c->num.max,
               c->num.qualifier ? c->num.qualifier : "",
               c->src_te > c->src_tb ? nkg_text_slice(r->a, &r->t, c->src_tb, c->src_te) : "",
               nkg_text_slice(r->a, &r->t, c->tb, c->te), c->rule);
    }
    if (!r->n)
        printf("#   (no report)\n");
}

static const nkg_casualty *find(const run_t *r, const char *kind, long long value, long long min,
                                long long max)
{
    for (size_t i = 0; i < r->n; ++i) {
        const nkg_casualty *c = &r->v[i];
        if (strcmp(c->kind, kind) == 0 && c->num.value == value && c->num.min == min &&
            c->num.max == max)
            return c;
    }
    return NULL;
}

static size_t count_kind(const run_t *r, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; ++i)
        n += strcmp(r->v[i].kind, kind) == 0;
    return n;
}

/* Exactly one report, of this kind and number. */
static void only(const char *s, const char *kind, long long value, long long min, long long max)
{
    run_t r = run(s);
    int ok = r.n == 1 && find(&r, kind, value, min, max);
    CHECK(ok, "%s -> %s %lld/%lld/%lld", s, kind, value, min, max);
    if (!ok)
        show(&r);
    nkg_arena_free(r.a);
}

/* A report of this kind and number (others may exist). */
static void has(const char *s, const char *kind, long long value, long long min, long long max)
{
    run_t r = run(s);
    int ok = find(&r, kind, value, min, max) != NULL;
    CHECK(ok, "%s has %s %lld/%lld/%lld", s, kind, value, min, max);
    if (!ok)
        show(&r);
    nkg_arena_free(r.a);
}

static void none(const char *s)
{
    run_t r = run(s);
    CHECK(r.n == 0, "no report in: %s", s);
    if (r.n)
        show(&r);
    nkg_arena_free(r.a);
}

/* One report with its qualifier and source as written. */
static void qualified(const char *s, const char *kind, long long value, long long min,
                      long long max, const char *qual, const char *src)
{
    run_t r = run(s);
    const nkg_casualty *c = find(&r, kind, value, min, max);
    int ok = c && r.n == 1;
    if (ok && qual)
        ok = c->num.qualifier && strcmp(c->num.qualifier, qual) == 0;
    if (ok && !qual)
        ok = c->num.qualifier == NULL;
    if (ok && src) {
        const char *got = c->src_te > c->src_tb ? nkg_text_slice(r.a, &r.t, c->src_tb, c->src_te) : "";
        ok = strcmp(got, src) == 0;
    }
    CHECK(ok, "%s -> %s %lld/%lld/%lld \"%s\" by \"%s\"", s, kind, value, min, max,
          qual ? qual : "", src ? src : "");
    if (!ok)
        show(&r);
    nkg_arena_free(r.a);
}

static void numbers(void)
{
    struct {
        const char *text;
        size_t used;
        long long value, min, max;
        const char *qual;
    } cases[] = {
        {"59", 1, 59, NONE, NONE, NULL},
        {"1,000", 1, 1000, NONE, NONE, NULL},
        {"twenty-five", 3, 25, NONE, NONE, NULL},
        {"twenty five", 2, 25, NONE, NONE, NULL},
        {"two hundred and fifty", 4, 250, NONE, NONE, NULL},
        {"one million two hundred thousand", 5, 1200000, NONE, NONE, NULL},
        {"1.2 million", 2, 1200000, NONE, NONE, NULL},
        {"a dozen", 2, 12, NONE, NONE, NULL},
        {"half a dozen", 3, 6, NONE, NONE, NULL},
        {"three dozen", 2, 36, NONE, NONE, NULL},
        {"dozens", 1, NONE, 24, NONE, "dozens"},
        {"at least 36", 3, NONE, 36, NONE, "at least"},
        {"more than 200", 3, NONE, 200, NONE, "more than"},
        {"about 30", 2, 30, NONE, NONE, "about"},
        {"close to 50", 3, 50, NONE, NONE, "close to"},
        {"an estimated 400", 3, 400, NONE, NONE, "an estimated"},
        {"up to 60", 3, NONE, NONE, 60, "up to"},
        {"10 to 15", 3, NONE, 10, 15, NULL},
        {"10-15", 3, NONE, 10, 15, NULL},
        {"10\xE2\x80\x93" "15", 3, NONE, 10, 15, NULL},
        {"between 10 and 15", 4, NONE, 10, 15, "between"},
        {"roughly 10 to 15", 4, NONE, 10, 15, "roughly"},
        {"two or three", 3, NONE, 2, 3, NULL},
        {"30 or more", 3, NONE, 30, NONE, "or more"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        nkg_arena *a = nkg_arena_new();
        nkg_text t;
        nkg_number n;
        nkg_text_analyze(a, cases[i].text, strlen(cases[i].text), LX, &t);
        size_t used = nkg_parse_number(&t, 0, LX, a, &n);
        int ok = used == cases[i].used && n.value == cases[i].value && n.min == cases[i].min &&
                 n.max == cases[i].max &&
                 (cases[i].qual ? n.qualifier && strcmp(n.qualifier, cases[i].qual) == 0
                                : n.qualifier == NULL);
        CHECK(ok, "number \"%s\"", cases[i].text);
        if (!ok)
            printf("#   used %zu value %lld min %lld max %lld qual %s\n", used, (long long)n.value,
                   (long long)n.min, (long long)n.max, n.qualifier ? n.qualifier : "(null)");
        nkg_arena_free(a);
    }
    /* not counts */
    const char *no[] = {"2.5", "38-year-old", "2015", "3 p.m.", "11:35", "$5,000", "10 percent",
                        "99999999999999999999", "007", "hundred"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; ++i) {
        nkg_arena *a = nkg_arena_new();
        nkg_text t;
        nkg_number n;
        nkg_text_analyze(a, no[i], strlen(no[i]), LX, &t);
        size_t k = 0;
        while (k < t.ntoks && (t.toks[k].flags & NKG_TOK_PUNCT))
            k++; /* "$" */
        size_t used = nkg_parse_number(&t, k, LX, a, &n);
        CHECK(used == 0, "not a count: \"%s\"", no[i]);
        nkg_arena_free(a);
    }
}

static void constructions(void)
{
    /* numbers bound after, before and as nouns */
    only("The blast left 12 people dead in the market.", "Killed", 12, NONE, NONE);
    only("Fourteen people were killed when the bus exploded.", "Killed", 14, NONE, NONE);
    only("The gunmen opened fire on the crowd, killing 23 worshippers.", "Killed", 23, NONE, NONE);
    only("The death toll rose to 67 on Tuesday.", "Killed", 67, NONE, NONE);
    only("Rescuers recovered the bodies of 17 migrants on Monday.", "Killed", 17, NONE, NONE);
    only("Seven state police officers lost their lives in the ambush.", "Killed", 7, NONE, NONE);
    only("Two hospital workers were injured by the blast.", "Injured", 2, NONE, NONE);
    only("The remaining 10 are still being held by the kidnappers.", "Hostages", 10, NONE, NONE);
    only("Health officials raised the official death toll to 41.", "Killed", 41, NONE, NONE);
    only("The toll from the flooding climbed from 10 to 15.", "Killed", 15, NONE, NONE);
    only("Medics said 80 wounded were taken to clinics.", "Injured", 80, NONE, NONE);
    only("A further 64 people are believed to have been injured in the explosion.", "Injured", 64,
         NONE, NONE);
    qualified("Close to 30 remain missing after the landslide.", "Missing", 30, NONE, NONE,
              "Close to", NULL);
    qualified("Roughly 5 to 8 assailants stormed the hotel lobby.", "Attackers", NONE, 5, 8,
              "Roughly", NULL);
    qualified("Witnesses counted between 6-9 gunmen outside the bank.", "Attackers", NONE, 6, 9,
              "between", NULL);
    qualified("The rebels are holding approximately 40 hostages in the school.", "Hostages", 40,
              NONE, NONE, "approximately", NULL);
    qualified("The group claimed to be holding at least 12 hostages.", "Hostages", NONE, 12, NONE,
              "at least", "The group");
    only("He said the attackers gunned down three people near the gate.", "Killed", 3, NONE, NONE);
    qualified("The 2004 bombing killed more than 190 people.", "Killed", NONE, 190, NONE,
              "more than", NULL);
    only("At least 36 people died in the fire.", "Killed", NONE, 36, NONE);
    only("Up to 30 miners may have been killed.", "Killed", NONE, NONE, 30);
    only("Three others were wounded.", "Injured", 3, NONE, NONE);
    only("Two men were injured in the attack.", "Injured", 2, NONE, NONE);
    only("Seven people remain in critical condition.", "Injured", 7, NONE, NONE);
    only("A further 12 passengers were hospitalised overnight.", "Injured", 12, NONE, NONE);
    only("Twenty-five soldiers died in the ambush.", "Killed", 25, NONE, NONE);
    only("Two hundred and fifty people were hurt in the stampede.", "Injured", 250, NONE, NONE);
    only("Five bodies were recovered from the river.", "Killed", 5, NONE, NONE);
    only("Nine villagers were kidnapped on the road.", "Hostages", 9, NONE, NONE);
    only("Police arrested four suspects on Sunday.", "Arrested", 4, NONE, NONE);
    only("Six men were detained after the raid.", "Arrested", 6, NONE, NONE);
    qualified("About 2,000 residents were evacuated from the area.", "Evacuated", 2000, NONE, NONE,
              "About", NULL);
    only("The floods displaced 15,000 people.", "Displaced", 15000, NONE, NONE);
    qualified("An estimated 1.2 million people were affected.", "Affected", 1200000, NONE, NONE,
              "An estimated", NULL);
    only("Dozens of people were wounded.", "Injured", NONE, 24, NONE);
    only("Scores of protesters were injured.", "Injured", NONE, 40, NONE);
    only("Half a dozen civilians were wounded.", "Injured", 6, NONE, NONE);
    only("The fighters killed a dozen people.", "Killed", 12, NONE, NONE);
    only("Two or three attackers fled on foot.", "Attackers", NONE, 2, 3);
    only("Three militants were killed in the raid.", "Killed", 3, NONE, NONE);
    /* headlines */
    only("1 dead after overnight shooting", "Killed", 1, NONE, NONE);
    has("Ten killed, 20 injured in market blast", "Killed", 10, NONE, NONE);
    has("Ten killed, 20 injured in market blast", "Injured", 20, NONE, NONE);
    has("Bus attack: 59 dead, 175 hurt", "Killed", 59, NONE, NONE);
    has("Bus attack: 59 dead, 175 hurt", "Injured", 175, NONE, NONE);
    only("Three Killed Saturday In Kenya Mall Shooting", "Killed", 3, NONE, NONE);
    only("12 Killed Kenya Mall Siege Update", "Killed", 12, NONE, NONE);
    /* two numbers in a clause */
    has("The attack killed 30 and injured 50.", "Killed", 30, NONE, NONE);
    has("The attack killed 30 and injured 50.", "Injured", 50, NONE, NONE);
    has("Three gunmen killed 8 people.", "Attackers", 3, NONE, NONE);
    has("Three gunmen killed 8 people.", "Killed", 8, NONE, NONE);
    only("Two of the three victims died.", "Killed", 2, NONE, NONE);
    only("He was one of 12 people injured in the blast.", "Injured", 12, NONE, NONE);
    has("Two of the four hostages were killed.", "Killed", 2, NONE, NONE);
    only("The gunman threatened to kill 20 hostages.", "Hostages", 20, NONE, NONE);
    only("Six people, including two children, were killed.", "Killed", 6, NONE, NONE);
    /* shot, one fatally */
    has("Two people were shot, one fatally, police said.", "Killed", 1, NONE, NONE);
    has("Two people were shot, one fatally, police said.", "Injured", 1, NONE, NONE);
    only("Three people were shot Saturday night.", "Injured", 3, NONE, NONE);
    only("The two were shot in the car and died at the scene.", "Killed", 2, NONE, NONE);
    none("The officer fired one shot.");
    has("The bomber blew up his vest, killing himself and 12 others.", "Killed", 12, NONE, NONE);
    has("The bomber blew up his vest, killing himself and 12 others.", "Killed", 1, NONE, NONE);
    /* one person, without a number */
    only("A 16-year-old girl was killed in the crash.", "Killed", 1, NONE, NONE);
    only("One person is dead after the fire.", "Killed", 1, NONE, NONE);
    only("The victim died at the hospital.", "Killed", 1, NONE, NONE);
    only("The gunman killed himself.", "Killed", 1, NONE, NONE);
    only("The blast killed a policeman.", "Killed", 1, NONE, NONE);
    only("A man was shot in the chest and died later.", "Killed", 1, NONE, NONE);
    only("A woman suffered minor injuries.", "Injured", 1, NONE, NONE);
    only("Family members remembered Maria Lopez, who was killed Saturday.", "Killed", 1, NONE, NONE);
    only("Two men sitting in a parked car outside the store were shot and wounded.", "Injured", 2, NONE, NONE);
    only("Three British soldiers serving with the United Nations in Mali were injured.", "Injured", 3, NONE, NONE);
    only("A 4-year-old girl and her mother were shot and killed near their home.", "Killed", 2, NONE, NONE);
    only("Joe Knarr and Jen Knarr were deceased.", "Killed", 2, NONE, NONE);
    only("A 2-year-old boy in Tarpon Springs died Wednesday.", "Killed", 1, NONE, NONE);
    only("Army says dozens of militants dead in strikes.", "Killed", NONE, 24, NONE);
    only("About 35,000 people who had been left homeless were sheltering in tents.", "Displaced", 35000, NONE, NONE);
    only("Bandits abduct 73 students in Zamfara.", "Hostages", 73, NONE, NONE);
    only("A doctor said 31 wounded people had been admitted overnight.", "Injured", 31, NONE, NONE);
    only("About 40 shoppers and employees were evacuated.", "Evacuated", 40, NONE, NONE);
    only("The remaining 21 students are still in captivity.", "Hostages", 21, NONE, NONE);
    only("About 4 lakh residents were affected by the floods.", "Affected", 400000, NONE, NONE);
    none("The state will pay Rs 4 lakh to the families of those killed and Rs 50,000 to the injured.");
    only("Relatives remembered Maria Lopez, 34, who was shot and killed last weekend.", "Killed", 1, NONE, NONE);
    only("Two of the people injured in the blast later died in hospital.", "Killed", 2, NONE, NONE);
    only("Two men suffered non-life-threatening injuries.", "Injured", 2, NONE, NONE);
    only("A teenager was grazed by a bullet.", "Injured", 1, NONE, NONE);
    only("Both victims were deceased when deputies arrived.", "Killed", 2, NONE, NONE);
    only("Maria Lopez, 34, of Springfield, was pronounced dead at the scene.", "Killed", 1, NONE,
         NONE);
    only("The suspect, 24, was arrested.", "Arrested", 1, NONE, NONE);
    none("A man who was not injured called the police.");
    /* zero */
    only("No one was injured.", "Injured", 0, NONE, NONE);
    only("No injuries were reported.", "Injured", 0, NONE, NONE);
    only("There were no deaths.", "Killed", 0, NONE, NONE);
    none("No other injuries were reported.");
    /* a partitive set described by a casualty word gives no count of that kind */
    none("Two of the people injured in the crash at the depot died overnight.");
    none("Three of the wounded were moved to another clinic.");
    none("None of the injuries appeared life-threatening.");
    /* attribution */
    qualified("Police said 3 people were killed.", "Killed", 3, NONE, NONE, NULL, "Police");
    qualified("According to the health ministry, 31 people were killed.", "Killed", 31, NONE, NONE,
              NULL, "the health ministry");
    qualified("\"We found 20 bodies,\" a rescue official told reporters.", "Killed", 20, NONE, NONE,
              NULL, "a rescue official");
    qualified("Eight people were wounded, said army spokesman Ali Hassan.", "Injured", 8, NONE,
              NONE, NULL, "army spokesman Ali Hassan");
    qualified("The group claimed responsibility for the blast, which killed 9.", "Killed", 9, NONE,
              NONE, NULL, "");
}

static void negatives(void)
{
    none("A 10-year-old boy brought a gun to school.");
    none("The mall was packed with around 1,000 shoppers.");
    none("The shooting happened in the 1300 block of Main Street at 2 a.m.");
    none("He was hit with a .22-caliber rifle in 2015.");
    none("The reward is $5,000 for information.");
    none("Turnout rose 15 percent among 500 voters.");
    none("59 people gathered at the memorial.");
    none("It happened on June 3, 2016, at 11:35 p.m.");
    none("She spent 12 years in prison and was released.");
    none("Channel 4 reported the attack.");
    none("Call 555-1234 with information.");
    none("Several gunmen barricaded themselves inside.");
    none("Officers fired 30 rounds at the car.");
    none("The suspect was charged with three counts of murder.");
    /* an age is no count, but the person still is */
    {
        run_t r = run("Jones, 16, was killed on Friday.");
        int ok = find(&r, "Killed", 1, NONE, NONE) && !find(&r, "Killed", 16, NONE, NONE);
        CHECK(ok, "age in apposition is no count");
        if (!ok)
            show(&r);
        nkg_arena_free(r.a);
    }
    /* huge numbers neither overflow nor count */
    none("99999999999999999999 killed");
    none("999999999999999 million killed");
    /* one report per number */
    {
        run_t r = run("Officials said 12 people were killed and 40 wounded in the attack.");
        int ok = r.n == 2 && count_kind(&r, "Killed") == 1 && count_kind(&r, "Injured") == 1;
        CHECK(ok, "one report per number");
        if (!ok)
            show(&r);
        nkg_arena_free(r.a);
    }
}

static void robustness(void)
{
    /* Long, repetitive and junk input: no crash, bounded work. */
    size_t n = 200000;
    char *s = malloc(n + 1);
    const char *pat = "killed 3 , at least between 10 - dozens of the no one 5 wounded ";
    size_t pl = strlen(pat);
    for (size_t i = 0; i < n; ++i)
        s[i] = pat[i % pl];
    s[n] = '\0';
    run_t r = run(s);
    CHECK(r.n > 0, "long input: %zu reports", r.n);
    nkg_arena_free(r.a);
    for (size_t i = 0; i < n; ++i)
        s[i] = "9 -,.:/$"[i % 8];
    r = run(s);
    CHECK(1, "punctuation soup: %zu reports", r.n);
    nkg_arena_free(r.a);
    free(s);
    r = run("");
    CHECK(r.n == 0, "empty text");
    nkg_arena_free(r.a);
}

/* The tables are edited by hand: every row must say something the finder
 * understands. */
static int in_list(const char *v, const char *const *list)
{
    for (; *list; ++list)
        if (strcmp(v, *list) == 0)
            return 1;
    return 0;
}

static void table_rows(const char *name, const char *col, const char *const *allowed)
{
    const nkg_table *t = nkg_lexicon_table(LX, name);
    int c = nkg_table_col(t, col);
    size_t bad = 0, n = nkg_table_rows(t);
    for (size_t i = 0; i < n; ++i) {
        const nkg_row *r = nkg_table_row(t, i);
        if (!in_list(nkg_row_get(r, c), allowed)) {
            printf("#   %s.tsv:%zu: %s \"%s\"\n", name, r->line, col, nkg_row_get(r, c));
            bad++;
        }
    }
    CHECK(t && c >= 0 && n > 0 && bad == 0, "%s.tsv: column %s is valid in %zu rows", name, col, n);
}

static void tables(void)
{
    static const char *const kinds[] = {"Killed", "Injured", "Missing", "Hostages", "Attackers",
                                        "Arrested", "Evacuated", "Displaced", "Affected", "Shot",
                                        NULL};
    static const char *const positions[] = {"noun", "after", "before", "either", "self", NULL};
    static const char *const singular[] = {"", "yes", NULL};
    static const char *const needs[] = {"", "aux", "person", "finite", NULL};
    static const char *const bounds[] = {"min", "max", "approx", "range", NULL};
    static const char *const where[] = {"before", "after", NULL};
    static const char *const nroles[] = {"unit", "tens", "scale", "word", "det", "plural", NULL};
    static const char *const sources[] = {"before", "after", "either", "none", NULL};
    static const char *const roles[] = {
        "unit", "unit-before", "month", "day", "street", "person-sg", "person-pl", "pronoun-sg",
        "det-sg", "det", "aux-sg", "aux-pl", "aux", "neg", "barrier", "prep", "object",
        "zero-other", "from", "partitive", "aside", "irrealis", NULL};
    table_rows("casualty-words", "kind", kinds);
    table_rows("casualty-words", "position", positions);
    table_rows("casualty-words", "singular", singular);
    table_rows("casualty-words", "needs", needs);
    table_rows("hedges", "bound", bounds);
    table_rows("hedges", "where", where);
    table_rows("numbers", "role", nroles);
    table_rows("attribution-cues", "source", sources);
    table_rows("count-context", "role", roles);
}

int main(void)
{
    nkg_diag d;
    nkg_diag_clear(&d);
    if (nkg_lexicon_load(&LX, "mappings", &d) != NKG_OK) {
        printf("Bail out! %s\n", d.msg);
        return 1;
    }
    tables();
    numbers();
    constructions();
    negatives();
    robustness();
    nkg_lexicon_free(LX);
    return TAP_DONE();
}
