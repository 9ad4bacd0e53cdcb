/*
 * airunner metrics [--since AGE] [--repo DIR] [--kind K]
 *                  [--format table|json|openmetrics] [--json]
 *
 * The run store's figures over a window (default the last 7 days): a
 * readable table, metrics/summary's JSON, or OpenMetrics text for a
 * Prometheus scrape or a textfile collector. It reads the store directly
 * (no agent needed). argv[0] is "metrics". Exit 0, or 2 for a usage error
 * or a store that cannot be read.
 */
#ifndef AIRUNNER_CLI_METRICS_CMD_H
#define AIRUNNER_CLI_METRICS_CMD_H

int cmd_metrics(int argc, char **argv);

#endif
