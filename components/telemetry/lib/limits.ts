/**
 * AWS limits and the blueprint's ranges for telemetry, checked offline because AWS rejects them
 * only during `pulumi up`.
 *
 * @see https://docs.aws.amazon.com/grafana/latest/APIReference/API_CreateWorkspace.html
 * @see https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_CreateCanary.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
 */

/** Grafana's sign-in choices (CreateWorkspace authenticationProviders). */
export const GRAFANA_AUTHENTICATION = ["AWS_SSO", "SAML"] as const;

/** A Grafana sign-in choice. */
export type GrafanaAuthentication = (typeof GRAFANA_AUTHENTICATION)[number];

/** SLO objectives the burn-rate alarms can work with: below 90 % the 14.4x burn would exceed 100 % errors. */
export const SLO_AVAILABILITY_RANGE = { min: 90, max: 99.99 } as const;

/** Latency thresholds: the ALB's TargetResponseTime is in seconds. */
export const SLO_LATENCY_SECONDS_RANGE = { min: 0.01, max: 60 } as const;

/** Canary schedules the blueprint writes as `rate(N minutes)`; Synthetics allows 1 minute to 1 hour. */
export const CANARY_INTERVAL_MINUTES = { min: 1, max: 60 } as const;

/** Longest canary name (CreateCanary: 255 since 2024, but Lambda's function name prefix keeps 21 safe). */
export const MAX_CANARY_NAME_LENGTH = 21;

/** Canary names: lowercase letters, digits, hyphens and underscores. */
export const CANARY_NAME = /^[0-9a-z_-]+$/;

/** The runtime every canary uses (Node.js and Puppeteer, the newest the Synthetics docs list; 13.1 and later name their modules @aws/synthetics-*). */
export const CANARY_RUNTIME = "syn-nodejs-puppeteer-15.0";

/** A standard SSM parameter's value limit; larger values need the Advanced tier (charged). */
export const MAX_STANDARD_PARAMETER_BYTES = 4096;

/** PutDashboard's body limit (1 MB) and widget limit (500 per dashboard). */
export const MAX_DASHBOARD_BODY_BYTES = 1_000_000;
export const MAX_DASHBOARD_WIDGETS = 500;

/** A Logs Insights saved query's text limit. */
export const MAX_QUERY_STRING_LENGTH = 10_000;

/** Composite alarm rules are at most 10 240 characters. */
export const MAX_ALARM_RULE_LENGTH = 10_240;

/**
 * A workspace service account token's lifetime: CreateWorkspaceServiceAccountToken accepts 1 s to
 * 30 days (the provider validates 1..2 592 000). The stack takes the longest.
 *
 * @see https://docs.aws.amazon.com/grafana/latest/APIReference/API_CreateWorkspaceServiceAccountToken.html
 */
export const GRAFANA_TOKEN_SECONDS_TO_LIVE = 2_592_000;

/** Service accounts exist in workspaces of Grafana 9 and later (CreateWorkspaceServiceAccount). */
export const MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR = 9;

/** The rotation counter of the provisioning token: any whole number from 1 (it is part of the token's name). */
export const GRAFANA_TOKEN_ROTATION = { min: 1, max: 9999 } as const;
