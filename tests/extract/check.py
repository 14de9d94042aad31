#!/usr/bin/env python3
"""Check one extraction case: the N-Triples newskg wrote for the case's
articles against the case's `expect` file.

    check.py OUT.nt EXPECT

Each line of EXPECT is one check ('#' starts a comment); "no" before a
check inverts it. Labels are compared exactly; CLASS is a local name of the
nkg: namespace (Attack, Shooting, Bombing, Statement, ...); an "attack
event" is one of class Attack, Shooting or Bombing.

    event CLASS                  an event of that class exists
    events CLASS N               exactly N distinct event nodes of that class
                                 (owl:sameAs aliases count as one)
    victim "LABEL"               an attack event has a victim so labelled
    arrested "LABEL"             an Arrest event has a victim so labelled
    perpetrator "LABEL"          likewise a perpetrator
    person "LABEL"               a schema:Person so labelled exists
    organization "LABEL"         a schema:Organization so labelled exists
    named-place "LABEL"          a sem:Place so labelled exists
    place "LABEL"                an attack event's sem:hasPlace so labelled
    place-of CLASS "LABEL"       an event of that class has a sem:hasPlace so labelled
    date YYYY-MM-DD              an attack event's sem:hasTimeStamp
    year YYYY                    an attack event stamped with that gYear
    issued YYYY-MM-DD            an article's dct:issued
    report KIND N                a casualty report of nkg:KIND with nkg:count N
    event-report KIND N          likewise, and an event's nkg:casualtyReport
    speaker "LABEL"              a statement whose speaker is so labelled
    key TEXT                     an event has nkg:matchKey TEXT
    same-attack                  all articles' attack events are one node

Prints one line per failed check and exits 1 when any failed.
"""
import re
import sys
from collections import defaultdict

RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
RDFS = 'http://www.w3.org/2000/01/rdf-schema#'
OWL = 'http://www.w3.org/2002/07/owl#'
NKG = 'https://w3id.org/newskg/ns#'
SEM = 'http://semanticweb.cs.vu.nl/2009/11/sem/'
GAF = 'http://groundedannotationframework.org/gaf#'
NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'
DCT = 'http://purl.org/dc/terms/'
SCHEMA = 'https://schema.org/'
ATTACKS = ('Attack', 'Shooting', 'Bombing')

TERM = re.compile(r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?)')


def unescape(s):
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in 'uU'
                  else {'n': '\n', 't': '\t', 'r': '\r'}.get(m.group(1), m.group(1)), s)


def term(t):
    if t.startswith('<'):
        return t[1:-1]
    if t.startswith('"'):
        return unescape(t[1:t.rfind('"')])
    return t


def load(path):
    po = defaultdict(lambda: defaultdict(list))
    ps = defaultdict(lambda: defaultdict(list))
    for line in open(path, encoding='utf-8'):
        pos, terms = 0, []
        while len(terms) < 3:
            m = TERM.match(line, pos)
            if not m:
                break
            terms.append(term(m.group(1)))
            pos = m.end()
        if len(terms) == 3:
            s, p, o = terms
            po[s][p].append(o)
            ps[o][p].append(s)
    return po, ps


def main():
    po, ps = load(sys.argv[1])
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for s in list(po):
        for o in po[s].get(OWL + 'sameAs', []):
            a, b = find(s), find(o)
            if a != b:
                parent[a] = b

    def of_class(c):
        return set(ps[NKG + c][RDF + 'type'])

    def labels(n):
        return po[n].get(RDFS + 'label', [])

    attacks = set().union(*(of_class(c) for c in ATTACKS))

    def filled(prop):
        return [l for e in attacks for a in po[e].get(NKG + prop, []) for l in labels(a)]

    def check(words, arg):
        cmd = words[0]
        if cmd == 'event':
            return bool(of_class(words[1]))
        if cmd == 'events':
            return len({find(n) for n in of_class(words[1])}) == int(words[2])
        if cmd in ('victim', 'perpetrator'):
            return arg in filled(cmd)
        if cmd == 'arrested':
            return any(arg in labels(v) for e in of_class('Arrest') for v in po[e].get(NKG + 'victim', []))
        if cmd == 'person':
            return any(arg in labels(n) for n in ps[SCHEMA + 'Person'][RDF + 'type'])
        if cmd == 'organization':
            return any(arg in labels(n) for n in ps[SCHEMA + 'Organization'][RDF + 'type'])
        if cmd == 'named-place':
            return any(arg in labels(n) for n in ps[SEM + 'Place'][RDF + 'type'])
        if cmd == 'place-of':
            return any(arg in labels(p) for e in of_class(words[1]) for p in po[e].get(SEM + 'hasPlace', []))
        if cmd == 'place':
            return any(arg in labels(p) for e in attacks for p in po[e].get(SEM + 'hasPlace', []))
        if cmd in ('date', 'year'):
            return any(str(t) == words[1] for e in attacks for t in po[e].get(SEM + 'hasTimeStamp', []))
        if cmd == 'issued':
            return any(words[1] in po[d].get(DCT + 'issued', []) for d in po)
        if cmd == 'report':
            return any(NKG + words[1] in po[r].get(NKG + 'casualtyType', []) and
                       words[2] in po[r].get(NKG + 'count', [])
                       for r in ps[NKG + 'CasualtyReport'][RDF + 'type'])
        if cmd == 'event-report':
            return any(NKG + words[1] in po[r].get(NKG + 'casualtyType', []) and
                       words[2] in po[r].get(NKG + 'count', [])
                       for e in po for r in po[e].get(NKG + 'casualtyReport', []))
        if cmd == 'speaker':
            return any(arg in labels(a) for st in of_class('Statement')
                       for a in po[st].get(NKG + 'speaker', []))
        if cmd == 'key':
            return any(words[1] in po[e].get(NKG + 'matchKey', []) for e in po)
        if cmd == 'same-attack':
            return len({find(n) for n in attacks}) == 1 and bool(attacks)
        raise SystemExit(f'check.py: unknown check {cmd!r}')

    failed = 0
    for n, line in enumerate(open(sys.argv[2], encoding='utf-8'), 1):
        line = line.split('#', 1)[0].strip() if not line.lstrip().startswith('#') else ''
        if not line:
            continue
        neg = line.startswith('no ')
        body = line[3:] if neg else line
        m = re.search(r'"([^"]*)"', body)
        arg = m.group(1) if m else None
        ok = check(body.split(), arg)
        if ok == neg:
            print(f'failed: {line}')
            failed += 1
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
