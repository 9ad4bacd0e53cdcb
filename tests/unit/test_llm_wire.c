/* The wire formats: request bodies built, responses parsed whole and
 * streamed, and cost arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "llm/cost.h"
#include "llm/wire.h"

static const char messages[] =
	"[{\"role\":\"user\",\"content\":\"first\"},"
	"{\"role\":\"assistant\",\"content\":["
	"{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"SIG\"},"
	"{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"edit\","
	"\"input\":{\"path\":\"a.c\"}}]},"
	"{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
	"\"tool_use_id\":\"t1\",\"content\":\"done\"},"
	"{\"type\":\"text\",\"text\":\"go on\"}]}]";

static const char tools[] =
	"[{\"name\":\"edit\",\"description\":\"Edits\",\"input_schema\":"
	"{\"type\":\"object\"}}]";

static void base_request(struct llm_request *r)
{
	memset(r, 0, sizeof(*r));
	r->model = "claude-sonnet-4-5";
	r->system = "You are terse.";
	r->messages_json = messages;
	r->messages_len = sizeof(messages) - 1;
	r->tools_json = tools;
	r->tools_len = sizeof(tools) - 1;
}

static char *build(const struct llm_wire *w, const struct llm_request *r,
		   enum err_kind want_kind)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	int rc = wire_build(w, &out, r, &e);

	if (want_kind) {
		assert_int_equal(rc, -1);
		assert_int_equal(e.kind, want_kind);
		err_clear(&e);
		buf_release(&out);
		return NULL;
	}
	assert_int_equal(rc, 0);
	assert_true(utf8_valid(out.ptr, out.len));
	return buf_detach(&out, NULL);
}

/* w refuses r as invalid params, with a message holding `says`. */
static void refused(const struct llm_wire *w, const struct llm_request *r,
		    const char *says)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;

	assert_int_equal(wire_build(w, &out, r, &e), -1);
	assert_int_equal(e.kind, ERR_INVALID_PARAMS);
	if (!strstr(e.msg.ptr, says))
		fail_msg("\"%s\" does not say \"%s\"", e.msg.ptr, says);
	err_clear(&e);
	buf_release(&out);
}

static void set_messages(struct llm_request *r, const char *json)
{
	r->messages_json = json;
	r->messages_len = strlen(json);
}

static void test_anthropic_request(void **state)
{
	struct llm_request r;
	int marks[] = { -1, 0 };
	char *body;

	base_request(&r);
	r.thinking_budget = 2048;
	r.stream = true;
	r.cache_system = r.cache_tools = true;
	r.cache_messages = marks;
	r.n_cache_messages = 2;
	r.cache_ttl_1h = true;
	body = build(&llm_wire_anthropic, &r, ERR_NONE);
	assert_string_equal(
		body,
		"{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":6144,"
		"\"system\":[{\"type\":\"text\",\"text\":\"You are terse.\","
		"\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}],"
		"\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
		"\"text\",\"text\":\"first\",\"cache_control\":{\"type\":"
		"\"ephemeral\",\"ttl\":\"1h\"}}]},"
		"{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\","
		"\"thinking\":\"hm\",\"signature\":\"SIG\"},{\"type\":"
		"\"tool_use\",\"id\":\"t1\",\"name\":\"edit\",\"input\":"
		"{\"path\":\"a.c\"}}]},"
		"{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
		"\"tool_use_id\":\"t1\",\"content\":\"done\"},{\"type\":"
		"\"text\",\"text\":\"go on\",\"cache_control\":{\"type\":"
		"\"ephemeral\",\"ttl\":\"1h\"}}]}],"
		"\"tools\":[{\"name\":\"edit\",\"description\":\"Edits\","
		"\"input_schema\":{\"type\":\"object\"},\"cache_control\":"
		"{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}],"
		"\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},"
		"\"temperature\":1,\"stream\":true}");
	free(body);
}

