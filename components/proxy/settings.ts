/**
 * The settings of `blueprint:proxy`, declared once: an RDS Proxy in front of every region's
 * database member (connection pooling for the web and worker tiers).
 */
import { databaseSection } from "../database/section";
import { byEnvironment, derived, flag, group, integer } from "../lib/settings";
import {
  BORROW_LATENCY_MS,
  BORROW_TIMEOUT_SECONDS,
  CLIENT_CONNECTIONS,
  CONNECTION_PERCENT,
  IDLE_CLIENT_TIMEOUT_SECONDS,
  WRITE_FORWARDING_CONNECTION_PERCENT,
} from "./lib/limits";

/** The keys of `blueprint:proxy`. */
export const proxyKeys = {
  enabled: flag({
    description: "An RDS Proxy in front of every region's database member, with IAM authentication and TLS required; the tiers connect through it.",
    // dev's single small instance has few clients; staging rehearses prod's pooling. RDS Proxy
    // cannot target a cross-region read replica, so rds-replicas stacks go without by default.
    default: byEnvironment({
      dev: false,
      staging: derived("true unless the database mode is rds-replicas", ({ section }) => section(databaseSection).mode !== "rds-replicas"),
      prod: derived("true unless the database mode is rds-replicas", ({ section }) => section(databaseSection).mode !== "rds-replicas"),
    }),
  }),
  maxConnectionsPercent: integer({
    description: `Share of the database's max_connections the proxy may open. With Aurora global write forwarding at most ${100 - WRITE_FORWARDING_CONNECTION_PERCENT} (AWS keeps aurora_fwd_writer_max_connections_pct, ${WRITE_FORWARDING_CONNECTION_PERCENT}%, for forwarded writes).`,
    range: CONNECTION_PERCENT,
    unit: "percent",
    default: 80,
  }),
  maxIdleConnectionsPercent: integer({
    description: "Share of max_connections the proxy keeps open while idle; at most maxConnectionsPercent.",
    range: CONNECTION_PERCENT,
    unit: "percent",
    default: 40,
  }),
  connectionBorrowTimeoutSeconds: integer({
    description: "Seconds a client waits for a pooled connection before the proxy refuses it.",
    range: BORROW_TIMEOUT_SECONDS,
    unit: "seconds",
    default: 120,
  }),
  idleClientTimeoutSeconds: integer({
    description: "Seconds an idle client connection is kept open.",
    range: IDLE_CLIENT_TIMEOUT_SECONDS,
    unit: "seconds",
    default: 1800,
  }),
  alarms: group(
    {
      clientConnections: integer({
        description: "Alarm when the proxy holds more client connections than this for 5 minutes (ClientConnections, maximum).",
        range: CLIENT_CONNECTIONS,
        default: 2000,
      }),
      // borrowing from a warm pool takes microseconds; 100 ms means the pool is exhausted
      borrowLatencyMs: integer({
        description: "Alarm when borrowing a pooled connection takes longer than this for 5 minutes (DatabaseConnectionsBorrowLatency, average).",
        range: BORROW_LATENCY_MS,
        unit: "milliseconds",
        default: 100,
      }),
    },
    { description: "The proxy's alarms in every region; they notify the region's alarm topic." },
  ),
};
