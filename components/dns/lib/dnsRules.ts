/**
 * Route 53's rules as data: health-check intervals and thresholds, record names and set
 * identifiers, latency regions, and the alarm on a health check's status, checked offline so
 * that a value Route 53 or CloudWatch would reject never reaches `pulumi up`.
 *
 * @see https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
 * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html
 */
import { dnsNameProblem, hostedZoneIdProblem } from "../../lib/dns";
import { regionInfo } from "../../lib/regions";
import type { FieldProblem } from "../../lib/ranges";
import type { DnsSettings } from "../settings";
import { ALARM_EVALUATION_PERIODS_RANGE, FAILURE_THRESHOLD_RANGE, HEALTH_CHECK_INTERVALS } from "./limits";

export type { DnsSettings, HealthCheckSettings } from "../settings";
export { ALARM_EVALUATION_PERIODS_RANGE, FAILURE_THRESHOLD_RANGE, HEALTH_CHECK_INTERVALS } from "./limits";

/** Longest path a health check requests. */
export const MAX_RESOURCE_PATH_LENGTH = 255;
/** Longest domain name a health check resolves. */
export const MAX_HEALTH_CHECK_FQDN_LENGTH = 255;
/** Longest set identifier of a routing-policy record. */
export const MAX_SET_IDENTIFIER_LENGTH = 128;

/**
 * Route 53 publishes health-check metrics (`AWS/Route53` `HealthCheckStatus`) only in us-east-1,
 * so alarms on them must live there whatever the stack's regions.
 */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";

/** Every problem of the settings; fields are key paths inside them. */
export function dnsSettingsProblems(settings: DnsSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(HEALTH_CHECK_INTERVALS as readonly number[]).includes(settings.healthCheck.intervalSeconds)) {
    problems.push({
      field: "healthCheck.intervalSeconds",
      message: "must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval",
    });
  }
  const threshold = settings.healthCheck.failureThreshold;
  if (!Number.isInteger(threshold) || threshold < FAILURE_THRESHOLD_RANGE.min || threshold > FAILURE_THRESHOLD_RANGE.max) {
    problems.push({
      field: "healthCheck.failureThreshold",
      message: `must be a whole number from ${FAILURE_THRESHOLD_RANGE.min} to ${FAILURE_THRESHOLD_RANGE.max}`,
    });
  }
  const periods = settings.alarmEvaluationPeriods;
  if (!Number.isInteger(periods) || periods < ALARM_EVALUATION_PERIODS_RANGE.min || periods > ALARM_EVALUATION_PERIODS_RANGE.max) {
    problems.push({
      field: "alarmEvaluationPeriods",
      message: `must be a whole number from ${ALARM_EVALUATION_PERIODS_RANGE.min} to ${ALARM_EVALUATION_PERIODS_RANGE.max} minutes`,
    });
  }
  return problems;
}

/** Why a health-check path is invalid, or undefined. */
export function resourcePathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return "must start with /";
  if (path.length > MAX_RESOURCE_PATH_LENGTH) return `must be at most ${MAX_RESOURCE_PATH_LENGTH} characters (Route 53's limit)`;
  if (/\s/.test(path)) return "must not contain whitespace";
  return undefined;
}

/** The physical names of the DNS component's alarm resources. */
export interface DnsNames {
  /** Alarm of one region's health check. */
  readonly alarm: (region: string) => string;
  /** Topic of the alarms when the stack has no us-east-1 topic. */
  readonly topic: string;
  /** Alias of the topic's key. */
  readonly keyAlias: string;
}

/** The names derived from the prefix. */
export function dnsNames(namePrefix: string): DnsNames {
  return {
    alarm: (region) => `${namePrefix}-${region}-api-health`,
    topic: `${namePrefix}-dns-alarms`,
    keyAlias: `alias/${namePrefix}-dns-alarms`,
  };
}

/** The name prefix derived from an API name when none is given: `api.example.com` → `api-example-com`. */
export function namePrefixFromApiName(apiName: string): string {
  return apiName.replace(/\./g, "-");
}

/** The checked subset of the Dns component's arguments (Outputs are not unwrapped). */
export interface DnsArgsToValidate {
  readonly hostedZoneId: string;
  readonly apiName: string;
  readonly appName: string;
  readonly namePrefix: string;
  readonly regions: readonly { readonly region: string; readonly healthCheckPath: string; readonly protocol: string }[];
  readonly settings: DnsSettings;
}

