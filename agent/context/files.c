/*
 * context/files: the rules that leave a file out of the view, and the
 * manifests. Pure functions of a path (and size); context.c applies them.
 */
#include "context/files.h"

#include <string.h>

static const char *const vendored_dirs[] = {
	"node_modules", "vendor", "third_party", "third-party", "thirdparty",
	"bower_components", "jspm_packages", ".yarn", "Pods", "external",
	NULL,
};
static const char *const generated_dirs[] = {
	"dist", "build", "out", "target", "__generated__", "coverage",
	".next", "__pycache__", NULL,
};
static const char *const generated_names[] = {
	"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock",
	"go.sum", "poetry.lock", "composer.lock", "Gemfile.lock",
	"npm-shrinkwrap.json", "Pipfile.lock", "uv.lock", NULL,
};
static const char *const generated_suffixes[] = {
	".min.js", ".min.css", ".map", ".pb.go", "_pb2.py", ".pb.cc",
	".pb.h", ".generated.ts", ".generated.js", ".d.ts.map", NULL,
};
static const char *const binary_exts[] = {
	"png", "jpg", "jpeg", "gif", "ico", "bmp", "tif", "tiff", "webp",
	"psd", "pdf", "zip", "gz", "tgz", "xz", "bz2", "zst", "7z", "rar",
	"jar", "war", "class", "o", "a", "so", "dylib", "dll", "exe", "wasm",
	"woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "wav", "ogg",
	"mov", "avi", "webm", "sqlite", "db", "bin", "pyc", "pyo", "node",
	NULL,
};
static const char *const manifest_names[] = {
	"package.json", "tsconfig.json", "CMakeLists.txt", "pyproject.toml",
	"go.mod", "Cargo.toml", "setup.py", "setup.cfg", "pom.xml",
	"build.gradle", "Makefile", "meson.build", "deno.json", NULL,
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, s, n))
			return true;
	return false;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

const char *files_rule_by_path(const char *path, uint64_t size)
{
	const char *base = base_of(path);

	for (const char *c = path, *slash; (slash = strchr(c, '/'));
	     c = slash + 1) {
		if (in_list(vendored_dirs, c, (size_t)(slash - c)))
			return FILES_RULE_VENDORED;
		if (in_list(generated_dirs, c, (size_t)(slash - c)))
			return FILES_RULE_GENERATED;
	}
	if (in_list(generated_names, base, strlen(base)))
		return FILES_RULE_GENERATED;
	for (const char *const *s = generated_suffixes; *s; s++)
		if (ends_with(base, *s))
			return FILES_RULE_GENERATED;
	const char *dot = strrchr(base, '.');
	if (dot && dot != base) {
		char ext[16];
		size_t n = strlen(dot + 1);
		if (n < sizeof(ext)) {
			for (size_t i = 0; i <= n; i++)
				ext[i] = (char)((dot[1 + i] >= 'A' &&
						 dot[1 + i] <= 'Z') ?
						dot[1 + i] + 32 : dot[1 + i]);
			if (in_list(binary_exts, ext, n))
				return FILES_RULE_BINARY;
		}
	}
	if (size > FILES_HUGE)
		return FILES_RULE_HUGE;
	return NULL;
}

bool files_is_manifest(const char *path)
{
	const char *base = base_of(path);

	if (!strncmp(base, "tsconfig", 8) && ends_with(base, ".json"))
		return true;
	return in_list(manifest_names, base, strlen(base));
}

bool files_is_readme(const char *path)
{
	return !strchr(path, '/') && (!strncmp(path, "README", 6) ||
				      !strncmp(path, "readme", 6));
}
