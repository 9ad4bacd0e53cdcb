/*
 * The blocking client. Short-lived commands wait on one socket with poll();
 * they have nothing else to do meanwhile, so a loop would add nothing.
 */
#include "cli/client.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json/json.h"
#include "rpc/frame.h"
#include "util/env.h"
#include "util/fs.h"
#include "util/mem.h"
#include "util/paths.h"

extern char **environ;

struct client {
	int rfd, wfd;
	pid_t child; /* the private agent in --stdio mode */
	struct frame_reader fr;
	int64_t next_id;
	int64_t init_id; /* CLIENT_NO_WAIT: initialize, not answered yet; or 0 */
	struct buf init_result; /* the `initialize` result JSON */
	void (*notify)(const char *method, const char *params, void *data);
	void *notify_data;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static const char *self_exe(void)
{
	static char path[4096];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);

	if (n <= 0)
		return "airunner";
	path[n] = '\0';
	return path;
}

static int try_connect(const char *path)
{
	struct sockaddr_un sa;
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

/* Starts `airunner serve --socket PATH` in its own session, logging to the
 * state folder. Two clients racing here start two agents; the socket's lock
 * lets one win and the other exit at once. */
static int start_agent(const char *socket_path, struct err *e)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	struct buf logp = BUF_INIT;
	char *argv[5], **envp;
	pid_t pid;
	int r;

	paths_state_dir(&logp); /* the agent logs to STATE/agent.log */
	fs_mkdirs(logp.ptr, 0700, NULL); /* if it fails, so does the open */
	buf_adds(&logp, "/agent.log");
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, logp.ptr,
					 O_WRONLY | O_CREAT | O_APPEND, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	/* The agent outlives us: it must not keep our caller's fds (a hook's
	 * pipes to git, say) open. */
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
	argv[0] = (char *)self_exe();
	argv[1] = "serve";
	argv[2] = "--socket";
	argv[3] = (char *)socket_path;
	argv[4] = NULL;
	/* The agent serves every repo: a hook's GIT_DIR and friends would pin
	 * it (and every check it runs) to one. */
	envp = env_without_git();
	r = posix_spawn(&pid, argv[0], &fa, &attr, argv, envp);
	free(envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	buf_release(&logp);
	if (r != 0) {
		errno = r;
		return err_set_errno(e, ERR_AGENT_UNAVAILABLE,
				     "cannot start the agent (%s)", argv[0]);
	}
	return 0;
}

static int spawn_stdio_agent(struct client *c, struct err *e)
{
	posix_spawn_file_actions_t fa;
	int in[2], out[2], r;
	char *argv[4];

	if (pipe2(in, O_CLOEXEC) < 0)
		return err_set_errno(e, ERR_AGENT_UNAVAILABLE, "pipe");
	if (pipe2(out, O_CLOEXEC) < 0) {
		err_set_errno(e, ERR_AGENT_UNAVAILABLE, "pipe");
		close(in[0]);
		close(in[1]);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	argv[0] = (char *)self_exe();
	argv[1] = "serve";
	argv[2] = "--stdio";
	argv[3] = NULL;
	r = posix_spawn(&c->child, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(out[1]);
	if (r != 0) {
		close(in[1]);
		close(out[0]);
		errno = r;
		return err_set_errno(e, ERR_AGENT_UNAVAILABLE,
				     "cannot start %s", argv[0]);
	}
	c->wfd = in[1];
	c->rfd = out[0];
	return 0;
}

static int write_all(int fd, const char *p, size_t n, struct err *e)
{
	ssize_t k;

	while (n) {
		k = send(fd, p, n, MSG_NOSIGNAL);
		if (k < 0 && errno == ENOTSOCK)
			k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return err_set_errno(e, ERR_AGENT_UNAVAILABLE,
					     "lost the agent while sending");
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int send_request(struct client *c, int64_t id, const char *method,
			const char *params, struct err *e)
{
	struct buf body = BUF_INIT, framed = BUF_INIT;
	struct json_writer w;
	int r;

	json_writer_init(&w, &body);
	json_obj_begin(&w);
	json_kv_str(&w, "jsonrpc", "2.0");
	json_kv_int(&w, "id", id);
	json_kv_str(&w, "method", method);
	if (params) {
		json_key(&w, "params");
		json_w_raw(&w, params, strlen(params));
	}
	json_obj_end(&w);
	frame_write(&framed, body.ptr, body.len);
	r = write_all(c->wfd, framed.ptr, framed.len, e);
	buf_release(&body);
	buf_release(&framed);
	return r;
}

/* Handles one incoming message; 1 when it is the response to `id`. */
static int handle_message(struct client *c, const char *text, size_t n,
			  int64_t id, struct buf *result, int *code,
			  struct err *e, int *status)
{
	struct json_doc d = JSON_DOC_INIT;
	int64_t got;
	int v, done = 0;

	if (json_parse(&d, text, n, 0, NULL) < 0)
		return 0; /* not ours to judge; skip it */
	v = json_get(&d, 0, "method");
	if (v >= 0) {
		if (c->notify) {
			char *m = json_strdup(&d, v);
			size_t plen;
			const char *p = json_raw(&d, json_get(&d, 0, "params"),
						 &plen);
			char *params = xstrndup(p, plen);

			if (m)
				c->notify(m, params, c->notify_data);
			free(m);
			free(params);
		}
		goto out;
	}
	v = json_get(&d, 0, "id");
	/* An error with id null answers a request the agent could not read;
	 * we have one request outstanding, so it is ours. */
	if (!(json_type(&d, v) == JSON_NULL && json_get(&d, 0, "error") >= 0) &&
	    (json_int64(&d, v, &got) < 0 || got != id))
		goto out;
	done = 1;
	v = json_get(&d, 0, "error");
	if (v >= 0) {
		int64_t ec = 0;
		char *msg = json_strdup(&d, json_get(&d, v, "message"));
		int data = json_get(&d, v, "data");

		json_int64(&d, json_get(&d, v, "code"), &ec);
		if (code)
			*code = (int)ec;
		err_set(e, ERR_RPC, "%s", msg ? msg : "(no message)");
		free(msg);
		if (data >= 0) {
			size_t dn;
			const char *dr = json_raw(&d, data, &dn);

			buf_add(result, dr, dn);
		}
		*status = -1;
	} else {
		size_t rn;
		const char *rr = json_raw(&d, json_get(&d, 0, "result"), &rn);

		buf_add(result, rn ? rr : "null", rn ? rn : 4);
		*status = 0;
	}
out:
	json_doc_release(&d);
	return done;
}

int client_send(struct client *c, const char *method, const char *params_json,
		int64_t *id, struct err *e)
{
	*id = c->next_id++;
	return send_request(c, *id, method, params_json, e);
}

int client_wait(struct client *c, const char *method, int64_t id,
		int timeout_ms, struct buf *result, int *code, struct err *e)
{
	double deadline = timeout_ms > 0 ? now_ms() + timeout_ms : 0;
	struct err fe = ERR_INIT;
	char chunk[65536];
	int status = -1;

	for (;;) {
		const char *body;
		size_t len;
		enum frame_status st;
		struct pollfd pfd = { c->rfd, POLLIN, 0 };
		int wait = -1, pr;
		ssize_t n;

		while ((st = frame_reader_next(&c->fr, &body, &len, &fe)) !=
		       FRAME_NEED_MORE) {
			if (st == FRAME_ERROR) {
				err_clear(&fe);
				continue;
			}
			if (handle_message(c, body, len, id, result, code, e,
					   &status))
				return status;
		}
		if (deadline) {
			double left = deadline - now_ms();

			if (left <= 0)
				return err_set(e, ERR_TIMEOUT,
					       "no answer to %s within %d ms",
					       method, timeout_ms);
			wait = (int)left + 1;
		}
		pr = poll(&pfd, 1, wait);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr == 0)
			continue;
		n = read(c->rfd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return err_set(e, ERR_AGENT_UNAVAILABLE,
				       "the agent closed the connection before answering %s",
				       method);
		frame_reader_feed(&c->fr, chunk, (size_t)n);
	}
}

int client_call(struct client *c, const char *method, const char *params_json,
		int timeout_ms, struct buf *result, int *code, struct err *e)
{
	int64_t id;

	if (client_send(c, method, params_json, &id, e) < 0)
		return -1;
	return client_wait(c, method, id, timeout_ms, result, code, e);
}

/*
 * The agent's uid, from the kernel (SO_PEERCRED): whatever the folder looked
 * like, only an agent of ours may hear a request. Checked before we send a
 * byte: verify/run carries the repository's paths.
 */
static int check_peer(int fd, const char *path, struct err *e)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
		return err_set_errno(e, ERR_UNSAFE_SOCKET,
				     "cannot tell who listens on %s", path);
	if (cred.uid != getuid())
		return err_set(e, ERR_UNSAFE_SOCKET,
			       "the agent on %s runs as uid %d, not as us (uid %d); refusing to talk to it",
			       path, (int)cred.uid, (int)getuid());
	return 0;
}

/* The socket's folder must be ours and private before we connect; a
 * missing folder is only "nobody listens" (1). */
static int check_socket_dir(const char *path, struct err *e)
{
	if (paths_check_socket_dir(path, false, e) == 0)
		return 0;
	if (e->kind == ERR_IO && errno == ENOENT) {
		err_clear(e);
		return 1;
	}
	if (e->kind == ERR_UNSAFE_SOCKET)
		err_prefix(e, "refusing the agent's socket %s", path);
	return -1;
}

static int connect_or_start(struct client *c, const char *path,
			    unsigned flags, int timeout_ms, struct err *e)
{
	double deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 5000);
	bool started = false;
	int fd, dir;

	for (;;) {
		dir = check_socket_dir(path, e);
		if (dir < 0)
			return -1;
		fd = dir == 0 ? try_connect(path) : -1;
		if (fd >= 0) {
			if (check_peer(fd, path, e) < 0) {
				close(fd);
				return -1;
			}
			c->rfd = c->wfd = fd;
			return 0;
		}
		if (dir == 0 && errno != ENOENT && errno != ECONNREFUSED &&
		    errno != EAGAIN)
			return err_set_errno(e, ERR_AGENT_UNAVAILABLE,
					     "cannot connect to %s", path);
		if (!(flags & CLIENT_AUTOSTART))
			return err_set(e, ERR_AGENT_UNAVAILABLE,
				       "no agent is listening on %s (start one with `airunner serve`)",
				       path);
		if (!started) {
			struct err se = ERR_INIT;

			if (paths_check_socket_dir(path, true, &se) < 0 ||
			    start_agent(path, &se) < 0) {
				err_move(e, &se);
				return -1;
			}
			started = true;
		}
		if (now_ms() > deadline)
			return err_set(e, ERR_AGENT_UNAVAILABLE,
				       "started an agent, but it did not listen on %s within %d ms",
				       path, timeout_ms);
		usleep(5000);
	}
}

/* The handshake's answer, for initialize sent as params (NULL: already
 * sent, as c->init_id). */
static int client_initialized_wait(struct client *c, const char *params,
				   int timeout_ms, struct err *e)
{
	int64_t id = c->init_id;

	if (params && client_send(c, "initialize", params, &id, e) < 0)
		return -1;
	c->init_id = 0;
	if (client_wait(c, "initialize", id, timeout_ms > 0 ? timeout_ms : 5000,
			&c->init_result, NULL, e) < 0) {
		if (e->kind == ERR_RPC)
			e->kind = ERR_AGENT_UNAVAILABLE;
		err_prefix(e, "initialize");
		return -1;
	}
	return 0;
}

int client_initialized(struct client *c, int timeout_ms, struct err *e)
{
	return c->init_id ? client_initialized_wait(c, NULL, timeout_ms, e) : 0;
}

int client_open(struct client **out, const char *socket_path,
		const char *workspace, unsigned flags, int timeout_ms,
		struct err *e)
{
	struct client *c = xcalloc(1, sizeof(*c));
	struct buf path = BUF_INIT, params = BUF_INIT;
	struct json_writer w;
	int r = -1;

	c->rfd = c->wfd = -1;
	c->next_id = 1;
	buf_init(&c->init_result, 0);
	frame_reader_init(&c->fr, 0);
	signal(SIGPIPE, SIG_IGN);
	if (flags & CLIENT_STDIO) {
		if (spawn_stdio_agent(c, e) < 0)
			goto out;
	} else {
		if (socket_path)
			buf_adds(&path, socket_path);
		else
			paths_socket_default(&path);
		if (connect_or_start(c, path.ptr, flags, timeout_ms, e) < 0)
			goto out;
	}
	json_writer_init(&w, &params);
	json_obj_begin(&w);
	json_kv_int(&w, "processId", (int64_t)getpid());
	json_key(&w, "clientInfo");
	json_obj_begin(&w);
	json_kv_str(&w, "name", "airunner-cli");
	json_kv_str(&w, "version", AIRUNNER_VERSION);
	json_obj_end(&w);
	if (workspace)
		json_kv_str(&w, "rootPath", workspace);
	json_obj_end(&w);
	if (flags & CLIENT_NO_WAIT) {
		if (client_send(c, "initialize", params.ptr, &c->init_id,
				e) < 0)
			goto out;
	} else if (client_initialized_wait(c, params.ptr, timeout_ms, e) < 0) {
		goto out;
	}
	*out = c;
	c = NULL;
	r = 0;
out:
	buf_release(&path);
	buf_release(&params);
	if (c)
		client_close(c);
	return r;
}

const char *client_initialize_result(const struct client *c)
{
	return c->init_result.ptr;
}

void client_on_notify(struct client *c,
		      void (*fn)(const char *method, const char *params_json,
				 void *data),
		      void *data)
{
	c->notify = fn;
	c->notify_data = data;
}

void client_close(struct client *c)
{
	if (!c)
		return;
	if (c->wfd >= 0 && c->wfd != c->rfd)
		close(c->wfd);
	if (c->rfd >= 0)
		close(c->rfd);
	if (c->child > 0) {
		/* The private agent ends on EOF; reap it. */
		waitpid(c->child, NULL, 0);
	}
	frame_reader_release(&c->fr);
	buf_release(&c->init_result);
	free(c);
}
