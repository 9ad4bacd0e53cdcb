#!/usr/bin/env python3
"""The peer of classify_text in Python's `re`, for tests/bench/classify_bench.sh.

It reads the same data/patterns/*.conf and applies them the same way: lines
capped at 4 KiB, colour codes stripped, needles as a prefilter, the first
matching pattern wins, `after`/`before`/`until`/`need`/`drop`, templates,
exact repeats dropped, gcc JSON lines unpacked. Usage:

    classify_peer.py DATADIR LOG [RUNS]

prints one JSON line (bytes, seconds of the best run, mb_per_s, diagnostics)
and the categories found, one a line, on stderr.
"""
import glob
import json
import os
import re
import sys
import time

LINE_MAX = 4096
ANSI = re.compile(rb"\x1b(?:\[[^\x40-\x7e]*[\x40-\x7e]?)?")
NAMED = re.compile(r"\(\?<([A-Za-z_]\w*)>")
FIELDS = ("file", "line", "col", "caret", "code", "msg", "sev")


class Regex:
    """A PCRE pattern in Python syntax; duplicate group names (PCRE2_DUPNAMES)
    become name__2, name__3... and read back as the first one set."""

    def __init__(self, src):
        seen = {}

        def rename(m):
            name = m.group(1)
            seen[name] = seen.get(name, 0) + 1
            if seen[name] == 1:
                return "(?P<%s>" % name
            return "(?P<%s__%d>" % (name, seen[name])

        # the pattern's UTF-8 bytes, as PCRE2 matches them ("• " in GHC's)
        self.rx = re.compile(NAMED.sub(rename, src).encode("utf-8"))
        self.names = [(name, [name] + ["%s__%d" % (name, i) for i in range(2, n + 1)])
                      for name, n in seen.items()]

    def search(self, line):
        return self.rx.search(line)

    def captures(self, m, caps):
        for name, alts in self.names:
            if name in caps:
                continue
            for alt in alts:
                start = m.start(alt)
                if start >= 0:
                    caps[name] = (m.group(alt), start)
                    break


class Pattern:
    pass


def load(datadir):
    defines = {}
    pats = []

    def expand(v):
        return re.sub(r"%\{(\w+)\}", lambda m: defines[m.group(1)], v)

    order = 0
    for path in sorted(glob.glob(os.path.join(datadir, "patterns", "*.conf"))):
        cur = None
        where = None
        for raw in open(path, encoding="utf-8"):
            s = raw.strip(" \t\r\n")
            if not s or s[0] in "#;":
                continue
            if s.startswith("["):
                if cur:
                    pats.append(cur)
                cur = None
                head = s[1:-1].strip()
                if head == "define":
                    where = "define"
                else:
                    where = "pattern"
                    cur = Pattern()
                    cur.id = head.split('"')[1]
                    cur.order = order
                    order += 1
                    cur.tool = cur.category = cur.hint = cur.message = cur.code = None
                    cur.need = cur.until = None
                    cur.severity, cur.priority, cur.span = "error", 0, 6
                    cur.drop, cur.caret_shift = False, 0
                    cur.before, cur.after, cur.needles = [], [], []
                continue
            key, _, val = s.partition("=")
            key, val = key.strip(), val.strip(" \t")
            if where == "define":
                defines[key] = expand(val)
            elif key in ("regex", "until"):
                setattr(cur, "re" if key == "regex" else key, Regex(expand(val)))
            elif key in ("before", "after"):
                getattr(cur, key).append(Regex(expand(val)))
            elif key == "needle":
                if len(val) >= 2 and val[0] == '"' and val[-1] == '"':
                    val = val[1:-1]
                cur.needles.append(val.encode("utf-8"))
            elif key in ("priority", "span", "caret_shift"):
                setattr(cur, key, int(val))
            elif key == "drop":
                cur.drop = val == "true"
            else:
                setattr(cur, key, val)
        if cur:
            pats.append(cur)
    pats.sort(key=lambda p: (-p.priority, p.order))
    return pats


