// rdf_load.mjs - load RDF files with independent parsers, and compare
// datasets by meaning. Shared by tests/shacl.mjs and tests/interop.mjs.
//
// Quads are returned as plain RDF/JS-shaped objects ({termType, value,
// datatype, language}); blank node labels are scoped to one load, as in the
// RDF data model, so two loads never share a blank node by accident.

import { readFileSync } from 'node:fs';
import { extname, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as N3 from 'n3';
import jsonld from 'jsonld';
import * as oxigraph from 'oxigraph';
import rdfCanonize from 'rdf-canonize';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CONTEXT_FILE = resolve(HERE, '..', 'ontology', 'context.jsonld');

// IRIs under which ontology/context.jsonld is published. A JSON-LD document
// may reference these; every other remote context is refused (tests are
// offline and must not depend on the network).
export const CONTEXT_IRIS = [
  'https://w3id.org/newskg/ns/context.jsonld',
  'https://w3id.org/newskg/context.jsonld',
];

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

// The syntax of a file, from its extension.
export function syntaxOf(file) {
  switch (extname(file).toLowerCase()) {
    case '.ttl': case '.turtle': return 'turtle';
    case '.nt': return 'ntriples';
    case '.nq': return 'nquads';
    case '.trig': return 'trig';
    case '.jsonld': case '.json': return 'jsonld';
    default: return null;
  }
}

const N3_FORMAT = { turtle: 'text/turtle', ntriples: 'application/n-triples',
                    nquads: 'application/n-quads', trig: 'application/trig' };
const OX_FORMAT = { turtle: 'text/turtle', ntriples: 'application/n-triples',
                    nquads: 'application/n-quads', trig: 'application/trig',
                    jsonld: 'application/ld+json' };

// A default base IRI, the same for every file of a comparison, so that
// relative IRIs (if any) resolve alike whichever file they come from.
export const DEFAULT_BASE = 'https://w3id.org/newskg/id/';

let loadCount = 0;

// Plain, parser-independent copy of a term; blank nodes renamed into this
// load's scope.
function plainTerm(t, scope) {
  switch (t.termType) {
    case 'NamedNode': return { termType: 'NamedNode', value: t.value };
    case 'BlankNode': return { termType: 'BlankNode', value: `${scope}_${t.value}` };
    case 'DefaultGraph': return { termType: 'DefaultGraph', value: '' };
    case 'Literal': {
      // Language tags compare case-insensitively (RDF 1.1 Concepts 3.3).
      const lit = { termType: 'Literal', value: t.value, language: (t.language || '').toLowerCase(),
                    datatype: { termType: 'NamedNode', value: t.datatype ? t.datatype.value : XSD_STRING } };
      if (lit.language) lit.datatype.value = RDF_LANGSTRING;
      if (t.direction) lit.direction = t.direction;
      return lit;
    }
    default: throw new Error(`unexpected term type ${t.termType}`);
  }
}

function plainQuads(quads) {
  const scope = `b${++loadCount}`;
  return quads.map((q) => ({
    subject: plainTerm(q.subject, scope),
    predicate: plainTerm(q.predicate, scope),
    object: plainTerm(q.object, scope),
    graph: plainTerm(q.graph, scope),
  }));
}

// jsonld.js document loader: the published context from the local file,
// nothing from the network.
export async function documentLoader(url) {
  if (CONTEXT_IRIS.includes(url) || url === pathToFileURL(CONTEXT_FILE).href) {
    return { contextUrl: null, documentUrl: url,
             document: JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) };
  }
  throw new Error(`refusing to load remote document ${url} (tests are offline; only the newskg context is known)`);
}

