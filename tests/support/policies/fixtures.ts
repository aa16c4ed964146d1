/**
 * Resource graphs for stack-policy tests, in both shapes a VPC takes: the offline plan's one
 * `awsx:ec2:Vpc` node (its inputs and the outputs awsx really returns), and the Pulumi CLI's view,
 * where the component's children (`aws:ec2/vpc:Vpc`, subnets, NAT gateways) are resources too.
 */
import { StackGraph } from "./harness";

/** What one region's network looks like. */
export interface StampOptions {
  readonly region: string;
  readonly cidr: string;
  /** AZ letters. @default ["a", "b", "c"] */
  readonly zones?: readonly string[];
  /** @default "OnePerAz" */
  readonly nat?: "OnePerAz" | "Single" | "None";
  /** Leave out the flow log. */
  readonly withoutFlowLog?: boolean;
  /** Leave out the default security group. */
  readonly withoutDefaultSecurityGroup?: boolean;
}

/** URNs of a stamp's resources. */
export interface Stamp {
  readonly vpc: string;
  readonly flowLog?: string;
  readonly defaultSecurityGroup?: string;
  readonly logGroup: string;
}

const ids = (prefix: string, region: string, tier: string, zone: string) => `${prefix}-0${region.replace(/[^a-z0-9]/g, "")}${tier}${zone}`;

/** Adds one region's network as the offline plan records it. */
export function offlineStamp(graph: StackGraph, options: StampOptions): Stamp {
  const { region } = options;
  const zones = (options.zones ?? ["a", "b", "c"]).map((letter) => `${region}${letter}`);
  const nat = options.nat ?? "OnePerAz";
  const subnetDetails = zones.flatMap((zone) =>
    ["Public", "Private", "Isolated"].map((type) => ({
      id: ids("subnet", region, type.toLowerCase(), zone),
      type,
      availabilityZone: zone,
      cidrBlock: "10.0.0.0/24",
    })),
  );
  const vpcId = `vpc-0${region.replace(/[^a-z0-9]/g, "")}`;
  const vpc = graph.add("awsx:ec2:Vpc", `${region}-vpc`, {
    region,
    cidrBlock: options.cidr,
    availabilityZoneNames: zones,
    vpcId,
    publicSubnetIds: subnetDetails.filter((s) => s.type === "Public").map((s) => s.id),
    privateSubnetIds: subnetDetails.filter((s) => s.type === "Private").map((s) => s.id),
    isolatedSubnetIds: subnetDetails.filter((s) => s.type === "Isolated").map((s) => s.id),
    natGateways: { strategy: nat },
  });
  const logGroup = graph.add("aws:cloudwatch/logGroup:LogGroup", `${region}-flow-logs`, { region, retentionInDays: 365 });
  const flowLog = options.withoutFlowLog
    ? undefined
    : graph.add("aws:ec2/flowLog:FlowLog", `${region}-flow-log`, { region, vpcId, trafficType: "ALL" }, { propertyDependencies: { vpcId: [vpc] } });
  const defaultSecurityGroup = options.withoutDefaultSecurityGroup
    ? undefined
    : graph.add(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        `${region}-default`,
        { region, vpcId, ingress: [], egress: [] },
        { propertyDependencies: { vpcId: [vpc] } },
      );
  return { vpc, logGroup, ...(flowLog ? { flowLog } : {}), ...(defaultSecurityGroup ? { defaultSecurityGroup } : {}) };
}

/**
 * Adds one region's network as `pulumi preview` shows it: the awsx component (outputs only), its
 * EC2 VPC, subnets and NAT gateways as children, and a flow log whose vpcId depends on the component.
 */