/** Every problem with the arguments, one complete sentence each. */
export function dnsArgProblems(args: DnsArgsToValidate): string[] {
  const problems: string[] = [];
  const zone = hostedZoneIdProblem(args.hostedZoneId);
  if (zone) problems.push(`hostedZoneId ${zone}`);
  for (const key of ["apiName", "appName"] as const) {
    const problem = dnsNameProblem(args[key]);
    if (problem) problems.push(`${key} ${JSON.stringify(args[key])} ${problem}`);
  }
  if (args.apiName === args.appName) problems.push(`apiName and appName must differ, both are ${args.apiName}`);
  if (!/^[A-Za-z0-9_-]+$/.test(args.namePrefix)) {
    problems.push(`namePrefix may only contain letters, digits, hyphens and underscores (at least one), got ${JSON.stringify(args.namePrefix)}`);
  }
  if (args.regions.length === 0) problems.push("regions must list at least one region's load balancer");
  const seen = new Set<string>();
  for (const entry of args.regions) {
    if (!regionInfo(entry.region)) problems.push(`regions: ${JSON.stringify(entry.region)} is not a known AWS region`);
    if (seen.has(entry.region)) problems.push(`regions lists ${entry.region} twice; a latency record set has one record per region`);
    seen.add(entry.region);
    if (entry.region.length > MAX_SET_IDENTIFIER_LENGTH) problems.push(`regions: ${entry.region} is too long for a set identifier`);
    const path = resourcePathProblem(entry.healthCheckPath);
    if (path) problems.push(`regions[${entry.region}].healthCheckPath ${JSON.stringify(entry.healthCheckPath)} ${path}`);
    if (entry.protocol !== "HTTPS" && entry.protocol !== "HTTP") {
      problems.push(`regions[${entry.region}].protocol must be HTTPS or HTTP, got ${JSON.stringify(entry.protocol)}`);
    }
    const originName = `${entry.region}.${args.apiName}`;
    if (originName.length > MAX_HEALTH_CHECK_FQDN_LENGTH || dnsNameProblem(originName)) {
      problems.push(`the regional name ${originName} is not a valid DNS name of at most ${MAX_HEALTH_CHECK_FQDN_LENGTH} characters`);
    }
  }
  for (const problem of dnsSettingsProblems(args.settings)) problems.push(`settings.${problem.field} ${problem.message}`);
  return problems;
}

/** The alarm on one region's health check, in `aws.cloudwatch.MetricAlarm` terms. */
export interface HealthAlarmSpec<T> {
  readonly name: string;
  readonly description: string;
  readonly namespace: "AWS/Route53";
  readonly metricName: "HealthCheckStatus";
  readonly dimensions: { readonly HealthCheckId: T };
  readonly statistic: "Minimum";
  readonly period: 60;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: 1;
  readonly comparisonOperator: "LessThanThreshold";
  /** No data means Route 53 stopped reporting the check: treat it as unhealthy. */
  readonly treatMissingData: "breaching";
}

/** The alarm spec of a region's health check. */
export function healthAlarmSpec<T>(args: {
  namePrefix: string;
  region: string;
  apiName: string;
  healthCheckId: T;
  evaluationPeriods: number;
}): HealthAlarmSpec<T> {
  return {
    name: dnsNames(args.namePrefix).alarm(args.region),
    description: `Route 53 sees ${args.region}.${args.apiName} (the ${args.region} load balancer) as unhealthy; latency routing sends ${args.apiName} elsewhere`,
    namespace: "AWS/Route53",
    metricName: "HealthCheckStatus",
    dimensions: { HealthCheckId: args.healthCheckId },
    statistic: "Minimum",
    period: 60,
    evaluationPeriods: args.evaluationPeriods,
    datapointsToAlarm: args.evaluationPeriods,
    threshold: 1,
    comparisonOperator: "LessThanThreshold",
    treatMissingData: "breaching",
  };
}

/** The alarm an internal load balancer's Route 53 health check reads, in the load balancer's region. */
export function edgeHealthAlarmName(namePrefix: string, region: string): string {
  return `${namePrefix}-${region}-healthy-targets`;
}
