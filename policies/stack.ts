/**
 * Multi-region stack policies: how many regions prod runs in, VPC address space across regions,
 * the same regional stamp everywhere, and the guard that the pack runs with the right
 * environment's config.
 */
import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy, type BlueprintPolicy } from "./lib/define";
import { overlaps, parseIpv4Cidr, type Ipv4Range } from "./lib/cidr";
import { environmentSources, isEnvironment, resilienceWaiver, stackEnvironment, ENVIRONMENT_TAG, ENVIRONMENTS } from "./lib/environment";
import { regionOf } from "./lib/region";
import { findVpcs, vpcCidrs } from "./lib/vpc";

/** Types whose presence in a region means the workload runs there. */
const WORKLOAD_ANCHOR_TYPES = new Set([
  "awsx:ec2:Vpc",
  "aws:ec2/vpc:Vpc",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:alb/loadBalancer:LoadBalancer",
  "aws:autoscaling/group:Group",
]);

/** True for resources that make up a regional stamp: AWS resources and awsx components, not providers or blueprint components. */
function isStampResource(resource: PolicyResource): boolean {
  return resource.type.startsWith("aws:") || resource.type.startsWith("awsx:");
}

/** Prod runs in several regions. */
export const stackRequireMinimumRegions = stackPolicy({
  name: "stack-require-minimum-regions",
  description: "Checks that a stack of the configured environments (prod) runs its workload in at least the configured number of regions.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Add a region under blueprint:regions (its own disjoint vpcCidr and pinned AZs), or set blueprint:resilienceWaiver with the reason (the plan passes it as the blueprint:resilience-waiver stack tag).",
  ids: { wellArchitected: ["REL10-BP01", "REL13-BP02"] },
  configSchema: {
    properties: {
      minimumRegions: { type: "integer", minimum: 1, default: 2, description: "Fewest regions the workload runs in." },
      environments: {
        type: "array",
        items: { type: "string", enum: [...ENVIRONMENTS] },
        default: ["prod"],
        description: "Environments the minimum applies to.",
      },
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The stack's environment when neither the blueprint:environment stack tag nor the environment stack output gives it.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<{ minimumRegions: number; environments: string[]; environment?: string }>();
    const environment = stackEnvironment(args, config.environment);
    if (environment !== undefined && !config.environments.includes(environment)) {
      args.notApplicable(`The minimum applies to ${config.environments.join(", ")}; this stack is ${environment}.`);
    }
    const waiver = resilienceWaiver(args.stackTags);
    if (waiver) args.notApplicable(`Resilience waiver: ${waiver}`);
    const regions = new Set(
      args.resources
        .filter((resource) => WORKLOAD_ANCHOR_TYPES.has(resource.type))
        .map((resource) => regionOf(resource))
        .filter((region): region is string => region !== undefined),
    );
    if (regions.size < config.minimumRegions) {
      reportViolation(
        `The ${environment ?? "(unknown environment)"} stack runs in ${regions.size} region(s) (${[...regions].sort().join(", ") || "none"}); at least ${config.minimumRegions} are required.`,
      );
    }
  },
});

/** VPC address space never overlaps, so regions can be peered. */
export const stackDisallowOverlappingVpcCidrs = stackPolicy({
  name: "stack-disallow-overlapping-vpc-cidrs",
  description: "Checks that the IPv4 blocks of the stack's VPCs are pairwise disjoint, so that regions can be peered or joined by a transit gateway.",
  severity: "high",
  service: "stack",
  remediationSteps: "Give each region its own vpcCidr in the stack file (the shipped stacks use one /16 per region: 10.128.0.0/16, 10.129.0.0/16, …).",
  ids: { wellArchitected: ["REL02-BP05"] },
  validateStack: (args, reportViolation) => {
    const vpcs = findVpcs(args.resources);
    if (vpcs.length < 2) args.notApplicable("The stack has fewer than two VPCs.");
    const blocks: Array<{ vpc: string; urn: string; range: Ipv4Range }> = [];
    for (const vpc of vpcs) {
      for (const cidr of vpcCidrs(vpc, args.resources)) {
        const range = parseIpv4Cidr(cidr);
        if (!range) {
          reportViolation(`VPC ${vpc.resource.name} has a block that is not an IPv4 CIDR: ${JSON.stringify(cidr)}.`, vpc.resource.urn);
          continue;
        }
        for (const other of blocks) {
          if (other.vpc !== vpc.resource.name && overlaps(other.range, range)) {
            reportViolation(`VPC ${vpc.resource.name} (${cidr}) overlaps VPC ${other.vpc} (${other.range.cidr}).`, vpc.resource.urn);
          }
        }
        blocks.push({ vpc: vpc.resource.name, urn: vpc.resource.urn, range });
      }
    }
  },
});

/** Every region runs the same kinds of resources. */
export const stackRequireIdenticalRegionalStamps = stackPolicy({
  name: "stack-require-identical-regional-stamps",
  description: "Checks that every region of the stack declares the same resource types, so that a failover region is not missing a piece the primary has.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Declare regional resources inside the RegionalStamp (components/region) so that every region gets them, and set `region` on each (a resource without it lands in the default provider's region).",
  ids: { wellArchitected: ["REL13-BP04", "REL10-BP01"] },
  configSchema: {
    properties: {
      ignoreTypes: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Type tokens that may exist in some regions only (for example a resource only the primary region has).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const { ignoreTypes } = args.getConfig<{ ignoreTypes: string[] }>();
    const typesByRegion = new Map<string, Set<string>>();
    for (const resource of args.resources) {
      if (!isStampResource(resource) || ignoreTypes.includes(resource.type)) continue;
      const region = regionOf(resource);
      if (region === undefined) continue;
      const types = typesByRegion.get(region) ?? new Set<string>();
      types.add(resource.type);
      typesByRegion.set(region, types);
    }
    if (typesByRegion.size < 2) args.notApplicable("The stack has regional resources in fewer than two regions.");
    const regions = [...typesByRegion.keys()].sort();
    for (const region of regions) {
      const missing = new Map<string, string[]>();
      for (const other of regions) {
        if (other === region) continue;
        for (const type of typesByRegion.get(other)!) {
          if (!typesByRegion.get(region)!.has(type)) missing.set(type, [...(missing.get(type) ?? []), other]);
        }
      }
      for (const [type, others] of [...missing.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        reportViolation(`Region ${region} has no ${type}, which ${others.join(", ")} ${others.length === 1 ? "has" : "have"}.`);
      }
    }
  },
});

/** The pack runs with the config file of the stack's environment. */
export const stackRequireMatchingPolicyConfig = stackPolicy({
  name: "stack-require-matching-policy-config",
  description:
    "Checks that the pack runs with the pack config of the stack's own environment, so that a prod stack is never checked with dev's advisory levels or thresholds.",
  severity: "critical",
  service: "stack",
  // Mandatory whatever `all` says: the config files also name it explicitly.
  enforcementLevel: "mandatory",
  remediationSteps:
    "Pass the environment's file: `pulumi preview --policy-pack policies --policy-pack-config policies/config/<environment>.json`; set the stack tag with `pulumi stack tag set blueprint:environment <environment>` if it disagrees.",
  ids: { blueprint: ["enforcement-per-environment"] },
  configSchema: {
    properties: {
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The environment the pack config file is for (each policies/config/<environment>.json sets it).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const configured = args.getConfig<{ environment?: string }>().environment;
    if (configured === undefined) {
      args.notApplicable("The pack runs without an environment's config file, so every policy is at the pack default (mandatory).");
    }
    const sources = environmentSources(args);
    if (sources.tag !== undefined && sources.output !== undefined && sources.tag !== sources.output) {
      reportViolation(`The stack tag ${ENVIRONMENT_TAG}=${sources.tag} disagrees with the stack's environment output ${JSON.stringify(sources.output)}.`);
    }
    const actual = sources.tag ?? sources.output;
    if (actual === undefined) {
      reportViolation(`The stack's environment is unknown (no ${ENVIRONMENT_TAG} stack tag, no environment stack output), so the ${configured} pack config cannot be verified.`);
    } else if (!isEnvironment(actual)) {
      reportViolation(`The stack's environment ${JSON.stringify(actual)} is not one of ${ENVIRONMENTS.join(", ")}.`);
    } else if (actual !== configured) {
      reportViolation(`The pack runs with the ${configured} pack config but the stack is ${actual}; use policies/config/${actual}.json.`);
    }
  },
});

/** The multi-region stack policies, in pack order. */
export const STACK_POLICIES: readonly BlueprintPolicy[] = [
  stackRequireMinimumRegions,
  stackDisallowOverlappingVpcCidrs,
  stackRequireIdenticalRegionalStamps,
  stackRequireMatchingPolicyConfig,
];
