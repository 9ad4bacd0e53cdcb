/*
 * The loop and its connections.
 *
 * A connection owns its fds, a read watcher, and a write watcher that runs
 * only while output is queued (redis: write directly, wait for writability
 * only when bytes are left over). A connection is never freed inside its own
 * callback: closing marks it and an ev_prepare watcher frees it before the
 * loop next blocks.
 */
#include "server/server.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <ev.h>

#include "core/agent.h"
#include "job/job.h"
#include "methods/methods.h"
#include "proc/proc.h"
#include "rpc/session.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/paths.h"

/* Above this much queued output we stop reading from the client until it
 * drains: backpressure instead of unbounded memory. */
#define CONN_OUT_HIGH ((size_t)16 << 20)
/* Output one client may have queued, and all of them together (the total
 * is AIRUNNER_MAX_QUEUED_OUTPUT bytes when set, for tests and small
 * machines). A reply that does not fit is answered with an output_limit
 * error instead (rpc.c), taken from a small reserve of each connection. */
#define CONN_OUT_MAX ((size_t)256 << 20)
#define QUEUED_TOTAL_MAX_DEFAULT ((size_t)512 << 20)
#define CONN_OUT_RESERVE ((size_t)1 << 20)
/* A client that reads (nothing queued) is served a reply this small even
 * when others have used up the total: their unread output must not starve
 * it. Worst case, the clients hold the total plus, each, this and the
 * reserve (a client that spends its reserve on errors is dropped). */
#define CONN_OUT_SMALL ((size_t)64 << 10)
#define READ_CHUNK 65536

struct server;

struct conn {
	struct server *srv;
	struct ev_loop *loop;
	int rfd, wfd;
	ev_io rw, ww;
	struct buf out;
	struct rpc_session *session;
	bool closing;        /* close once output is flushed */
	bool dead;           /* freed at the next prepare */
	bool is_stdio;
	bool read_eof;       /* stdio: stdin ended; finish what is in flight */
	/* To be killed by reap_cb. A send runs inside rpc code or a handler
	 * (which may be replying to a call right then): killing there would
	 * detach the session and run cancel callbacks under their caller. */
	bool kill_pending;
	/* out.ptr[0..out_off) is written; compacted now and then, not on
	 * every write (a memmove per write is quadratic in the queue). */
	size_t out_off;
	size_t counted;      /* of the pending output, what queued.total holds */
	size_t reserve_used; /* error replies over the limits, until drained */
	struct conn *next;   /* all connections */
};

/* Output queued on all connections, and its limit. */
struct queued_output {
	size_t total;
	size_t max;
	double logged; /* ev_now() of the last refusal logged */
};

/* The transports of one server_run, and the agent they serve. */
struct server {
	struct ev_loop *loop;
	struct agent agent;
	struct rpc_limits limits;
	int listen_fd;
	int lock_fd;
	char *socket_path;
	char *lock_path;
	ev_io accept_w;
	ev_signal sigterm_w, sigint_w;
	ev_prepare reap_w;
	struct conn *conns;
	bool stopping;
	int exit_status;
	struct queued_output queued;
	/*
	 * Out of descriptors, accept() fails with EMFILE and leaves the client
	 * in the backlog: the listener stays readable and the loop would spin
	 * while the client waits for ever. A descriptor held in reserve (as
	 * libev's and nginx's users do) lets us accept the client and close it
	 * at once, so it learns at once; when even that is not possible, the
	 * listener is not watched for a moment.
	 */
	int spare_fd;
	ev_timer accept_retry_w;
	double emfile_logged; /* ev_now() of the last log line: one a second */
};

static void conn_kill(struct conn *c);
static void server_request_stop(struct server *srv, int exit_status);

/* Brings queued.total in line with c->out after it grew or shrank. */
static void conn_account(struct conn *c)
{
	size_t pending = c->out.len - c->out_off;

	c->srv->queued.total = c->srv->queued.total - c->counted + pending;
	c->counted = pending;
	c->srv->agent.queued_output = c->srv->queued.total;
	if (!pending)
		c->reserve_used = 0;
}

/* Output not yet written. */
static size_t conn_pending(const struct conn *c)
{
	return c->out.len - c->out_off;
}

/* The peer takes no more output: drop it, kill at the next prepare. */
static void conn_break(struct conn *c)
{
	c->kill_pending = true;
	ev_io_stop(c->loop, &c->rw);
	ev_io_stop(c->loop, &c->ww);
	buf_release(&c->out);
	c->out_off = 0;
	conn_account(c);
}

