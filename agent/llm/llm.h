/*
 * llm: the one place that talks to model providers (Anthropic's Messages
 * API, OpenAI's Chat Completions and any server that speaks it), over
 * llm/http on the libev loop, with streaming, retries, a client-side rate
 * limiter, and cost.
 *
 * Messages use one neutral shape for every provider, the Anthropic one: an
 * array of {"role": "user"|"assistant", "content": string | [block...]} with
 * blocks {"type":"text","text"}, {"type":"thinking","thinking","signature"},
 * {"type":"redacted_thinking","data"}, {"type":"tool_use","id","name",
 * "input"} and {"type":"tool_result","tool_use_id","content","is_error"}.
 * The content of a response is written in the same shape, so an assistant
 * turn (thinking signatures included) goes back unchanged in the next
 * request, as Anthropic requires for tool use with thinking. The OpenAI wire
 * code translates (and drops thinking, which OpenAI does not take back).
 */
#ifndef AIRUNNER_LLM_H
#define AIRUNNER_LLM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json/json.h"
#include "util/buf.h"
#include "util/err.h"

struct ev_loop;
struct config;
struct llm_client;
struct http_client;
struct llm_call;

/* Error kinds (besides ERR_INVALID_PARAMS, ERR_TIMEOUT, ERR_CANCELLED). */

enum llm_wire_kind { LLM_WIRE_ANTHROPIC, LLM_WIRE_OPENAI };

/* One provider's settings, resolved from the environment and config. */
struct llm_provider {
	char *name; /* "anthropic", "openai", or a configured [llm "x"] */
	enum llm_wire_kind wire;
	char *base_url;
	char *api_key; /* a secret: never in a log, event or error; NULL if
			* none was found */
	char *key_source; /* where the key came from: "env:NAME", "file" */
	char *key_env;    /* the variable a key is needed from, or NULL when
			   * the provider may go without one */
	char *default_model;
	int max_retries;
	double requests_per_min;     /* 0: no limit */
	double input_tokens_per_min; /* 0: no limit */
	long connect_timeout_ms;
	long idle_timeout_ms; /* a stream silent this long is dropped */
	/* A streamed completion whose content (the text, thinking, tool
	 * input, redacted data and signatures of all blocks) passes this
	 * fails with ERR_LLM naming the setting: an endless stream must not
	 * grow the agent without bound, and nothing is ever cut.
	 * llm.<name>.maxResponseBytes. */
	size_t max_response_bytes;
};

#define LLM_DEFAULT_MAX_RESPONSE_BYTES ((int64_t)8 << 20)

/*
 * Resolves provider `name` (cfg may be NULL): the wire from
 * llm.<name>.type (default: anthropic for "anthropic", else openai), the
 * base URL from ANTHROPIC_BASE_URL / OPENAI_BASE_URL (the two built-in
 * providers only), else llm.<name>.baseUrl, else the public endpoint; the
 * key from llm.<name>.apiKeyEnv (default ANTHROPIC_API_KEY /
 * OPENAI_API_KEY), else the file llm.<name>.apiKeyFile, which must be mode
 * 0600 (or stricter) and owned by the user. An unknown provider is
 * ERR_INVALID_PARAMS. Release with llm_provider_release().
 */
int llm_provider_load(struct llm_provider *p, struct config *cfg,
		      const char *name, struct err *e);
void llm_provider_release(struct llm_provider *p);
/* Calls fn for each provider: the built-in two, then every [llm "x"]. */
int llm_provider_names(struct config *cfg,
		       int (*fn)(const char *name, void *data), void *data,
		       struct err *e);

/* One text block of a system prompt made of several (llm_request). */
struct llm_system_block {
	const char *text; /* borrowed, as the request's other strings */
	bool cache;       /* Anthropic: a cache breakpoint on this block */
};

