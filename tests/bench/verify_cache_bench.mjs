// Benchmark: a repeated verify/run of unchanged staged content (a cache
// hit), over the protocol on stdio, against two peers measured in the same
// run: the first, uncached verification of the same content (real tsc,
// eslint-free TS project), and a trivial request (`status`) for the floor.
//
//   cd tests && node bench/verify_cache_bench.mjs [N]
//
// Not run by ctest: it prints figures, it asserts nothing about time.
import { performance } from 'node:perf_hooks';
import { startVerifyAgent, makeRepo, removeRepo, git, tsProject } from '../verify/helpers.mjs';

const n = Number(process.argv[2] ?? 200);
const files = { ...tsProject };
for (let i = 0; i < 40; i++) {
  files[`src/mod${i}.ts`] = `import { add } from './math';\nexport const v${i}: number = add(${i}, 1);\n`;
}
const dir = makeRepo(files, { node: true });
git(dir, 'add', '-A');
const agent = await startVerifyAgent(dir);

async function time(fn) {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], min: s[0] };
};

const [first, r0] = await time(() => agent.request('verify/run', { staged: true }));
if (r0.cached || !r0.ok) throw new Error(`unexpected first run: ${JSON.stringify(r0).slice(0, 300)}`);
const hits = [];
const trivial = [];
for (let i = 0; i < n; i++) {
  const [t, r] = await time(() => agent.request('verify/run', { staged: true }));
  if (!r.cached) throw new Error('expected a cache hit');
  hits.push(t);
  trivial.push((await time(() => agent.request('status', {})))[0]);
}
await agent.cleanup();
removeRepo(dir);

const h = stats(hits);
const s = stats(trivial);
const fmt = (ms) => `${ms.toFixed(3)} ms`;
console.log(`repo: ${Object.keys(files).length} files staged, checks: ${r0.checks.map((c) => c.name).join(', ')}`);
console.log(`first verify/run (uncached, runs tsc):  ${fmt(first)}`);
console.log(`cached verify/run, ${n} runs:           median ${fmt(h.median)}  p95 ${fmt(h.p95)}  min ${fmt(h.min)}`);
console.log(`status round trip (floor), ${n} runs:   median ${fmt(s.median)}  p95 ${fmt(s.p95)}`);
console.log(`cache hit is ${(first / h.median).toFixed(0)}x faster than the uncached run; `
  + `${(h.median - s.median).toFixed(3)} ms above a trivial request`);
console.log(`target: under 5 ms -> ${h.median < 5 ? 'met' : 'NOT met'}`);
