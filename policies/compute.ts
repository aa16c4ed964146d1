/**
 * Compute policies: launch templates (IMDSv2, no public IP, encrypted volumes, no secrets in user
 * data, detailed monitoring, customer-managed EBS keys) and auto-scaling groups (launch templates,
 * ELB health checks, cooldown, AZs resolved through their subnets, capacity, tags).
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { ofType, stringsProp } from "./lib/graph";
import { describePlacement } from "./lib/placement";
import { placeSubnets, subnetZoneIndex } from "./lib/vpc";

/** Launch template booleans are strings in aws v7 (`"true"`); accept both forms. */
function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/** Instances require IMDSv2 with a hop limit of 1. */
export const launchTemplateRequireImdsv2 = resourcePolicy({
  name: "aws-ec2-launchtemplate-require-imdsv2",
  description:
    "Checks that launch templates require IMDSv2 session tokens and keep the metadata hop limit at 1, so containers and SSRF cannot reach instance credentials.",
  severity: "high",
  service: "compute",
  remediationSteps: 'Set `metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }` (or disable the endpoint).',
  ids: {
    checkov: ["CKV_AWS_79", "CKV_AWS_341"],
    trivy: ["AVD-AWS-0130", "AVD-AWS-0028"],
    cdkNag: ["EC2IMDSv2Enabled"],
  },
  configSchema: {
    properties: {
      maximumHopLimit: { type: "integer", minimum: 1, maximum: 64, default: 1, description: "Largest httpPutResponseHopLimit allowed." },
    },
  },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, args, reportViolation) => {
    const { maximumHopLimit } = args.getConfig<{ maximumHopLimit: number }>();
    const options = template.metadataOptions;
    if (options?.httpEndpoint === "disabled") return;
    // AWS's default is "optional": IMDSv1 answers without a token.
    if (options?.httpTokens !== "required") {
      reportViolation(
        `The launch template leaves httpTokens ${options?.httpTokens === undefined ? "unset (IMDSv1 allowed)" : `"${options.httpTokens}"`}; set it to "required".`,
      );
    }
    const hops = options?.httpPutResponseHopLimit;
    if (hops !== undefined && hops > maximumHopLimit) {
      reportViolation(`The launch template allows ${hops} metadata hops; at most ${maximumHopLimit} is allowed.`);
    }
  }),
});

/** Instances get no public IP. */
export const launchTemplateDisallowPublicIp = resourcePolicy({
  name: "aws-ec2-launchtemplate-disallow-public-ip",
  description: "Checks that launch templates never give instances a public IP address.",
  severity: "high",
  service: "compute",
  remediationSteps:
    "Set `associatePublicIpAddress` to false on every network interface and launch instances in private subnets; reach the internet through NAT.",
  ids: {
    checkov: ["CKV_AWS_88"],
    trivy: ["AVD-AWS-0009"],
    cdkNag: ["AutoScalingLaunchConfigPublicIpDisabled"],
    compliancePolicies: ["aws-ec2-launchtemplate-disallow-public-ip"],
    wellArchitected: ["SEC05-BP01"],
  },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    (template.networkInterfaces ?? []).forEach((networkInterface, index) => {
      if (isTrue(networkInterface.associatePublicIpAddress)) {
        reportViolation(`Network interface ${networkInterface.deviceIndex ?? index} of the launch template associates a public IP address.`);
      }
    });
  }),
});

/** Every EBS volume is encrypted. */
export const launchTemplateDisallowUnencryptedBlockDevice = resourcePolicy({
  name: "aws-ec2-launchtemplate-disallow-unencrypted-block-device",
  description: "Checks that launch templates declare their EBS volumes, root volume included, with encryption on.",
  severity: "high",
  service: "compute",
  remediationSteps:
    'Declare the root volume in `blockDeviceMappings` with `ebs: { encrypted: "true" }` (an undeclared root volume follows the AMI and the account default, which may be unencrypted).',
  ids: {
    checkov: ["CKV_AWS_8"],
    trivy: ["AVD-AWS-0008", "AVD-AWS-0131", "AVD-AWS-0026"],
    cdkNag: ["AwsSolutions-EC26"],
    awsguard: ["encrypted-volumes"],
    compliancePolicies: ["aws-ec2-launchtemplate-disallow-unencrypted-block-device"],
    wellArchitected: ["SEC08-BP02"],
  },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    const mappings = (template.blockDeviceMappings ?? []).filter((mapping) => mapping.ebs !== undefined);
    if (mappings.length === 0) {
      reportViolation("The launch template declares no EBS volume, so the root volume's encryption is left to the AMI and the account default.");
    }
    for (const mapping of mappings) {
      if (!isTrue(mapping.ebs?.encrypted)) reportViolation(`The EBS volume ${mapping.deviceName ?? "(no device name)"} is not encrypted.`);
    }
  }),
});