static void test_anthropic_refusals(void **state)
{
	struct llm_request r;
	int far[] = { 3 };

	base_request(&r);
	r.thinking_budget = 2048;
	r.max_tokens = 2048;
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	r.max_tokens = 0;
	r.thinking_budget = 100;
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	r.thinking_budget = 2048;
	r.has_temperature = true;
	r.temperature = 0.2;
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	base_request(&r);
	r.cache_messages = far;
	r.n_cache_messages = 1;
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	base_request(&r);
	r.messages_json = "[{\"role\":\"system\",\"content\":\"x\"}]";
	r.messages_len = strlen(r.messages_json);
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	r.messages_json = "[]";
	r.messages_len = 2;
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
	r.messages_json = "[{\"role\":\"user\",\"content\":\"x\"}";
	r.messages_len = strlen(r.messages_json);
	build(&llm_wire_anthropic, &r, ERR_INVALID_PARAMS);
}

static void test_cached_block_not_an_object(void **state)
{
	struct llm_request r;
	int last[] = { -1 };

	/* A breakpoint goes on the message's last block: a string there
	 * would have been sent as a block with no type, only the
	 * cache_control. Refused, with or without the breakpoint. */
	base_request(&r);
	r.cache_messages = last;
	r.n_cache_messages = 1;
	set_messages(&r, "[{\"role\":\"user\",\"content\":[{\"type\":"
			 "\"text\",\"text\":\"a\"},\"b\"]}]");
	refused(&llm_wire_anthropic, &r,
		"messages[0].content[1]: a block must be an object");
	r.n_cache_messages = 0;
	refused(&llm_wire_anthropic, &r, "messages[0].content[1]");
	set_messages(&r, "[{\"role\":\"user\",\"content\":\"a\"},"
			 "{\"role\":\"assistant\",\"content\":[7]}]");
	refused(&llm_wire_anthropic, &r,
		"messages[1].content[0]: a block must be an object");
	/* No block at all: the breakpoint has nowhere to go. */
	set_messages(&r, "[{\"role\":\"user\",\"content\":[]}]");
	r.n_cache_messages = 1;
	refused(&llm_wire_anthropic, &r,
		"cache breakpoint on message -1, which has no content block");
	last[0] = 0;
	refused(&llm_wire_anthropic, &r,
		"cache breakpoint on message 0, which has no content block");

	/* OpenAI has no breakpoints, but joined only the text of object
	 * blocks: a string among them was dropped without a word. */
	base_request(&r);
	r.tools_json = NULL;
	set_messages(&r, "[{\"role\":\"user\",\"content\":[{\"type\":"
			 "\"text\",\"text\":\"a\"},\"b\"]}]");
	refused(&llm_wire_openai, &r,
		"messages[0].content[1]: a block must be an object");
}

static void test_openai_request(void **state)
{
	struct llm_request r;
	char *body;
	static const char schema[] = "{\"name\":\"plan\",\"schema\":{}}";

	base_request(&r);
	r.model = "gpt-5";
	r.max_tokens = 100;
	r.reasoning_effort = "low";
	r.json_schema = schema;
	r.json_schema_len = sizeof(schema) - 1;
	r.stream = true;
	body = build(&llm_wire_openai, &r, ERR_NONE);
	assert_string_equal(
		body,
		"{\"model\":\"gpt-5\",\"messages\":["
		"{\"role\":\"system\",\"content\":\"You are terse.\"},"
		"{\"role\":\"user\",\"content\":\"first\"},"
		"{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{"
		"\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":"
		"\"edit\",\"arguments\":\"{\\\"path\\\":\\\"a.c\\\"}\"}}]},"
		"{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"content\":"
		"\"done\"},"
		"{\"role\":\"user\",\"content\":\"go on\"}],"
		"\"max_completion_tokens\":100,\"reasoning_effort\":\"low\","
		"\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
		"\"edit\",\"description\":\"Edits\",\"parameters\":{\"type\":"
		"\"object\"}}}],"
		"\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
		"{\"name\":\"plan\",\"schema\":{}}},"
		"\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
	free(body);
	r.thinking_budget = 2048;
	build(&llm_wire_openai, &r, ERR_INVALID_PARAMS);
}

/* A system prompt of blocks: Anthropic sends each, a breakpoint on the
 * ones marked (the repo context after the instructions); OpenAI joins
 * them into one system message. `system` is then not used. */
static void test_system_blocks(void **state)
{
	static const struct llm_system_block blocks[] = {
		{ "Instructions.", false },
		{ "The repo context.", true },
	};
	struct llm_request r;
	char *body;

	(void)state;
	base_request(&r);
	r.tools_json = NULL;
	r.system_blocks = blocks;
	r.n_system_blocks = 2;
	body = build(&llm_wire_anthropic, &r, ERR_NONE);
	assert_non_null(strstr(body,
		"\"system\":[{\"type\":\"text\",\"text\":\"Instructions.\"},"
		"{\"type\":\"text\",\"text\":\"The repo context.\","
		"\"cache_control\":{\"type\":\"ephemeral\"}}],"));
	assert_null(strstr(body, "You are terse."));
	free(body);
	r.model = "gpt-5";
	body = build(&llm_wire_openai, &r, ERR_NONE);
	assert_non_null(strstr(body,
		"{\"role\":\"system\",\"content\":\"Instructions.\\n\\n"
		"The repo context.\"},"));
	assert_null(strstr(body, "You are terse."));
	free(body);
}

static char *content_json(const struct llm_response *res)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	llm_write_content(&w, res);
	return buf_detach(&out, NULL);
}