export function cliStamp(graph: StackGraph, options: StampOptions): Stamp {
  const { region } = options;
  const zones = (options.zones ?? ["a", "b", "c"]).map((letter) => `${region}${letter}`);
  const nat = options.nat ?? "OnePerAz";
  const vpcId = `vpc-1${region.replace(/[^a-z0-9]/g, "")}`;
  const subnetIds = (type: string) => zones.map((zone) => ids("subnet", region, type, zone));
  const component = graph.add("awsx:ec2:Vpc", `${region}-vpc`, {
    vpcId,
    publicSubnetIds: subnetIds("public"),
    privateSubnetIds: subnetIds("private"),
    isolatedSubnetIds: subnetIds("isolated"),
  });
  const ec2Vpc = graph.add("aws:ec2/vpc:Vpc", `${region}-vpc`, { region, id: vpcId, cidrBlock: options.cidr }, { parent: component });
  for (const type of ["public", "private", "isolated"]) {
    zones.forEach((zone) =>
      graph.add(
        "aws:ec2/subnet:Subnet",
        `${region}-vpc-${type}-${zone}`,
        { region, id: ids("subnet", region, type, zone), vpcId, availabilityZone: zone },
        { parent: component, propertyDependencies: { vpcId: [ec2Vpc] } },
      ),
    );
  }
  const natZones = nat === "OnePerAz" ? zones : nat === "Single" ? zones.slice(0, 1) : [];
  for (const zone of natZones) {
    graph.add("aws:ec2/natGateway:NatGateway", `${region}-vpc-${zone}`, { region, subnetId: ids("subnet", region, "public", zone) }, { parent: component });
  }
  const logGroup = graph.add("aws:cloudwatch/logGroup:LogGroup", `${region}-flow-logs`, { region, retentionInDays: 365 });
  const flowLog = options.withoutFlowLog
    ? undefined
    : graph.add("aws:ec2/flowLog:FlowLog", `${region}-flow-log`, { region, vpcId, trafficType: "ALL" }, { propertyDependencies: { vpcId: [component] } });
  const defaultSecurityGroup = options.withoutDefaultSecurityGroup
    ? undefined
    : graph.add(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        `${region}-default`,
        { region, vpcId, ingress: [], egress: [] },
        { propertyDependencies: { vpcId: [component] } },
      );
  return { vpc: ec2Vpc, logGroup, ...(flowLog ? { flowLog } : {}), ...(defaultSecurityGroup ? { defaultSecurityGroup } : {}) };
}

/** Adds the root stack resource with the program's outputs. */
export function rootStack(graph: StackGraph, outputs: Record<string, unknown>): string {
  return graph.add("pulumi:pulumi:Stack", "blueprint-test", outputs);
}

/** The three-region prod network used by most stack-policy tests. */
export function prodNetwork(shape: "offline" | "cli" = "offline"): { graph: StackGraph; stamps: Stamp[] } {
  const graph = new StackGraph();
  rootStack(graph, { environment: "prod", primaryRegion: "us-east-1" });
  const stamp = shape === "offline" ? offlineStamp : cliStamp;
  const stamps = [
    stamp(graph, { region: "us-east-1", cidr: "10.128.0.0/16" }),
    stamp(graph, { region: "eu-west-1", cidr: "10.129.0.0/16" }),
    stamp(graph, { region: "ap-southeast-2", cidr: "10.130.0.0/16" }),
  ];
  return { graph, stamps };
}

/** The CDN's distribution props as components/cdn declares them (two regions' ALBs and static buckets behind origin groups). */
export function distributionProps(regions: readonly string[] = ["us-east-1", "eu-west-1"]): Record<string, unknown> {
  const [primary, failover] = regions;
  const albOrigin = (region: string) => ({
    originId: `alb-${region}`,
    domainName: `${region}-alb-1234567.${region}.elb.amazonaws.com`,
    customHeaders: [{ name: "X-Origin-Verify", value: "[secret]" }],
    customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
  });
  const staticOrigin = (region: string) => ({
    originId: `static-${region}`,
    domainName: `blueprint-prod-static-${region}-123456789012.s3.${region}.amazonaws.com`,
    originAccessControlId: "EF37C2F31DB6A3",
  });
  const group = (id: string, kind: "alb" | "static") => ({
    originId: id,
    failoverCriteria: { statusCodes: [500, 502, 503, 504] },
    members: [{ originId: `${kind}-${primary}` }, { originId: `${kind}-${failover}` }],
  });
  return {
    aliases: ["www.example.com"],
    enabled: true,
    defaultCacheBehavior: {
      allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      cachedMethods: ["GET", "HEAD"],
      targetOriginId: `alb-${primary}`,
      viewerProtocolPolicy: "redirect-to-https",
    },
    orderedCacheBehaviors: [
      {
        pathPattern: "/static/*",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        targetOriginId: "static-failover",
        viewerProtocolPolicy: "redirect-to-https",
      },
      {
        pathPattern: "/read/*",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        targetOriginId: "alb-failover",
        viewerProtocolPolicy: "redirect-to-https",
      },
    ],
    origins: [...regions.map(albOrigin), ...[primary, failover].map(staticOrigin)],
    originGroups: [group("alb-failover", "alb"), group("static-failover", "static")],
    restrictions: { geoRestriction: { restrictionType: "blacklist", locations: ["KP"] } },
    viewerCertificate: {
      acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/23965c1e-188d-455e-a591-04841aeed690",
      minimumProtocolVersion: "TLSv1.2_2021",
      sslSupportMethod: "sni-only",
    },
    webAclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/blueprint-prod-edge/b68ef138-8bbf-4984-87a8-a944ef325376",
  };
}

