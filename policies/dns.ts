/**
 * DNS policies: Route 53 health checks probe each regional endpoint over HTTPS on a real path, and
 * records with a routing policy (latency, failover, weighted, geolocation) stop answering with an
 * endpoint that is down.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, type BlueprintPolicy } from "./lib/define";

/** Health-check types that probe an endpoint (the others combine checks or read an alarm). */
const ENDPOINT_CHECK_TYPES = ["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"];

/** Health checks probe the application over HTTPS. */
export const healthCheckConfigureHttpsProbe = resourcePolicy({
  name: "aws-route53-healthcheck-configure-https-probe",
  description:
    "Checks that Route 53 endpoint health checks probe over HTTPS on a resource path, are enabled and not inverted, so a region is marked down when its application is.",
  severity: "medium",
  service: "dns",
  remediationSteps:
    "Set `type: \"HTTPS\"`, `resourcePath` to the application's health path (/health), `fqdn` to the region's endpoint and `port: 443`; leave `disabled` and `invertHealthcheck` unset. Over HTTP, a load balancer's redirect (3xx) would count as healthy.",
  ids: { wellArchitected: ["REL11-BP01", "REL02-BP01"] },
  configSchema: {
    properties: {
      allowedTypes: {
        type: "array",
        items: { type: "string", enum: ENDPOINT_CHECK_TYPES },
        default: ["HTTPS", "HTTPS_STR_MATCH"],
        description: "Endpoint health-check types allowed.",
      },
    },
  },
  validateResource: validateResourceOfType(aws.route53.HealthCheck, (check, args, reportViolation) => {
    if (!ENDPOINT_CHECK_TYPES.includes(check.type)) args.notApplicable(`A ${check.type} health check does not probe an endpoint.`);
    const { allowedTypes } = args.getConfig<{ allowedTypes: string[] }>();
    if (!allowedTypes.includes(check.type)) reportViolation(`The health check probes with ${check.type}; use ${allowedTypes.join(" or ")}.`);
    if (check.type !== "TCP" && (check.resourcePath === undefined || check.resourcePath === "" || check.resourcePath === "/")) {
      reportViolation(`The health check probes ${check.resourcePath === "/" ? "/" : "no resource path"}; point it at the application's health path.`);
    }
    if (check.disabled === true) reportViolation("The health check is disabled, so Route 53 considers the endpoint healthy whatever happens.");
    if (check.invertHealthcheck === true) reportViolation("The health check is inverted.");
  }),
});

/** Records with a routing policy follow the endpoint's health. */
export const recordRequireHealthEvaluation = resourcePolicy({
  name: "aws-route53-record-require-health-evaluation",
  description:
    "Checks that Route 53 records with a routing policy (latency, failover, weighted, geolocation and the like) name a health check or, as aliases, evaluate the target's health, so traffic leaves a failed region.",
  severity: "high",
  service: "dns",
  remediationSteps: "Set `healthCheckId` to the region's health check, or `aliases: [{ …, evaluateTargetHealth: true }]` on an alias record.",
  ids: { wellArchitected: ["REL11-BP02", "REL02-BP01"] },
  validateResource: validateResourceOfType(aws.route53.Record, (record, _args, reportViolation) => {
    const routed =
      (record.setIdentifier !== undefined && record.setIdentifier !== "") ||
      [
        record.latencyRoutingPolicies,
        record.failoverRoutingPolicies,
        record.weightedRoutingPolicies,
        record.geolocationRoutingPolicies,
        record.geoproximityRoutingPolicy,
        record.cidrRoutingPolicy,
      ].some((policy) => policy !== undefined && (!Array.isArray(policy) || policy.length > 0));
    // A simple record has one answer: there is nothing to fail over to.
    if (!routed) return;
    const checked = record.healthCheckId !== undefined && record.healthCheckId !== "";
    const evaluated = (record.aliases ?? []).some((alias) => alias.evaluateTargetHealth === true);
    if (!checked && !evaluated) {
      reportViolation(
        `The ${record.type} record ${record.name} (set ${record.setIdentifier ?? "(none)"}) has a routing policy but no health check and does not evaluate its alias target's health.`,
      );
    }
  }),
});

/** The dns policies, in pack order. */
export const DNS_POLICIES: readonly BlueprintPolicy[] = [healthCheckConfigureHttpsProbe, recordRequireHealthEvaluation];
