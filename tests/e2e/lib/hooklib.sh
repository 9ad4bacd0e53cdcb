# Shared set-up for the hook tests: a private scratch folder, git config,
# socket and runtime dir, so a test never touches the user's agent or
# settings, and a cleanup that ends every process the test started.
#
# Source it, then use: new_repo DIR, commit_ok MSG, commit_blocked MSG,
# expect_in FILE TEXT, fail MSG. $T is the scratch folder.
set -u

: "${AIRUNNER_BIN:?AIRUNNER_BIN must name the airunner binary}"
: "${AIRUNNER_SRC:?AIRUNNER_SRC must name the source tree}"

T=$(mktemp -d "${TMPDIR:-/tmp}/airunner-hooktest.XXXXXX")
export AIRUNNER_TEST_TAG=$T
export HOME=$T/home XDG_RUNTIME_DIR=$T/run XDG_CONFIG_HOME=$T/home/.config
export XDG_STATE_HOME=$T/home/.state XDG_CACHE_HOME=$T/home/.cache
export AIRUNNER_SOCKET=$T/run/airunner/agent.sock
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$T/home/.gitconfig
export GIT_AUTHOR_NAME=tester GIT_AUTHOR_EMAIL=tester@example.com
export GIT_COMMITTER_NAME=tester GIT_COMMITTER_EMAIL=tester@example.com
unset AIRUNNER_SKIP GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE NO_COLOR
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# Every process that inherited our tag (an autostarted agent, a check it
# ran) is ours to end; nothing else is touched.
hooktest_cleanup() {
	local p pid
	for p in /proc/[0-9]*; do
		pid=${p#/proc/}
		[ "$pid" = $$ ] && continue
		if { tr '\0' '\n' <"$p/environ"; } 2>/dev/null |
			grep -qx "AIRUNNER_TEST_TAG=$T"; then
			kill -9 "$pid" 2>/dev/null
		fi
	done
	rm -rf "$T"
}
trap hooktest_cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# new_repo DIR: an empty repository with one commit, cwd inside it.
new_repo() {
	mkdir -p "$1" && cd "$1" || fail "cannot make $1"
	git init -q . || fail "git init"
	echo "# test" >README.md
	git add README.md && git commit -qm init || fail "first commit"
}

# commit_ok MSG [git commit args]: the commit must pass; its output is in
# $T/out.
commit_ok() {
	local msg=$1
	shift
	git commit -q -m "$msg" "$@" >"$T/out" 2>&1 ||
		{ cat "$T/out" >&2; fail "commit '$msg' was blocked"; }
}

# commit_blocked MSG [args]: the commit must be refused, HEAD unchanged.
commit_blocked() {
	local msg=$1 head
	shift
	head=$(git rev-parse HEAD)
	if git commit -q -m "$msg" "$@" >"$T/out" 2>&1; then
		cat "$T/out" >&2
		fail "commit '$msg' passed but should be blocked"
	fi
	[ "$(git rev-parse HEAD)" = "$head" ] || fail "HEAD moved on a blocked commit"
}

# expect_in FILE TEXT: FILE holds TEXT (a fixed string).
expect_in() {
	grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "expected '$2' in $1"; }
}

expect_not_in() {
	! grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "did not expect '$2' in $1"; }
}

# example_repo DIR: the bundled TypeScript example as a committed repo with
# airunner's hook installed and its dev dependencies linked in.
example_repo() {
	local deps
	deps=$("$AIRUNNER_SRC/scripts/example-deps.sh") || fail "installing the example's dependencies"
	# Without a node_modules the set-up may have left in the source tree:
	# the linked one is the example's.
	mkdir -p "$1" && tar -C "$AIRUNNER_SRC/tests/fixtures/example-ts" \
		--exclude=./node_modules -cf - . | tar -C "$1" -xf - &&
		cd "$1" || fail "copy the example"
	ln -s "$deps" node_modules
	git init -q . && git add -A && git commit -qm "the example" || fail "example commit"
	"$AIRUNNER_BIN" hooks install >/dev/null || fail "hooks install"
}

# The agent that serves our private socket, if one runs: its pid, or "".
agent_pid() {
	"$AIRUNNER_BIN" call --no-start status 2>/dev/null |
		sed -n 's/.*"pid":\([0-9]*\).*/\1/p'
}