/** EBS volumes use a customer-managed key. */
export const launchTemplateConfigureCustomerManagedKey = resourcePolicy({
  name: "aws-ec2-launchtemplate-configure-customer-managed-key",
  description:
    "Checks that the EBS volumes a launch template declares are encrypted with a customer-managed KMS key rather than the account's default aws/ebs key.",
  severity: "low",
  service: "compute",
  remediationSteps:
    "Set `ebs.kmsKeyId` to the region's KMS key ARN on every block device mapping, and let the key policy grant the Auto Scaling service-linked role (AWSServiceRoleForAutoScaling) kms:CreateGrant, Decrypt and GenerateDataKey*, or instances fail to launch.",
  ids: { trivy: ["AVD-AWS-0027"], compliancePolicies: ["aws-ec2-launchtemplate-configure-customer-managed-key"], wellArchitected: ["SEC08-BP01"] },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    for (const mapping of (template.blockDeviceMappings ?? []).filter((m) => m.ebs !== undefined)) {
      const key = mapping.ebs?.kmsKeyId;
      if (key === undefined || key === "")
        reportViolation(`The EBS volume ${mapping.deviceName ?? "(no device name)"} uses the account's default EBS key, not a customer-managed one.`);
      else if (key === "alias/aws/ebs") reportViolation(`The EBS volume ${mapping.deviceName ?? "(no device name)"} uses the AWS-managed key alias/aws/ebs.`);
    }
  }),
});

/** What a credential in user data looks like. */
const SECRET_PATTERNS: ReadonlyArray<{ readonly what: string; readonly pattern: RegExp }> = [
  { what: "an AWS access key ID", pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: "an AWS secret access key", pattern: /aws_secret_access_key\s*[=:]/i },
  { what: "a private key", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
];

/** `NAME=value` lines whose name says password, secret, token or API key. */
const SECRET_ASSIGNMENT = /\b([\w-]*(?:password|passwd|secret|token|api[_-]?key)[\w-]*)\s*[=:]\s*["']?([^\s"'$]{8,})/gi;

/** Names that hold a reference to a secret (its ARN, ID, name, path, URL), not the secret. */
const REFERENCE_NAME = /[_-](arn|id|name|path|file|url|ref)$/i;

/** True when the text assigns a literal that looks like a secret (references and ARNs are fine). */
function assignsSecretLiteral(text: string): boolean {
  for (const match of text.matchAll(SECRET_ASSIGNMENT)) {
    const [, name, value] = match;
    if (REFERENCE_NAME.test(name) || value.startsWith("arn:") || value.startsWith("/")) continue;
    return true;
  }
  return false;
}

/** The placeholder the offline plan writes for a secret value. */
const PLAN_SECRET_PLACEHOLDER = "[secret]";

function decodeUserData(userData: string): string {
  const compact = userData.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0) {
    const decoded = Buffer.from(compact, "base64").toString("utf8");
    // keep the text only if it decoded to something printable
    // eslint-disable-next-line no-control-regex -- binary bytes are what this tells text from
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(decoded)) return decoded;
  }
  return userData;
}

