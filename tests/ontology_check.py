#!/usr/bin/env python3
"""ontology_check.py - check ontology/newskg.ttl against the public data model.

Usage:
    python3 tests/ontology_check.py [--vocabulary VOCABULARY.md] [OUTPUT ...]

Checks that the ontology parses and has its header; that every nkg: term of
the public data model (a built-in list, plus every nkg: name found in
VOCABULARY.md when that file is found) and every nkg: term the ontology
defines has rdfs:label and rdfs:comment in English and rdfs:isDefinedBy the
ontology; that every event class is a subclass of sem:Event (through
rdfs:subClassOf, transitively); that ontology/context.jsonld and
ontology/shapes.ttl use only defined nkg: terms; and, for each OUTPUT file
given (.ttl .nt .nq .trig .jsonld), that every nkg: term it uses is defined.

VOCABULARY.md is looked for at --vocabulary, then $NEWSKG_VOCABULARY, then
../shared/contract/VOCABULARY.md beside the repository.

Prints "ok N - ..." / "not ok N - ..." lines and a closing
"ontology_check: P passed, F failed" line. Exit status: 0 all passed,
1 some check failed, 2 bad usage. Needs rdflib (Debian: python3-rdflib);
when the running python lacks it, the script re-runs itself under
/usr/bin/python3 if that one has it.
"""
import json
import os
import re
import sys

try:
    import rdflib
    from rdflib import RDF, RDFS, OWL, XSD, Literal, URIRef
except ImportError:  # pragma: no cover - depends on the machine
    if os.environ.get("NKG_ONTOLOGY_CHECK_REEXEC") != "1" and os.path.exists("/usr/bin/python3") \
            and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.environ["NKG_ONTOLOGY_CHECK_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("not ok 1 - rdflib is not installed (apt-get install python3-rdflib)")
    print("ontology_check: 0 passed, 1 failed")
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
ONTOLOGY_FILE = os.path.join(ROOT, "ontology", "newskg.ttl")
CONTEXT_FILE = os.path.join(ROOT, "ontology", "context.jsonld")
SHAPES_FILE = os.path.join(ROOT, "ontology", "shapes.ttl")

NKG = "https://w3id.org/newskg/ns#"
ONTOLOGY_IRI = URIRef("https://w3id.org/newskg/ns")
SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
N = rdflib.Namespace(NKG)
CONTEXT_IRIS = ("https://w3id.org/newskg/ns/context.jsonld", "https://w3id.org/newskg/context.jsonld")

EVENT_CLASSES = ["Attack", "Bombing", "Shooting", "HostageTaking", "Kidnapping", "Rescue",
                 "MilitaryOperation", "Arrest", "Statement", "Crash", "NaturalDisaster"]
CASUALTY_TYPES = ["Killed", "Injured", "Missing", "Hostages", "Attackers", "Arrested",
                  "Evacuated", "Displaced", "Affected"]
# The nkg: terms of the public data model and of the extensions newskg emits.
REQUIRED = {
    "class": EVENT_CLASSES + ["CasualtyReport", "CasualtyType", "CasualtySummary",
                              "ExtractionRule", "Group"],
    "individual": CASUALTY_TYPES,
    "property": ["perpetrator", "victim", "responder", "speaker", "about", "quote",
                 "casualtyReport", "casualtyType", "count", "minCount", "maxCount", "qualifier",
                 "confidence", "extractedBy", "summary", "lowestCount", "highestCount",
                 "sourceCount", "latestReport", "matchKey", "cameoCode", "wikidataClass"],
}
INTEGER_PROPERTIES = ["count", "minCount", "maxCount", "lowestCount", "highestCount", "sourceCount"]
ACTOR_PROPERTIES = ["perpetrator", "victim", "responder", "speaker"]
DEFINING_TYPES = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                  OWL.AnnotationProperty, RDF.Property, OWL.NamedIndividual}


