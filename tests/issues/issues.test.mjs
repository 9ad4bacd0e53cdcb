// issue/fetch and issue/comment through the protocol, against the fake
// tracker (tests/issues/server.mjs): Jira Cloud's ADF and Jira Server's wiki
// markup turned into Markdown, GitHub's pages of comments, Markdown files,
// comments posted back in each tracker's format, the errors a person can act
// on (401, 403, 404, 429 retried after retry-after, GitHub's spent rate
// limit, a dropped connection, a host that is down), and no secret in
// anything the agent wrote.
import { test, before, after, beforeEach } from 'node:test';
import * as rpc from 'vscode-jsonrpc/node.js';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { initialize, startAgent as startLibAgent, tmpDir, withTimeout } from '../lib/agent.mjs';
import { assertResult, schemaValidator } from '../lib/openrpc.mjs';
import { fixture, startTracker } from './server.mjs';

const EMAIL = 'ann@example.com';
const API_TOKEN = 'jira-cloud-SECRET-7f3a9e';
const PAT = 'jira-pat-SECRET-91bc44';
const GH_TOKEN = 'ghp_SECRET_c0ffee1234';
const SECRETS = [API_TOKEN, PAT, GH_TOKEN, Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')];

let tracker;
let agent; // with every credential
let bare; // with none
let roots = {};
const scratch = [];

function git(cwd, ...args) {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
}

// A git work tree with a .airunner of team settings.
function workspace(name, settings = '', origin = null) {
  const dir = tmpDir(`airunner-issues-${name}-`);
  scratch.push(dir);
  git(dir, 'init', '-q');
  if (origin) git(dir, 'remote', 'add', 'origin', origin);
  if (settings) fs.writeFileSync(path.join(dir, '.airunner'), settings);
  return fs.realpathSync(dir);
}

// A port nothing listens on.
async function closedPort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function spawnAgent(env) {
  const home = tmpDir('airunner-home-');
  scratch.push(home);
  const a = await startLibAgent({
    transport: 'stdio',
    testMethods: false,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      GIT_CONFIG_NOSYSTEM: '1',
      AIRUNNER_LOG: 'debug',
      JIRA_BASE_URL: '',
      JIRA_EMAIL: '',
      JIRA_API_TOKEN: '',
      JIRA_PAT: '',
      GITHUB_TOKEN: '',
      GITHUB_API_URL: `${tracker.base}/github`,
      ...env,
    },
  });
  const conn = await a.connect();
  let wire = '';
  a.proc.stdout.on('data', (d) => { wire += d; });
  await initialize(conn, roots.cloud);
  return {
    lib: a,
    conn,
    wire: () => wire,
    request: (method, params) => conn.sendRequest(method, params),
    // Stops it, then reads every file it left in its state folder (the run
    // store, its log) before they are removed.
    async stop() {
      await withTimeout(conn.sendRequest('shutdown'), 5000, 'shutdown');
      await conn.sendNotification('exit');
      const { code } = await withTimeout(a.exited, 5000, 'agent exit');
      let files = '';
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.isFile()) files += fs.readFileSync(p, 'latin1');
        }
      };
      walk(a.runtimeDir);
      const all = wire + a.stderr() + files;
      await a.cleanup();
      return { code, all };
    },
  };
}

before(async () => {
  tracker = await startTracker({ email: EMAIL, apiToken: API_TOKEN, pat: PAT, githubToken: GH_TOKEN });
  const dead = await closedPort();
  roots = {
    cloud: workspace('cloud', `[jira]\n\tbaseUrl = ${tracker.base}/cloud/\n\ttype = cloud\n`),
    server: workspace('server', `[jira]\n\tbaseUrl = ${tracker.base}/server\n\ttype = server\n`),
    dead: workspace('dead', `[jira]\n\tbaseUrl = http://127.0.0.1:${dead}\n`),
    gh: workspace('gh', '', 'git@github.com:acme/widgets.git'),
  };
  agent = await spawnAgent({ JIRA_EMAIL: EMAIL, JIRA_API_TOKEN: API_TOKEN, JIRA_PAT: PAT, GITHUB_TOKEN: GH_TOKEN });
  bare = await spawnAgent({});
});

