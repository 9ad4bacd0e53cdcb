/*
 * The benchmark client for rpc_bench.mjs: N threads, one Unix socket each,
 * a closed loop of pre-framed `status` requests (one in flight per socket),
 * replies read by Content-Length only. Small enough that the server, not
 * the client, is what is measured.
 *
 *   rt_client SOCKET CLIENTS REQUESTS-PER-CLIENT WARMUP
 *   -> {"rps":..,"median_us":..,"p99_us":..}
 *
 *   rt_client --floor SOCKET
 *   serves a canned status-shaped reply to every frame from one poll()
 *   loop: the floor (kernel and scheduler) under any event-loop server.
 *
 *   rt_client --paced SOCKET GAP_US
 *   one `status` at a time, GAP_US apart, until standard input closes:
 *   samples the agent's latency while the caller loads it some other way
 *   -> {"n":..,"p50_us":..,"p99_us":..,"max_us":..}
 */
#ifndef _GNU_SOURCE /* the CMake build defines it for every target */
#define _GNU_SOURCE
#endif
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char *sock_path;
static int per_client, warmup;
static pthread_barrier_t start;
static double *lat; /* clients * per_client, microseconds */

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void frame(char *out, size_t cap, const char *body)
{
	snprintf(out, cap, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
}

static void send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k <= 0)
			die("write");
		p += k;
		n -= (size_t)k;
	}
}

/* Reads one frame; buf keeps bytes that belong to the next one. -1 at EOF. */
static int read_frame(int fd, char *buf, size_t cap, size_t *have)
{
	for (;;) {
		char *sep = memmem(buf, *have, "\r\n\r\n", 4);

		if (sep) {
			size_t head = (size_t)(sep - buf) + 4;
			size_t body = strtoul(buf + strlen("Content-Length: "), NULL, 10);

			if (*have >= head + body) {
				memmove(buf, buf + head + body, *have - head - body);
				*have -= head + body;
				return 0;
			}
		}
		ssize_t k = read(fd, buf + *have, cap - *have);

		if (k <= 0)
			return -1;
		*have += (size_t)k;
	}
}

static void read_reply(int fd, char *buf, size_t cap, size_t *have)
{
	if (read_frame(fd, buf, cap, have) < 0)
		die("read");
}

static const char canned[] =
	"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"version\":\"0.1.0\","
	"\"pid\":1,\"uptimeMs\":1.5,\"transport\":\"socket\",\"socket\":"
	"\"/tmp/x/agent.sock\",\"connections\":1,\"requestsInFlight\":0,"
	"\"requestsTotal\":2}}";

/* One thread, poll() over every connection, as an event-loop server works:
 * the same system calls as the agent's loop, without its work. */
static void floor_server(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	static char bufs[65][4096]; /* per connection */
	struct pollfd pfd[65];
	char reply[512];
	size_t have[65] = { 0 }, n;
	int nfd = 1, i;

	frame(reply, sizeof(reply), canned);
	n = strlen(reply);
	pfd[0].fd = socket(AF_UNIX, SOCK_STREAM, 0);
	pfd[0].events = POLLIN;
	strncpy(sa.sun_path, path, sizeof(sa.sun_path) - 1);
	if (pfd[0].fd < 0 ||
	    bind(pfd[0].fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(pfd[0].fd, 64) < 0)
		die("listen");
	for (;;) {
		if (poll(pfd, (nfds_t)nfd, -1) < 0)
			die("poll");
		for (i = nfd - 1; i >= 1; i--) {
			char *buf = bufs[i];
			ssize_t k;

			if (!pfd[i].revents)
				continue;
			k = read(pfd[i].fd, buf + have[i], sizeof(bufs[i]) - have[i]);
			if (k <= 0) {
				close(pfd[i].fd);
				pfd[i] = pfd[--nfd];
				have[i] = have[nfd];
				memcpy(bufs[i], bufs[nfd], have[i]);
				continue;
			}
			have[i] += (size_t)k;
			/* One reply per complete frame received. */
			for (;;) {
				char *sep = memmem(buf, have[i], "\r\n\r\n", 4);
				size_t head, body;

				if (!sep)
					break;
				head = (size_t)(sep - buf) + 4;
				body = strtoul(buf + strlen("Content-Length: "), NULL, 10);
				if (have[i] < head + body)
					break;
				memmove(buf, buf + head + body, have[i] - head - body);
				have[i] -= head + body;
				send_all(pfd[i].fd, reply, n);
			}
		}
		if ((pfd[0].revents & POLLIN) && nfd < 65) {
			pfd[nfd].fd = accept(pfd[0].fd, NULL, NULL);
			pfd[nfd].events = POLLIN;
			have[nfd] = 0;
			if (pfd[nfd].fd >= 0)
				nfd++;
		}
	}
}

/* A connection to path that has been through the handshake and n `status`
 * round trips; req gets the framed `status` request. */
static int open_warm(const char *path, int n, char *req, size_t reqcap,
		     char *buf, size_t cap, size_t *have)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char init[256];
	size_t reqlen;
	int fd;

	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	strncpy(sa.sun_path, path, sizeof(sa.sun_path) - 1);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("connect");
	frame(init, sizeof(init),
	      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}");
	frame(req, reqcap, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}");
	reqlen = strlen(req);
	send_all(fd, init, strlen(init));
	read_reply(fd, buf, cap, have);
	for (int i = 0; i < n; i++) {
		send_all(fd, req, reqlen);
		read_reply(fd, buf, cap, have);
	}
	return fd;
}

