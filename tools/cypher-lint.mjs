#!/usr/bin/env node
// Neo4j's own Cypher front-end (parser and semantic analysis) over query files.
//
//   node tools/cypher-lint.mjs FILE.cypher ...       lint files, print diagnostics
//   node tools/cypher-lint.mjs --stdin < list.json   lint [{name, text, params}]
//        (optional per item: line, the 0-based line it starts at in its file;
//        neo4j_catalogue: false for a statement only FalkorDB runs)
//   both at once: files first, then the list; add --json to print one JSON
//   array of {name, file, diagnostics: [{line, column, severity, failure, message}]}
//   --cache FILE: reuse the diagnostics of a statement already linted with the
//   same text, parameters, package version and this script (linting costs
//   about 0.2 s of CPU a statement); the cache is a JSON file, rewritten whole.
//
// A query file is linted whole (its `//` header is a Cypher comment, so line
// numbers are the file's own) with the parameters its `// params:` line
// declares, so an undeclared `$name` is an error. A schema file
// (`queries/schema/*.cypher`) is split on `;` and each statement linted alone.
// The statements are read as Neo4j 5 reads them (`CYPHER 5`), with the
// functions and procedures Neo4j itself provides (plugins such as APOC and GDS
// left out), so a FalkorDB-only function is an error too — except in the files
// only FalkorDB runs (`name.falkordb.cypher`, `schema/falkordb.cypher`), which
// are checked for syntax, scoping and deprecations without that catalogue.
//
// Failures are errors and deprecation warnings; other warnings (a cartesian
// product, say) are printed but do not fail. Exit status: 0 clean, 1 failures,
// 2 bad usage or unreadable input.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const CYPHER_VERSION = 'CYPHER 5';
const PLUGIN = /^(apoc|gds|genai|bloom)\./i;
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const DEPRECATED_TAG = 2; // vscode-languageserver DiagnosticTag.Deprecated

function builtins(registry) {
  const out = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries).filter(([name]) => !PLUGIN.test(name)));
  }
  return out;
}

// Loaded on first use: a run whose statements are all cached never pays for it.
let language = null;
async function loadLanguage() {
  if (!language) {
    const { lintCypherQuery, testData } = await import('@neo4j-cypher/language-support');
    // The catalogue of functions and procedures the package records for Neo4j
    // (its test data, taken from a recent Neo4j: a few newer functions than
    // 5.26 pass here, and then fail when the query runs on Neo4j in the suite).
    const catalogue = testData?.mockSchema ?? {};
    language = { lintCypherQuery, functions: builtins(catalogue.functions), procedures: builtins(catalogue.procedures) };
  }
  return language;
}

function isFailure(diagnostic) {
  if (diagnostic.severity === 1) return true;
  const deprecated = (diagnostic.tags ?? []).includes(DEPRECATED_TAG) || /deprecated/i.test(diagnostic.message);
  return diagnostic.severity === 2 && deprecated;
}

let cache = null; // {path, entries: {key: diagnostics}, dirty}, when --cache is given
// What a cached result depends on besides the statement: the package and this script.
const VERSION = (() => {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@neo4j-cypher/language-support'));
  let version = 'unknown';
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === '@neo4j-cypher/language-support') {
        version = pkg.version;
        break;
      }
    } catch {
      // no package.json at this level
    }
  }
  const self = readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(version).update(self).digest('hex');
})();

// Lint one statement; `line` is where it starts in its file (0-based);
// `neo4jCatalogue`: check function and procedure names against Neo4j's own.
export async function lintStatement(text, params, line = 0, neo4jCatalogue = true) {
  if (!cache) return lintUncached(text, params, line, neo4jCatalogue);
  const key = createHash('sha256')
    .update(VERSION)
    .update(JSON.stringify([text, [...params].sort(), line, neo4jCatalogue]))
    .digest('hex');
  if (!Object.hasOwn(cache.entries, key)) {
    cache.entries[key] = await lintUncached(text, params, line, neo4jCatalogue);
    cache.dirty = true;
  }
  return cache.entries[key];
}

async function lintUncached(text, params, line, neo4jCatalogue) {
  const { lintCypherQuery, functions, procedures } = await loadLanguage();
  const dbSchema = {
    parameters: Object.fromEntries(params.map((p) => [p, null])),
    defaultLanguage: CYPHER_VERSION,
  };
  if (neo4jCatalogue && Object.keys(functions).length) dbSchema.functions = functions;
  if (neo4jCatalogue && Object.keys(procedures).length) dbSchema.procedures = procedures;
  const { diagnostics } = lintCypherQuery(text, dbSchema);
  return diagnostics.map((d) => ({
    line: line + d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: SEVERITY[d.severity] ?? String(d.severity),
    failure: isFailure(d),
    message: d.message,
  }));
}

