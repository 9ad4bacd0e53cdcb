#include "llm/sse.h"

#include <string.h>

void sse_init(struct sse_parser *p, size_t max)
{
	memset(p, 0, sizeof(*p));
	buf_init(&p->line, max);
	buf_init(&p->event, 256);
	buf_init(&p->data, max);
}

void sse_release(struct sse_parser *p)
{
	buf_release(&p->line);
	buf_release(&p->event);
	buf_release(&p->data);
}

static int too_big(struct sse_parser *p, struct err *e)
{
	return err_set(e, ERR_TOO_BIG, "event stream: event over %zu bytes",
		       p->data.max);
}

/* One complete line (without its end). A blank line dispatches. */
static int sse_line(struct sse_parser *p, sse_event_fn fn, void *ud,
		    struct err *e)
{
	const char *l = p->line.ptr, *v, *colon;
	size_t n = p->line.len, fl, vl;
	int r = 0;

	if (n == 0) {
		if (p->have_data)
			r = fn(p->event.len ? p->event.ptr : "message",
			       p->data.ptr, p->data.len, ud, e);
		buf_reset(&p->event);
		buf_reset(&p->data);
		p->have_data = false;
		return r;
	}
	if (l[0] == ':') /* comment */
		return 0;
	colon = memchr(l, ':', n);
	fl = colon ? (size_t)(colon - l) : n;
	v = colon ? colon + 1 : l + n;
	if (v < l + n && *v == ' ')
		v++;
	vl = (size_t)(l + n - v);
	if (fl == 4 && !memcmp(l, "data", 4)) {
		if ((p->have_data && buf_addch(&p->data, '\n') < 0) ||
		    buf_add(&p->data, v, vl) < 0)
			return too_big(p, e);
		p->have_data = true;
	} else if (fl == 5 && !memcmp(l, "event", 5)) {
		buf_reset(&p->event);
		if (buf_add(&p->event, v, vl) < 0)
			return too_big(p, e);
	}
	/* id: and retry: mean nothing to a one-shot request; others are
	 * ignored as the spec says. */
	return 0;
}

int sse_feed(struct sse_parser *p, const char *s, size_t n, sse_event_fn fn,
	     void *ud, struct err *e)
{
	const char *end = s + n;

	if (!p->started && n) {
		/* A UTF-8 BOM may open the stream; it may come split too. */
		static const char bom[] = "\xEF\xBB\xBF";
		size_t have = p->line.len, k = 0;

		while (have + k < 3 && k < n && s[k] == bom[have + k])
			k++;
		if (have + k < 3 && k == n) {
			buf_add(&p->line, s, n);
			return 0;
		}
		if (have + k == 3) {
			buf_reset(&p->line);
			s += k;
		}
		p->started = true;
	}
	while (s < end) {
		const char *nl;
		size_t chunk;

		if (p->after_cr) {
			p->after_cr = false;
			if (*s == '\n') {
				s++;
				continue;
			}
		}
		/* Find the next line end, either kind, in one scan. */
		for (nl = s; nl < end && *nl != '\n' && *nl != '\r'; nl++)
			;
		chunk = (size_t)(nl - s);
		if (buf_add(&p->line, s, chunk) < 0)
			return too_big(p, e);
		if (nl == end)
			break;
		p->after_cr = *nl == '\r';
		s = nl + 1;
		if (sse_line(p, fn, ud, e) < 0)
			return -1;
		buf_reset(&p->line);
	}
	return 0;
}