static void conn_flush(struct conn *c)
{
	ssize_t n;

	while (c->out.len) {
		const char *p = c->out.ptr + c->out_off;
		size_t left = conn_pending(c);

		n = c->is_stdio ? write(c->wfd, p, left)
				: send(c->wfd, p, left, MSG_NOSIGNAL);
		if (n > 0) {
			c->out_off += (size_t)n;
			if (c->out_off == c->out.len) {
				/* Drained: a big queue gives its memory
				 * back rather than keep it for the next. */
				if (c->out.cap > ((size_t)1 << 20))
					buf_release(&c->out);
				else
					buf_truncate(&c->out, 0);
				c->out_off = 0;
			}
			conn_account(c);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!ev_is_active(&c->ww))
				ev_io_start(c->loop, &c->ww);
			return;
		}
		/* The peer is gone: its requests are all it loses. */
		conn_break(c);
		return;
	}
	if (ev_is_active(&c->ww))
		ev_io_stop(c->loop, &c->ww);
	if (!ev_is_active(&c->rw) && !c->closing && !c->dead && !c->read_eof)
		ev_io_start(c->loop, &c->rw);
	if (c->closing)
		c->kill_pending = true;
}

static int conn_send(void *transport, const char *data, size_t n,
		     unsigned flags)
{
	struct conn *c = transport;
	struct queued_output *q = &c->srv->queued;
	bool fits;

	if (c->dead || c->kill_pending)
		return 0; /* gone: nobody to tell */
	/* Judged on the whole message before a byte is written: a frame
	 * is sent whole or not at all. */
	fits = conn_pending(c) + n <= CONN_OUT_MAX &&
	       (q->total + n <= q->max ||
		(!c->out.len && n <= CONN_OUT_SMALL));
	if (!fits && (flags & RPC_SEND_RESERVE) &&
	    c->reserve_used + n <= CONN_OUT_RESERVE) {
		c->reserve_used += n;
		fits = true;
	}
	if (!fits) {
		/* One line a second: a client that sends many requests and
		 * reads nothing must not flood the log either. */
		if (flags & RPC_SEND_RESERVE)
			log_warn("a client reads none of its output and its error replies exceed %zu bytes: dropping it",
				 CONN_OUT_RESERVE);
		else if (ev_now(c->loop) - q->logged >= 1.0) {
			q->logged = ev_now(c->loop);
			log_warn("a reply of %zu bytes cannot be queued (%zu queued for this client, %zu of %zu for all); answering with an error",
				 n, conn_pending(c), q->total, q->max);
		}
		if (flags & RPC_SEND_RESERVE)
			conn_break(c);
		return -1;
	}
	/* Written bytes go before the buf grows: once they are half of
	 * it, or when they are in the way of its max. */
	if (c->out_off && (c->out_off >= c->out.len / 2 ||
			   c->out.len + n > c->out.max)) {
		buf_consume(&c->out, c->out_off);
		c->out_off = 0;
	}
	if (buf_add(&c->out, data, n) < 0) { /* cannot happen: max above */
		log_warn("client output over %zu bytes; dropping the client",
			 c->out.max);
		conn_break(c);
		return -1;
	}
	conn_account(c);
	conn_flush(c);
	if (!c->kill_pending && conn_pending(c) > CONN_OUT_HIGH &&
	    ev_is_active(&c->rw))
		ev_io_stop(c->loop, &c->rw);
	return 0;
}

static void conn_close_req(void *transport, bool after_shutdown)
{
	struct conn *c = transport;

	if (c->is_stdio) /* `exit` ends a stdio agent, as in LSP */
		server_request_stop(c->srv, after_shutdown ? 0 : 1);
	c->closing = true;
	if (ev_is_active(&c->rw))
		ev_io_stop(c->loop, &c->rw);
	/* Never inside the caller's stack (a handler may still hold a call):
	 * reap_cb kills it before the loop next blocks. */
	if (!c->out.len)
		c->kill_pending = true;
}

static const struct rpc_transport_ops conn_ops = { conn_send, conn_close_req };

/* Detaches the session now; the memory goes at the next prepare. */
static void conn_kill(struct conn *c)
{
	if (c->dead)
		return;
	c->dead = true;
	ev_io_stop(c->loop, &c->rw);
	ev_io_stop(c->loop, &c->ww);
	if (c->session) {
		struct rpc_session *s = c->session;

		c->session = NULL;
		rpc_session_detach(s);
	}
	if (c->is_stdio && !c->srv->stopping)
		server_request_stop(c->srv, c->srv->exit_status);
}

