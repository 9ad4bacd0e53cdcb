// Runs report back to the issue when the work tree's config says so: a plan
// of a GitHub issue (named by its key, fetched first) is posted as a
// comment, and so is the end of a subtask's run. Without the setting,
// nothing is posted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startTracker } from '../issues/server.mjs';
import { git, makeProject, startExecAgent, startServer, text, tool, turn, writeFiles } from './helpers.mjs';

const GH_TOKEN = 'ghp_reportTESTtoken0000000000000000000000';
const WITH_SUB = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n\nexport function sub(a: number, b: number): number {\n  return a - b;\n}\n';
const plan = {
  summary: 'Subtraction beside addition.',
  subtasks: [{ id: 'S1', title: 'Add sub', description: 'sub(a, b) in src/math.ts.', files: ['src/math.ts'],
    newFiles: [], acceptanceCriteria: ['sub(3, 1) is 2'], estimateHours: 0.5, dependsOn: [] }],
  risks: [],
  openQuestions: [],
};

let server;
let tracker;

before(async () => {
  server = await startServer();
  tracker = await startTracker({ email: 'e@example.com', apiToken: 'x', pat: 'y', githubToken: GH_TOKEN });
});

after(async () => {
  await tracker.close();
  await server.stop();
});

const comments = () => tracker.requests.filter((r) => r.method === 'POST' && /\/issues\/12\/comments$/.test(r.path));

async function until(pred, what) {
  for (let i = 0; i < 600; i++) {
    if (pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within 30 s`);
}

for (const on of [true, false]) {
  test(on ? 'with issue.comment set, the plan and the run\'s end are posted on the GitHub issue'
    : 'without issue.comment, nothing is posted', async () => {
    await server.reset();
    tracker.reset();
    const repo = makeProject({
      '.airunner': `[github]\n\tapiUrl = ${tracker.base}/github\n${on ? '[issue]\n\tcomment = true\n' : ''}`,
    });
    const agent = await startExecAgent(server, { env: { GITHUB_TOKEN: GH_TOKEN } });
    try {
      await server.script({ anthropic: [
        { content: [{ type: 'thinking', thinking: 'One step.', signature: 'auto' }, text(JSON.stringify(plan))] },
        turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })),
        turn(text('Added sub.')),
      ] });
      const gen = await agent.request('plan/generate', { root: repo, issue: { key: 'acme/widgets#12' } });
      assert.equal(gen.plan.issue.key, 'acme/widgets#12');
      assert.equal(gen.plan.issue.source, 'github');
      const r = await agent.request('subtask/execute', { root: repo, planId: gen.plan.id, subtaskId: 'S1' });
      assert.match(r.commit, /^[0-9a-f]{40}$/);
      if (on) {
        await until(() => comments().length === 2, 'two comments');
        const [planned, done] = comments().map((c) => JSON.parse(c.body).body);
        assert.match(planned, new RegExp(`airunner plan ${gen.plan.id}, revision 1`));
        assert.match(planned, /\*\*S1\*\* Add sub/);
        assert.match(done, new RegExp(`Committed \`${r.commit.slice(0, 12)}\` after 1 attempt`));
        // Each comment is a run of its own, recorded like any other.
        for (let i = 0; ; i++) {
          const { runs } = await agent.request('run/list', { kind: 'issue' });
          if (runs.filter((x) => x.state === 'succeeded' && x.outcome === 'commented').length === 2) break;
          if (i === 100) assert.fail(`comment runs: ${JSON.stringify(runs)}`);
          await new Promise((res) => setTimeout(res, 100));
        }
      } else {
        await new Promise((res) => setTimeout(res, 500));
        assert.equal(comments().length, 0);
      }
      assert.ok(!agent.wire().includes(GH_TOKEN) && !agent.stderr().includes(GH_TOKEN));
    } finally {
      await agent.stop();
      fs.rmSync(repo, { recursive: true, force: true });
      void git;
      void writeFiles;
    }
  });
}
