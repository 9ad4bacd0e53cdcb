#include "cli/complete.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/client.h"
#include "cli/output.h"
#include "json/json.h"

/* A shell waits on this at every <Tab>: a live agent answers in well under
 * a millisecond, a dead one must not be waited for. */
#define COMPLETE_TIMEOUT_MS 300

int cmd_complete_methods(int argc, char **argv)
{
	struct client *c = NULL;
	struct json_doc d = JSON_DOC_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT, name = BUF_INIT;
	const char *init;
	char cwd[PATH_MAX];
	int methods;

	if (client_open(&c, NULL, getcwd(cwd, sizeof(cwd)), 0,
			COMPLETE_TIMEOUT_MS, &e) < 0)
		goto out;
	init = client_initialize_result(c);
	if (json_parse(&d, init, strlen(init), JSON_MAX_DEPTH_DEFAULT, &e) < 0)
		goto out;
	methods = json_get(&d, json_get(&d, 0, "capabilities"), "methods");
	for (int m = json_first(&d, methods); m >= 0; m = json_next(&d, m)) {
		buf_reset(&name);
		if (json_str(&d, m, &name) == 0)
			buf_addf(&out, "%s\n", name.ptr);
	}
	output_write(stdout, &out);
out:
	client_close(c);
	json_doc_release(&d);
	buf_release(&out);
	buf_release(&name);
	err_clear(&e);
	return EXIT_OK;
}
