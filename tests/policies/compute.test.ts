import * as aws from "@pulumi/aws";
import {
  autoScalingGroupConfigureCapacity,
  autoScalingGroupConfigureCooldown,
  autoScalingGroupConfigureElbHealthCheck,
  autoScalingGroupConfigureMultiAz,
  autoScalingGroupEnableTagPropagation,
  autoScalingGroupRequireLaunchTemplate,
  launchTemplateConfigureCustomerManagedKey,
  launchTemplateDisallowPublicIp,
  launchTemplateDisallowSecretsInUserData,
  launchTemplateDisallowUnencryptedBlockDevice,
  launchTemplateEnableDetailedMonitoring,
  launchTemplateRequireImdsv2,
  launchTemplateRequireTelemetryAgents,
} from "../../policies/compute";
import { prodNetwork } from "../support/policies/fixtures";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const userData = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** The web tier's launch template as components/compute declares it (booleans are strings in aws v7). */
const launchTemplate = {
  region: "us-east-1",
  description: "web tier in us-east-1",
  imageId: "ami-06ffd17484d571e11",
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { deleteOnTermination: "true", encrypted: "true", volumeSize: 20, volumeType: "gp3" } }],
  metadataOptions: { httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required", instanceMetadataTags: "disabled" },
  monitoring: { enabled: true },
  networkInterfaces: [{ associatePublicIpAddress: "false", deleteOnTermination: "true", deviceIndex: 0, securityGroups: ["sg-080fcfea7ba876ffe"] }],
  userData: userData(
    "#!/bin/bash\n# never a secret (secrets are read by ARN)\nBLUEPRINT_QUEUE_JOBS_URL=https://sqs.us-east-1.amazonaws.com/123456789012/jobs\n",
  ),
};

const subnets = ["subnet-00ea25e729f2db715", "subnet-0c629c4160c13dbe4", "subnet-0895c99c4ce46b786"];

/** The web tier's group. */
const webGroup = {
  region: "us-east-1",
  minSize: 3,
  maxSize: 12,
  desiredCapacity: 3,
  defaultCooldown: 300,
  healthCheckType: "ELB",
  healthCheckGracePeriod: 300,
  targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1"],
  vpcZoneIdentifiers: subnets,
  mixedInstancesPolicy: {
    instancesDistribution: { onDemandPercentageAboveBaseCapacity: 100 },
    launchTemplate: { launchTemplateSpecification: { launchTemplateId: "lt-013e55cae9ba4a5ec", version: "1" }, overrides: [{ instanceType: "m7g.large" }] },
  },
};