static void conn_read_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	struct conn *c = w->data;
	char chunk[READ_CHUNK];
	ssize_t n;

	n = read(c->rfd, chunk, sizeof(chunk));
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return;
	if (n == 0 && c->is_stdio) {
		/* `... | airunner serve --stdio`: stdin ends right after the
		 * requests; answer them before going (reap_cb). A socket peer
		 * that closes is gone: its requests are cancelled. */
		c->read_eof = true;
		ev_io_stop(loop, &c->rw);
		return;
	}
	if (n <= 0) {
		conn_kill(c);
		return;
	}
	if (c->session)
		rpc_session_feed(c->session, chunk, (size_t)n);
}

static void conn_write_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	conn_flush(w->data);
}

static struct conn *conn_new(struct server *srv, int rfd, int wfd,
			     bool is_stdio)
{
	struct conn *c = xcalloc(1, sizeof(*c));

	c->srv = srv;
	c->loop = srv->loop;
	c->rfd = rfd;
	c->wfd = wfd;
	c->is_stdio = is_stdio;
	/* conn_send keeps it within CONN_OUT_MAX and the reserve. */
	buf_init(&c->out, CONN_OUT_MAX + CONN_OUT_RESERVE);
	fcntl(rfd, F_SETFL, fcntl(rfd, F_GETFL) | O_NONBLOCK);
	fcntl(wfd, F_SETFL, fcntl(wfd, F_GETFL) | O_NONBLOCK);
	ev_io_init(&c->rw, conn_read_cb, rfd, EV_READ);
	ev_io_init(&c->ww, conn_write_cb, wfd, EV_WRITE);
	c->rw.data = c;
	c->ww.data = c;
	c->session = rpc_session_new(srv->agent.rpc, &conn_ops, c,
				     &srv->limits);
	c->next = srv->conns;
	srv->conns = c;
	ev_io_start(srv->loop, &c->rw);
	return c;
}

static void reap_cb(struct ev_loop *loop, ev_prepare *w, int revents)
{
	struct server *srv = w->data;
	struct conn **pp = &srv->conns, *c;

	while ((c = *pp)) {
		if (c->kill_pending)
			conn_kill(c);
		if (c->read_eof && !c->dead && !c->out.len &&
		    !rpc_session_busy(c->session))
			conn_kill(c);
		if (!c->dead) {
			pp = &c->next;
			continue;
		}
		*pp = c->next;
		if (!c->is_stdio) {
			close(c->rfd);
		}
		buf_release(&c->out);
		conn_account(c);
		free(c);
	}
	if (srv->stopping && !srv->conns)
		ev_break(loop, EVBREAK_ALL);
	else if (srv->stopping) {
		/* Wait only for pending output, never for a silent client. */
		for (c = srv->conns; c; c = c->next)
			if (!c->out.len || c->is_stdio)
				conn_kill(c);
	}
}

static void accept_retry_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct server *srv = w->data;

	if (srv->spare_fd < 0)
		srv->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (!srv->stopping && srv->listen_fd >= 0)
		ev_io_start(loop, &srv->accept_w);
}

static void accept_overloaded(struct server *srv, int why)
{
	struct ev_loop *loop = srv->loop;
	unsigned refused = 0;
	int fd;

	if (srv->spare_fd >= 0) {
		close(srv->spare_fd);
		while ((fd = accept4(srv->listen_fd, NULL, NULL,
				     SOCK_CLOEXEC)) >= 0) {
			close(fd);
			refused++;
		}
		srv->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	}
	if (ev_now(loop) - srv->emfile_logged >= 1.0) {
		srv->emfile_logged = ev_now(loop);
		log_warn("out of file descriptors (%s): closed %u new connection(s) unanswered",
			 strerror(why), refused);
	}
	if (srv->spare_fd < 0 || !refused) {
		ev_io_stop(loop, &srv->accept_w);
		ev_timer_stop(loop, &srv->accept_retry_w);
		ev_timer_set(&srv->accept_retry_w, 0.1, 0.);
		ev_timer_start(loop, &srv->accept_retry_w);
	}
}

/* Ends and frees every connection (after the loop has ended). */
static void conns_free_all(struct server *srv)
{
	struct conn *c;

	while ((c = srv->conns)) {
		conn_kill(c);
		srv->conns = c->next;
		if (!c->is_stdio)
			close(c->rfd);
		buf_release(&c->out);
		free(c);
	}
}

