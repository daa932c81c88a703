#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): where the time went, by function (self and
// inclusive time) and by package. Frames in a bundle with a source map (the api's
// dist/server.js) are mapped back to their TypeScript file and line; dependencies stay as they are.
//
//   node tools/cpuprofile-top.mjs <file.cpuprofile> [--top=25] [--json]
//   node tools/cpuprofile-top.mjs <file.cpuprofile> --callers=writev [--depth=6]   who calls a hot function
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve } from 'node:path';

// ---- source maps (just enough: VLQ mappings → source file and line) ----
const B64 = Object.fromEntries(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]),
);

function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  for (const lineText of mappings.split(';')) {
    const segs = [];
    let genCol = 0;
    if (lineText) {
      for (const seg of lineText.split(',')) {
        const vals = [];
        let shift = 0;
        let value = 0;
        for (const ch of seg) {
          const digit = B64[ch];
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        genCol += vals[0];
        if (vals.length >= 4) {
          src += vals[1];
          srcLine += vals[2];
          srcCol += vals[3];
          segs.push([genCol, src, srcLine]);
        }
      }
    }
    lines.push(segs);
  }
  return lines;
}

const mapCache = new Map();
function sourceMapFor(file) {
  if (mapCache.has(file)) return mapCache.get(file);
  let map = null;
  const mapFile = `${file}.map`;
  if (existsSync(mapFile)) {
    const raw = JSON.parse(readFileSync(mapFile, 'utf8'));
    const root = dirname(file);
    map = {
      sources: raw.sources.map((s) => resolve(root, raw.sourceRoot ?? '', s)),
      lines: decodeMappings(raw.mappings),
    };
  }
  mapCache.set(file, map);
  return map;
}

function originalPosition(file, line, col) {
  const map = sourceMapFor(file);
  const segs = map?.lines[line];
  if (!segs?.length) return undefined;
  let best;
  for (const s of segs) {
    if (s[0] <= col) best = s;
    else break;
  }
  best ??= segs[0];
  return { source: map.sources[best[1]], line: best[2] + 1 };
}

// ---- attribution ----
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageOf(path) {
  const pnpm = path.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pnpm) return pnpm[1];
  const plain = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (plain) return plain[1];
  const rel = relative(repoRoot, path);
  const ws = rel.match(/^(apps|packages)\/[^/]+/);
  return ws ? ws[0] : rel;
}

function describeFrame(cf) {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) return { key: name, name, where: '', pkg: name.startsWith('(') ? name : 'v8/native' };
  if (cf.url.startsWith('node:'))
    return { key: `${name} ${cf.url}`, name, where: cf.url, pkg: 'node internals' };
  const file = cf.url.startsWith('file://') ? fileURLToPath(cf.url) : cf.url;
  // Only our own bundles are mapped back; a dependency's source map would hide which package it is.
  const orig = file.includes('/node_modules/')
    ? undefined
    : originalPosition(file, cf.lineNumber, cf.columnNumber);
  if (orig) {
    const where = `${relative(repoRoot, orig.source)}:${orig.line}`;
    return { key: `${name} ${where}`, name, where, pkg: packageOf(orig.source) };
  }
  const where = `${relative(repoRoot, file)}:${cf.lineNumber + 1}`;
  return { key: `${name} ${where}`, name, where, pkg: packageOf(file) };
}