function declaredParams(text) {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (!line.startsWith('//')) break; // the header ends at the first statement line
    const match = /^\/\/\s*params:\s*(.*)$/.exec(line);
    if (match) return match[1].split(',').map((p) => p.trim()).filter(Boolean);
  }
  return [];
}

// Split a script on `;` outside strings, comments and backticks; keep start lines.
export function splitStatements(text) {
  const statements = [];
  let start = 0;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';') {
      statements.push([start, text.slice(start, i)]);
      start = i + 1;
    }
  }
  statements.push([start, text.slice(start)]);
  return statements
    .filter(([, body]) => body.replace(/\/\/[^\n]*/g, '').trim())
    .map(([offset, body]) => ({ line: text.slice(0, offset).split('\n').length - 1, text: body }));
}

function falkordbOnly(path) {
  return path.endsWith('.falkordb.cypher') || (basename(dirname(path)) === 'schema' && basename(path) === 'falkordb.cypher');
}

async function lintFile(path) {
  const text = readFileSync(path, 'utf8');
  const catalogue = !falkordbOnly(path);
  if (basename(dirname(path)) === 'schema') {
    const diagnostics = [];
    for (const s of splitStatements(text)) diagnostics.push(...(await lintStatement(s.text, [], s.line, catalogue)));
    return { name: path, file: path, diagnostics };
  }
  return { name: path, file: path, diagnostics: await lintStatement(text, declaredParams(text), 0, catalogue) };
}

const CACHE_ENTRIES = 5000;

function readCache(path) {
  try {
    const entries = JSON.parse(readFileSync(path, 'utf8'));
    return entries && typeof entries === 'object' && !Array.isArray(entries) ? entries : {};
  } catch {
    return {}; // absent or unreadable: start afresh
  }
}

function openCache(path) {
  return { path, entries: readCache(path), dirty: false };
}

function saveCache() {
  if (!cache || !cache.dirty) return;
  // Merged with what another run may have written meanwhile, newest kept,
  // written aside then renamed so a reader never sees half a file.
  const merged = { ...readCache(cache.path), ...cache.entries };
  const keys = Object.keys(merged);
  const kept = Object.fromEntries(keys.slice(Math.max(0, keys.length - CACHE_ENTRIES)).map((k) => [k, merged[k]]));
  mkdirSync(dirname(cache.path), { recursive: true });
  const tmp = `${cache.path}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(kept));
  renameSync(tmp, cache.path);
}

async function main(argv) {
  const asJson = argv.includes('--json');
  let args = argv.filter((a) => a !== '--json');
  const cacheAt = args.indexOf('--cache');
  if (cacheAt >= 0) {
    if (!args[cacheAt + 1]) {
      process.stderr.write('cypher-lint: --cache needs a file\n');
      return 2;
    }
    cache = openCache(args[cacheAt + 1]);
    args = args.filter((_, i) => i !== cacheAt && i !== cacheAt + 1);
  }
  const fromStdin = args.includes('--stdin');
  const files = args.filter((a) => a !== '--stdin');
  if (!fromStdin && !files.length) {
    process.stderr.write('usage: cypher-lint.mjs [--json] [FILE.cypher ...] [--stdin < [{name, text, params}]]\n');
    return 2;
  }
  let results;
  try {
    results = [];
    for (const file of files) results.push(await lintFile(file));
    if (fromStdin) {
      const items = JSON.parse(readFileSync(0, 'utf8'));
      for (const item of items) {
        results.push({
          name: item.name,
          file: item.file ?? null,
          diagnostics: await lintStatement(item.text, item.params ?? [], item.line ?? 0, item.neo4j_catalogue ?? true),
        });
      }
    }
  } catch (err) {
    process.stderr.write(`cypher-lint: ${err.message}\n`);
    return 2;
  }
  saveCache();
  if (asJson) {
    process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        const mark = d.failure ? '' : ' (not a failure)';
        process.stdout.write(`${r.name}:${d.line}:${d.column}: ${d.severity}${mark}: ${d.message}\n`);
      }
    }
  }
  const failures = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.failure).length, 0);
  if (!asJson) process.stderr.write(`cypher-lint: ${results.length} checked, ${failures} failure(s)\n`);
  return failures ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