static void test_anthropic_parse(void **state)
{
	static const char body[] =
		"{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
		"\"model\":\"claude-sonnet-4-5\",\"content\":["
		"{\"type\":\"thinking\",\"thinking\":\"plan\",\"signature\":"
		"\"S1\"},{\"type\":\"text\",\"text\":\"ok\"},{\"type\":"
		"\"tool_use\",\"id\":\"tu\",\"name\":\"edit\",\"input\":{\"a\":"
		"[1,2]}}],\"stop_reason\":\"tool_use\",\"usage\":{"
		"\"input_tokens\":10,\"output_tokens\":20,"
		"\"cache_creation_input_tokens\":3000,"
		"\"cache_read_input_tokens\":5000,\"cache_creation\":{"
		"\"ephemeral_5m_input_tokens\":1000,"
		"\"ephemeral_1h_input_tokens\":2000}}}";
	struct llm_response res = { 0 };
	struct err e = ERR_INIT;
	char *json;

	assert_int_equal(llm_wire_anthropic.parse(&res, body, sizeof(body) - 1,
						  &e), 0);
	assert_string_equal(res.stop_reason, "tool_use");
	assert_string_equal(res.id, "msg_1");
	assert_int_equal(res.usage.input, 10);
	assert_int_equal(res.usage.output, 20);
	assert_int_equal(res.usage.cache_write, 3000);
	assert_int_equal(res.usage.cache_write_1h, 2000);
	assert_int_equal(res.usage.cache_read, 5000);
	json = content_json(&res);
	assert_string_equal(
		json,
		"[{\"type\":\"thinking\",\"thinking\":\"plan\",\"signature\":"
		"\"S1\"},{\"type\":\"text\",\"text\":\"ok\"},{\"type\":"
		"\"tool_use\",\"id\":\"tu\",\"name\":\"edit\",\"input\":{\"a\":"
		"[1,2]}}]");
	free(json);
	llm_response_release(&res);
	assert_int_equal(llm_wire_anthropic.parse(&res, "{\"type\":", 8, &e),
			 -1);
	err_clear(&e);
	llm_response_release(&res);
}

struct deltas {
	struct buf log;
};

static void on_delta(enum llm_block_type type, int index, const char *p,
		     size_t n, int attempt, void *ud)
{
	struct deltas *d = ud;

	buf_addf(&d->log, "%d:%d:%.*s|", (int)type, index, (int)n, p);
}

static void feed_events(const struct llm_wire *w, struct llm_stream *s,
			const char *const *events)
{
	struct err e = ERR_INIT;

	for (int i = 0; events[i]; i++)
		assert_int_equal(w->event(s, "x", events[i],
					  strlen(events[i]), &e), 0);
	err_clear(&e);
}