class Tap:
    def __init__(self):
        self.n = self.passed = self.failed = 0

    def check(self, ok, what, details=()):
        self.n += 1
        print(("ok" if ok else "not ok") + " %d - %s" % (self.n, what))
        for d in list(details)[:20]:
            print("#   " + d)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok

    def note(self, text):
        print("# " + text)


def short(iri):
    s = str(iri)
    return "nkg:" + s[len(NKG):] if s.startswith(NKG) else "<%s>" % s


def english(g, s, p):
    return [o for o in g.objects(s, p) if isinstance(o, Literal) and (o.language or "").lower().startswith("en")]


def defined(g, term):
    return any(t in DEFINING_TYPES or (t, RDF.type, OWL.Class) in g for t in g.objects(term, RDF.type))


def term_problems(g, term):
    """What is missing from the definition of an nkg: term."""
    problems = []
    if not defined(g, term):
        problems.append("not declared (no rdf:type owl:Class / owl:*Property / individual of a class)")
    if not english(g, term, RDFS.label):
        problems.append("no rdfs:label@en")
    if not english(g, term, RDFS.comment):
        problems.append("no rdfs:comment@en")
    if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in g:
        problems.append("no rdfs:isDefinedBy <%s>" % ONTOLOGY_IRI)
    return problems


def nkg_terms_in(graph):
    """Every IRI in the nkg: namespace used in any position of the graph."""
    out = set()
    for quad in (graph.quads((None, None, None, None)) if hasattr(graph, "quads") else
                 ((s, p, o, None) for s, p, o in graph)):
        for t in quad[:3]:
            if isinstance(t, URIRef) and str(t).startswith(NKG):
                out.add(t)
            elif isinstance(t, Literal) and t.datatype is not None and str(t.datatype).startswith(NKG):
                out.add(URIRef(t.datatype))
        g = quad[3]
        ident = getattr(g, "identifier", g)
        if isinstance(ident, URIRef) and str(ident).startswith(NKG):
            out.add(ident)
    return out


def inline_context(doc, local):
    """Replace references to the published newskg context by its content."""
    if isinstance(doc, list):
        return [inline_context(x, local) for x in doc]
    if isinstance(doc, dict):
        out = {}
        for k, v in doc.items():
            if k == "@context":
                vs = v if isinstance(v, list) else [v]
                vs = [local if isinstance(c, str) and c in CONTEXT_IRIS else c for c in vs]
                out[k] = vs if isinstance(v, list) else vs[0]
            else:
                out[k] = inline_context(v, local)
        return out
    return doc


def load_output(path):
    ext = os.path.splitext(path)[1].lower()
    if ext in (".nq", ".trig"):
        g = rdflib.ConjunctiveGraph()
        g.parse(path, format="nquads" if ext == ".nq" else "trig")
        return g
    g = rdflib.ConjunctiveGraph() if ext in (".jsonld", ".json") else rdflib.Graph()
    if ext in (".jsonld", ".json"):
        with open(CONTEXT_FILE, encoding="utf-8") as f:
            local = json.load(f)["@context"]
        with open(path, encoding="utf-8") as f:
            doc = inline_context(json.load(f), local)
        g.parse(data=json.dumps(doc), format="json-ld")
    elif ext == ".nt":
        g.parse(path, format="nt")
    elif ext in (".ttl", ".turtle"):
        g.parse(path, format="turtle")
    else:
        raise ValueError("unknown syntax (use .ttl .nt .nq .trig .jsonld)")
    return g


def find_vocabulary(arg):
    if arg:
        return arg if os.path.exists(arg) else None
    for p in (os.environ.get("NEWSKG_VOCABULARY"),
              os.path.normpath(os.path.join(ROOT, "..", "shared", "contract", "VOCABULARY.md"))):
        if p and os.path.exists(p):
            return p
    return None