after(async () => {
  const results = [];
  try {
    for (const a of [agent, bare]) if (a) results.push(await a.stop());
  } finally {
    // a failure above must not leave the server keeping node alive
    if (tracker) await tracker.close();
    for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
  }
  for (const { code, all } of results) {
    assert.equal(code, 0, 'the agent exited cleanly');
    for (const s of SECRETS) assert.ok(!all.includes(s), `a secret leaked: ${s.slice(0, 8)}...`);
    assert.ok(all.includes('issue/fetch'), 'the search read the conversation');
  }
});

beforeEach(() => tracker.reset());

const fetchIssue = async (params, on = agent) => assertResult('issue/fetch', await on.request('issue/fetch', params));
const comment = async (params, on = agent) => assertResult('issue/comment', await on.request('issue/comment', params));
const errorObject = schemaValidator('ErrorObject');

async function failure(p, kind) {
  try {
    await p;
  } catch (e) {
    const obj = { code: e.code, message: e.message, data: e.data };
    assert.ok(errorObject(obj), JSON.stringify(obj));
    assert.equal(e.data.kind, kind, e.message);
    for (const s of SECRETS) assert.ok(!e.message.includes(s), 'no secret in the error');
    return e;
  }
  assert.fail(`the call succeeded; expected ${kind}`);
}

const hits = (re) => tracker.requests.filter((r) => re.test(r.path));

