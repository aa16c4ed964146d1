/**
 * Plan facts of the compute component: launch templates, auto-scaling groups (drawn as the web
 * tier behind a target group, else the worker tier) and their scaling policies, instance profiles;
 * the AMI look-up through AWS's public SSM parameters; the diagram's arrows between the tiers and
 * the queues their instance roles may use.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";
import { dependentsOf } from "../lib/plan/graphQueries";
import { ec2Resource, invokeError, named, type Builder, type InvokeMock } from "../lib/plan/mock";
import { arn, ec2Id, hashHex, uuid } from "../lib/plan/mockIds";
import { objectList } from "../lib/plan/planGraph";
import { IAM_ROLE_POLICY } from "../lib/plan/sharedTypes";
import { SQS_QUEUE } from "../queue/plan";
import { free, HOURS_PER_MONTH, type CostRule } from "../lib/plan/cost";
import type { PlannedResource } from "../lib/plan/plannedResource";
import type { PlanGraph } from "../lib/plan/planGraph";

/** An auto-scaling group. */
export const AUTOSCALING_GROUP = "aws:autoscaling/group:Group";
/** A launch template (the tier's security groups and instance profile hang off it). */
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
/** An instance profile (ties an instance role to the launch template). */
export const IAM_INSTANCE_PROFILE = "aws:iam/instanceProfile:InstanceProfile";

const autoScalingGroup: Builder = (input, region) => {
  const name = named(input);
  return {
    id: name,
    outputs: {
      name,
      arn: arn("autoscaling", region, `autoScalingGroup:${uuid(input.urn)}:autoScalingGroupName/${name}`),
    },
  };
};

/** The current AMI for a public SSM parameter, per region (AMI IDs differ per region). */
export function mockAmiParameter(name: string, region: string): Record<string, unknown> {
  return {
    name,
    value: ec2Id("ami", name, region),
    insecureValue: ec2Id("ami", name, region),
    type: "String",
    version: 1,
    arn: arn("ssm", region, `parameter${name}`, ""),
    id: name,
    withDecryption: true,
  };
}

/**
 * A service-linked role: IAM names it after the service (`AWSServiceRoleFor<Service>_<suffix>`)
 * under `/aws-service-role/<service>/`, and its ID is its ARN.
 */
const serviceLinkedRole: Builder = (input) => {
  const service = typeof input.inputs.awsServiceName === "string" ? input.inputs.awsServiceName : "autoscaling.amazonaws.com";
  const suffix = typeof input.inputs.customSuffix === "string" ? `_${input.inputs.customSuffix}` : "";
  const base = service === "autoscaling.amazonaws.com" ? "AWSServiceRoleForAutoScaling" : `AWSServiceRoleFor${service.split(".")[0]}`;
  const name = `${base}${suffix}`;
  const path = `/aws-service-role/${service}/`;
  const roleArn = arn("iam", "", `role${path}${name}`);
  return {
    id: roleArn,
    outputs: { name, path, arn: roleArn, uniqueId: `AROA${hashHex(17, "role", input.urn).toUpperCase()}`, createDate: "2026-01-01T00:00:00Z" },
  };
};

const ssmParameter: InvokeMock = (inputs, region) => {
  const name = String(inputs.name);
  if (!name.startsWith("/aws/service/")) throw invokeError(`The offline plan only resolves AWS's public SSM parameters, not ${name}`);
  return mockAmiParameter(name, region);
};

/** Statements of an IAM policy document given as a JSON string or object. */
function policyStatements(policy: unknown): Record<string, unknown>[] {
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  if (document === null || typeof document !== "object") return [];
  const statement = (document as Record<string, unknown>).Statement;
  return Array.isArray(statement) ? objectList(statement) : objectList([statement]);
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");

/** An instance role that may send to a queue draws tier → queue; one that may receive draws queue → tier. */
function queueGrantEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const rolePolicy of graph.ofTypes([IAM_ROLE_POLICY])) {
    const tiers = graph
      .propertyDependenciesOf(rolePolicy, "role")
      .flatMap((role) => dependentsOf(graph, role, IAM_INSTANCE_PROFILE))
      .flatMap((profile) => dependentsOf(graph, profile.urn, LAUNCH_TEMPLATE))
      .flatMap((template) => dependentsOf(graph, template.urn, AUTOSCALING_GROUP));
    if (tiers.length === 0) continue;
    for (const statement of policyStatements(rolePolicy.inputs.policy)) {
      if (statement.Effect !== "Allow") continue;
      const actions = asList(statement.Action).map((action) => action.toLowerCase());
      const sends = actions.some((action) => action === "sqs:sendmessage" || action === "sqs:*");
      const receives = actions.some((action) => action === "sqs:receivemessage" || action === "sqs:*");
      for (const resourceArn of asList(statement.Resource)) {
        const queue = graph.ownerOfValue(resourceArn, ["arn"], new Set([SQS_QUEUE]));
        if (!queue) continue;
        for (const tier of tiers) {
          if (sends) connect(nodeOf(tier.urn), nodeOf(queue.urn), "traffic");
          if (receives) connect(nodeOf(queue.urn), nodeOf(tier.urn), "traffic");
        }
      }
    }
  }
}

