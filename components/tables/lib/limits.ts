/**
 * DynamoDB's limits that the tables section enforces offline, each with its source.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 */

/** Key attribute types: string, number, binary. */
export const KEY_TYPES = ["S", "N", "B"] as const;
/** A key attribute type. */
export type KeyType = (typeof KEY_TYPES)[number];

/** On-demand or provisioned capacity. */
export const BILLING_MODES = ["PAY_PER_REQUEST", "PROVISIONED"] as const;
/** A billing mode. */
export type BillingMode = (typeof BILLING_MODES)[number];

/** What the table's stream carries; `none` turns it off (one-region stacks only). */
export const STREAM_VIEW_TYPES = ["none", "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"] as const;
/** A stream view type, or none. */
export type StreamView = (typeof STREAM_VIEW_TYPES)[number];

/**
 * Global tables (version 2019.11.21) replicate through the table's stream, which must carry new
 * and old images: the provider's TableReplica requires `streamViewType: NEW_AND_OLD_IMAGES`.
 */
export const GLOBAL_TABLE_STREAM_VIEW: StreamView = "NEW_AND_OLD_IMAGES";

/** Table names: 3 to 255 of letters, digits, `_`, `-` and `.`. */
export const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
/** Attribute names of keys: 1 to 255 bytes (the blueprint keeps to printable ASCII). */
export const KEY_ATTRIBUTE_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Provisioned read or write capacity units of a table. */
export const CAPACITY_UNITS = { min: 1, max: 40_000 } as const;

/** Replication latency alarm threshold, in seconds. */
export const REPLICATION_LATENCY_SECONDS = { min: 1, max: 3600 } as const;
/** Throttle-event alarm threshold, events in 5 minutes. */
export const THROTTLE_EVENTS = { min: 1, max: 1_000_000 } as const;
