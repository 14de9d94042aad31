#!/usr/bin/env node
// shacl.mjs - validate RDF files against SHACL shapes (rdf-validate-shacl).
//
// Usage:
//   node tests/shacl.mjs SHAPES.ttl [DATA ...] [--expect-violations DATA ...]
//
// Each DATA file is read by its extension (.ttl .nt .nq .trig .jsonld); an
// N-Quads, TriG or JSON-LD dataset is validated as the union of its graphs.
// A file after --expect-violations passes only when it has at least one
// violation (a negative test); files before it must conform. A negative
// test file may name, in comment lines "# expect-violation: <IRI>", focus
// nodes that must each be reported; it then fails if one is not.
//
// Prints TAP-style lines, "ok N - FILE conforms" or
// "not ok N - FILE: K violations" with the first violations as "#" lines,
// then a closing "shacl: P passed, F failed" line.
// Exit status: 0 all passed, 1 some check failed, 2 bad usage.

import { readFileSync } from 'node:fs';
import SHACLValidator from 'rdf-validate-shacl';
import * as N3 from 'n3';
import { loadFile, syntaxOf, unionGraph, dedupe } from './rdf_load.mjs';

const SHOW = 20; // violations shown per file

function usage(msg) {
  if (msg) process.stderr.write(`shacl.mjs: ${msg}\n`);
  process.stderr.write('usage: node tests/shacl.mjs SHAPES.ttl [DATA ...] [--expect-violations DATA ...]\n');
  process.exit(2);
}

// A term for messages: <iri>, _:b, "literal".
function show(t) {
  if (!t) return '-';
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  if (t.termType === 'Literal') return JSON.stringify(t.value);
  return String(t.value);
}

// The path of a result: an IRI, or a description of a complex path.
function showPath(p) {
  if (!p) return '-';
  if (Array.isArray(p)) return p.map(showPath).join('/');
  if (p.termType) return show(p);
  return JSON.stringify(p);
}

function shortComponent(t) {
  return t ? t.value.replace('http://www.w3.org/ns/shacl#', 'sh:') : '-';
}

// An N3 store holding quads (a DatasetCore), from our plain quads.
function toStore(quads) {
  const { namedNode, blankNode, literal, defaultGraph, quad } = N3.DataFactory;
  const term = (t) => {
    switch (t.termType) {
      case 'NamedNode': return namedNode(t.value);
      case 'BlankNode': return blankNode(t.value);
      case 'DefaultGraph': return defaultGraph();
      case 'Literal': return literal(t.value, t.language || namedNode(t.datatype.value));
      default: throw new Error(`unexpected term ${t.termType}`);
    }
  };
  return new N3.Store(quads.map((q) => quad(term(q.subject), term(q.predicate), term(q.object), term(q.graph))));
}

// Focus nodes a negative test file says must be reported.
function expectedFocusNodes(file) {
  const out = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/^#\s*expect-violation:\s*<([^>]+)>/gm)) out.push(m[1]);
  return out;
}

async function main(argv) {
  if (argv.length < 1 || argv[0] === '-h' || argv[0] === '--help') usage();
  const [shapesFile, ...rest] = argv;
  const cases = [];
  let expectViolations = false;
  for (const a of rest) {
    if (a === '--expect-violations') { expectViolations = true; continue; }
    if (a.startsWith('--')) usage(`unknown option ${a}`);
    cases.push({ file: a, negative: expectViolations });
  }
  if (cases.length === 0) usage('no data files');
  for (const c of cases) if (!syntaxOf(c.file)) usage(`${c.file}: unknown syntax (use .ttl .nt .nq .trig .jsonld)`);

  let shapes;
  try {
    shapes = toStore(await loadFile(shapesFile));
  } catch (e) {
    process.stderr.write(`shacl.mjs: ${shapesFile}: ${e.message}\n`);
    process.exit(1);
  }

  console.log(`1..${cases.length}`);
  let passed = 0;
  let failed = 0;
  let n = 0;
  for (const { file, negative } of cases) {
    n += 1;
    let data;
    try {
      readFileSync(file); // a clear message for a missing file
      data = toStore(dedupe(unionGraph(await loadFile(file))));
    } catch (e) {
      console.log(`not ok ${n} - ${file}: cannot be read: ${e.message.split('\n')[0]}`);
      failed += 1;
      continue;
    }
    const validator = new SHACLValidator(shapes);
    const report = await validator.validate(data);
    const violations = report.results.filter((r) => !r.severity || r.severity.value.endsWith('#Violation'));
    const others = report.results.length - violations.length;
    const k = violations.length;
    let ok;
    if (negative) {
      const focus = new Set(violations.map((r) => r.focusNode && r.focusNode.value));
      const missed = expectedFocusNodes(file).filter((iri) => !focus.has(iri));
      ok = k > 0 && missed.length === 0;
      if (k === 0) console.log(`not ok ${n} - ${file}: expected violations, but it conforms`);
      else if (missed.length) console.log(`not ok ${n} - ${file}: ${k} violations, but none on ${missed.map((m) => `<${m}>`).join(', ')}`);
      else console.log(`ok ${n} - ${file}: ${k} violations, as expected`);
    } else {
      ok = k === 0;
      console.log(ok ? `ok ${n} - ${file} conforms (${data.size} triples${others ? `, ${others} warnings` : ''})`
                     : `not ok ${n} - ${file}: ${k} violations`);
    }
    for (const r of violations.slice(0, SHOW)) {
      const msg = r.message.map((m) => m.value).join('; ') || shortComponent(r.sourceConstraintComponent);
      console.log(`#   focus ${show(r.focusNode)} path ${showPath(r.path)}` +
                  `${r.value ? ` value ${show(r.value)}` : ''} [${shortComponent(r.sourceConstraintComponent)}]: ${msg}`);
    }
    if (k > SHOW) console.log(`#   ... and ${k - SHOW} more`);
    if (ok) passed += 1; else failed += 1;
  }
  console.log(`shacl: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
  process.stderr.write(`shacl.mjs: ${e.stack || e}\n`);
  process.exit(1);
});
