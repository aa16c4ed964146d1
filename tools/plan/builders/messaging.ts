/**
 * Mocked states of SQS queues, SNS topics, alarms and dashboards.
 */
import type { Builder } from "./kit";

/** Builders keyed by Pulumi type token. */
export const MESSAGING_BUILDERS: Readonly<Record<string, Builder>> = {};
