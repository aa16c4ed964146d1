/**
 * The shape of the application tier's stack config: domain, load balancer, web and worker tiers,
 * queues and alarms. Shape only (types, enums, unknown keys); ranges and rules that span keys live
 * in `appConfigRules.ts` so that every problem is reported in one pass.
 */
import { z } from "zod";
import { ARCHITECTURES, OPERATING_SYSTEMS } from "../components/compute/lib/images";
import { DESYNC_MITIGATION_MODES, TLS_POLICIES } from "../components/loadbalancer/lib/listenerRules";
import { QUEUE_TYPES } from "../components/queue/lib/queueRules";

const int = (description: string) => z.number().int().optional().describe(description);

/** The stack's DNS domain: names served, hosted zone and certificates. */
export const domainSchema = z
  .strictObject({
    name: z.string().describe("The DNS domain the stack serves under, e.g. example.com (lowercase, no trailing dot)."),
    hostedZoneId: z
      .string()
      .optional()
      .describe("Route 53 public hosted zone of `name`. With it, certificates are DNS-validated by the stack; without it, certificateArns must cover every region."),
    apiSubdomain: z.string().optional().describe("Label of the API name the regional load balancers serve: <apiSubdomain>.<name>. Default api."),
    appSubdomain: z.string().optional().describe("Label of the application name CloudFront serves: <appSubdomain>.<name>. Default www."),
    certificateArns: z
      .record(z.string(), z.string())
      .optional()
      .describe("Existing ACM certificate per region for the load balancers ({ eu-west-1: arn:aws:acm:eu-west-1:... }); each must be in its key's region and cover the API names."),
  })
  .describe("Serve the application under your own domain, with HTTPS at the load balancers. Without it (dev) the load balancers serve plain HTTP.");

/** Settings of the regional application load balancers. */
export const loadBalancerSchema = z
  .strictObject({
    idleTimeoutSeconds: int("Seconds an idle connection stays open, 1 to 4000. Default 60."),
    deletionProtection: z.boolean().optional().describe("Deletion protection on the load balancers. Default from the profile (dev false, staging/prod true)."),
    sslPolicy: z.enum(TLS_POLICIES).optional().describe("TLS policy of the HTTPS listeners (TLS 1.2+ only). Default ELBSecurityPolicy-TLS13-1-2-2021-06."),
    desyncMitigationMode: z.enum(DESYNC_MITIGATION_MODES).optional().describe("HTTP desync mitigation: defensive or strictest. Default defensive."),
    accessLogRetentionDays: int("Days access logs are kept in the regional log bucket, 1 to 3650. Default from the profile (7/30/365)."),
    deregistrationDelaySeconds: int("Seconds a draining target keeps its in-flight requests, 0 to 3600. Default 30."),
  })
  .describe("The internet-facing application load balancer of every region.");

/** The target group's health check. */
export const healthCheckSchema = z
  .strictObject({
    path: z.string().optional().describe("HTTP path probed on every instance; starts with /, at most 1024 characters. Default /health."),
    matcher: z.string().optional().describe('HTTP codes that count as healthy: "200", "200,204" or "200-299" (200 to 499). Default "200".'),
    intervalSeconds: int("Seconds between probes, 5 to 300, more than the timeout. Default 15."),
    timeoutSeconds: int("Seconds before a probe fails, 2 to 120, less than the interval. Default 5."),
    healthyThreshold: int("Consecutive successes before a target is healthy, 2 to 10. Default 2."),
    unhealthyThreshold: int("Consecutive failures before a target is unhealthy, 2 to 10. Default 3."),
  })
  .describe("Health check of the web tier's target group.");

const spotSchema = z
  .strictObject({
    onDemandBaseCapacity: int("Instances always on demand before Spot is used, 0 or more. Default 0."),
    spotPercentage: int("Share of the capacity above the base that runs on Spot, 0 to 100. Default from the profile (dev 100, staging and prod 0); prod allows none."),
  })
  .describe("Spot/on-demand mix of the tier.");

