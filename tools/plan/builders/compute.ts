/**
 * Mocked states of load balancers, listeners, target groups, launch templates, auto-scaling groups,
 * instance roles, ACM certificates and S3 log buckets: the computed outputs other resources and
 * alarms read (ARN suffixes, DNS names, latest versions, validation records).
 */
import { arn, ec2Id, hashHex } from "../../../components/lib/plan/mockIds";
import { ec2Resource, named, type Builder } from "../../../components/lib/plan/mock";

/** Route 53 zone of each region's ALB DNS names (AWS's published values; others get a stand-in). */
const ELB_ZONE_IDS: Readonly<Record<string, string>> = {
  "us-east-1": "Z35SXDOTRQ7X7K",
  "us-east-2": "Z3AADJGX6KTTL2",
  "us-west-2": "Z1H1FL5HABSF5",
  "eu-west-1": "Z32O12XQLNTSW2",
  "eu-central-1": "Z215JYRZR1TBD5",
  "ap-southeast-2": "Z1GM3OXH4ZPM65",
};

const elbArn = (kind: string, region: string, name: string, urn: string) => {
  const suffix = `${kind}/${name}/${hashHex(16, urn)}`;
  return { arn: arn("elasticloadbalancing", region, `${kind === "targetgroup" ? "" : "loadbalancer/"}${suffix}`), suffix };
};

const loadBalancer: Builder = (input, region) => {
  const name = named(input);
  const { arn: lbArn, suffix } = elbArn("app", region, name, input.urn);
  return {
    id: lbArn,
    outputs: {
      name,
      arn: lbArn,
      arnSuffix: suffix,
      dnsName: `${name}-${parseInt(hashHex(8, input.urn), 16) % 1_000_000_000}.${region}.elb.amazonaws.com`,
      zoneId: ELB_ZONE_IDS[region] ?? `Z${hashHex(13, "elb-zone", region).toUpperCase()}`,
    },
  };
};

const targetGroup: Builder = (input, region) => {
  const name = named(input);
  const { arn: tgArn, suffix } = elbArn("targetgroup", region, name, input.urn);
  return { id: tgArn, outputs: { name, arn: tgArn, arnSuffix: suffix } };
};

const listenerLike =
  (kind: "listener" | "listener-rule"): Builder =>
  (input, region) => {
    const id = arn("elasticloadbalancing", region, `${kind}/app/${hashHex(16, kind, input.urn)}`);
    return { id, outputs: { arn: id } };
  };

/** ACM's validation record for a name: the same in every region of an account, as ACM does. */
function validationOption(domainName: string) {
  return {
    domainName,
    resourceRecordName: `_${hashHex(32, "acm-name", domainName)}.${domainName}.`,
    resourceRecordType: "CNAME",
    resourceRecordValue: `_${hashHex(32, "acm-value", domainName)}.mhbtsbpdnt.acm-validations.aws.`,
  };
}

const certificate: Builder = (input, region) => {
  const id = arn("acm", region, `certificate/${uuid(input.urn)}`);
  const names = [input.inputs.domainName, ...((input.inputs.subjectAlternativeNames as unknown[]) ?? [])].filter(
    (name): name is string => typeof name === "string",
  );
  return {
    id,
    outputs: { arn: id, domainValidationOptions: [...new Set(names)].map(validationOption), status: "ISSUED", type: "AMAZON_ISSUED" },
  };
};

function uuid(seed: string): string {
  const hex = hashHex(32, "uuid", seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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

const s3Bucket: Builder = (input, region) => {
  const name = typeof input.inputs.bucket === "string" ? input.inputs.bucket : named(input);
  return {
    id: name,
    outputs: {
      bucket: name,
      arn: `arn:aws:s3:::${name}`,
      bucketDomainName: `${name}.s3.amazonaws.com`,
      bucketRegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
      hostedZoneId: ELB_ZONE_IDS[region] ?? "Z3AQBSTGFYJSTF",
    },
  };
};

/** Builders keyed by Pulumi type token. */
export const COMPUTE_BUILDERS: Readonly<Record<string, Builder>> = {
  "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:lb/targetGroup:TargetGroup": targetGroup,
  "aws:lb/listener:Listener": listenerLike("listener"),
  "aws:lb/listenerRule:ListenerRule": listenerLike("listener-rule"),
  "aws:acm/certificate:Certificate": certificate,
  "aws:acm/certificateValidation:CertificateValidation": (input) => ({
    id: String(input.inputs.certificateArn),
    outputs: { certificateArn: input.inputs.certificateArn },
  }),
  "aws:route53/record:Record": (input) => {
    const fqdn = String(input.inputs.name).replace(/\.$/, "");
    // Route 53's ID: zone, name, type, and the set identifier of a routing-policy record
    const set = typeof input.inputs.setIdentifier === "string" ? `_${input.inputs.setIdentifier}` : "";
    return { id: `${String(input.inputs.zoneId)}_${fqdn}_${String(input.inputs.type)}${set}`, outputs: { fqdn } };
  },
  "aws:ec2/launchTemplate:LaunchTemplate": ec2Resource("lt", "launch-template", (input, id) => ({
    name: named(input),
    latestVersion: 1,
    defaultVersion: 1,
    id,
  })),
  "aws:autoscaling/group:Group": autoScalingGroup,
  "aws:autoscaling/policy:Policy": (input, region) => {
    const name = named(input);
    const id = arn("autoscaling", region, `scalingPolicy:${uuid(input.urn)}:autoScalingGroupName/${String(input.inputs.autoscalingGroupName)}:policyName/${name}`);
    return { id: name, outputs: { name, arn: id } };
  },
  "aws:iam/instanceProfile:InstanceProfile": (input) => {
    const name = named(input);
    return { id: name, outputs: { name, arn: arn("iam", "", `instance-profile/${name}`), uniqueId: `AIPA${hashHex(17, input.urn).toUpperCase()}` } };
  },
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (input) => ({
    id: `${String(input.inputs.role)}-${hashHex(8, input.urn)}`,
    outputs: {},
  }),
  "aws:s3/bucket:Bucket": s3Bucket,
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
