#include "util/blobid.h"

#include <stdint.h>
#include <stdio.h>

#include <nettle/sha1.h>

void blob_id_hex(const void *data, size_t len, char out[BLOB_ID_HEXSZ + 1])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t md[SHA1_DIGEST_SIZE];
	struct sha1_ctx ctx;
	char head[32];
	int n;

	/* the header's NUL is part of what git hashes */
	n = snprintf(head, sizeof(head), "blob %zu", len);
	sha1_init(&ctx);
	sha1_update(&ctx, (size_t)n + 1, (const uint8_t *)head);
	sha1_update(&ctx, len, data);
	sha1_digest(&ctx, sizeof(md), md);
	for (size_t i = 0; i < sizeof(md); i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[BLOB_ID_HEXSZ] = '\0';
}