static void accept_cb(struct ev_loop *loop, ev_io *w, int revents)
{
	struct server *srv = w->data;
	struct ucred cred;
	socklen_t len = sizeof(cred);
	int fd;

	fd = accept4(srv->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (fd < 0) {
		if (errno == EMFILE || errno == ENFILE)
			accept_overloaded(srv, errno);
		return;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 ||
	    cred.uid != getuid()) {
		log_warn("refused a connection from uid %d (not ours)",
			 (int)cred.uid);
		close(fd);
		return;
	}
	conn_new(srv, fd, fd, false);
}

static void server_request_stop(struct server *srv, int exit_status)
{
	struct conn *c;

	if (srv->stopping)
		return;
	srv->stopping = true;
	srv->exit_status = exit_status;
	if (ev_is_active(&srv->accept_w))
		ev_io_stop(srv->loop, &srv->accept_w);
	rpc_server_cancel_all(srv->agent.rpc);
	job_engine_cancel_all(srv->agent.jobs); /* those nobody waits for */
	for (c = srv->conns; c; c = c->next) {
		c->closing = true;
		ev_io_stop(srv->loop, &c->rw);
		if (!c->out.len)
			conn_kill(c);
	}
}

static void agent_request_stop(struct agent *a, int exit_status)
{
	server_request_stop(a->ops_data, exit_status);
}

static const struct agent_ops server_agent_ops = { agent_request_stop };

static void signal_cb(struct ev_loop *loop, ev_signal *w, int revents)
{
	log_info("signal %d: stopping", w->signum);
	server_request_stop(w->data, 0);
}

/* Removes the socket at path (a dead agent's, when we take the lock; ours,
 * when we stop). Only a socket: anything else there is not ours to delete. */
static int unlink_socket(const char *path, struct err *e)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT
			       ? 0
			       : err_set_errno(e, ERR_IO, "cannot stat %s", path);
	if (!S_ISSOCK(st.st_mode))
		return err_set(e, ERR_UNSAFE_SOCKET,
			       "%s exists and is not a socket; not removing it",
			       path);
	if (unlink(path) < 0 && errno != ENOENT)
		return err_set_errno(e, ERR_IO, "cannot remove %s", path);
	return 0;
}

/*
 * The lock file beside the socket decides who serves: whoever holds the
 * flock. That makes "is an agent live?" race-free, and a socket file left by
 * a dead agent is simply replaced.
 */