test('Jira Cloud: the ADF description becomes Markdown, every comment page is read', async () => {
  const is = await fetchIssue({ key: 'PROJ-1', root: roots.cloud });
  assert.equal(is.source, 'jira');
  assert.equal(is.key, 'PROJ-1');
  assert.equal(is.title, 'Login fails after a timeout');
  assert.equal(is.status, 'To Do');
  assert.deepEqual(is.labels, ['auth', 'regression']);
  assert.equal(is.url, `${tracker.base}/cloud/browse/PROJ-1`);
  assert.equal(is.description, fixture('adf-tricky.md'));
  assert.equal(is.fields.flavor, 'cloud');
  assert.equal(is.fields.type, 'Bug');
  assert.equal(is.fields.priority, 'High');
  assert.equal(is.fields.reporter, 'Ann Lee');
  assert.equal(is.fields.assignee, undefined, 'an unassigned issue has no assignee');
  assert.deepEqual(is.fields.comments.map((c) => c.body), ['Comment 1.\n', 'Seen on **staging**\n', 'Comment 3.\n']);
  assert.equal(is.fields.comments[1].author, 'Bo Chen');

  const [first, page] = tracker.requests;
  assert.equal(tracker.requests.length, 2, 'the issue, then the rest of its comments');
  assert.equal(first.path, '/cloud/rest/api/3/issue/PROJ-1');
  assert.match(first.query, /fields=summary,description,status,labels,comment/);
  assert.equal(first.headers.authorization, 'Basic ' + Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64'));
  assert.equal(first.headers.accept, 'application/json');
  assert.equal(page.path, '/cloud/rest/api/3/issue/PROJ-1/comment');
  assert.match(page.query, /startAt=2/);
});

test('Jira: a /browse/ URL names the issue and, with no site configured, the site', async () => {
  const is = await fetchIssue({ url: `${tracker.base}/browse/PROJ-1?focusedCommentId=1`, root: roots.gh });
  assert.equal(is.key, 'PROJ-1');
  assert.equal(is.url, `${tracker.base}/browse/PROJ-1`);
  assert.equal(tracker.requests[0].path, '/rest/api/3/issue/PROJ-1');
});

test('Jira Server: wiki markup becomes Markdown, with a personal access token', async () => {
  const is = await fetchIssue({ key: 'OPS-7', root: roots.server });
  assert.equal(is.title, 'Nightly export hangs');
  assert.equal(is.status, 'In Progress');
  assert.equal(is.description, fixture('wiki-tricky.md'));
  assert.equal(is.fields.flavor, 'server');
  assert.equal(is.fields.assignee, 'Cy Diaz');
  assert.equal(is.fields.comments.length, 1);
  assert.equal(is.fields.comments[0].body, 'Reproduced with **debug** logging:\n\n```bash\nexport --all\n```\n');
  assert.equal(tracker.requests.length, 1, 'all comments came with the issue');
  assert.equal(tracker.requests[0].path, '/server/rest/api/2/issue/OPS-7');
  assert.equal(tracker.requests[0].headers.authorization, `Bearer ${PAT}`);
});

test('GitHub: the issue and its 150 comments, following the Link header', async () => {
  const is = await fetchIssue({ key: 'acme/widgets#12' });
  assert.equal(is.source, 'github');
  assert.equal(is.key, 'acme/widgets#12');
  assert.equal(is.title, 'Crash on save');
  assert.equal(is.description, 'Saving an **empty** file crashes:\n\n```\nSegmentation fault\n```\n');
  assert.equal(is.status, 'open');
  assert.deepEqual(is.labels, ['bug', 'ui']);
  assert.equal(is.url, 'https://github.com/acme/widgets/issues/12');
  assert.equal(is.fields.author, 'octocat');
  assert.equal(is.fields.assignee, 'hubot');
  assert.equal(is.fields.milestone, 'v1.0');
  assert.equal(is.fields.number, '12');
  assert.equal(is.fields.pullRequest, undefined);
  assert.equal(is.fields.comments.length, 150);
  assert.equal(is.fields.comments[0].body, 'comment 1');
  assert.equal(is.fields.comments[149].body, 'comment 150');

  const reqs = tracker.requests;
  assert.deepEqual(reqs.map((r) => r.path + r.query), [
    '/github/repos/acme/widgets/issues/12',
    '/github/repos/acme/widgets/issues/12/comments?per_page=100',
    '/github/repos/acme/widgets/issues/12/comments?per_page=100&page=2',
  ]);
  for (const r of reqs) {
    assert.equal(r.headers.accept, 'application/vnd.github+json');
    assert.equal(r.headers['x-github-api-version'], '2022-11-28');
    assert.equal(r.headers.authorization, `Bearer ${GH_TOKEN}`);
    assert.ok(r.headers['user-agent'], 'GitHub refuses requests without a User-Agent');
  }
});

test('GitHub: #12 takes owner/repo from the origin remote; a pull request says so', async () => {
  const is = await fetchIssue({ key: '#1', root: roots.gh });
  assert.equal(is.key, 'acme/widgets#1');
  assert.equal(is.fields.comments.length, 0);
  assert.equal(tracker.requests.length, 1, 'no comments, no comment request');

  const pr = await fetchIssue({ url: 'https://github.com/acme/widgets/pull/13' });
  assert.equal(pr.key, 'acme/widgets#13');
  assert.equal(pr.fields.pullRequest, true);
  assert.equal(pr.description, '', 'a null body is an empty description');

  const e = await failure(fetchIssue({ key: '#1', root: roots.cloud }), 'invalid_params');
  assert.match(e.message, /no origin remote/);
});

test('a Markdown file: front matter, the first heading as title, confined to the root', async () => {
  fs.mkdirSync(path.join(roots.cloud, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(roots.cloud, 'docs', 'bug.md'),
    '---\nlabels: [bug, ux]\nstatus: open\n---\n# Save button is grey\n\nIt stays grey after *typing*.\n');
  fs.writeFileSync(path.join(path.dirname(roots.cloud), 'outside.md'), '# secret plans\n');
  scratch.push(path.join(path.dirname(roots.cloud), 'outside.md'));

  const is = await fetchIssue({ key: 'docs/bug.md', root: roots.cloud });
  assert.deepEqual(
    { source: is.source, key: is.key, title: is.title, description: is.description, status: is.status, labels: is.labels, url: is.url },
    { source: 'file', key: 'docs/bug.md', title: 'Save button is grey', description: 'It stays grey after *typing*.\n', status: 'open', labels: ['bug', 'ux'], url: null });
  assert.equal(tracker.requests.length, 0);

  let e = await failure(fetchIssue({ path: '../outside.md', root: roots.cloud }), 'outside_workspace');
  assert.match(e.message, /outside the workspace/);
  e = await failure(fetchIssue({ path: 'docs/nope.md', root: roots.cloud }), 'not_found');
  assert.match(e.message, /docs\/nope\.md/);
  e = await failure(fetchIssue({ key: 'nonsense', root: roots.cloud }), 'invalid_params');
  assert.match(e.message, /PROJ-12.*owner\/repo#12/);
  e = await failure(comment({ issue: { path: 'docs/bug.md' }, body: 'hi', root: roots.cloud }), 'invalid_params');
  assert.match(e.message, /comments need a Jira or GitHub issue/);
});

test('401 is auth and names the variables to set; 403 forbidden; 404 not_found with Jira\'s words', async () => {
  tracker.fault({ path: /PROJ-1$/, status: 401, body: { errorMessages: ['You are not authenticated.'], errors: {} } });
  let e = await failure(fetchIssue({ key: 'PROJ-1', root: roots.cloud }), 'auth');
  assert.match(e.message, /401/);
  assert.match(e.message, /JIRA_EMAIL and JIRA_API_TOKEN/);

  tracker.fault({ path: /issues\/12$/, status: 401, body: { message: 'Bad credentials' } });
  e = await failure(fetchIssue({ key: 'acme/widgets#12' }), 'auth');
  assert.match(e.message, /GITHUB_TOKEN/);

  tracker.fault({ path: /OPS-7$/, status: 403, body: { errorMessages: ['You do not have the permission to see the specified issue.'], errors: {} } });
  e = await failure(fetchIssue({ key: 'OPS-7', root: roots.server }), 'forbidden');
  assert.match(e.message, /issue OPS-7.*403.*permission to see the specified issue/);

  e = await failure(fetchIssue({ key: 'PROJ-404', root: roots.cloud }), 'not_found');
  assert.match(e.message, /PROJ-404.*Issue does not exist or you do not have permission/);
  e = await failure(fetchIssue({ key: 'acme/nothing#3' }), 'not_found');
  assert.match(e.message, /acme\/nothing#3/);
});

test('429 is retried after retry-after, then succeeds', async () => {
  tracker.fault({ path: /PROJ-1$/, status: 429, headers: { 'retry-after': '1' }, times: 2 });
  const is = await fetchIssue({ key: 'PROJ-1', root: roots.cloud });
  assert.equal(is.title, 'Login fails after a timeout');
  const tries = hits(/PROJ-1$/);
  assert.equal(tries.length, 3, 'two refusals, then the answer');
  for (let i = 1; i < 3; i++)
    assert.ok(tries[i].time - tries[i - 1].time >= 900, `retry ${i} waited the second it was asked to wait`);
});

test('429 that does not stop is rate_limited after 3 retries', async () => {
  tracker.fault({ path: /issues\/12$/, status: 429, headers: { 'retry-after': '0' }, times: 10 });
  const e = await failure(fetchIssue({ key: 'acme/widgets#12' }), 'rate_limited');
  assert.match(e.message, /after 3 retries/);
  assert.equal(hits(/issues\/12$/).length, 4, 'the first try and 3 retries');
});

test('GitHub\'s spent rate limit (403, x-ratelimit-remaining: 0) waits for its reset, or says when', async () => {
  const now = Math.floor(Date.now() / 1000);
  tracker.fault({ path: /issues\/12$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 3600) }, body: { message: 'API rate limit exceeded for user ID 1.' } });
  const e = await failure(fetchIssue({ key: 'acme/widgets#12' }), 'rate_limited');
  assert.match(e.message, /rate limit.*wait 3[56]\d\d s/);
  assert.equal(tracker.requests.length, 1, 'an hour is not waited for');

  tracker.reset();
  tracker.fault({ path: /issues\/1$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now) } });
  const is = await fetchIssue({ key: 'acme/widgets#1' });
  assert.equal(is.key, 'acme/widgets#1');
  assert.equal(hits(/issues\/1$/).length, 2, 'retried once the limit was reset');
});