/** User data carries no credentials. */
export const launchTemplateDisallowSecretsInUserData = resourcePolicy({
  name: "aws-ec2-launchtemplate-disallow-secrets-in-user-data",
  description: "Checks that launch template user data contains no credentials (user data is readable by anyone who can describe the instance).",
  severity: "critical",
  service: "compute",
  remediationSteps:
    "Pass ARNs instead of values (Secrets Manager or SSM Parameter Store) and read them at boot with the instance role; never interpolate a secret into user data.",
  ids: { checkov: ["CKV_AWS_46"], trivy: ["AVD-AWS-0129"], wellArchitected: ["SEC02-BP03"] },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    const userData = template.userData;
    if (userData === undefined || userData === "") return;
    if (userData === PLAN_SECRET_PLACEHOLDER) {
      reportViolation("The launch template's user data is a secret value, so a secret is written into user data.");
      return;
    }
    const text = decodeUserData(userData);
    for (const { what, pattern } of SECRET_PATTERNS) {
      if (pattern.test(text)) reportViolation(`The launch template's user data contains ${what}.`);
    }
    if (assignsSecretLiteral(text)) reportViolation("The launch template's user data contains a password, secret or token assignment.");
  }),
});

/** Instances report one-minute metrics. */
export const launchTemplateEnableDetailedMonitoring = resourcePolicy({
  name: "aws-ec2-launchtemplate-enable-detailed-monitoring",
  description: "Checks that launch templates turn on detailed (one-minute) CloudWatch monitoring, which scaling and alarms react to.",
  severity: "low",
  service: "compute",
  remediationSteps: "Set `monitoring: { enabled: true }` on the launch template. Cost: detailed monitoring is billed per instance metric.",
  ids: { checkov: ["CKV_AWS_126"], cdkNag: ["AwsSolutions-EC28"], awsguard: ["ec2-instance-detailed-monitoring-enabled"], wellArchitected: ["REL06-BP01"] },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    if (template.monitoring?.enabled !== true) reportViolation("The launch template leaves detailed monitoring off (five-minute metrics only).");
  }),
});

/** What the telemetry boot steps run: each agent loaded from the stack's configuration. */
const TELEMETRY_AGENT_STEPS: ReadonlyArray<{ readonly what: string; readonly pattern: RegExp }> = [
  { what: "the CloudWatch agent", pattern: /amazon-cloudwatch-agent-ctl\s+-a\s+fetch-config\b/ },
  { what: "the ADOT collector", pattern: /aws-otel-collector-ctl\s+-a\s+start\b/ },
];

/** Every tier runs the telemetry agents. */
export const launchTemplateRequireTelemetryAgents = resourcePolicy({
  name: "aws-ec2-launchtemplate-require-telemetry-agents",
  description:
    "Checks that launch template user data starts the CloudWatch agent (logs, memory, disk) and the ADOT collector (traces, metrics), so that no instance runs without its logs, metrics and traces.",
  severity: "medium",
  service: "compute",
  remediationSteps:
    "Keep blueprint:telemetry.agents on: the tiers' user data then installs both agents and loads their configurations from the tier's SSM parameters (components/telemetry/lib/bootSteps.ts).",
  ids: { cdkNag: ["EC2InstanceMonitoring"], wellArchitected: ["OPS04-BP02", "OPS08-BP01"] },
  validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (template, _args, reportViolation) => {
    const userData = template.userData;
    if (userData === PLAN_SECRET_PLACEHOLDER) return;
    const text = userData === undefined ? "" : decodeUserData(userData);
    for (const { what, pattern } of TELEMETRY_AGENT_STEPS) {
      if (!pattern.test(text)) reportViolation(`The launch template's user data does not start ${what}.`);
    }
  }),
});

/** Auto-scaling groups launch from launch templates. */
export const autoScalingGroupRequireLaunchTemplate = resourcePolicy({
  name: "aws-autoscaling-group-require-launch-template",
  description: "Checks that auto-scaling groups launch instances from a launch template, not a launch configuration.",
  severity: "medium",
  service: "compute",
  remediationSteps:
    "Use `launchTemplate` or `mixedInstancesPolicy.launchTemplate`; launch configurations get no new EC2 features (IMDSv2 defaults, new instance types).",
  ids: { checkov: ["CKV_AWS_315"] },
  validateResource: validateResourceOfType(aws.autoscaling.Group, (group, _args, reportViolation) => {
    if (group.launchConfiguration !== undefined) reportViolation("The auto-scaling group uses a launch configuration.");
    if (group.launchTemplate === undefined && group.mixedInstancesPolicy?.launchTemplate === undefined) {
      reportViolation("The auto-scaling group names no launch template.");
    }
  }),
});

