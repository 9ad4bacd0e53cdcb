// The prompt cache over a plan: a plan of five subtasks executed in turn, each
// with one to three attempts (a type error healed, or the same error twice
// moving on), against the provider test server, which counts what each
// request read from its cache with Anthropic's rules (1,024-token minimum,
// 20-block lookback). Prints the share of Anthropic input tokens read from
// the cache, and the agent's own time per attempt: the attempt's wall time
// less the model's (request received to response ended, at the server) and
// the checks' (verify to verified).
//
//   node tests/bench/exec_cache_bench.mjs [--files N]
//
// The repository is generated: N TypeScript modules (default 60) that
// import each other, tsc from tests/fixtures/node-tools. Target: at least 70%.
import fs from 'node:fs';
import path from 'node:path';
import { makeProject, git, startExecAgent, startServer, tool, text, turn } from '../exec/helpers.mjs';

const argv = process.argv.slice(2);
const nfiles = Number(argv[argv.indexOf('--files') + 1] || 60) || 60;

function project() {
  const files = {};
  for (let i = 0; i < nfiles; i++) {
    const dep = i ? `import { value${i - 1} } from './mod${i - 1}';\n` : '';
    files[`src/mod${i}.ts`] = `${dep}
/** Module ${i}: a value and a few helpers over it. */
export const value${i}: number = ${i ? `value${i - 1} + ` : ''}${i};

export function scale${i}(x: number, factor = ${i + 1}): number {
  return x * factor + value${i};
}

export interface Shape${i} {
  id: string;
  size: number;
  tags: string[];
}

export class Store${i} {
  private items: Shape${i}[] = [];
  add(s: Shape${i}): void { this.items.push(s); }
  largest(): Shape${i} | undefined {
    return [...this.items].sort((a, b) => b.size - a.size)[0];
  }
}
`;
  }
  return makeProject(files);
}

const SUBTASKS = [1, 2, 3, 4, 5].map((n) => ({
  id: `S${n}`, title: `Helper ${n}`, description: `Add helper${n}() to src/mod${n}.ts.`,
  files: [`src/mod${n}.ts`], newFiles: [], acceptanceCriteria: [`helper${n}() is a number`],
  estimateHours: 0.5, dependsOn: n > 1 ? [`S${n - 1}`] : [],
}));

// Attempts per subtask: 1, 2, 3, 2, 1 (a type error healed; the same error
// twice, then healed by the next rung).
const ATTEMPTS = [1, 2, 3, 2, 1];

function scriptFor(n, attempts, repo) {
  const file = `src/mod${n}.ts`;
  const base = fs.readFileSync(path.join(repo, file), 'utf8');
  const good = `${base}\nexport function helper${n}(): number {\n  return scale${n}(${n});\n}\n`;
  const bad = `${base}\nexport function helper${n}(): number {\n  return String(scale${n}(${n}));\n}\n`;
  const anthropic = [];
  const openai = [];
  for (let a = 1; a <= attempts; a++) {
    const content = a === attempts ? good : bad;
    if (a <= 2) {
      anthropic.push(turn(tool('read_file', { path: file })));
      anthropic.push(turn(tool('write_file', { path: file, content })));
      anthropic.push(turn(text(`Attempt ${a} done.`)));
    } else {
      openai.push({ tool_calls: [{ name: 'write_file', arguments: { path: file, content } }] });
      openai.push({ content: `Attempt ${a} done.` });
    }
  }
  return { anthropic, openai };
}

const server = await startServer();
const repo = project();
const agent = await startExecAgent(server, { env: { AIRUNNER_LOG: 'error' } });
try {
  await server.script({ anthropic: [{ content: [
    { type: 'thinking', thinking: 'Five helpers, one a module.', signature: 'auto' },
    text(JSON.stringify({ summary: 'Five helpers.', subtasks: SUBTASKS, risks: [], openQuestions: [] })),
  ] }] });
  const gen = await agent.request('plan/generate', { root: repo, issue: { key: 'BENCH-1', title: 'Helpers', description: 'Add five helpers.' } });
  await server.ctl('DELETE', '/__control/requests');

  const perAttempt = [];
  for (let i = 0; i < 5; i++) {
    await server.script(scriptFor(i + 1, ATTEMPTS[i], repo));
    const before = (await server.requests()).length;
    const r = await agent.request('subtask/execute', { root: repo, planId: gen.plan.id, subtaskId: SUBTASKS[i].id, workDoneToken: 'b' });
    if (r.attempts !== ATTEMPTS[i]) throw new Error(`subtask ${i + 1}: ${r.attempts} attempts, expected ${ATTEMPTS[i]}`);
    const reqs = (await server.requests()).slice(before);
    const evs = agent.events.seen.filter((e) => e.run === r.runId);
    for (const a of evs.filter((e) => e.phase === 'attempt')) {
      const n = a.data.attempt;
      const start = a.time * 1000;
      const verify = evs.find((e) => e.phase === 'verify' && e.data.attempt === n).time * 1000;
      const verified = evs.find((e) => e.phase === 'verified' && e.data.attempt === n).time * 1000;
      const model = reqs.filter((q) => q.time_ms >= start && q.time_ms <= verify)
        .reduce((ms, q) => ms + (q.end_ms - q.time_ms), 0);
      perAttempt.push({ subtask: i + 1, attempt: n, wallMs: verified - start, modelMs: model, checksMs: verified - verify,
        agentMs: verified - start - model - (verified - verify) });
    }
  }
  const reqs = (await server.requests()).filter((q) => q.provider === 'anthropic' && q.usage);
  const sum = (f) => reqs.reduce((n, q) => n + f(q.usage), 0);
  const read = sum((u) => u.cache_read_input_tokens);
  const write = sum((u) => u.cache_creation_input_tokens);
  const input = sum((u) => u.input_tokens);
  const total = read + write + input;
  console.log(`repository: ${nfiles} modules; plan of 5 subtasks, attempts ${ATTEMPTS.join(', ')}`);
  console.log(`Anthropic requests: ${reqs.length}; input tokens ${total}: read from cache ${read}, written ${write}, uncached ${input}`);
  console.log(`cache-read share: ${(100 * read / total).toFixed(1)}% (target: at least 70%)`);
  const own = perAttempt.map((a) => a.agentMs).sort((a, b) => a - b);
  console.log(`agent's own time per attempt (wall - model - checks), ms: median ${own[own.length >> 1].toFixed(1)}, max ${own.at(-1).toFixed(1)} over ${own.length} attempts`);
  for (const a of perAttempt)
    console.log(`  S${a.subtask} attempt ${a.attempt}: wall ${a.wallMs.toFixed(0)} ms, model ${a.modelMs.toFixed(0)}, checks ${a.checksMs.toFixed(0)}, agent ${a.agentMs.toFixed(1)}`);
} finally {
  await agent.stop();
  await server.stop();
  fs.rmSync(repo, { recursive: true, force: true });
  void git;
}