static void test_anthropic_stream(void **state)
{
	static const char *const events[] = {
		"{\"type\":\"message_start\",\"message\":{\"id\":\"m\","
		"\"model\":\"claude-x\",\"usage\":{\"input_tokens\":5,"
		"\"cache_read_input_tokens\":7,\"output_tokens\":1}}}",
		"{\"type\":\"content_block_start\",\"index\":0,"
		"\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\","
		"\"signature\":\"\"}}",
		"{\"type\":\"ping\"}",
		"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
		"\"type\":\"thinking_delta\",\"thinking\":\"th\"}}",
		"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
		"\"type\":\"signature_delta\",\"signature\":\"SIG==\"}}",
		"{\"type\":\"content_block_stop\",\"index\":0}",
		"{\"type\":\"content_block_start\",\"index\":1,"
		"\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
		"{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{"
		"\"type\":\"text_delta\",\"text\":\"h\\u00e9\"}}",
		"{\"type\":\"content_block_start\",\"index\":2,"
		"\"content_block\":{\"type\":\"tool_use\",\"id\":\"tu\","
		"\"name\":\"edit\",\"input\":{}}}",
		"{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{"
		"\"type\":\"input_json_delta\",\"partial_json\":\"\"}}",
		"{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{"
		"\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\"\"}}",
		"{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{"
		"\"type\":\"input_json_delta\",\"partial_json\":\":1}\"}}",
		"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
		"\"tool_use\"},\"usage\":{\"output_tokens\":42}}",
		"{\"type\":\"message_stop\"}",
		NULL,
	};
	struct llm_response res = { 0 };
	struct deltas d = { BUF_INIT };
	struct llm_callbacks cb = { on_delta, NULL, &d };
	struct llm_stream s;
	struct err e = ERR_INIT;
	char *json;
	static const char error[] =
		"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
		"\"message\":\"Overloaded\"}}";

	llm_stream_init(&s, &res, &cb, 1);
	feed_events(&llm_wire_anthropic, &s, events);
	assert_true(s.done);
	assert_string_equal(d.log.ptr, "1:0:th|0:1:h\xC3\xA9|3:2:{\"a\"|3:2::1}|");
	json = content_json(&res);
	assert_string_equal(
		json,
		"[{\"type\":\"thinking\",\"thinking\":\"th\",\"signature\":"
		"\"SIG==\"},{\"type\":\"text\",\"text\":\"h\xC3\xA9\"},{"
		"\"type\":\"tool_use\",\"id\":\"tu\",\"name\":\"edit\","
		"\"input\":{\"a\":1}}]");
	assert_int_equal(res.usage.input, 5);
	assert_int_equal(res.usage.cache_read, 7);
	assert_int_equal(res.usage.output, 42);
	assert_string_equal(res.stop_reason, "tool_use");
	free(json);

	assert_int_equal(llm_wire_anthropic.event(&s, "error", error,
						  sizeof(error) - 1, &e), -1);
	assert_int_equal(res.status, 529);
	assert_string_equal(res.error_type, "overloaded_error");
	assert_non_null(strstr(e.msg.ptr, "Overloaded"));
	err_clear(&e);
	llm_response_release(&res);
	buf_release(&d.log);
}

static void test_openai_stream(void **state)
{
	static const char *const events[] = {
		"{\"id\":\"c1\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,"
		"\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],"
		"\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{"
		"\"content\":\"Hi\"}}],\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{"
		"\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
		"\"function\",\"function\":{\"name\":\"edit\",\"arguments\":"
		"\"\"}}]}}],\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{"
		"\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
		"\"{\\\"a\\\":\"}}]}}],\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{"
		"\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
		"\"2}\"}}]}}],\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},"
		"\"finish_reason\":\"tool_calls\"}],\"usage\":null}",
		"{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
		"2000,\"completion_tokens\":9,\"prompt_tokens_details\":{"
		"\"cached_tokens\":1536}}}",
		"[DONE]",
		NULL,
	};
	struct llm_response res = { 0 };
	struct llm_stream s;
	char *json;

	llm_stream_init(&s, &res, NULL, 1);
	feed_events(&llm_wire_openai, &s, events);
	assert_true(s.done);
	json = content_json(&res);
	assert_string_equal(json,
			    "[{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":"
			    "\"tool_use\",\"id\":\"call_1\",\"name\":\"edit\","
			    "\"input\":{\"a\":2}}]");
	assert_string_equal(res.stop_reason, "tool_calls");
	assert_int_equal(res.usage.input, 464);
	assert_int_equal(res.usage.cache_read, 1536);
	assert_int_equal(res.usage.output, 9);
	free(json);
	llm_response_release(&res);
}

