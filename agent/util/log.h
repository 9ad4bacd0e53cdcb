/*
 * log: one line per event on stderr (the daemon's stderr is its log file).
 * Never log secrets: API keys, Authorization headers, request bodies.
 * AIRUNNER_LOG=debug|info|warn|error sets the level (default info).
 */
#ifndef AIRUNNER_LOG_H
#define AIRUNNER_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The level when AIRUNNER_LOG is unset (a stdio agent shares its client's
 * stderr, so it says less). */
void log_default_level(enum log_level level);

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
