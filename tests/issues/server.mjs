// A fake issue tracker for the protocol tests: Jira Cloud (REST v3, ADF),
// Jira Server / Data Center (REST v2, wiki markup) and GitHub (REST), on
// one loopback port, answering with the shapes of their public API
// documentation (only the members a client reads, plus a few it must
// ignore). Node built-ins only.
//
//   const t = await startTracker({ email, apiToken, pat, githubToken });
//   t.base                       http://127.0.0.1:PORT
//   Jira Cloud  at t.base + '/cloud'  (and at the root: a /browse/ URL's origin)
//   Jira Server at t.base + '/server'
//   GitHub      at t.base + '/github'
//   t.fault({ path: /regex/, status, headers, body, drop, times })
//                                the next `times` (default 1) requests whose
//                                path matches get this answer instead
//                                (drop: the socket is destroyed unanswered;
//                                delayMs: the usual answer, that much later)
//   t.requests                   every request: {method, path, headers, body, time}
//   t.reset()                    forget requests and faults
//   await t.close()
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixture = (name) => fs.readFileSync(path.join(here, 'fixtures', name), 'utf8');

const adf = (...content) => ({ version: 1, type: 'doc', content });
const para = (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const jiraUser = (name) => ({
  self: 'https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
  accountId: '5b10a2844c20165700ede21g',
  displayName: name,
  active: true,
  timeZone: 'Europe/Berlin',
  accountType: 'atlassian',
});
const serverUser = (name) => ({
  self: 'https://jira.example.com/rest/api/2/user?username=' + name,
  name: name.toLowerCase().replace(' ', '.'),
  key: 'JIRAUSER10100',
  displayName: name,
  active: true,
});

// Comments 1..3 of PROJ-1: the issue carries the first two, the third is
// on the next page of /comment.
function cloudComment(i) {
  return {
    self: `https://example.atlassian.net/rest/api/3/issue/10010/comment/1000${i}`,
    id: `1000${i}`,
    author: jiraUser(i === 2 ? 'Bo Chen' : 'Ann Lee'),
    body: adf(i === 2
      ? { type: 'paragraph', content: [{ type: 'text', text: 'Seen on ' }, { type: 'text', text: 'staging', marks: [{ type: 'strong' }] }] }
      : para(`Comment ${i}.`)),
    updateAuthor: jiraUser('Ann Lee'),
    created: `2026-11-0${i}T10:00:00.000+0000`,
    updated: `2026-11-0${i}T10:00:00.000+0000`,
    jsdPublic: true,
  };
}

function cloudIssue(key) {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: '10010',
    self: 'https://example.atlassian.net/rest/api/3/issue/10010',
    key,
    fields: {
      summary: 'Login fails after a timeout',
      description: JSON.parse(fixture('adf-tricky.json')),
      status: {
        self: 'https://example.atlassian.net/rest/api/3/status/10000',
        description: '',
        name: 'To Do',
        id: '10000',
        statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
      },
      labels: ['auth', 'regression'],
      issuetype: { id: '10004', name: 'Bug', subtask: false },
      priority: { id: '2', name: 'High' },
      assignee: null,
      reporter: jiraUser('Ann Lee'),
      created: '2026-11-01T09:14:00.000+0000',
      updated: '2026-11-04T09:14:00.000+0000',
      comment: {
        comments: [cloudComment(1), cloudComment(2)],
        self: 'https://example.atlassian.net/rest/api/3/issue/10010/comment',
        maxResults: 2,
        total: 3,
        startAt: 0,
      },
    },
  };
}

function serverIssue(key) {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog',
    id: '20020',
    self: 'https://jira.example.com/rest/api/2/issue/20020',
    key,
    fields: {
      summary: 'Nightly export hangs',
      description: fixture('wiki-tricky.txt'),
      status: { name: 'In Progress', id: '3', statusCategory: { key: 'indeterminate' } },
      labels: ['ops'],
      issuetype: { name: 'Task', subtask: false },
      priority: { name: 'Medium' },
      assignee: serverUser('Cy Diaz'),
      reporter: serverUser('Ann Lee'),
      created: '2026-10-01T09:14:00.000+0200',
      updated: '2026-10-02T09:14:00.000+0200',
      comment: {
        comments: [{
          self: 'https://jira.example.com/rest/api/2/issue/20020/comment/30030',
          id: '30030',
          author: serverUser('Cy Diaz'),
          body: 'Reproduced with *debug* logging:\n{code:bash}\nexport --all\n{code}',
          created: '2026-10-02T09:00:00.000+0200',
          updated: '2026-10-02T09:00:00.000+0200',
        }],
        maxResults: 1,
        total: 1,
        startAt: 0,
      },
    },
  };
}

