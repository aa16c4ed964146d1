/**
 * RDS Proxy's limits that the proxy section enforces offline, each with its source.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-proxy.html#rds-proxy.limitations
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-proxy-gdb.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html
 */

/** Proxy and proxy endpoint names: at most 63 characters. */
export const MAX_PROXY_NAME_LENGTH = 63;

/** `MaxConnectionsPercent` and `MaxIdleConnectionsPercent`: percent of the target's max_connections. */
export const CONNECTION_PERCENT = { min: 1, max: 100 } as const;
/** `ConnectionBorrowTimeout`: seconds a client waits for a pooled connection. */
export const BORROW_TIMEOUT_SECONDS = { min: 0, max: 3600 } as const;
/** `IdleClientTimeout`: seconds an idle client connection is kept (1 s to 8 hours). */
export const IDLE_CLIENT_TIMEOUT_SECONDS = { min: 1, max: 28_800 } as const;

/**
 * Aurora's default share of a writer's connections kept for forwarded writes
 * (`aurora_fwd_writer_max_connections_pct`): AWS asks that a proxy in front of a cluster with write
 * forwarding lower its `MaxConnectionsPercent` by that share.
 */
export const WRITE_FORWARDING_CONNECTION_PERCENT = 10;

/** Alarm thresholds. */
export const CLIENT_CONNECTIONS = { min: 1, max: 1_000_000 } as const;
export const BORROW_LATENCY_MS = { min: 1, max: 60_000 } as const;
