// How close context_estimate_tokens comes to a real tokenizer: for each view
// context_bench dumped (DIR/view-N.txt, with our estimate in
// DIR/estimates.tsv), the count of @anthropic-ai/tokenizer (Claude's public
// tokenizer; the current models' counts are only available from the API, so
// this is the nearest offline reference). Prints the mean and worst relative
// error of our estimate and, as a peer, of bytes/3.5 and bytes/4.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { countTokens } = require('@anthropic-ai/tokenizer');
const dir = process.argv[2];
const rows = readFileSync(`${dir}/estimates.tsv`, 'utf8').trim().split('\n')
  .map((l) => l.split('\t'));
const err = { ours: [], b35: [], b4: [] };
let real = 0;
for (const [name, bytes, est] of rows) {
  const n = countTokens(readFileSync(`${dir}/${name}`, 'utf8'));
  real += n;
  err.ours.push(Number(est) / n - 1);
  err.b35.push(Number(bytes) / 3.5 / n - 1);
  err.b4.push(Number(bytes) / 4 / n - 1);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const mean = (v) => v.reduce((a, b) => a + Math.abs(b), 0) / v.length;
const bias = (v) => v.reduce((a, b) => a + b, 0) / v.length;
const worst = (v) => v.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
console.log(`token_views\t${rows.length}\ntoken_real_mean\t${Math.round(real / rows.length)}`);
for (const [k, v] of Object.entries(err))
  console.log(`token_error_${k}\tmean |err| ${pct(mean(v))}, bias ${pct(bias(v))}, worst ${pct(worst(v))}`);