struct llm_request {
	const char *model;
	const char *system; /* may be NULL */
	/* Instead of system when n_system_blocks > 0: the system prompt as
	 * blocks, so a breakpoint can sit on one of them (the repo context
	 * after stable instructions) rather than only on the whole. Anthropic
	 * sends them as text blocks; OpenAI joins them with a blank line. */
	const struct llm_system_block *system_blocks;
	int n_system_blocks;
	/* Neutral messages: a JSON array (borrowed, valid during the call to
	 * llm_complete only; it is copied into the wire body). */
	const char *messages_json;
	size_t messages_len;
	/* [{"name","description","input_schema"}], or NULL. */
	const char *tools_json;
	size_t tools_len;
	/* OpenAI: the json_schema response format object {name, schema,
	 * strict}; NULL for plain text. */
	const char *json_schema;
	size_t json_schema_len;
	const char *reasoning_effort; /* OpenAI reasoning models; or NULL */
	int64_t max_tokens;      /* 0: a default (above the budget) */
	int64_t thinking_budget; /* Anthropic extended thinking; 0: off */
	bool has_temperature;
	double temperature;
	bool stream;
	/* Anthropic prompt caching: breakpoints on the system prompt, the
	 * last tool, and the last block of the listed messages (indices). */
	bool cache_system;
	bool cache_tools;
	const int *cache_messages;
	int n_cache_messages;
	bool cache_ttl_1h;       /* "ttl": "1h" instead of the 5 minutes */
	long deadline_ms;        /* overall, retries included; 0: 10 min */
};

enum llm_block_type {
	LLM_BLOCK_TEXT,
	LLM_BLOCK_THINKING,
	LLM_BLOCK_REDACTED_THINKING,
	LLM_BLOCK_TOOL_USE,
};

struct llm_block {
	enum llm_block_type type;
	/* text, thinking, redacted data, or the tool input as JSON text */
	struct buf text;
	struct buf signature; /* thinking */
	char *id;             /* tool_use */
	char *name;           /* tool_use */
};

/* Token counts. input is the uncached part of the prompt for every
 * provider (OpenAI's prompt_tokens minus cached_tokens). */
struct llm_usage {
	int64_t input;
	int64_t output;
	int64_t cache_write;    /* all cache writes */
	int64_t cache_write_1h; /* the part of cache_write at the 1 h TTL */
	int64_t cache_read;
};

#define LLM_MAX_REQUEST_IDS 8

struct llm_response {
	struct llm_block *blocks;
	int nblocks;
	char *id;          /* the provider's message id */
	char *model;       /* as the provider named it */
	char *stop_reason; /* end_turn, tool_use, max_tokens, stop, ... */
	struct llm_usage usage;
	double cost_usd; /* -1 when the model has no price */
	int attempts;
	char *request_ids[LLM_MAX_REQUEST_IDS]; /* one per attempt answered */
	int n_request_ids;
	/* On failure: what the provider said. */
	long status;
	char *error_type; /* e.g. "rate_limit_error", or NULL */
};

struct llm_callbacks {
	/* A streamed piece of block `index` (may be NULL). `attempt` changes
	 * when a failed stream is retried: the consumer starts over. */
	void (*on_delta)(enum llm_block_type type, int index, const char *p,
			 size_t n, int attempt, void *ud);
	/* Exactly once. res is always given (attempts, request ids, and on
	 * failure status and error type); e is NULL on success. res and e are
	 * valid during the call only. */
	void (*on_done)(const struct llm_response *res, const struct err *e,
			void *ud);
	void *ud;
};

/* A client holds the HTTP multi handle and the per-provider limiters. */
struct llm_client *llm_client_new(struct ev_loop *loop);
/* Only when no call is live. */
void llm_client_free(struct llm_client *c);
/* Its HTTP client, shared with other callers on the loop (the issue
 * sources): one multi handle, one connection cache. */
struct http_client *llm_client_http(struct llm_client *c);

/*
 * Starts a completion. The provider and request are copied. Returns the
 * call (valid until on_done returns), or NULL with e filled for a request
 * that cannot be sent (invalid params, no key); on_done is then not called.
 * cfg (may be NULL) supplies price overrides.
 */
struct llm_call *llm_complete(struct llm_client *c,
			      const struct llm_provider *p,
			      const struct llm_request *req,
			      struct config *cfg,
			      const struct llm_callbacks *cb, struct err *e);
/* Aborts the call; on_done runs (ERR_CANCELLED) before this returns. Not
 * from inside on_delta. */
void llm_cancel(struct llm_call *call);

/* Writes the response content as a JSON array of neutral blocks. */
void llm_write_content(struct json_writer *w, const struct llm_response *res);
/* Writes {"input","output","cacheWrite","cacheRead"}. */
void llm_write_usage(struct json_writer *w, const struct llm_usage *u);

#endif