// Replace references to the published newskg context by its content, for
// parsers that cannot be given a document loader (oxigraph).
export function inlineKnownContexts(doc) {
  const local = JSON.parse(readFileSync(CONTEXT_FILE, 'utf8'))['@context'];
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === '@context') {
          const ctxs = Array.isArray(x) ? x : [x];
          const repl = ctxs.map((c) => (typeof c === 'string' && CONTEXT_IRIS.includes(c) ? local : c));
          out[k] = Array.isArray(x) ? repl : repl[0];
        } else {
          out[k] = walk(x);
        }
      }
      return out;
    }
    return v;
  };
  return walk(doc);
}

// Parse with n3 (Turtle, TriG, N-Triples, N-Quads). Throws on syntax errors.
export function loadWithN3(file, { base = DEFAULT_BASE } = {}) {
  const syntax = syntaxOf(file);
  if (!N3_FORMAT[syntax]) throw new Error(`n3 does not read ${syntax || extname(file)}`);
  const parser = new N3.Parser({ format: N3_FORMAT[syntax], baseIRI: base });
  return plainQuads(parser.parse(readFileSync(file, 'utf8')));
}

// Parse JSON-LD with jsonld.js (toRDF). Throws on invalid JSON-LD.
export async function loadWithJsonld(file, { base = DEFAULT_BASE } = {}) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const quads = await jsonld.toRDF(doc, { base, documentLoader, safe: true });
  return plainQuads(quads);
}

// Parse with oxigraph (Rust, compiled to WebAssembly).
export function loadWithOxigraph(file, { base = DEFAULT_BASE } = {}) {
  const syntax = syntaxOf(file);
  if (!OX_FORMAT[syntax]) throw new Error(`oxigraph does not read ${syntax || extname(file)}`);
  let input = readFileSync(file, 'utf8');
  if (syntax === 'jsonld') input = JSON.stringify(inlineKnownContexts(JSON.parse(input)));
  return plainQuads(oxigraph.parse(input, { format: OX_FORMAT[syntax], base_iri: base }));
}

// Parse with the reference parser for the file's syntax.
export async function loadFile(file, opts = {}) {
  return syntaxOf(file) === 'jsonld' ? loadWithJsonld(file, opts) : loadWithN3(file, opts);
}

// The union of all graphs: every quad moved into the default graph.
export function unionGraph(quads) {
  return quads.map((q) => ({ ...q, graph: { termType: 'DefaultGraph', value: '' } }));
}

export function graphNames(quads) {
  const s = new Set();
  for (const q of quads) if (q.graph.termType !== 'DefaultGraph') s.add(q.graph.value);
  return s;
}

// One quad as an N-Quads line (without the final newline).
export function nquad(q) {
  return rdfCanonize.NQuads.serializeQuad(q).replace(/\n$/, '');
}

// Remove duplicate quads (an RDF dataset is a set).
export function dedupe(quads) {
  const seen = new Map();
  for (const q of quads) {
    const k = nquad(q);
    if (!seen.has(k)) seen.set(k, q);
  }
  return [...seen.values()];
}

export function hasBlankNodes(quads) {
  return quads.some((q) => [q.subject, q.object, q.graph].some((t) => t.termType === 'BlankNode'));
}

// Canonical N-Quads lines (RDFC-1.0), sorted: two datasets are isomorphic
// exactly when these are equal.
export async function canonicalLines(quads) {
  const text = await rdfCanonize.canonize(dedupe(quads), {
    algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: 2,
  });
  return text.split('\n').filter((l) => l.length > 0).sort();
}

// Compare two datasets. Returns { iso, onlyA, onlyB } where onlyA/onlyB are
// canonical lines in one and not the other (for blank-node-free data these
// are exactly the differing quads).
export async function compareDatasets(a, b) {
  const [ca, cb] = await Promise.all([canonicalLines(a), canonicalLines(b)]);
  const sa = new Set(ca);
  const sb = new Set(cb);
  const onlyA = ca.filter((l) => !sb.has(l));
  const onlyB = cb.filter((l) => !sa.has(l));
  return { iso: onlyA.length === 0 && onlyB.length === 0 && ca.length === cb.length, onlyA, onlyB, sizeA: ca.length, sizeB: cb.length };
}
