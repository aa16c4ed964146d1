/**
 * The settings of one entry of `blueprint:tables`, declared once: a DynamoDB global table with a
 * replica in every region of the stack.
 */
import { byEnvironment, choice, derived, flag, group, integer, text, type GroupValue } from "../lib/settings";
import {
  BILLING_MODES,
  CAPACITY_UNITS,
  GLOBAL_TABLE_STREAM_VIEW,
  KEY_TYPES,
  REPLICATION_LATENCY_SECONDS,
  STREAM_VIEW_TYPES,
  THROTTLE_EVENTS,
  type StreamView,
} from "./lib/limits";

/** The keys of one table. */
export const tableKeys = {
  name: text({
    description: "Logical name: letters, digits, - and _; the physical name is <project>-<stack>-<name>, the same in every region.",
    required: true,
  }),
  partitionKey: text({ description: "Name of the partition (hash) key attribute.", required: true }),
  partitionKeyType: choice(KEY_TYPES, { description: "Type of the partition key: S (string), N (number) or B (binary).", default: "S" }),
  sortKey: text({ description: "Name of the sort (range) key attribute.", optional: true, absentMeans: "no sort key" }),
  sortKeyType: choice(KEY_TYPES, { description: "Type of the sort key (only with sortKey).", default: "S" }),
  ttlAttribute: text({
    description: "Attribute holding each item's expiry time (epoch seconds); DynamoDB deletes expired items in every replica.",
    optional: true,
    absentMeans: "items never expire",
  }),
  billingMode: choice(BILLING_MODES, {
    description: "PAY_PER_REQUEST (on demand) or PROVISIONED (then readCapacity and writeCapacity are required).",
    default: "PAY_PER_REQUEST",
  }),
  readCapacity: integer({ description: "PROVISIONED: read capacity units of each replica.", range: CAPACITY_UNITS, optional: true }),
  writeCapacity: integer({ description: "PROVISIONED: write capacity units of each replica.", range: CAPACITY_UNITS, optional: true }),
  stream: choice(STREAM_VIEW_TYPES, {
    description: `What the table's stream carries, or none. A table with replicas replicates through its stream, which must be ${GLOBAL_TABLE_STREAM_VIEW}.`,
    default: derived(`${GLOBAL_TABLE_STREAM_VIEW} when the stack has more than one region, else none`, ({ regions }): StreamView =>
      regions.length > 1 ? GLOBAL_TABLE_STREAM_VIEW : "none",
    ),
  }),
  pointInTimeRecovery: flag({ description: "Point-in-time recovery (35 days) on the table and every replica.", default: true }),
  deletionProtection: flag({
    description: "Deletion protection on the table and every replica.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  alarms: group(
    {
      // one throttled request in five minutes is noise; a sustained handful means capacity or a hot key
      throttleEvents: integer({
        description: "Alarm when a replica's read or write throttle events in 5 minutes exceed this.",
        range: THROTTLE_EVENTS,
        default: 10,
      }),
      // global tables replicate in about a second; a minute means a region reads stale items
      replicationLatencySeconds: integer({
        description: "Alarm when replication from a region to another stays above this for 5 minutes (ReplicationLatency, average).",
        range: REPLICATION_LATENCY_SECONDS,
        unit: "seconds",
        default: 60,
      }),
    },
    { description: "The table's alarms in every region; they notify the region's alarm topic." },
  ),
};

/** One table after defaults: exactly what the tables component takes. */
export type TableSpec = GroupValue<typeof tableKeys>;