static int take_socket(struct server *srv, const char *path, struct err *e)
{
	struct sockaddr_un sa;
	struct buf lock = BUF_INIT, pid = BUF_INIT;
	mode_t old;
	int fd = -1, r = -1;

	if (strlen(path) >= sizeof(sa.sun_path))
		return err_set(e, ERR_INVALID_PARAMS,
			       "socket path too long (%zu bytes, at most %zu)",
			       strlen(path), sizeof(sa.sun_path) - 1);
	if (paths_check_socket_dir(path, true, e) < 0)
		return -1;
	buf_addf(&lock, "%s.lock", path);
	srv->lock_fd = open(lock.ptr, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			    0600);
	if (srv->lock_fd < 0) {
		err_set_errno(e, ERR_IO, "cannot open %s", lock.ptr);
		goto out;
	}
	if (flock(srv->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		struct buf other = BUF_INIT;

		buf_read_file(&other, lock.ptr, 64);
		err_set(e, ERR_ALREADY_RUNNING,
			"an agent is already serving on %s (pid %s)", path,
			other.len ? other.ptr : "unknown");
		buf_release(&other);
		close(srv->lock_fd);
		srv->lock_fd = -1;
		goto out;
	}
	buf_addf(&pid, "%d", (int)getpid());
	if (ftruncate(srv->lock_fd, 0) < 0 ||
	    pwrite(srv->lock_fd, pid.ptr, pid.len, 0) < 0)
		log_warn("cannot record our pid in %s", lock.ptr);
	if (unlink_socket(path, e) < 0)
		goto out;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		err_set_errno(e, ERR_IO, "socket");
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	old = umask(0177); /* the socket is born 0600 */
	r = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (r < 0 || listen(fd, 128) < 0) {
		r = err_set_errno(e, ERR_IO, "cannot listen on %s", path);
		close(fd);
		goto out;
	}
	srv->listen_fd = fd;
	srv->socket_path = xstrdup(path);
	srv->lock_path = buf_detach(&lock, NULL);
	r = 0;
out:
	buf_release(&lock);
	buf_release(&pid);
	return r;
}

static void release_socket(struct server *srv)
{
	if (srv->listen_fd >= 0) {
		struct err e = ERR_INIT;

		close(srv->listen_fd);
		srv->listen_fd = -1;
		/* Still only a socket: whatever else took its place stays. */
		if (unlink_socket(srv->socket_path, &e) < 0)
			log_warn("%s", e.msg.ptr);
		err_clear(&e);
	}
	if (srv->lock_fd >= 0) {
		/* Named only once the socket listens: a start that failed
		 * midway leaves the lock file, which the next start reuses. */
		if (srv->lock_path)
			unlink(srv->lock_path);
		close(srv->lock_fd);
		srv->lock_fd = -1;
	}
	free(srv->socket_path);
	free(srv->lock_path);
	srv->socket_path = srv->lock_path = NULL;
}

int server_run(const struct server_options *opt, struct err *e)
{
	struct server *srv = xcalloc(1, sizeof(*srv));
	struct agent *a = &srv->agent;
	struct buf path = BUF_INIT, owner = BUF_INIT;
	struct rpc_server *rpc;
	const char *test_methods = getenv("AIRUNNER_TEST_METHODS");
	int r = -1;

	signal(SIGPIPE, SIG_IGN);
	proc_adopt_orphans(); /* what a check leaves comes back to us */
	srv->loop = EV_DEFAULT;
	srv->listen_fd = srv->lock_fd = -1;
	srv->spare_fd = -1;
	srv->limits.max_frame = opt->max_frame;
	srv->limits.max_depth = opt->max_depth;
	srv->queued.max = opt->max_queued_output ? opt->max_queued_output
						 : QUEUED_TOTAL_MAX_DEFAULT;
	agent_init(a, srv->loop);
	a->ops = &server_agent_ops;
	a->ops_data = srv;
	a->started = ev_time();
	a->stdio = opt->stdio;
	a->rpc = rpc_server_new(srv->loop, method_table, a);
	rpc_server_enable_hidden(a->rpc, test_methods &&
					 !strcmp(test_methods, "1"));

	if (opt->stdio) {
		log_default_level(LOG_WARN);
		buf_addf(&owner, "pid:%d", (int)getpid());
		if (agent_open_store(a, NULL, owner.ptr, e) < 0)
			goto out;
		methods_record_jobs(a);
		conn_new(srv, STDIN_FILENO, STDOUT_FILENO, true);
	} else {
		if (opt->socket_path)
			buf_adds(&path, opt->socket_path);
		else
			paths_socket_default(&path);
		if (take_socket(srv, path.ptr, e) < 0)
			goto out;
		/* Only the agent that holds the socket marks its runs
		 * interrupted: one that lost the race touches nothing. */
		if (agent_open_store(a, NULL, srv->socket_path, e) < 0)
			goto out;
		methods_record_jobs(a);
		a->socket = srv->socket_path;
		ev_io_init(&srv->accept_w, accept_cb, srv->listen_fd, EV_READ);
		srv->accept_w.data = srv;
		ev_io_start(srv->loop, &srv->accept_w);
		srv->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		ev_timer_init(&srv->accept_retry_w, accept_retry_cb, 0.1, 0.);
		srv->accept_retry_w.data = srv;
		log_info("serving on %s (pid %d)", srv->socket_path,
			 (int)getpid());
	}
	ev_signal_init(&srv->sigterm_w, signal_cb, SIGTERM);
	ev_signal_init(&srv->sigint_w, signal_cb, SIGINT);
	srv->sigterm_w.data = srv->sigint_w.data = srv;
	ev_signal_start(srv->loop, &srv->sigterm_w);
	ev_signal_start(srv->loop, &srv->sigint_w);
	ev_unref(srv->loop); /* signal watchers alone do not keep us alive */
	ev_unref(srv->loop);
	ev_prepare_init(&srv->reap_w, reap_cb);
	srv->reap_w.data = srv;
	ev_prepare_start(srv->loop, &srv->reap_w);
	ev_unref(srv->loop);

	ev_run(srv->loop, 0);
	/* The loop can also end with no watcher left before reap_cb ran. */
	conns_free_all(srv);

	ev_ref(srv->loop);
	ev_ref(srv->loop);
	ev_ref(srv->loop);
	ev_signal_stop(srv->loop, &srv->sigterm_w);
	ev_signal_stop(srv->loop, &srv->sigint_w);
	ev_prepare_stop(srv->loop, &srv->reap_w);
	if (ev_is_active(&srv->accept_w))
		ev_io_stop(srv->loop, &srv->accept_w);
	ev_timer_stop(srv->loop, &srv->accept_retry_w);
	r = srv->exit_status;
	log_info("stopped");
out:
	if (srv->spare_fd >= 0)
		close(srv->spare_fd);
	/* Jobs end first (their children killed), then the calls they held. */
	job_engine_set_recorder(a->jobs, NULL);
	rpc = a->rpc;
	agent_release(a); /* clears a */
	rpc_server_free(rpc);
	release_socket(srv);
	buf_release(&path);
	buf_release(&owner);
	free(srv);
	return r;
}
