#!/usr/bin/env node
// interop.mjs - do independent RDF implementations read the same dataset
// from each of newskg's output formats?
//
// Usage:
//   node tests/interop.mjs [--base IRI] FILE...
//   e.g. node tests/interop.mjs OUT.ttl OUT.nt OUT.nq OUT.jsonld
//
// Files are recognised by extension: .ttl .nt (triples), .nq .trig .jsonld
// (datasets). Each file is read by two implementations -- n3 and oxigraph
// for Turtle, N-Triples, N-Quads and TriG; jsonld.js (toRDF) and oxigraph
// for JSON-LD -- which must agree. Then the files must agree with each
// other: dataset files (.nq .trig .jsonld) as datasets, named graphs
// included; triple files (.ttl .nt) with the union of the reference dataset's
// graphs. The reference is the first .nq, else .trig, else .jsonld, else the
// first file.
//
// Datasets are compared by RDF Dataset Canonicalization (RDFC-1.0, as
// rdf-canonize implements it) of both sides, so blank nodes are compared
// up to renaming; literals are compared as RDF terms (lexical form,
// datatype, language tag ignoring case): "59"^^xsd:integer and
// "59.0"^^xsd:decimal differ.
//
// Prints "ok N - ..." / "not ok N - ..." lines, the differing quads of a
// failed comparison as "#" lines, and "interop: P passed, F failed".
// Exit status: 0 all passed, 1 some check failed, 2 bad usage.

import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import {
  syntaxOf, loadWithN3, loadWithJsonld, loadWithOxigraph, unionGraph,
  graphNames, compareDatasets, dedupe, DEFAULT_BASE,
} from './rdf_load.mjs';

const SHOW = 10; // differing quads shown per side

let n = 0;
let passed = 0;
let failed = 0;
const lines = [];

function report(ok, what, details = []) {
  n += 1;
  lines.push(`${ok ? 'ok' : 'not ok'} ${n} - ${what}`);
  for (const d of details) lines.push(`#   ${d}`);
  if (ok) passed += 1; else failed += 1;
}

function usage(msg) {
  if (msg) process.stderr.write(`interop.mjs: ${msg}\n`);
  process.stderr.write('usage: node tests/interop.mjs [--base IRI] FILE.ttl FILE.nt FILE.nq FILE.jsonld ...\n');
  process.exit(2);
}

const TRIPLES = new Set(['turtle', 'ntriples']);

function implementations(syntax) {
  if (syntax === 'jsonld') return [['jsonld.js', loadWithJsonld], ['oxigraph', loadWithOxigraph]];
  return [['n3', loadWithN3], ['oxigraph', loadWithOxigraph]];
}

function diffDetails(cmp, nameA, nameB) {
  const out = [`${nameA}: ${cmp.sizeA} quads, ${nameB}: ${cmp.sizeB} quads`];
  for (const l of cmp.onlyA.slice(0, SHOW)) out.push(`only in ${nameA}: ${l}`);
  if (cmp.onlyA.length > SHOW) out.push(`... and ${cmp.onlyA.length - SHOW} more only in ${nameA}`);
  for (const l of cmp.onlyB.slice(0, SHOW)) out.push(`only in ${nameB}: ${l}`);
  if (cmp.onlyB.length > SHOW) out.push(`... and ${cmp.onlyB.length - SHOW} more only in ${nameB}`);
  return out;
}

async function compare(what, a, b, nameA, nameB) {
  try {
    const cmp = await compareDatasets(a, b);
    report(cmp.iso, what, cmp.iso ? [] : diffDetails(cmp, nameA, nameB));
  } catch (e) {
    report(false, `${what}: ${e.message}`);
  }
}

async function main(argv) {
  let base = DEFAULT_BASE;
  const files = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '-h' || a === '--help') usage();
    else if (a === '--base') { base = argv[++i]; if (!base) usage('--base needs an IRI'); }
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length < 1) usage('no files');
  for (const f of files) {
    if (!syntaxOf(f)) usage(`${f}: unknown syntax (use .ttl .nt .nq .trig .jsonld)`);
    if (!existsSync(f)) usage(`${f}: no such file`);
  }

  // 1. Each file with each implementation; the first one is the reference
  //    reading of the file.
  const reading = new Map();
  for (const f of files) {
    const syntax = syntaxOf(f);
    const got = [];
    for (const [impl, load] of implementations(syntax)) {
      try {
        const quads = dedupe(await load(f, { base }));
        const graphs = graphNames(quads).size;
        if (TRIPLES.has(syntax) && graphs > 0) throw new Error('a triple syntax produced named graphs');
        report(true, `${impl} reads ${basename(f)} (${quads.length} quads${graphs ? `, ${graphs} named graphs` : ''})`);
        got.push([impl, quads]);
      } catch (e) {
        report(false, `${impl} reads ${basename(f)}: ${String(e.message || e).split('\n')[0]}`);
      }
    }
    // 2. The implementations agree on this file.
    for (let i = 1; i < got.length; i += 1) {
      await compare(`${basename(f)}: ${got[0][0]} and ${got[i][0]} read the same dataset`,
                    got[0][1], got[i][1], got[0][0], got[i][0]);
    }
    if (got.length) reading.set(f, got[0][1]);
  }

  // 3. The files agree with each other.
  const order = ['nquads', 'trig', 'jsonld'];
  let ref = null;
  for (const s of order) { ref = files.find((f) => syntaxOf(f) === s && reading.has(f)); if (ref) break; }
  if (!ref) ref = files.find((f) => reading.has(f));
  if (ref) {
    const refQuads = reading.get(ref);
    const refIsDataset = !TRIPLES.has(syntaxOf(ref));
    const refUnion = dedupe(unionGraph(refQuads));
    for (const f of files) {
      if (f === ref || !reading.has(f)) continue;
      const quads = reading.get(f);
      if (TRIPLES.has(syntaxOf(f)) && refIsDataset) {
        await compare(`${basename(f)} has the triples of the union of ${basename(ref)}'s graphs`,
                      quads, refUnion, basename(f), `union(${basename(ref)})`);
      } else if (TRIPLES.has(syntaxOf(f)) || !refIsDataset) {
        await compare(`${basename(f)} and ${basename(ref)} have the same triples`,
                      dedupe(unionGraph(quads)), refUnion, basename(f), basename(ref));
      } else {
        await compare(`${basename(f)} and ${basename(ref)} are the same dataset`,
                      quads, refQuads, basename(f), basename(ref));
      }
    }
  }

  console.log(`1..${n}`);
  for (const l of lines) console.log(l);
  console.log(`interop: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
  process.stderr.write(`interop.mjs: ${e.stack || e}\n`);
  process.exit(1);
});