test('a dropped connection and a host that is down are connection errors', async () => {
  // (times: 2, as curl itself retries once on a reused connection that died)
  tracker.fault({ path: /issues\/12$/, drop: true, times: 2 });
  let e = await failure(fetchIssue({ key: 'acme/widgets#12' }), 'connection');
  assert.ok(hits(/issues\/12$/).length <= 2, 'not retried by us');
  assert.match(e.message, /cannot reach GitHub at http:\/\/127\.0\.0\.1:\d+\/github/);
  e = await failure(fetchIssue({ key: 'PROJ-1', root: roots.dead }), 'connection');
  assert.match(e.message, /cannot reach Jira at http:\/\/127\.0\.0\.1:\d+: /);
});

test('a comment goes to Jira Cloud as ADF, to Jira Server as wiki markup, to GitHub as Markdown', async () => {
  const md = fixture('comment.md');
  let r = await comment({ issue: { key: 'PROJ-1' }, body: md, root: roots.cloud });
  assert.match(r.url, new RegExp(`^${tracker.base}/cloud/browse/PROJ-1\\?focusedCommentId=\\d+$`));
  assert.equal(r.url.split('=')[1], r.id);
  let [req] = tracker.requests;
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/cloud/rest/api/3/issue/PROJ-1/comment');
  assert.equal(req.headers['content-type'], 'application/json');
  const doc = JSON.parse(req.body).body;
  assert.equal(doc.type, 'doc');
  assert.equal(doc.version, 1);
  assert.deepEqual(doc.content.map((n) => n.type),
    ['heading', 'paragraph', 'bulletList', 'codeBlock', 'blockquote', 'rule', 'orderedList']);
  assert.deepEqual(doc.content[0].content[1], { type: 'text', text: 'parse_args', marks: [{ type: 'code' }] });
  assert.deepEqual(doc.content[3].attrs, { language: 'c' });
  assert.equal(doc.content[2].content[1].content[1].type, 'orderedList', 'the nested list stays nested');
  assert.deepEqual(doc.content[1].content[5], { type: 'text', text: 'the docs', marks: [{ type: 'link', attrs: { href: 'https://example.com/x' } }] });

  tracker.reset();
  r = await comment({ issue: { key: 'OPS-7', root: roots.server }, body: md });
  [req] = tracker.requests;
  assert.equal(req.path, '/server/rest/api/2/issue/OPS-7/comment');
  assert.equal(JSON.parse(req.body).body, fixture('comment.wiki'));

  tracker.reset();
  r = await comment({ issue: { url: 'https://github.com/acme/widgets/issues/12' }, body: md });
  assert.match(r.url, /^https:\/\/github\.com\/acme\/widgets\/issues\/12#issuecomment-\d+$/);
  [req] = tracker.requests;
  assert.equal(req.path, '/github/repos/acme/widgets/issues/12/comments');
  assert.deepEqual(JSON.parse(req.body), { body: md });
});

test('without credentials: auth errors that say what to set, and nothing is sent', async () => {
  let e = await failure(fetchIssue({ key: 'PROJ-1', root: roots.cloud }, bare), 'auth');
  assert.match(e.message, /JIRA_EMAIL and JIRA_API_TOKEN/);
  e = await failure(fetchIssue({ key: 'OPS-7', root: roots.server }, bare), 'auth');
  assert.match(e.message, /JIRA_PAT/);
  e = await failure(comment({ issue: { key: 'acme/widgets#12' }, body: 'hi' }, bare), 'auth');
  assert.match(e.message, /GITHUB_TOKEN/);
  assert.equal(tracker.requests.length, 0);
  // Public repositories read without a token; a private one is a 404 then.
  const is = await fetchIssue({ key: 'acme/widgets#1' }, bare);
  assert.equal(is.title, 'Crash on save');
  assert.equal(tracker.requests[0].headers.authorization, undefined);
  e = await failure(fetchIssue({ key: 'acme/private#1' }, bare), 'not_found');
  assert.match(e.message, /GitHub has no issue acme\/private#1/);
});

test('bad references are invalid_params naming the accepted shapes', async () => {
  let e = await failure(agent.request('issue/fetch', {}), 'invalid_params');
  assert.match(e.message, /key.*url.*path/);
  e = await failure(fetchIssue({ source: 'jira', key: 'not a key', root: roots.cloud }), 'invalid_params');
  assert.match(e.message, /Jira issue key/);
  e = await failure(fetchIssue({ url: 'https://example.com/somewhere' }), 'invalid_params');
  e = await failure(fetchIssue({ source: 'github', key: 'acme/widgets#x' }), 'invalid_params');
  e = await failure(agent.request('issue/comment', { issue: { key: 'PROJ-1' }, body: '' }), 'invalid_params');
});

test('a slow tracker blocks nothing, and $/cancelRequest stops the fetch', async () => {
  tracker.fault({ path: /issues\/12$/, delayMs: 20000 });
  const source = new rpc.CancellationTokenSource();
  const slow = agent.conn.sendRequest('issue/fetch', { key: 'acme/widgets#12' }, source.token);
  // While it waits, the agent answers other requests, issue fetches too.
  await withTimeout(agent.request('status', {}), 2000, 'status while a fetch waits');
  const other = await withTimeout(fetchIssue({ key: 'PROJ-1', root: roots.cloud }), 4000, 'another fetch');
  assert.equal(other.key, 'PROJ-1');
  source.cancel();
  const e = await withTimeout(failure(slow, 'cancelled'), 4000, 'the cancelled fetch');
  assert.equal(e.code, -32800);
});