/* One event that must fail; its error message is returned (caller frees). */
static char *refused_event(const struct llm_wire *w, struct llm_stream *s,
			   const char *event)
{
	struct err e = ERR_INIT;

	assert_int_equal(w->event(s, "x", event, strlen(event), &e), -1);
	return buf_detach(&e.msg, NULL);
}

static void test_stream_caps(void **state)
{
	static const char *const anthropic[] = {
		"{\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}",
		"{\"type\":\"content_block_start\",\"index\":0,"
		"\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\","
		"\"signature\":\"\"}}",
		"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
		"\"type\":\"thinking_delta\",\"thinking\":\"abcd\"}}",
		"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
		"\"type\":\"signature_delta\",\"signature\":\"SIGNA\"}}",
		"{\"type\":\"content_block_start\",\"index\":1,"
		"\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
		"{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{"
		"\"type\":\"text_delta\",\"text\":\"x\"}}",
		NULL,
	};
	static const char *const tool_start[] = {
		"{\"type\":\"content_block_start\",\"index\":2,"
		"\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\","
		"\"name\":\"n\",\"input\":{}}}",
		NULL,
	};
	static const char *const openai[] = {
		"{\"choices\":[{\"delta\":{\"reasoning_content\":\"ab\"}}]}",
		"{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}",
		NULL,
	};
	struct llm_response res = { 0 };
	struct llm_stream s;
	struct buf big = BUF_INIT;
	char *msg;

	/* Thinking, its signature and text: 4 + 5 + 1 bytes, exactly the
	 * cap. The data of a redacted_thinking block, which comes whole in
	 * its start event, counts as well: two bytes more fail the call. */
	llm_stream_init(&s, &res, NULL, 1);
	s.max_text = 10;
	feed_events(&llm_wire_anthropic, &s, anthropic);
	assert_int_equal(s.text_bytes, 10);
	assert_false(s.over_cap);
	msg = refused_event(&llm_wire_anthropic, &s,
			    "{\"type\":\"content_block_start\",\"index\":2,"
			    "\"content_block\":{\"type\":\"redacted_thinking\","
			    "\"data\":\"xy\"}}");
	assert_true(s.over_cap);
	assert_string_equal(msg, "the completion passed 10 bytes");
	free(msg);
	llm_response_release(&res);

	/* Tool input streamed past the cap. */
	llm_stream_init(&s, &res, NULL, 1);
	s.max_text = 10;
	feed_events(&llm_wire_anthropic, &s, anthropic);
	feed_events(&llm_wire_anthropic, &s, tool_start);
	msg = refused_event(&llm_wire_anthropic, &s,
			    "{\"type\":\"content_block_delta\",\"index\":2,"
			    "\"delta\":{\"type\":\"input_json_delta\","
			    "\"partial_json\":\"{\"}}");
	assert_true(s.over_cap);
	free(msg);
	llm_response_release(&res);

	/* No stream cap (a whole response): a signature past its own buffer
	 * (1 MiB) fails the call rather than going back cut short. */
	llm_stream_init(&s, &res, NULL, 1);
	feed_events(&llm_wire_anthropic, &s, anthropic);
	buf_adds(&big, "{\"type\":\"content_block_delta\",\"index\":0,"
		       "\"delta\":{\"type\":\"signature_delta\","
		       "\"signature\":\"");
	for (size_t i = 0; i < ((size_t)1 << 20); i++)
		buf_addch(&big, 'S');
	buf_adds(&big, "\"}}");
	msg = refused_event(&llm_wire_anthropic, &s, big.ptr);
	assert_false(s.over_cap);
	assert_string_equal(msg, "block 0: the signature over 1048576 bytes");
	assert_string_equal(res.blocks[0].signature.ptr, "SIGNA");
	free(msg);
	buf_release(&big);
	llm_response_release(&res);

	/* OpenAI: reasoning and text count alike; a tool call's arguments
	 * passing the cap fail the call. */
	llm_stream_init(&s, &res, NULL, 1);
	s.max_text = 5;
	feed_events(&llm_wire_openai, &s, openai);
	assert_int_equal(s.text_bytes, 4);
	msg = refused_event(&llm_wire_openai, &s,
			    "{\"choices\":[{\"delta\":{\"tool_calls\":[{"
			    "\"index\":0,\"id\":\"c\",\"function\":{"
			    "\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}");
	assert_true(s.over_cap);
	assert_string_equal(msg, "the completion passed 5 bytes");
	free(msg);
	llm_response_release(&res);
}