export function summariseProfile(file, { top = 25 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map(); // node id → µs
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = new Map(profile.nodes.map((n) => [n.id, describeFrame(n.callFrame)]));

  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) => frames.get(id).name === '(idle)')
    .reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;

  const fnSelf = new Map();
  const pkgSelf = new Map();
  // Node internals and native frames charged to the nearest package up the stack that called them
  // (a socket writev under pg's query submit counts for pg): "which library is the time spent for".
  const pkgCharged = new Map();
  const INTERNAL = new Set(['node internals', 'v8/native']);
  const fnTotal = new Map();
  for (const [id, t] of self) {
    const f = frames.get(id);
    if (f.name === '(idle)') continue;
    const entry = fnSelf.get(f.key) ?? { ...f, us: 0 };
    entry.us += t;
    fnSelf.set(f.key, entry);
    pkgSelf.set(f.pkg, (pkgSelf.get(f.pkg) ?? 0) + t);
    let owner = f.pkg;
    for (let cur = id; cur !== undefined && INTERNAL.has(owner); cur = parent.get(cur)) {
      const g = frames.get(cur);
      if (!INTERNAL.has(g.pkg) && g.name !== '(root)') owner = g.pkg;
    }
    pkgCharged.set(owner, (pkgCharged.get(owner) ?? 0) + t);
    // Inclusive: credit each distinct function on this sample's stack once (recursion counted once).
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const g = frames.get(cur);
      if (seen.has(g.key) || g.name === '(root)') continue;
      seen.add(g.key);
      const e = fnTotal.get(g.key) ?? { ...g, us: 0 };
      e.us += t;
      fnTotal.set(g.key, e);
    }
  }
  const pct = (us) => Number(((100 * us) / busy).toFixed(1));
  const rows = (m) =>
    [...m.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ ms: Math.round(e.us / 1000), pct: pct(e.us), fn: e.name, where: e.where, pkg: e.pkg }));
  return {
    file,
    wallMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    idlePct: Number(((100 * idle) / total).toFixed(1)),
    byPackage: [...pkgSelf.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, us]) => ({ pkg, ms: Math.round(us / 1000), pct: pct(us) })),
    byPackageCharged: [...pkgCharged.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, us]) => ({ pkg, ms: Math.round(us / 1000), pct: pct(us) })),
    topSelf: rows(fnSelf),
    topInclusive: rows(fnTotal),
  };
}

/** Who calls `fnName` (by self time spent in it), `depth` frames up, heaviest first. */
export function callersOf(file, fnName, { depth = 4, top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = new Map(profile.nodes.map((n) => [n.id, describeFrame(n.callFrame)]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const chains = new Map();
  let total = 0;
  for (const [id, t] of self) {
    if (frames.get(id).name !== fnName) continue;
    total += t;
    const chain = [];
    for (let cur = parent.get(id); cur !== undefined && chain.length < depth; cur = parent.get(cur)) {
      const f = frames.get(cur);
      chain.push(`${f.name} ${f.where}`.trim());
    }
    const key = chain.join('  <-  ');
    chains.set(key, (chains.get(key) ?? 0) + t);
  }
  return {
    fn: fnName,
    ms: Math.round(total / 1000),
    callers: [...chains.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([chain, us]) => ({ ms: Math.round(us / 1000), chain })),
  };
}

export function printSummary(s, log = console.log) {
  log(`profile ${s.file}`);
  log(`  wall ${s.wallMs} ms, busy ${s.busyMs} ms (idle ${s.idlePct}%); percentages are of busy time`);
  log('  self time by package:');
  for (const r of s.byPackage)
    log(`    ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.pkg}`);
  log('  self time by package, node internals charged to the package that called them:');
  for (const r of s.byPackageCharged.slice(0, 12))
    log(`    ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.pkg}`);
  log('  top functions by self time:');
  for (const r of s.topSelf)
    log(`    ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}  ${r.where}  [${r.pkg}]`);
  log('  top functions by inclusive time:');
  for (const r of s.topInclusive)
    log(`    ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}  ${r.where}  [${r.pkg}]`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(
      'usage: node tools/cpuprofile-top.mjs <file.cpuprofile> [--top=25] [--json] [--callers=<function name> [--depth=4]]',
    );
    process.exit(2);
  }
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
  const callers = args.find((a) => a.startsWith('--callers='))?.slice(10);
  if (callers) {
    const depth = Number(args.find((a) => a.startsWith('--depth='))?.slice(8) ?? 4);
    const c = callersOf(file, callers, { depth, top });
    if (args.includes('--json')) console.log(JSON.stringify(c, null, 2));
    else {
      console.log(`${c.fn}: ${c.ms} ms self time, by caller chain (nearest first):`);
      for (const r of c.callers) console.log(`  ${String(r.ms).padStart(6)} ms  ${r.chain}`);
    }
    process.exit(0);
  }
  const summary = summariseProfile(file, { top });
  if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary);
}