const ghUser = (login) => ({
  login,
  id: 583231,
  node_id: 'MDQ6VXNlcjU4MzIzMQ==',
  avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
  html_url: `https://github.com/${login}`,
  type: 'User',
  site_admin: false,
});

function ghIssue(base, owner, repo, n, extra = {}) {
  const api = `${base}/repos/${owner}/${repo}/issues/${n}`;
  return {
    id: 1000 + n,
    node_id: 'I_kwDOABCD5M5abcde',
    url: api,
    repository_url: `${base}/repos/${owner}/${repo}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `https://github.com/${owner}/${repo}/issues/${n}`,
    number: n,
    state: 'open',
    state_reason: null,
    title: 'Crash on save',
    body: 'Saving an **empty** file crashes:\n\n```\nSegmentation fault\n```\n',
    user: ghUser('octocat'),
    labels: [
      { id: 208045946, node_id: 'MDU6TGFiZWwyMDgwNDU5NDY=', url: `${base}/repos/${owner}/${repo}/labels/bug`, name: 'bug', description: "Something isn't working", color: 'f29513', default: true },
      { id: 208045947, node_id: 'MDU6TGFiZWwyMDgwNDU5NDc=', url: `${base}/repos/${owner}/${repo}/labels/ui`, name: 'ui', description: null, color: 'a2eeef', default: false },
    ],
    assignee: ghUser('hubot'),
    assignees: [ghUser('hubot')],
    milestone: { number: 1, state: 'open', title: 'v1.0' },
    locked: false,
    comments: 0,
    closed_at: null,
    created_at: '2026-11-01T08:00:00Z',
    updated_at: '2026-11-02T08:00:00Z',
    author_association: 'MEMBER',
    ...extra,
  };
}

const GH_COMMENTS = 150;
function ghComment(i) {
  return {
    id: 5000 + i,
    node_id: 'IC_kwDOABCD5M5abcdE',
    url: `https://api.github.com/repos/acme/widgets/issues/comments/${5000 + i}`,
    html_url: `https://github.com/acme/widgets/issues/12#issuecomment-${5000 + i}`,
    body: `comment ${i}`,
    user: ghUser(i % 2 ? 'octocat' : 'hubot'),
    created_at: '2026-11-03T10:00:00Z',
    updated_at: '2026-11-03T10:00:00Z',
    author_association: 'CONTRIBUTOR',
  };
}