def expand_context_iri(value, prefixes):
    if not isinstance(value, str) or value.startswith("@"):
        return None
    if ":" in value:
        prefix, rest = value.split(":", 1)
        if prefix in prefixes and not rest.startswith("//"):
            return prefixes[prefix] + rest
        return value
    return None


def main(argv):
    vocab_arg = None
    outputs = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        if a == "--vocabulary":
            i += 1
            if i >= len(argv):
                sys.stderr.write("ontology_check.py: --vocabulary needs a file\n")
                return 2
            vocab_arg = argv[i]
        elif a.startswith("--"):
            sys.stderr.write("ontology_check.py: unknown option %s\n" % a)
            return 2
        else:
            outputs.append(a)
        i += 1

    if vocab_arg and not os.path.exists(vocab_arg):
        sys.stderr.write("ontology_check.py: %s: no such file\n" % vocab_arg)
        return 2

    tap = Tap()
    g = rdflib.Graph()
    try:
        g.parse(ONTOLOGY_FILE, format="turtle")
    except Exception as e:  # noqa: BLE001 - any parse error is a failure
        tap.check(False, "ontology/newskg.ttl parses: %s" % e)
        print("ontology_check: %d passed, %d failed" % (tap.passed, tap.failed))
        return 1
    tap.check(True, "ontology/newskg.ttl parses (%d triples)" % len(g))

    # Header.
    header = []
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in g:
        header.append("<%s> is not an owl:Ontology" % ONTOLOGY_IRI)
    if (ONTOLOGY_IRI, OWL.versionIRI, URIRef("https://w3id.org/newskg/ns/0.1.0")) not in g:
        header.append("no owl:versionIRI <https://w3id.org/newskg/ns/0.1.0>")
    if not [v for v in g.objects(ONTOLOGY_IRI, OWL.versionInfo) if str(v) == "0.1.0"]:
        header.append('no owl:versionInfo "0.1.0"')
    for p in ("title", "description", "creator"):
        if not list(g.objects(ONTOLOGY_IRI, DCT[p])):
            header.append("no dct:%s" % p)
    if (ONTOLOGY_IRI, DCT.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) not in g:
        header.append("dct:license is not CC BY 4.0")
    tap.check(not header, "the ontology header has version, title, description, licence and creator", header)

    # The data model's terms.
    required = set()
    for kind, names in REQUIRED.items():
        for name in names:
            required.add((kind, N[name]))
    vocab = find_vocabulary(vocab_arg)
    if vocab:
        with open(vocab, encoding="utf-8") as f:
            text = f.read()
        found = set(re.findall(r"\bnkg:([A-Za-z][A-Za-z0-9_]*)", text))
        known = {str(t) for _, t in required}
        extra = sorted(n for n in found if NKG + n not in known)
        for name in extra:
            required.add(("class" if name[0].isupper() else "property", N[name]))
        tap.note("%s names %d nkg: terms%s" % (vocab, len(found),
                                                 ", not in the built-in list: " + ", ".join(extra) if extra else ""))
    else:
        tap.note("VOCABULARY.md not found: checking the built-in term list only")
    for kind, term in sorted(required, key=lambda x: (x[0], str(x[1]))):
        tap.check(not term_problems(g, term), "%s %s is defined with label, comment and isDefinedBy" % (kind, short(term)),
                  term_problems(g, term))

    # Every nkg: term the ontology itself defines.
    own = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NKG)}
    bad = ["%s: %s" % (short(t), "; ".join(term_problems(g, t))) for t in sorted(own) if term_problems(g, t)]
    tap.check(not bad, "all %d nkg: terms of the ontology have label, comment and isDefinedBy" % len(own), bad)

    # Event classes under sem:Event.
    for name in EVENT_CLASSES:
        c = N[name]
        supers = set(g.transitive_objects(c, RDFS.subClassOf))
        tap.check(SEM.Event in supers, "event class nkg:%s is a subclass of sem:Event" % name)
    tap.check((N.Bombing, RDFS.subClassOf, N.Attack) in g and (N.Shooting, RDFS.subClassOf, N.Attack) in g,
              "nkg:Bombing and nkg:Shooting are subclasses of nkg:Attack")
    tap.check(all((N[t], RDF.type, N.CasualtyType) in g for t in CASUALTY_TYPES),
              "the casualty types are instances of nkg:CasualtyType")
    tap.check(all((N[p], RDFS.subPropertyOf, SEM.hasActor) in g and (N[p], RDFS.range, SEM.Actor) in g
                  for p in ACTOR_PROPERTIES),
              "nkg:perpetrator, victim, responder and speaker are sub-properties of sem:hasActor with range sem:Actor")
    tap.check(all((N[p], RDFS.range, XSD.integer) in g for p in INTEGER_PROPERTIES),
              "the count properties have range xsd:integer")
    bad = ["%s nkg:cameoCode %r" % (short(s), str(o)) for s, o in g.subject_objects(N.cameoCode)
           if not re.fullmatch(r"[0-9]{2,4}", str(o))]
    bad += ["%s nkg:wikidataClass %s" % (short(s), o) for s, o in g.subject_objects(N.wikidataClass)
            if not re.fullmatch(r"http://www\.wikidata\.org/entity/Q[0-9]+", str(o))]
    tap.check(not bad, "CAMEO codes are 2-4 digits and Wikidata classes are entity IRIs", bad)

    # The JSON-LD context.
    try:
        with open(CONTEXT_FILE, encoding="utf-8") as f:
            ctx = json.load(f)["@context"]
        prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and ":" not in k and v.endswith(("#", "/"))}
        used = {}
        coerced = {}
        for k, v in ctx.items():
            for iri in (expand_context_iri(k, prefixes),
                        expand_context_iri(v if isinstance(v, str) else v.get("@id") if isinstance(v, dict) else None,
                                           prefixes)):
                if iri and iri.startswith(NKG) and iri != NKG:
                    used[iri] = k
                    if isinstance(v, dict) and "@type" in v:
                        coerced.setdefault(iri, set()).add(expand_context_iri(v["@type"], prefixes) or v["@type"])
        bad = ["%s (key %r)" % (short(i), k) for i, k in sorted(used.items()) if not defined(g, URIRef(i))]
        tap.check(not bad, "ontology/context.jsonld uses only defined nkg: terms (%d)" % len(used), bad)
        bad = [p for p in INTEGER_PROPERTIES if coerced.get(NKG + p) != {str(XSD.integer)}]
        tap.check(not bad, "ontology/context.jsonld coerces the count properties to xsd:integer",
                  ["nkg:%s" % p for p in bad])
    except (OSError, ValueError, AttributeError) as e:
        tap.check(False, "ontology/context.jsonld is a JSON-LD context: %s" % e)

    # The shapes.
    try:
        sg = rdflib.Graph()
        sg.parse(SHAPES_FILE, format="turtle")
        bad = [short(t) for t in sorted(nkg_terms_in(sg)) if not defined(g, t)]
        tap.check(not bad, "ontology/shapes.ttl uses only defined nkg: terms", bad)
    except Exception as e:  # noqa: BLE001
        tap.check(False, "ontology/shapes.ttl parses: %s" % e)

    # Output files.
    for path in outputs:
        try:
            og = load_output(path)
        except Exception as e:  # noqa: BLE001
            tap.check(False, "%s: cannot be read: %s" % (path, str(e).splitlines()[0] if str(e) else e))
            continue
        terms = nkg_terms_in(og)
        bad = [short(t) for t in sorted(terms) if not defined(g, t)]
        tap.check(not bad, "%s uses only defined nkg: terms (%d used)" % (path, len(terms)), bad)

    print("ontology_check: %d passed, %d failed" % (tap.passed, tap.failed))
    return 0 if tap.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