describe("compute policies", () => {
  describeResourcePolicy({
    policy: launchTemplateRequireImdsv2,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: launchTemplate,
    alsoCompliant: [
      { name: "the metadata endpoint disabled", mutate: (p) => (p.metadataOptions = { httpEndpoint: "disabled" }) },
      { name: "two hops allowed by config (containers)", config: { maximumHopLimit: 2 }, mutate: (p) => (p.metadataOptions.httpPutResponseHopLimit = 2) },
    ],
    violations: [
      {
        name: "no metadata options (IMDSv1 allowed)",
        mutate: (p) => delete p.metadataOptions,
        expect: [/leaves httpTokens unset \(IMDSv1 allowed\); set it to "required"/],
      },
      { name: "tokens optional", mutate: (p) => (p.metadataOptions.httpTokens = "optional"), expect: [/leaves httpTokens "optional"/] },
      { name: "two hops", mutate: (p) => (p.metadataOptions.httpPutResponseHopLimit = 2), expect: [/allows 2 metadata hops; at most 1/] },
    ],
    unknown: (p) => (p.metadataOptions = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: launchTemplateDisallowPublicIp,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: launchTemplate,
    alsoCompliant: [{ name: "no network interface (the subnet decides; private subnets assign none)", mutate: (p) => delete p.networkInterfaces }],
    violations: [
      {
        name: 'associatePublicIpAddress "true"',
        mutate: (p) => (p.networkInterfaces[0].associatePublicIpAddress = "true"),
        expect: [/Network interface 0 of the launch template associates a public IP address/],
      },
      {
        name: "associatePublicIpAddress true (boolean)",
        mutate: (p) => (p.networkInterfaces = [{ deviceIndex: 1, associatePublicIpAddress: true }]),
        expect: [/Network interface 1/],
      },
    ],
    unknown: (p) => (p.networkInterfaces[0].associatePublicIpAddress = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: launchTemplateDisallowUnencryptedBlockDevice,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: launchTemplate,
    violations: [
      {
        name: "no volume declared",
        mutate: (p) => delete p.blockDeviceMappings,
        expect: [/declares no EBS volume, so the root volume's encryption is left to the AMI/],
      },
      {
        name: "an unencrypted volume",
        mutate: (p) => (p.blockDeviceMappings[0].ebs.encrypted = "false"),
        expect: [/The EBS volume \/dev\/xvda is not encrypted/],
      },
      {
        name: "encryption left unset on a second volume",
        mutate: (p) => p.blockDeviceMappings.push({ deviceName: "/dev/sdf", ebs: { volumeSize: 100 } }),
        expect: [/\/dev\/sdf is not encrypted/],
      },
    ],
    unknown: (p) => (p.blockDeviceMappings[0].ebs.encrypted = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: launchTemplateConfigureCustomerManagedKey,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: {
      ...launchTemplate,
      blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/mrk-1", volumeSize: 20 } }],
    },
    alsoCompliant: [{ name: "no EBS volume declared (the unencrypted-volume policy covers it)", mutate: (p) => delete p.blockDeviceMappings }],
    violations: [
      {
        name: "the account's default EBS key (as components/compute declares it)",
        mutate: (p) => delete p.blockDeviceMappings[0].ebs.kmsKeyId,
        expect: [/The EBS volume \/dev\/xvda uses the account's default EBS key, not a customer-managed one/],
      },
      { name: "alias/aws/ebs", mutate: (p) => (p.blockDeviceMappings[0].ebs.kmsKeyId = "alias/aws/ebs"), expect: [/uses the AWS-managed key alias\/aws\/ebs/] },
    ],
    unknown: (p) => (p.blockDeviceMappings[0].ebs.kmsKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: launchTemplateDisallowSecretsInUserData,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: launchTemplate,
    alsoCompliant: [
      { name: "no user data", mutate: (p) => delete p.userData },
      { name: "a secret's ARN", mutate: (p) => (p.userData = userData("DB_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf\n")) },
      {
        name: "a token read at boot from a path",
        mutate: (p) => (p.userData = userData("API_TOKEN=$(aws ssm get-parameter --name /app/token)\nTOKEN_FILE=/run/secrets/token\n")),
      },
    ],
    violations: [
      {
        name: "an access key ID",
        mutate: (p) => (p.userData = userData("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n")),
        expect: [/contains an AWS access key ID/],
      },
      {
        name: "a password assignment",
        mutate: (p) => (p.userData = userData("DB_PASSWORD=hunter2-hunter2\n")),
        expect: [/contains a password, secret or token assignment/],
      },
      { name: "a private key, in plain text", mutate: (p) => (p.userData = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"), expect: [/contains a private key/] },
      {
        name: "a secret aws_secret_access_key line",
        mutate: (p) => (p.userData = userData("aws_secret_access_key = x\n")),
        expect: [/contains an AWS secret access key/],
      },
      { name: "a secret value (the plan's placeholder)", mutate: (p) => (p.userData = "[secret]"), expect: [/user data is a secret value/] },
    ],
    unknown: (p) => (p.userData = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: launchTemplateEnableDetailedMonitoring,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: launchTemplate,
    violations: [
      { name: "monitoring unset", mutate: (p) => delete p.monitoring, expect: [/leaves detailed monitoring off/] },
      { name: "monitoring off", mutate: (p) => (p.monitoring.enabled = false), expect: [/leaves detailed monitoring off/] },
    ],
    unknown: (p) => (p.monitoring = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: launchTemplateRequireTelemetryAgents,
    resourceClass: aws.ec2.LaunchTemplate,
    compliant: {
      ...launchTemplate,
      userData: userData(
        "#!/bin/bash\n/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:/p/web/cloudwatch-agent\n/opt/aws/aws-otel-collector/bin/aws-otel-collector-ctl -a start -c /opt/aws/aws-otel-collector/etc/config.yaml\n",
      ),
    },
    violations: [
      { name: "no user data", mutate: (p) => delete p.userData, expect: [/does not start the CloudWatch agent/, /does not start the ADOT collector/] },
      {
        name: "the CloudWatch agent only",
        mutate: (p) => (p.userData = userData("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -c ssm:/x\n")),
        expect: [/does not start the ADOT collector/],
      },
      {
        name: "an installed but stopped collector",
        mutate: (p) => (p.userData = userData("amazon-cloudwatch-agent-ctl -a fetch-config\naws-otel-collector-ctl -a stop\n")),
        expect: [/ADOT collector/],
      },
    ],
    unknown: (p) => (p.userData = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: autoScalingGroupRequireLaunchTemplate,
    resourceClass: aws.autoscaling.Group,
    compliant: webGroup,
    alsoCompliant: [
      {
        name: "a plain launchTemplate",
        mutate: (p) => {
          delete p.mixedInstancesPolicy;
          p.launchTemplate = { id: "lt-1", version: "$Latest" };
        },
      },
    ],
    violations: [
      {
        name: "a launch configuration",
        mutate: (p) => {
          delete p.mixedInstancesPolicy;
          p.launchConfiguration = "lc-1";
        },
        expect: [/uses a launch configuration/, /names no launch template/],
      },
      { name: "no template at all", mutate: (p) => delete p.mixedInstancesPolicy, expect: [/names no launch template/] },
    ],
    unknown: (p) => (p.launchConfiguration = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: autoScalingGroupConfigureElbHealthCheck,
    resourceClass: aws.autoscaling.Group,
    compliant: webGroup,
    alsoCompliant: [{ name: "a worker group behind no load balancer", mutate: (p) => Object.assign(p, { targetGroupArns: [], healthCheckType: "EC2" }) }],
    violations: [
      {
        name: "EC2 health checks behind a load balancer",
        mutate: (p) => (p.healthCheckType = "EC2"),
        expect: [/uses EC2 health checks; set healthCheckType to ELB/],
      },
      { name: "the default health check type", mutate: (p) => delete p.healthCheckType, expect: [/uses EC2 \(the default\) health checks/] },
      { name: "no grace period", mutate: (p) => delete p.healthCheckGracePeriod, expect: [/has no health-check grace period/] },
      {
        name: "a classic load balancer without ELB checks",
        mutate: (p) => Object.assign(p, { targetGroupArns: [], loadBalancers: ["web"], healthCheckType: "EC2" }),
        expect: [/uses EC2 health checks/],
      },
    ],
    unknown: (p) => (p.targetGroupArns = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: autoScalingGroupConfigureCooldown,
    resourceClass: aws.autoscaling.Group,
    compliant: webGroup,
    violations: [
      { name: "no cooldown", mutate: (p) => delete p.defaultCooldown, expect: [/sets no cooldown/] },
      { name: "a zero cooldown", mutate: (p) => (p.defaultCooldown = 0), expect: [/sets no cooldown/] },
    ],
    unknown: (p) => (p.defaultCooldown = UNKNOWN_SENTINELS.number),
  });

  describe(autoScalingGroupConfigureMultiAz.name, () => {
    /** The prod network in one shape plus the web tier's group launching into `pick`ed subnets of us-east-1. */
    const withGroup = (
      shape: "offline" | "cli",
      pick: (subnets: { private: string[]; isolated: string[] }) => string[],
      extra: Record<string, unknown> = {},
    ) => {
      const { graph } = prodNetwork(shape);
      const vpc = graph.resources.find((r) => r.type === "awsx:ec2:Vpc" && r.name === "us-east-1-vpc")!;
      const ids = { private: vpc.props.privateSubnetIds as string[], isolated: vpc.props.isolatedSubnetIds as string[] };
      const group = graph.add(
        "aws:autoscaling/group:Group",
        "us-east-1-web",
        { ...webGroup, vpcZoneIdentifiers: pick(ids), ...extra },
        { propertyDependencies: { vpcZoneIdentifiers: [vpc.urn] } },
      );
      return { graph, group };
    };
    it("passes a group in the private subnets of three AZs, resolved through awsx's outputs (offline) or subnet resources (CLI)", async () => {
      assertPasses(await checkStack(autoScalingGroupConfigureMultiAz, withGroup("offline", (s) => s.private).graph.resources));
      assertPasses(
        await checkStack(autoScalingGroupConfigureMultiAz, withGroup("cli", (s) => s.private).graph.resources, { config: { minimumAvailabilityZones: 3 } }),
      );
    });
    it("passes explicit availability zones, and a subnet outside the stack counted as another AZ", async () => {
      assertPasses(
        await checkStack(autoScalingGroupConfigureMultiAz, withGroup("offline", () => [], { availabilityZones: ["us-east-1a", "us-east-1b"] }).graph.resources),
      );
      assertPasses(await checkStack(autoScalingGroupConfigureMultiAz, withGroup("offline", (s) => [s.private[0], "subnet-0elsewhere000000"]).graph.resources));
    });
    it("reports two subnets of one AZ, which the subnet count alone would have passed", async () => {
      const { graph, group } = withGroup("cli", (s) => [s.private[0], s.isolated[0]]);
      const outcome = await checkStack(autoScalingGroupConfigureMultiAz, graph.resources);
      assertViolations(outcome, [/Auto-scaling group us-east-1-web launches into 1 AZ\(s\) \(us-east-1a\); at least 2 AZs are required/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === group) }, [/us-east-1a/]);
    });
    it("reports a single subnet the stack does not describe, and a raised minimum", async () => {
      assertViolations(await checkStack(autoScalingGroupConfigureMultiAz, withGroup("offline", () => ["subnet-0aaaaaaaaaaaaaaaa"]).graph.resources), [
        /launches into 0 AZ\(s\) \(none known\) and 1 subnet\(s\) the stack does not describe \(subnet-0aaaaaaaaaaaaaaaa\); at least 2 AZs/,
      ]);
      assertViolations(
        await checkStack(autoScalingGroupConfigureMultiAz, withGroup("offline", (s) => s.private).graph.resources, { config: { minimumAvailabilityZones: 4 } }),
        [/launches into 3 AZ\(s\) \(us-east-1a, us-east-1b, us-east-1c\); at least 4 AZs are required/],
      );
    });
    it("does not apply without auto-scaling groups", async () => {
      assertNotApplicable(await checkStack(autoScalingGroupConfigureMultiAz, prodNetwork().graph.resources), /no auto-scaling group/);
    });
    it("cannot run while the group's subnets are unknown", async () => {
      const { graph, group } = withGroup("offline", (s) => s.private);
      graph.get(group).props.vpcZoneIdentifiers = UNKNOWN_SENTINELS.array;
      assertUnknown(await checkStack(autoScalingGroupConfigureMultiAz, graph.resources));
    });
  });

  describeResourcePolicy({
    policy: autoScalingGroupConfigureCapacity,
    resourceClass: aws.autoscaling.Group,
    compliant: webGroup,
    alsoCompliant: [
      { name: "a worker that scales from zero (no minimum by default)", mutate: (p) => Object.assign(p, { minSize: 0, desiredCapacity: 0 }) },
      { name: "no desiredCapacity", mutate: (p) => delete p.desiredCapacity },
    ],
    violations: [
      {
        name: "below the prod minimum",
        config: { minimumSize: 2 },
        mutate: (p) => Object.assign(p, { minSize: 1, desiredCapacity: 1 }),
        expect: [/minSize is 1; at least 2 is required/],
      },
      {
        name: "maxSize below minSize",
        mutate: (p) => Object.assign(p, { maxSize: 2, desiredCapacity: 2 }),
        expect: [/maxSize 2 is below its minSize 3/, /desiredCapacity 2 is outside minSize 3 – maxSize 2/],
      },
      { name: "desired above max", mutate: (p) => (p.desiredCapacity = 20), expect: [/desiredCapacity 20 is outside minSize 3 – maxSize 12/] },
    ],
    unknown: (p) => (p.minSize = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: autoScalingGroupEnableTagPropagation,
    resourceClass: aws.autoscaling.Group,
    compliant: webGroup,
    alsoCompliant: [
      { name: "tags that propagate", mutate: (p) => (p.tags = [{ key: "Environment", value: "prod", propagateAtLaunch: true }]) },
      {
        name: "required tags present",
        config: { requiredTags: ["Environment"] },
        mutate: (p) => (p.tags = [{ key: "Environment", value: "prod", propagateAtLaunch: true }]),
      },
    ],
    violations: [
      {
        name: "a tag that does not propagate",
        mutate: (p) => (p.tags = [{ key: "Owner", value: "team", propagateAtLaunch: false }]),
        expect: [/does not propagate the tag\(s\) Owner to its instances/],
      },
      {
        name: "a required tag missing",
        config: { requiredTags: ["Environment", "Owner"] },
        mutate: (p) => (p.tags = [{ key: "Owner", value: "team", propagateAtLaunch: true }]),
        expect: [/lacks the tag\(s\) Environment/],
      },
    ],
    unknown: (p) => (p.tags = UNKNOWN_SENTINELS.array),
  });
});