static void test_openai_parse(void **state)
{
	static const char body[] =
		"{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"o3\","
		"\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
		"\"content\":\"{\\\"x\\\":1}\"},\"finish_reason\":\"stop\"}],"
		"\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3}}";
	struct llm_response res = { 0 };
	struct err e = ERR_INIT;

	assert_int_equal(llm_wire_openai.parse(&res, body, sizeof(body) - 1,
					       &e), 0);
	assert_int_equal(res.nblocks, 1);
	assert_string_equal(res.blocks[0].text.ptr, "{\"x\":1}");
	assert_string_equal(res.stop_reason, "stop");
	assert_int_equal(res.usage.input, 10);
	llm_response_release(&res);
	assert_int_equal(llm_wire_openai.parse(&res, "{\"choices\":[]}", 14,
					       &e), -1);
	err_clear(&e);
	llm_response_release(&res);
}

static void test_cost(void **state)
{
	struct llm_price p;
	struct err e = ERR_INIT;
	struct llm_usage u = { .input = 1000000, .output = 1000000,
			       .cache_write = 3000000,
			       .cache_write_1h = 1000000,
			       .cache_read = 10000000 };

	assert_int_equal(cost_price(&p, "claude-sonnet-4-5-20250929", NULL, &e),
			 1);
	/* 3 + 15 + 2M x 3.75 + 1M x 6 + 10M x 0.3 */
	assert_true(fabs(cost_usd(&p, &u) - (3 + 15 + 7.5 + 6 + 3)) < 1e-9);
	assert_int_equal(cost_price(&p, "claude-opus-4-1-20250805", NULL, &e),
			 1);
	assert_true(fabs(p.input - 15) < 1e-9);
	assert_int_equal(cost_price(&p, "claude-opus-4-5", NULL, &e), 1);
	assert_true(fabs(p.output - 25) < 1e-9);
	assert_int_equal(cost_price(&p, "gpt-4o-mini-2024-07-18", NULL, &e), 1);
	assert_true(fabs(p.input - 0.15) < 1e-9);
	assert_true(fabs(p.cache_read - 0.075) < 1e-9);
	u.cache_write = u.cache_write_1h = 0;
	assert_true(fabs(cost_usd(&p, &u) - (0.15 + 0.6 + 0.75)) < 1e-9);
	assert_int_equal(cost_price(&p, "llama-3-local", NULL, &e), 0);
	assert_true(cost_usd(&p, &u) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anthropic_request),
		cmocka_unit_test(test_anthropic_refusals),
		cmocka_unit_test(test_cached_block_not_an_object),
		cmocka_unit_test(test_openai_request),
		cmocka_unit_test(test_system_blocks),
		cmocka_unit_test(test_anthropic_parse),
		cmocka_unit_test(test_anthropic_stream),
		cmocka_unit_test(test_openai_stream),
		cmocka_unit_test(test_stream_caps),
		cmocka_unit_test(test_openai_parse),
		cmocka_unit_test(test_cost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
