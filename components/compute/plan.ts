/**
 * Plan facts of the compute component: launch templates, auto-scaling groups (drawn as the web
 * tier behind a target group, else the worker tier) and their scaling policies, instance profiles;
 * the AMI look-up through AWS's public SSM parameters.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { ec2Resource, invokeError, named, type Builder, type InvokeMock } from "../lib/plan/mock";
import { arn, ec2Id, hashHex, uuid } from "../lib/plan/mockIds";

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

const ssmParameter: InvokeMock = (inputs, region) => {
  const name = String(inputs.name);
  if (!name.startsWith("/aws/service/")) throw invokeError(`The offline plan only resolves AWS's public SSM parameters, not ${name}`);
  return mockAmiParameter(name, region);
};

/** The compute component's facts. */
export const computePlanFacts: ComponentPlanFacts = {
  component: "compute",
  types: [
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
        basis: "experience: instances boot and pass ELB health checks in 3-6 min; the provider waits for minimum healthy capacity up to wait_for_capacity_timeout (10 min)",
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
        const id = arn("autoscaling", region, `scalingPolicy:${uuid(input.urn)}:autoScalingGroupName/${String(input.inputs.autoscalingGroupName)}:policyName/${name}`);
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
};