export async function startTracker({ email, apiToken, pat, githubToken }) {
  const requests = [];
  let faults = [];
  let nextId = 90000;
  const basic = 'Basic ' + Buffer.from(`${email}:${apiToken}`).toString('base64');

  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      requests.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers, body, time: Date.now() });
      const f = faults.find((x) => x.path.test(url.pathname) && x.times > 0);
      if (f) {
        f.times--;
        if (f.drop) { req.socket.destroy(); return; }
        if (f.delayMs) { // a slow tracker: the real answer, late
          const t = setTimeout(() => route(req, res, url, body), f.delayMs);
          res.on('close', () => clearTimeout(t));
          return;
        }
        res.writeHead(f.status, { 'content-type': 'application/json', ...(f.headers ?? {}) });
        res.end(JSON.stringify(f.body ?? {}));
        return;
      }
      route(req, res, url, body);
    });
  });

  const send = (res, status, value, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
    res.end(JSON.stringify(value));
  };
  const jiraNotFound = (res) => send(res, 404, {
    errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {},
  });

  function jira(req, res, rest, flavor, body) {
    const v = flavor === 'cloud' ? '3' : '2';
    const auth = req.headers.authorization;
    if (flavor === 'cloud' ? auth !== basic : auth !== `Bearer ${pat}`) {
      // Jira answers a bad login with 401 and an HTML page or this body.
      return send(res, 401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
    }
    let m = new RegExp(`^/rest/api/${v}/issue/([A-Z][A-Z0-9_]*-\\d+)$`).exec(rest);
    if (m && req.method === 'GET') {
      if (m[1] === 'PROJ-404') return jiraNotFound(res);
      return send(res, 200, flavor === 'cloud' ? cloudIssue(m[1]) : serverIssue(m[1]));
    }
    m = new RegExp(`^/rest/api/${v}/issue/([A-Z][A-Z0-9_]*-\\d+)/comment$`).exec(rest);
    if (m && req.method === 'GET') {
      const q = new URL(req.url, 'http://x').searchParams;
      const start = Number(q.get('startAt') ?? 0);
      const all = [1, 2, 3].map(cloudComment);
      return send(res, 200, { startAt: start, maxResults: 100, total: 3, comments: all.slice(start) });
    }
    if (m && req.method === 'POST') {
      const id = String(nextId++);
      return send(res, 201, {
        self: `https://example.atlassian.net/rest/api/${v}/issue/10010/comment/${id}`,
        id,
        author: flavor === 'cloud' ? jiraUser('Bot') : serverUser('Bot'),
        body: JSON.parse(body).body,
        created: '2026-11-30T05:00:00.000+0000',
        updated: '2026-11-30T05:00:00.000+0000',
      });
    }
    return jiraNotFound(res);
  }

  function github(req, res, rest, body) {
    const base = `http://127.0.0.1:${server.address().port}/github`;
    const auth = req.headers.authorization;
    if (auth && auth !== `Bearer ${githubToken}`) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1767225600', 'x-ratelimit-used': '1', 'x-ratelimit-resource': 'core' };
    const notFound = () => send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' }, rate);
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(rest);
    if (m && req.method === 'GET') {
      const [, o, r, n] = m;
      // a private repository is invisible without a token: 404, as GitHub does
      if (r === 'private' && !auth) return notFound();
      if (o !== 'acme' || !['widgets', 'private'].includes(r)) return notFound();
      if (n === '12') return send(res, 200, ghIssue(base, o, r, 12, { comments: GH_COMMENTS }), rate);
      if (n === '13') {
        return send(res, 200, ghIssue(base, o, r, 13, {
          title: 'Add a save button',
          body: null,
          pull_request: { url: `${base}/repos/${o}/${r}/pulls/13`, html_url: `https://github.com/${o}/${r}/pull/13`, diff_url: '', patch_url: '', merged_at: null },
        }), rate);
      }
      if (n === '1') return send(res, 200, ghIssue(base, o, r, 1), rate);
      return notFound();
    }
    m = /^\/repos\/acme\/widgets\/issues\/12\/comments$/.exec(rest);
    if (m && req.method === 'GET') {
      const q = new URL(req.url, 'http://x').searchParams;
      const per = Number(q.get('per_page') ?? 30);
      const page = Number(q.get('page') ?? 1);
      const last = Math.ceil(GH_COMMENTS / per);
      const items = [];
      for (let i = (page - 1) * per + 1; i <= Math.min(page * per, GH_COMMENTS); i++) items.push(ghComment(i));
      const link = (p, rel) => `<${base}/repos/acme/widgets/issues/12/comments?per_page=${per}&page=${p}>; rel="${rel}"`;
      const links = [];
      if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      return send(res, 200, items, { ...rate, ...(links.length ? { link: links.join(', ') } : {}) });
    }
    m = /^\/repos\/acme\/widgets\/issues\/(\d+)\/comments$/.exec(rest);
    if (m && req.method === 'POST') {
      const id = nextId++;
      return send(res, 201, {
        id,
        node_id: 'IC_new',
        url: `${base}/repos/acme/widgets/issues/comments/${id}`,
        html_url: `https://github.com/acme/widgets/issues/${m[1]}#issuecomment-${id}`,
        body: JSON.parse(body).body,
        user: ghUser('airunner-bot'),
        created_at: '2026-11-30T05:00:00Z',
        updated_at: '2026-11-30T05:00:00Z',
        author_association: 'NONE',
      }, rate);
    }
    return notFound();
  }

  function route(req, res, url, body) {
    const p = url.pathname;
    if (p.startsWith('/cloud/')) return jira(req, res, p.slice(6), 'cloud', body);
    if (p.startsWith('/server/')) return jira(req, res, p.slice(7), 'server', body);
    if (p.startsWith('/github/')) return github(req, res, p.slice(7), body);
    if (p.startsWith('/rest/api/3/')) return jira(req, res, p, 'cloud', body);
    return send(res, 404, { message: 'no such route' });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    requests,
    fault(f) { faults.push({ times: 1, ...f }); },
    reset() { requests.length = 0; faults = []; },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