static void *run(void *arg)
{
	long idx = (long)arg;
	char buf[65536], req[128];
	size_t have = 0, reqlen;
	int fd, i;

	fd = open_warm(sock_path, warmup, req, sizeof(req), buf, sizeof(buf), &have);
	reqlen = strlen(req);
	pthread_barrier_wait(&start);
	for (i = 0; i < per_client; i++) {
		double t = now_us();

		send_all(fd, req, reqlen);
		read_reply(fd, buf, sizeof(buf), &have);
		lat[idx * per_client + i] = now_us() - t;
	}
	close(fd);
	return NULL;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* A C client, so that what is sampled is the agent, not a JavaScript
 * runtime's timers and garbage collector. */
static void paced(const char *path, long gap_us)
{
	struct pollfd in = { .fd = 0, .events = POLLIN };
	struct timespec gap = { gap_us / 1000000, (gap_us % 1000000) * 1000 };
	char buf[65536], req[128];
	size_t have = 0, reqlen, n = 0, cap = 1 << 16;
	double *t = malloc(cap * sizeof(*t));
	int fd;

	if (!t)
		die("malloc");
	fd = open_warm(path, 50, req, sizeof(req), buf, sizeof(buf), &have);
	reqlen = strlen(req);
	/* Until the caller closes our stdin (or writes to it). */
	while (poll(&in, 1, 0) == 0) {
		double t0 = now_us();

		send_all(fd, req, reqlen);
		read_reply(fd, buf, sizeof(buf), &have);
		if (n == cap && !(t = realloc(t, (cap *= 2) * sizeof(*t))))
			die("realloc");
		t[n++] = now_us() - t0;
		nanosleep(&gap, NULL);
	}
	if (!n)
		die("no samples");
	qsort(t, n, sizeof(*t), cmp);
	printf("{\"n\":%zu,\"p50_us\":%.1f,\"p99_us\":%.1f,\"max_us\":%.1f}\n",
	       n, t[n / 2], t[n * 99 / 100], t[n - 1]);
	free(t);
	close(fd);
}

int main(int argc, char **argv)
{
	pthread_t *th;
	long clients, i;
	size_t n;
	double t0, wall;

	if (argc == 3 && !strcmp(argv[1], "--floor")) {
		floor_server(argv[2]);
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "--paced")) {
		paced(argv[2], atol(argv[3]));
		return 0;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: rt_client SOCKET CLIENTS REQUESTS WARMUP\n");
		return 2;
	}
	sock_path = argv[1];
	clients = atol(argv[2]);
	per_client = atoi(argv[3]);
	warmup = atoi(argv[4]);
	n = (size_t)clients * (size_t)per_client;
	lat = calloc(n, sizeof(*lat));
	th = calloc((size_t)clients, sizeof(*th));
	if (!lat || !th || clients < 1 || per_client < 1)
		return 2;
	pthread_barrier_init(&start, NULL, (unsigned)clients + 1);
	for (i = 0; i < clients; i++)
		pthread_create(&th[i], NULL, run, (void *)i);
	pthread_barrier_wait(&start);
	t0 = now_us();
	for (i = 0; i < clients; i++)
		pthread_join(th[i], NULL);
	wall = now_us() - t0;
	qsort(lat, n, sizeof(*lat), cmp);
	printf("{\"rps\":%.0f,\"median_us\":%.2f,\"p99_us\":%.2f}\n",
	       (double)n / (wall / 1e6), lat[n / 2], lat[n * 99 / 100]);
	return 0;
}