/** The compute component's facts. */
/** The instance type an Auto Scaling group launches first: its first override, else its launch template's. */
function groupInstanceType(group: PlannedResource, graph: PlanGraph): string | undefined {
  const mixed = group.inputs.mixedInstancesPolicy as
    { launchTemplate?: { overrides?: { instanceType?: unknown }[]; launchTemplateSpecification?: { launchTemplateId?: unknown } } } | undefined;
  const first = mixed?.launchTemplate?.overrides?.[0]?.instanceType;
  if (typeof first === "string") return first;
  const templateId = mixed?.launchTemplate?.launchTemplateSpecification?.launchTemplateId ?? (group.inputs.launchTemplate as { id?: unknown } | undefined)?.id;
  const instanceType = graph.ownerOfValue(templateId, ["id"], new Set([LAUNCH_TEMPLATE]))?.inputs.instanceType;
  return typeof instanceType === "string" ? instanceType : undefined;
}

/** How the compute tier is billed: instance hours; the rest is free. */
const COMPUTE_COSTS: Readonly<Record<string, CostRule>> = {
  [AUTOSCALING_GROUP]: {
    rule: "on-demand instance hours of the first (prioritised) instance type, at the group's minimum and at its maximum size",
    meters: (group, { graph }) => {
      const instanceType = groupInstanceType(group, graph) ?? "(instance type unknown)";
      const size = (key: string) => (typeof group.inputs[key] === "number" ? group.inputs[key] : 0);
      return [
        { sku: `ec2:${instanceType}`, what: `${instanceType} instance hours`, min: size("minSize") * HOURS_PER_MONTH, max: size("maxSize") * HOURS_PER_MONTH },
      ];
    },
    traffic: "EBS root volumes (gp3, per GB-month) and data transfer out are not counted",
  },
  [LAUNCH_TEMPLATE]: free("a template: the group's instances are priced"),
  [IAM_INSTANCE_PROFILE]: free("IAM has no charge"),
  "aws:iam/serviceLinkedRole:ServiceLinkedRole": free("IAM has no charge"),
  "aws:autoscaling/policy:Policy": free("EC2 Auto Scaling has no charge of its own"),
};

export const computePlanFacts: ComponentPlanFacts = {
  component: "compute",
  costs: COMPUTE_COSTS,
  types: [
    {
      type: "aws:iam/serviceLinkedRole:ServiceLinkedRole",
      mock: serviceLinkedRole,
      creation: { seconds: 5, basis: "experience: seconds; IAM is eventually consistent and the provider retries dependents" },
    },
    {
      type: LAUNCH_TEMPLATE,
      mock: ec2Resource("lt", "launch-template", (input, id) => ({
        name: named(input),
        latestVersion: 1,
        defaultVersion: 1,
        id,
      })),
      creation: { seconds: 3, basis: "experience: seconds (API-only)" },
    },
    {
      type: AUTOSCALING_GROUP,
      mock: autoScalingGroup,
      creation: {
        seconds: 300,
        basis:
          "experience: instances boot and pass ELB health checks in 3-6 min; the provider waits for minimum healthy capacity up to wait_for_capacity_timeout (10 min)",
      },
      // behind a target group it serves requests (web tier); without one it is a worker tier
      kind: (resource) => {
        const targets = resource.inputs.targetGroupArns;
        const behindTargetGroup = (Array.isArray(targets) && targets.length > 0) || (resource.propertyDependencies.targetGroupArns ?? []).length > 0;
        return behindTargetGroup ? "web" : "worker";
      },
    },
    {
      type: "aws:autoscaling/policy:Policy",
      mock: (input, region) => {
        const name = named(input);
        const id = arn(
          "autoscaling",
          region,
          `scalingPolicy:${uuid(input.urn)}:autoScalingGroupName/${String(input.inputs.autoscalingGroupName)}:policyName/${name}`,
        );
        return { id: name, outputs: { name, arn: id } };
      },
      creation: API_ONLY_CREATION,
    },
    {
      type: IAM_INSTANCE_PROFILE,
      mock: (input) => {
        const name = named(input);
        return { id: name, outputs: { name, arn: arn("iam", "", `instance-profile/${name}`), uniqueId: `AIPA${hashHex(17, input.urn).toUpperCase()}` } };
      },
      creation: { seconds: 10, basis: "experience: seconds plus the provider's wait for IAM propagation before EC2 can use it" },
    },
  ],
  invokes: {
    "aws:ssm/getParameter:getParameter": ssmParameter,
  },
  edges: { requests: queueGrantEdges },
};