def expand_template(tpl, caps):
    out = []
    i = 0
    while i < len(tpl):
        if tpl[i] != "{":
            j = tpl.find("{", i + 1)
            j = len(tpl) if j < 0 else j
            out.append(tpl[i:j])
            i = j
            continue
        depth, j = 0, i
        while j < len(tpl):
            if tpl[j] == "{":
                depth += 1
            elif tpl[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j == len(tpl):
            out.append(tpl[i:])
            break
        body = tpl[i + 1:j]
        if body.startswith("?") and ":" in body:
            name, _, text = body[1:].partition(":")
            if caps.get(name, (b"",))[0]:
                out.append(expand_template(text, caps))
        else:
            name, bar, dflt = body.partition("|")
            val = caps.get(name, (b"",))[0]
            if val:
                out.append(val.decode("utf-8", "replace"))
            elif bar:
                out.append(dflt)
        i = j + 1
    return "".join(out)


def to_int(caps, name):
    v = caps.get(name, (b"",))[0]
    if not v or not v.isdigit() or int(v) > 2**31 - 1:
        return 0
    return int(v)


VERDICT = re.compile(rb"[ \t]*--- (PASS|SKIP|FAIL): (\S+) \(")
HEADER = re.compile(rb"=== (?:RUN|CONT|NAME) +(.*)")


def passed_test_output(raw, used):
    """go test -v: the indented lines under "=== RUN name" (or the verdict)
    of a test that passed are its log, not a failure: retired before any
    pattern sees them, as classify_text does."""
    if b"--- PASS: " not in b"\n".join(raw):
        return
    passed = set()
    for l in raw:
        m = VERDICT.match(l.rstrip(b"\r"))
        if m and m.group(1) != b"FAIL":
            passed.add(m.group(2))
    if not passed:
        return
    in_passed = False
    for i, l in enumerate(raw):
        l = l.rstrip(b"\r")
        m = VERDICT.match(l)
        if m:
            in_passed = m.group(1) != b"FAIL"
            continue
        if l and l[:1] not in (b" ", b"\t"):
            h = HEADER.match(l) if len(l) > 8 else None
            in_passed = bool(h) and h.group(1) in passed
            continue
        if in_passed and l:
            used[i] = True


def classify(pats, text):
    raw = text.split(b"\n")
    if raw and raw[-1] == b"":
        raw.pop()
    lines = []
    for l in raw:
        if l.endswith(b"\r"):
            l = l[:-1]
        l = l[:LINE_MAX]
        if b"\x1b" in l:
            l = ANSI.sub(b"", l)
        lines.append(l)
    needles = sorted({n for p in pats for n in p.needles})
    bit = {n: 1 << i for i, n in enumerate(needles)}
    for p in pats:
        p.mask = 0
        for n in p.needles:
            p.mask |= bit[n]
    unguarded = any(not p.needles for p in pats)
    used = [False] * len(lines)
    passed_test_output(raw, used)
    seen = set()
    out = []

    def try_pattern(p, i, line):
        m = p.re.search(line)
        if not m:
            return False
        caps = {}
        p.re.captures(m, caps)
        fold = []
        if i is not None:
            for a in p.after:
                for j in range(i + 1, min(len(lines), i + p.span + 1)):
                    if p.until and p.until.search(lines[j]):
                        break
                    am = a.search(lines[j])
                    if am:
                        a.captures(am, caps)
                        fold.append(j)
                        break
            for b in p.before:
                for j in range(i - 1, max(-1, i - p.span - 1), -1):
                    bm = b.search(lines[j])
                    if bm:
                        b.captures(bm, caps)
                        break
        if p.need and p.need not in caps:
            return False
        for j in fold:
            used[j] = True
        if not p.drop:
            emit(p, line, caps)
        return True

    def emit(p, line, caps):
        f = caps.get("file", (b"",))[0].decode("utf-8", "replace") or None
        if f and f.startswith("file://"):
            f = f[7:]
        col = to_int(caps, "col")
        if not col and "caret" in caps and caps["caret"][1] >= p.caret_shift:
            col = caps["caret"][1] - p.caret_shift + 1
        code = expand_template(p.code, caps) if p.code else (
            caps.get("code", (b"",))[0].decode("utf-8", "replace") or None)
        if p.message:
            msg = expand_template(p.message, caps)
        else:
            msg = caps.get("msg", (b"",))[0].decode("utf-8", "replace") or \
                line.strip(b" \t").decode("utf-8", "replace")
        key = (f, to_int(caps, "line"), col, code, msg)
        if key in seen:
            return
        seen.add(key)
        sev = caps.get("sev", (b"",))[0][:1].lower()
        out.append({"file": f, "line": key[1], "column": col, "code": code,
                    "severity": {b"w": "warning", b"n": "note", b"i": "note"}.get(
                        sev, "error" if sev else p.severity),
                    "message": msg, "category": p.category, "tool": p.tool,
                    "hint": expand_template(p.hint, caps) if p.hint else None})

    def classify_line(i, line, present, tool=None):
        for p in pats:
            if p.needles and not (p.mask & present):
                continue
            if tool and p.tool != tool:
                continue
            if try_pattern(p, i, line):
                return True
        return False

    def gcc_json(line):
        try:
            doc = json.loads(line)
        except ValueError:
            return False
        if not isinstance(doc, list):
            return False
        found = False
        for d in doc:
            if not isinstance(d, dict) or not isinstance(d.get("kind"), str) \
                    or not isinstance(d.get("message"), str):
                continue
            locs = d.get("locations") or [{}]
            caret = locs[0].get("caret", {}) if isinstance(locs[0], dict) else {}
            synth = ("%s:%s:%s: %s: %s" % (caret.get("file", ""), caret.get("line", 0),
                                          caret.get("column", 0), d["kind"],
                                          d["message"])).encode()[:LINE_MAX]
            n = len(out)
            if classify_line(None, synth, -1, "gcc"):
                found = True
                if len(out) > n and out[n]["code"] is None:
                    out[n]["code"] = d.get("option")
        return found

    for i, line in enumerate(lines):
        if used[i]:
            continue
        present = 0
        for n in needles:
            if n in line:
                present |= bit[n]
        if line[:1] == b"[" and b'"kind"' in line[:64] and gcc_json(raw[i]):
            continue
        if present or unguarded:
            classify_line(i, line, present)
    return out


def main():
    datadir, log = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    pats = load(datadir)
    text = open(log, "rb").read()
    best, diags = None, []
    for _ in range(runs):
        t0 = time.perf_counter()
        diags = classify(pats, text)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    for d in diags:
        print("%s:%s" % (d["file"], d["line"]), file=sys.stderr)
    print(json.dumps({"bytes": len(text), "seconds": round(best, 4),
                      "mb_per_s": round(len(text) / 1e6 / best, 1),
                      "diagnostics": len(diags), "patterns": len(pats)}))


if __name__ == "__main__":
    main()