/** URNs of an edge stack's resources. */
export interface EdgeStack {
  readonly graph: StackGraph;
  readonly distribution: string;
  readonly component: string;
  readonly certificate: string;
  readonly validation: string;
  readonly acl: string;
  readonly albs: Readonly<Record<string, string>>;
  readonly buckets: { readonly primary: string; readonly replica: string };
  readonly versionings: { readonly primary: string; readonly replica: string };
  readonly replication: string;
}

/**
 * A two-region stack (offline network shape) with an ALB per region and the CDN as
 * components/cdn declares it: certificate and web ACL in us-east-1, a static bucket per region
 * (versioned, the primary replicating to the other), the distribution with origin groups.
 */
export function edgeStack(regions: readonly string[] = ["us-east-1", "eu-west-1"]): EdgeStack {
  const graph = new StackGraph();
  rootStack(graph, { environment: "prod", primaryRegion: regions[0] });
  regions.forEach((region, index) => offlineStamp(graph, { region, cidr: `10.${128 + index}.0.0/16` }));
  const albs = Object.fromEntries(
    regions.map((region) => [
      region,
      graph.add("aws:lb/loadBalancer:LoadBalancer", `${region}-alb`, {
        region,
        internal: false,
        dnsName: `${region}-alb-1234567.${region}.elb.amazonaws.com`,
        arn: `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/app/${region}-alb/1`,
        arnSuffix: `app/${region}-alb/1`,
      }),
    ]),
  );
  const component = graph.add("blueprint:cdn:Cdn", "edge", {});
  const bucket = (region: string, name: string) =>
    graph.add(
      "aws:s3/bucket:Bucket",
      name,
      {
        region,
        bucket: `blueprint-prod-static-${region}-123456789012`,
        id: `blueprint-prod-static-${region}-123456789012`,
        arn: `arn:aws:s3:::blueprint-prod-static-${region}-123456789012`,
        bucketRegionalDomainName: `blueprint-prod-static-${region}-123456789012.s3.${region}.amazonaws.com`,
      },
      { parent: component },
    );
  const buckets = { primary: bucket(regions[0], "edge-static"), replica: bucket(regions[1], "edge-static-replica") };
  const versioning = (region: string, name: string, target: string) =>
    graph.add(
      "aws:s3/bucketVersioning:BucketVersioning",
      name,
      { region, bucket: `blueprint-prod-static-${region}-123456789012`, versioningConfiguration: { status: "Enabled" } },
      { parent: component, propertyDependencies: { bucket: [target] } },
    );
  const versionings = {
    primary: versioning(regions[0], "edge-static", buckets.primary),
    replica: versioning(regions[1], "edge-static-replica", buckets.replica),
  };
  const replication = graph.add(
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "edge-static",
    {
      region: regions[0],
      bucket: `blueprint-prod-static-${regions[0]}-123456789012`,
      rules: [{ id: "static-to-replica", status: "Enabled", destination: { bucket: `arn:aws:s3:::blueprint-prod-static-${regions[1]}-123456789012` } }],
    },
    { parent: component, propertyDependencies: { bucket: [buckets.primary], rules: [buckets.replica] } },
  );
  const certificate = graph.add(
    "aws:acm/certificate:Certificate",
    "edge-certificate",
    { region: "us-east-1", domainName: "www.example.com", arn: "arn:aws:acm:us-east-1:123456789012:certificate/23965c1e-188d-455e-a591-04841aeed690" },
    { parent: component },
  );
  const validation = graph.add(
    "aws:acm/certificateValidation:CertificateValidation",
    "edge-certificate",
    { region: "us-east-1", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/23965c1e-188d-455e-a591-04841aeed690" },
    { parent: component, propertyDependencies: { certificateArn: [certificate] } },
  );
  const acl = graph.add(
    "aws:wafv2/webAcl:WebAcl",
    "edge-waf",
    {
      region: "us-east-1",
      scope: "CLOUDFRONT",
      arn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/blueprint-prod-edge/b68ef138-8bbf-4984-87a8-a944ef325376",
    },
    { parent: component },
  );
  const distribution = graph.add(
    "aws:cloudfront/distribution:Distribution",
    "edge",
    { ...distributionProps(regions), arn: "arn:aws:cloudfront::123456789012:distribution/EB91A43DA5FCDD" },
    {
      parent: component,
      propertyDependencies: { viewerCertificate: [validation], webAclId: [acl], origins: [...Object.values(albs), buckets.primary, buckets.replica] },
    },
  );
  return { graph, distribution, component, certificate, validation, acl, albs, buckets, versionings, replication };
}
