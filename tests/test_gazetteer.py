#!/usr/bin/env python3
"""Checks the checked-in gazetteer in mappings/ (standard library only).

Well-formedness of places.tsv, demonyms.tsv and place-stopwords.tsv, and that
well-known places, aliases and demonyms resolve.  Prints one TAP-style line per
check ("ok N - ..." / "not ok N - ...") and a closing "N passed, N failed"
line; exits 1 if any check failed.

Usage: python3 tests/test_gazetteer.py [MAPPINGS_DIR]
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAPPINGS = os.path.join(HERE, "..", "mappings")

PLACES_HEADER = ["geonames_id", "name", "kind", "country", "admin1", "lat", "long", "population", "aliases"]
KINDS = {"country", "admin1", "region", "city"}

results = []
QUIET = False


def check(desc, cond, detail=""):
    results.append(bool(cond))
    n = len(results)
    if cond:
        if not QUIET:
            print(f"ok {n} - {desc}")
    else:
        print(f"not ok {n} - {desc}" + (f": {detail}" if detail else ""))
    return bool(cond)


def read_tsv(name):
    """Returns (comment_lines, header, rows, problems) for a mappings TSV file."""
    path = os.path.join(MAPPINGS, name)
    comments, header, rows, problems = [], None, [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith("\n"):
                problems.append(f"line {lineno}: no final newline")
            line = line.rstrip("\n")
            if "\r" in line:
                problems.append(f"line {lineno}: carriage return")
            if line.startswith("#"):
                if header is not None:
                    problems.append(f"line {lineno}: comment after the header line")
                comments.append(line)
                continue
            if not line.strip():
                problems.append(f"line {lineno}: empty line")
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
            else:
                rows.append((lineno, fields))
    return comments, header, rows, problems


def first(items, limit=5):
    items = list(items)
    return "; ".join(str(x) for x in items[:limit]) + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


def run_checks():
    """Runs every check; returns the number of failed checks."""
    # ---------------------------------------------------------------- places.tsv
    comments, header, rows, problems = read_tsv("places.tsv")
    check("places.tsv starts with # comment lines", len(comments) >= 3 and comments[0].startswith("#"))
    check("places.tsv comments document every column",
          all(any(col in c for c in comments) for col in PLACES_HEADER + ["geonames", "CC BY"]))
    check("places.tsv header line", header == PLACES_HEADER, f"got {header}")
    check("places.tsv has no blank/CR lines, ends with newline", not problems, first(problems))
    bad = [f"line {n}: {len(f)} fields" for n, f in rows if len(f) != 9]
    check("places.tsv: every row has 9 columns", not bad, first(bad))
    rows = [(n, f) for n, f in rows if len(f) == 9]

    places = [dict(zip(PLACES_HEADER, f), line=n) for n, f in rows]
    bad = [f"line {p['line']}: {p['kind']!r}" for p in places if p["kind"] not in KINDS]
    check("places.tsv: kind is country|admin1|region|city", not bad, first(bad))
    bad = [f"line {p['line']}: {p['geonames_id']!r}" for p in places if not re.fullmatch(r"(|[1-9][0-9]*)", p["geonames_id"])]
    check("places.tsv: geonames_id is numeric or empty", not bad, first(bad))
    # hand-added rows may lack an id; generated city rows always have one
    bad = [f"line {p['line']}" for p in places if p["kind"] == "city" and not p["geonames_id"]]
    check("places.tsv: cities have GeoNames ids (at most 1% without)",
          len(bad) <= 0.01 * max(1, sum(1 for p in places if p["kind"] == "city")), first(bad))
    bad = [f"line {p['line']}: {p['name']!r}" for p in places
           if not p["name"] or p["name"] != p["name"].strip() or "|" in p["name"]]
    check("places.tsv: names are non-empty and trimmed", not bad, first(bad))
    bad = [f"line {p['line']}: {p['country']!r}" for p in places
           if not re.fullmatch(r"[A-Z]{2}", p["country"]) and not (p["kind"] == "region" and p["country"] == "")]
    check("places.tsv: country is an ISO alpha-2 code (empty only for regions)", not bad, first(bad))


    def coord_ok(v, lim):
        if v == "":
            return True
        try:
            x = float(v)
        except ValueError:
            return False
        return -lim <= x <= lim and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", v) is not None


    bad = [f"line {p['line']}: {p['lat']},{p['long']}" for p in places
           if not coord_ok(p["lat"], 90) or not coord_ok(p["long"], 180) or (p["lat"] == "") != (p["long"] == "")]
    check("places.tsv: lat/long are numeric degrees in range (or both empty)", not bad, first(bad))
    bad = [f"line {p['line']}" for p in places if p["kind"] == "city" and p["lat"] == ""]
    check("places.tsv: every city has coordinates", not bad, first(bad))
    bad = [f"line {p['line']}: {p['population']!r}" for p in places if not re.fullmatch(r"(|[0-9]+)", p["population"])]
    check("places.tsv: population is an integer or empty", not bad, first(bad))
    bad = [f"line {p['line']}" for p in places
           if p["aliases"] and any(a != a.strip() or a == "" for a in p["aliases"].split("|"))]
    check("places.tsv: aliases are non-empty, trimmed, |-separated", not bad, first(bad))

    seen, dups = {}, []
    for p in places:
        if p["geonames_id"]:
            key = (p["kind"], p["geonames_id"])
            if key in seen:
                dups.append(f"{key} on lines {seen[key]} and {p['line']}")
            seen[key] = p["line"]
    check("places.tsv: no duplicate GeoNames id within a kind", not dups, first(dups))

    by_kind = {}
    for p in places:
        by_kind.setdefault(p["kind"], []).append(p)
    by_id = {(p["kind"], p["geonames_id"]): p for p in places if p["geonames_id"]}

    size = os.path.getsize(os.path.join(MAPPINGS, "places.tsv"))
    check(f"places.tsv is under 5 MB ({size} bytes)", size < 5 * 1024 * 1024)
    check("places.tsv: at least 249 countries", len(by_kind.get("country", [])) >= 249, str(len(by_kind.get("country", []))))
    us_cities = [p for p in by_kind.get("city", []) if p["country"] == "US"]
    check("places.tsv: US cities >= 1000 inhabitants included (> 15000 rows)", len(us_cities) > 15000, str(len(us_cities)))
    small_us = [p for p in us_cities if p["population"] and int(p["population"]) < 5000]
    check("places.tsv: small US towns included", len(small_us) > 5000, str(len(small_us)))
    world = [p for p in by_kind.get("city", []) if p["country"] != "US"]
    check("places.tsv: cities outside the US (>= 15000 inhabitants) included", len(world) > 20000, str(len(world)))


    def place(kind, gid):
        return by_id.get((kind, str(gid)))


    def expect(kind, gid, name, country, admin1=None, lat=None, long=None):
        p = place(kind, gid)
        desc = f"{kind} {name} = GeoNames {gid}"
        if not check(desc, p is not None and p["name"] == name and p["country"] == country
                     and (admin1 is None or p["admin1"] == admin1),
                     f"got {p and (p['name'], p['country'], p['admin1'])}"):
            return
        if lat is not None:
            ok = p["lat"] and abs(float(p["lat"]) - lat) < 0.05 and abs(float(p["long"]) - long) < 0.05
            check(f"{name} lies near {lat}/{long}", ok, f"got {p['lat']}/{p['long']}")


    expect("country", 192950, "Kenya", "KE")
    expect("country", 51537, "Somalia", "SO")
    expect("country", 2215636, "Libya", "LY")
    expect("country", 163843, "Syria", "SY")
    expect("country", 2440476, "Niger", "NE")
    expect("country", 294640, "Israel", "IL")
    expect("country", 6252001, "United States", "US")
    expect("city", 184745, "Nairobi", "KE", lat=-1.28, long=36.82)
    expect("city", 4281730, "Wichita", "US", admin1="KS", lat=37.69, long=-97.34)
    expect("admin1", 4273857, "Kansas", "US", admin1="KS")

    wichita = [p for p in us_cities if p["name"] == "Wichita" and p["admin1"] == "KS"]
    kansas = [p for p in by_kind.get("admin1", []) if p["country"] == "US" and p["admin1"] == "KS"]
    check("Wichita, KS links to its state row through (country, admin1)", len(wichita) == 1 and len(kansas) == 1)

    us_states = {p["admin1"] for p in by_kind.get("admin1", []) if p["country"] == "US" and p["geonames_id"]}
    STATES = set("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
                  "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
    check("admin1: all 50 US states + DC, with GeoNames ids", STATES <= us_states, first(sorted(STATES - us_states)))
    gb = {p["admin1"] for p in by_kind.get("admin1", []) if p["country"] == "GB" and p["geonames_id"]}
    check("admin1: UK nations England, Scotland, Wales, Northern Ireland", {"ENG", "SCT", "WLS", "NIR"} <= gb, str(gb))
    for cc, minimum in [("CA", 13), ("AU", 8), ("IN", 28), ("NG", 37), ("KE", 47), ("PK", 7), ("AF", 34),
                        ("IQ", 18), ("SY", 14), ("MX", 32)]:
        n = sum(1 for p in by_kind.get("admin1", []) if p["country"] == cc and p["geonames_id"])
        check(f"admin1: {cc} has >= {minimum} subdivisions with ids", n >= minimum, str(n))

    # every country has an id, except the documented ones without a package id
    no_id = sorted(p["country"] for p in by_kind.get("country", []) if not p["geonames_id"])
    check("countries: every ISO country has a GeoNames id (only XK may lack one)", set(no_id) <= {"XK"}, str(no_id))

    # cities point to admin1 codes that exist for their country, mostly
    admin_keys = {(p["country"], p["admin1"]) for p in by_kind.get("admin1", [])}
    linked = sum(1 for p in by_kind.get("city", []) if (p["country"], p["admin1"]) in admin_keys)
    check("cities: >= 95% link to an admin1 row via (country, admin1)",
          linked >= 0.95 * max(1, len(by_kind.get("city", []))), f"{linked}/{len(by_kind.get('city', []))}")


    def names_of(p):
        return {p["name"]} | set(a for a in p["aliases"].split("|") if a)


    def resolves(name, kind, country):
        return any(p["country"] == country and name in names_of(p) for p in by_kind.get(kind, []))


    for name, kind, cc in [("U.S.", "country", "US"), ("USA", "country", "US"), ("America", "country", "US"),
                           ("United States of America", "country", "US"), ("UK", "country", "GB"),
                           ("U.K.", "country", "GB"), ("Britain", "country", "GB"), ("Great Britain", "country", "GB"),
                           ("Ivory Coast", "country", "CI"), ("Côte d'Ivoire", "country", "CI"),
                           ("DRC", "country", "CD"), ("Burma", "country", "MM"), ("Turkey", "country", "TR"),
                           ("Kan.", "admin1", "US"), ("Calif.", "admin1", "US"), ("Kiev", "city", "UA"),
                           ("Bogota", "city", "CO"), ("Mogadishu", "city", "SO"), ("Tripoli", "city", "LY"),
                           ("Damascus", "city", "SY"), ("Jerusalem", "city", "IL")]:
        check(f"'{name}' resolves to a {kind} in {cc}", resolves(name, kind, cc))

    # ---------------------------------------------------------------- demonyms.tsv
    comments, header, drows, problems = read_tsv("demonyms.tsv")
    check("demonyms.tsv starts with # comment lines", len(comments) >= 2)
    check("demonyms.tsv header line", header == ["demonym", "country_alpha2"], f"got {header}")
    check("demonyms.tsv has no blank/CR lines, ends with newline", not problems, first(problems))
    bad = [f"line {n}" for n, f in drows if len(f) != 2 or not f[0].strip() or not re.fullmatch(r"[A-Z]{2}", f[1])]
    check("demonyms.tsv: 2 columns, alpha-2 codes", not bad, first(bad))
    countries = {p["country"] for p in by_kind.get("country", [])}
    bad = [f"{f[0]}->{f[1]}" for n, f in drows if len(f) == 2 and f[1] not in countries]
    check("demonyms.tsv: every code is a country in places.tsv", not bad, first(bad))
    dem = {}
    dups = []
    for n, f in drows:
        if len(f) == 2:
            if f[0] in dem:
                dups.append(f[0])
            dem[f[0]] = f[1]
    check("demonyms.tsv: no duplicate demonym", not dups, first(dups))
    check("demonyms.tsv: >= 200 countries covered", len(set(dem.values())) >= 200, str(len(set(dem.values()))))
    for d, cc in [("Kenyan", "KE"), ("Kenyans", "KE"), ("Somali", "SO"), ("Israeli", "IL"), ("American", "US"),
                  ("British", "GB"), ("Syrian", "SY"), ("Libyan", "LY"), ("Nigerien", "NE"), ("Nigerian", "NG"),
                  ("Palestinian", "PS"), ("Ukrainian", "UA"), ("Russian", "RU")]:
        check(f"demonym {d} -> {cc}", dem.get(d) == cc, f"got {dem.get(d)}")

    # ---------------------------------------------------------- place-stopwords.tsv
    comments, header, srows, problems = read_tsv("place-stopwords.tsv")
    check("place-stopwords.tsv starts with # comment lines", len(comments) >= 2)
    check("place-stopwords.tsv header line", header == ["name", "reason"], f"got {header}")
    check("place-stopwords.tsv has no blank/CR lines, ends with newline", not problems, first(problems))
    bad = [f"line {n}" for n, f in srows if len(f) != 2 or not f[0].strip() or not f[1].strip()]
    check("place-stopwords.tsv: 2 non-empty columns", not bad, first(bad))
    stop = {f[0]: f[1] for n, f in srows if len(f) == 2}
    check("place-stopwords.tsv: no duplicate name", len(stop) == len(srows))
    all_names = set()
    for p in places:
        all_names |= names_of(p)
    missing = [n for n in stop if n not in all_names]
    check("place-stopwords.tsv: names are names or aliases in places.tsv", not missing, first(missing))
    for n in ["Police", "Mobile", "Reading", "Bath", "Nice", "Of"]:
        check(f"stop-word {n} flagged as common-word", "common-word" in stop.get(n, ""), stop.get(n, "missing"))
    for n in ["Victoria", "Jordan", "Chad"]:
        check(f"stop-word {n} flagged as a name", "first-name" in stop.get(n, "") or "surname" in stop.get(n, ""),
              stop.get(n, "missing"))
    check("Georgia is marked ambiguous (country GE, US state)",
          "ambiguous" in stop.get("Georgia", "") and "GE" in stop.get("Georgia", "") and "US-GA" in stop.get("Georgia", ""),
          stop.get("Georgia", "missing"))
    check("Kenya and Nairobi are not stop-words", "Kenya" not in stop and "Nairobi" not in stop)
    return results.count(False)


def test_gazetteer():
    """pytest entry point: all checks pass."""
    global QUIET
    QUIET = True
    del results[:]
    assert run_checks() == 0


def main(argv):
    global MAPPINGS
    if len(argv) > 1:
        MAPPINGS = argv[1]
    failed = run_checks()
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