/** Groups behind a load balancer replace instances the load balancer finds unhealthy. */
export const autoScalingGroupConfigureElbHealthCheck = resourcePolicy({
  name: "aws-autoscaling-group-configure-elb-health-check",
  description: "Checks that auto-scaling groups attached to a load balancer use its health checks, with a grace period for instances to boot.",
  severity: "high",
  service: "compute",
  remediationSteps: 'Set `healthCheckType: "ELB"` and a `healthCheckGracePeriod` longer than the instance\'s boot time on groups with `targetGroupArns`.',
  ids: {
    checkov: ["CKV2_AWS_15"],
    cdkNag: ["AwsSolutions-AS2", "AutoScalingGroupELBHealthCheckRequired"],
    wellArchitected: ["REL11-BP01", "REL11-BP03"],
  },
  validateResource: validateResourceOfType(aws.autoscaling.Group, (group, _args, reportViolation) => {
    const attached = (group.targetGroupArns ?? []).length > 0 || (group.loadBalancers ?? []).length > 0;
    if (!attached) return;
    if (group.healthCheckType !== "ELB") {
      reportViolation(
        `The auto-scaling group is behind a load balancer but uses ${group.healthCheckType ?? "EC2 (the default)"} health checks; set healthCheckType to ELB.`,
      );
    }
    if (group.healthCheckGracePeriod === undefined || group.healthCheckGracePeriod <= 0) {
      reportViolation("The auto-scaling group has no health-check grace period; new instances would be replaced before they boot.");
    }
  }),
});

/** Scaling activities wait between steps. */
export const autoScalingGroupConfigureCooldown = resourcePolicy({
  name: "aws-autoscaling-group-configure-cooldown",
  description: "Checks that auto-scaling groups set a default cooldown, so simple scaling does not launch or terminate instances in bursts.",
  severity: "low",
  service: "compute",
  remediationSteps: "Set `defaultCooldown` (seconds; 300 is AWS's usual value) on the group.",
  ids: { cdkNag: ["AwsSolutions-AS1"], wellArchitected: ["REL07-BP01"] },
  validateResource: validateResourceOfType(aws.autoscaling.Group, (group, _args, reportViolation) => {
    if (group.defaultCooldown === undefined || group.defaultCooldown <= 0) reportViolation("The auto-scaling group sets no cooldown.");
  }),
});

/** Groups span several AZs, resolved through their subnets. */
export const autoScalingGroupConfigureMultiAz = stackPolicy({
  name: "aws-autoscaling-group-configure-multi-az",
  description:
    "Checks that every auto-scaling group launches into at least two availability zones, resolving its subnets to AZs through the stack's subnets (awsx VPC outputs or aws:ec2/subnet resources).",
  severity: "high",
  service: "compute",
  remediationSteps: "Pass the private subnets of every AZ of the region as `vpcZoneIdentifiers` (two subnets of one AZ count once).",
  ids: { wellArchitected: ["REL10-BP01"] },
  configSchema: {
    properties: {
      minimumAvailabilityZones: { type: "integer", minimum: 1, default: 2, description: "Fewest AZs an auto-scaling group launches into." },
    },
  },
  validateStack: (args, reportViolation) => {
    const groups = ofType(args.resources, "aws:autoscaling/group:Group");
    if (groups.length === 0) args.notApplicable("The stack has no auto-scaling group.");
    const { minimumAvailabilityZones } = args.getConfig<{ minimumAvailabilityZones: number }>();
    const index = subnetZoneIndex(args.resources);
    for (const group of groups) {
      const placement = placeSubnets(stringsProp(group, "vpcZoneIdentifiers"), index);
      const zones = [...new Set([...placement.zones, ...stringsProp(group, "availabilityZones")])].sort();
      // A subnet the stack does not describe may be in any AZ: count it as one more, so only a proven shortfall is reported.
      const count = zones.length + placement.unresolved.length;
      if (count < minimumAvailabilityZones) {
        reportViolation(
          `Auto-scaling group ${group.name} launches into ${describePlacement(zones, placement.unresolved)}; at least ${minimumAvailabilityZones} AZs are required.`,
          group.urn,
        );
      }
    }
  },
});

