/**
 * The shape of the stack config (keys under the `blueprint:` namespace), as a zod schema.
 *
 * Shape only: types, enums, required keys and unknown keys. Rules that need a table or another key
 * (region names, CIDR overlap, AZ membership, profile minimums) live in `configRules.ts`, so that
 * every problem of a stack file is reported in one pass even when its shape is partly wrong.
 * The JSON Schema of the stack files (`stacks/stack.schema.json`) is generated from this module.
 */
import { z } from "zod";
import { REGION_NAMES } from "../components/lib/regions";
import { alarmsSchema, domainSchema, loadBalancerSchema, queueSchema, webSchema, workerSchema } from "./appConfigSchema";
import { cacheSchema } from "./cacheConfig";
import { chaosSchema } from "./chaosConfig";
import { databaseSchema } from "./databaseConfig";
import { cdnSchema, dnsSchema } from "./edgeConfig";
import { ENVIRONMENTS, LOG_RETENTION_DAYS, NAT_STRATEGIES } from "./profiles";

/** The config namespace: the Pulumi project name. */
export const CONFIG_NAMESPACE = "blueprint";

/** One region of the stack. */
export const regionSchema = z
  .strictObject({
    name: z.string().meta({ description: "AWS region code, e.g. eu-west-1.", enum: [...REGION_NAMES] }),
    primary: z
      .boolean()
      .optional()
      .describe(
        "Marks the primary region (database writer, cache primary, CloudFront's first origin). Exactly one region is primary; a single-region stack's region is primary by default.",
      ),
    vpcCidr: z.string().meta({
      description:
        "IPv4 CIDR of the region's VPC: inside an RFC 1918 range, /16 to /21, disjoint from every other region's. Each AZ gets a fixed eighth of it by AZ letter.",
      pattern: "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/(1[6-9]|2[01])$",
    }),
    availabilityZones: z
      .array(z.string().meta({ pattern: "^[a-z]{2}(-[a-z]+)+-\\d[a-h]$" }))
      .meta({ minItems: 2, maxItems: 6, uniqueItems: true })
      .describe(
        "2 to 6 AZ names of this region, e.g. [eu-west-1a, eu-west-1b]. Append new AZs at the end: awsx names subnets by position.",
      ),
  })
  .describe("One region of the stack: its VPC range and pinned availability zones.");

/** Network settings shared by every region. */
export const networkSchema = z
  .strictObject({
    natGateways: z
      .enum(NAT_STRATEGIES)
      .optional()
      .describe("NAT gateways per region: None, Single or OnePerAz. Default from the environment profile (dev/staging Single, prod OnePerAz)."),
    flowLogRetentionDays: z
      .number()
      .int()
      .optional()
      .meta({
        description: "VPC flow log retention in days (a CloudWatch Logs retention). Default from the environment profile (7/30/365).",
        enum: [...LOG_RETENTION_DAYS],
      }),
  })
  .describe("Network settings applied to every region.");

/** The whole `blueprint:` namespace of a stack file. */
export const stackConfigSchema = z
  .strictObject({
    environment: z.enum(ENVIRONMENTS).describe("Environment profile the stack starts from: dev, staging or prod."),
    owner: z.string().describe("Team that owns the stack; becomes the Owner tag."),
    costCenter: z.string().describe("Cost centre billed for the stack; becomes the CostCenter tag."),
    regions: z.array(regionSchema).describe("The regions the application runs in, each with its VPC CIDR and AZs."),
    network: networkSchema.optional(),
    resilienceWaiver: z
      .strictObject({
        reason: z.string().describe("Why this stack may run below its environment's minimum regions or AZs (at least 20 characters)."),
      })
      .optional()
      .describe("Allows fewer regions or AZs than the environment profile requires; the reason is recorded in the plan."),
    domain: domainSchema.optional(),
    loadBalancer: loadBalancerSchema.optional(),
    web: webSchema.optional(),
    worker: workerSchema.optional(),
    queues: z
      .array(queueSchema)
      .optional()
      .describe("The SQS queues every region gets, each with its dead-letter queue. Default: one standard queue named jobs."),
    alarms: alarmsSchema.optional(),
    database: databaseSchema.optional(),
    cache: cacheSchema.optional(),
    cdn: cdnSchema.optional(),
    dns: dnsSchema.optional(),
    chaos: chaosSchema.optional(),
    protect: z.boolean().optional().describe("Pulumi protect on stateful resources. Default from the environment profile (prod true)."),
    tags: z
      .record(z.string(), z.string())
      .optional()
      .describe("Extra tags for every taggable resource. The standard keys (Environment, Project, Owner, CostCenter, ManagedBy, Region) are reserved."),
  })
  .describe("Stack config of the multi-region blueprint.");

/** The stack config as written in the stack file, after shape validation. */
export type RawStackConfig = z.infer<typeof stackConfigSchema>;

/** Top-level config keys, in schema order. */
export const CONFIG_KEYS = Object.keys(stackConfigSchema.shape) as (keyof RawStackConfig)[];

/**
 * Keys whose values are plain strings. Pulumi hands every config value to the program as a string
 * and JSON-encodes structured ones; these keys are never decoded, so `costCenter: "1234"` stays text.
 */
export const STRING_KEYS: ReadonlySet<string> = new Set(["environment", "owner", "costCenter"]);