const tierFields = {
  instanceTypes: z
    .array(z.string())
    .optional()
    .describe("Instance types, in priority order, all of one architecture; several help Spot find capacity. Default from the profile."),
  architecture: z.enum(ARCHITECTURES).optional().describe("CPU architecture of the AMI: arm64 (Graviton) or x86_64. Default arm64."),
  os: z.enum(OPERATING_SYSTEMS).optional().describe("Operating system, resolved per region from AWS's public SSM parameter. Default al2023."),
  minSize: int("Fewest instances per region. Default from the profile."),
  maxSize: int("Most instances per region. Default from the profile."),
  desiredCapacity: int("Instances at creation, between minSize and maxSize; the autoscaler owns it afterwards. Default minSize."),
  rootVolumeGiB: int("Size of the encrypted gp3 root volume, 8 to 16384 GiB. Default 20."),
  spot: spotSchema.optional(),
  instanceRefreshMinHealthyPercent: int("Share of capacity kept in service while an instance refresh replaces instances, 0 to 100. Default 90."),
  userData: z.string().optional().describe("Shell script run at boot after the blueprint's own bootstrap (which writes the region's endpoints to /etc/blueprint/env). Never put secrets here; read them from Secrets Manager."),
};

/** The web tier: behind the load balancer. */
export const webSchema = z
  .strictObject({
    ...tierFields,
    healthCheck: healthCheckSchema.optional(),
    healthCheckGracePeriodSeconds: int("Seconds after launch before failed health checks replace an instance, 0 to 7200. Default 300."),
    targetRequestsPerInstance: int("Target-tracking goal: load balancer requests per instance per minute, 1 or more. Default 1000."),
    targetCpuPercent: int("Target-tracking goal: average CPU, 10 to 90 percent. Default 60."),
  })
  .describe("The stateless web tier on an auto-scaling group behind the load balancer.");

/** The worker tier: consumes the queues. */
export const workerSchema = z
  .strictObject({
    ...tierFields,
    targetBacklogPerInstance: int("Target-tracking goal: visible messages per in-service instance, 1 or more. Default 100."),
  })
  .describe("The queue-driven worker tier on an auto-scaling group; scales on backlog per instance.");

/** One queue and its dead-letter queue. */
export const queueSchema = z
  .strictObject({
    name: z.string().describe("Logical name: letters, digits, - and _; the physical name is <project>-<stack>-<name> (+ .fifo)."),
    type: z.enum(QUEUE_TYPES).optional().describe("standard or fifo. Default standard."),
    visibilityTimeoutSeconds: int("Seconds a received message stays hidden, 0 to 43200. Default 60."),
    messageRetentionSeconds: int("Seconds a message is kept, 60 to 1209600. Default 345600 (4 days)."),
    delaySeconds: int("Delivery delay, 0 to 900 seconds. Default 0."),
    receiveWaitTimeSeconds: int("Long-polling wait, 0 to 20 seconds. Default 20."),
    maxMessageSizeBytes: int("Largest message, 1024 to 1048576 bytes (1 MiB). Default 262144."),
    maxReceiveCount: int("Receives before a message moves to the dead-letter queue, 1 to 1000. Default 5."),
    contentBasedDeduplication: z.boolean().optional().describe("FIFO only: deduplicate by body hash. Default false."),
    deadLetter: z
      .strictObject({
        type: z.enum(QUEUE_TYPES).optional().describe("Must match the queue's type (AWS requires it). Default: the queue's type."),
        messageRetentionSeconds: int("Seconds a dead letter is kept, at least the queue's retention, at most 1209600. Default 1209600."),
      })
      .optional()
      .describe("The queue's dead-letter queue."),
  })
  .describe("An SQS queue, created in every region with its dead-letter queue.");

/** Alarm settings. */
export const alarmsSchema = z
  .strictObject({
    email: z.string().optional().describe("Address subscribed to every region's alarm topic (confirm the subscription mail). Default none."),
    alb5xxPercent: z.number().optional().describe("Alarm when 5xx responses exceed this share of requests, 0.1 to 100 percent. Default 5."),
    targetResponseP99Seconds: z.number().optional().describe("Alarm when the web tier's p99 response time exceeds this, 0.01 to 60 seconds. Default 2."),
    queueOldestMessageAgeSeconds: int("Alarm when a queue's oldest message is older than this, 60 or more and below the queue's retention. Default 900."),
  })
  .describe("Alarm thresholds and the notification address; every region gets the same alarms.");