/** Capacity bounds are consistent and meet the environment's floor. */
export const autoScalingGroupConfigureCapacity = resourcePolicy({
  name: "aws-autoscaling-group-configure-capacity",
  description: "Checks that auto-scaling groups keep at least the configured minimum of instances and that desired capacity lies between minSize and maxSize.",
  severity: "medium",
  service: "compute",
  remediationSteps: "Raise the tier's minSize (prod keeps at least 2 so one AZ can fail) and keep minSize ≤ desiredCapacity ≤ maxSize.",
  ids: { wellArchitected: ["REL11-BP05", "REL07-BP01"] },
  configSchema: {
    properties: {
      minimumSize: {
        type: "integer",
        minimum: 0,
        default: 0,
        description: "Fewest instances a group may be sized to (the prod pack config raises it to 2).",
      },
    },
  },
  validateResource: validateResourceOfType(aws.autoscaling.Group, (group, args, reportViolation) => {
    const { minimumSize } = args.getConfig<{ minimumSize: number }>();
    const { minSize, maxSize, desiredCapacity } = group;
    if (minSize < minimumSize) reportViolation(`The auto-scaling group's minSize is ${minSize}; at least ${minimumSize} is required.`);
    if (maxSize < minSize) reportViolation(`The auto-scaling group's maxSize ${maxSize} is below its minSize ${minSize}.`);
    if (desiredCapacity !== undefined && (desiredCapacity < minSize || desiredCapacity > maxSize)) {
      reportViolation(`The auto-scaling group's desiredCapacity ${desiredCapacity} is outside minSize ${minSize} – maxSize ${maxSize}.`);
    }
  }),
});

/** Tags an auto-scaling group declares reach the instances it launches. */
export const autoScalingGroupEnableTagPropagation = resourcePolicy({
  name: "aws-autoscaling-group-enable-tag-propagation",
  description: "Checks that every tag an auto-scaling group declares propagates to the instances it launches, and that it carries the configured tag keys.",
  severity: "low",
  service: "compute",
  remediationSteps:
    "Give each entry of the group's `tags` `propagateAtLaunch: true` (instances can also be tagged by the launch template's tagSpecifications, as components/compute does).",
  ids: { checkov: ["CKV_AWS_153"], wellArchitected: ["COST03-BP02"] },
  configSchema: {
    properties: {
      requiredTags: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Tag keys every group must carry itself (none by default: the launch template tags the instances).",
      },
    },
  },
  validateResource: validateResourceOfType(aws.autoscaling.Group, (group, args, reportViolation) => {
    const { requiredTags } = args.getConfig<{ requiredTags: string[] }>();
    const tags = group.tags ?? [];
    const missing = requiredTags.filter((key) => !tags.some((tag) => tag.key === key));
    if (missing.length > 0) reportViolation(`The auto-scaling group lacks the tag(s) ${missing.join(", ")}.`);
    const unpropagated = tags.filter((tag) => tag.propagateAtLaunch !== true).map((tag) => tag.key);
    if (unpropagated.length > 0) reportViolation(`The auto-scaling group does not propagate the tag(s) ${unpropagated.join(", ")} to its instances.`);
  }),
});

/** The compute policies, in pack order. */
export const COMPUTE_POLICIES: readonly BlueprintPolicy[] = [
  launchTemplateRequireImdsv2,
  launchTemplateDisallowPublicIp,
  launchTemplateDisallowUnencryptedBlockDevice,
  launchTemplateConfigureCustomerManagedKey,
  launchTemplateDisallowSecretsInUserData,
  launchTemplateEnableDetailedMonitoring,
  launchTemplateRequireTelemetryAgents,
  autoScalingGroupRequireLaunchTemplate,
  autoScalingGroupConfigureElbHealthCheck,
  autoScalingGroupConfigureCooldown,
  autoScalingGroupConfigureMultiAz,
  autoScalingGroupConfigureCapacity,
  autoScalingGroupEnableTagPropagation,
];
