/**
 * Resource graphs for stack-policy tests, in both shapes a VPC takes: the offline plan's one
 * `awsx:ec2:Vpc` node (with `subnetDetails` / `natGatewayDetails`), and the Pulumi CLI's view,
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
    ["Public", "Private", "Isolated"].map((type) => ({ id: ids("subnet", region, type.toLowerCase(), zone), type, availabilityZone: zone, cidrBlock: "10.0.0.0/24" })),
  );
  const natZones = nat === "OnePerAz" ? zones : nat === "Single" ? zones.slice(0, 1) : [];
  const vpcId = `vpc-0${region.replace(/[^a-z0-9]/g, "")}`;
  const vpc = graph.add("awsx:ec2:Vpc", `${region}-vpc`, {
    region,
    cidrBlock: options.cidr,
    availabilityZoneNames: zones,
    vpcId,
    publicSubnetIds: subnetDetails.filter((s) => s.type === "Public").map((s) => s.id),
    privateSubnetIds: subnetDetails.filter((s) => s.type === "Private").map((s) => s.id),
    isolatedSubnetIds: subnetDetails.filter((s) => s.type === "Isolated").map((s) => s.id),
    subnetDetails,
    natGatewayDetails: natZones.map((zone) => ({ id: ids("nat", region, "", zone), subnetId: ids("subnet", region, "public", zone), availabilityZone: zone })),
  });
  const logGroup = graph.add("aws:cloudwatch/logGroup:LogGroup", `${region}-flow-logs`, { region, retentionInDays: 365 });
  const flowLog = options.withoutFlowLog
    ? undefined
    : graph.add("aws:ec2/flowLog:FlowLog", `${region}-flow-log`, { region, vpcId, trafficType: "ALL" }, { propertyDependencies: { vpcId: [vpc] } });
  const defaultSecurityGroup = options.withoutDefaultSecurityGroup
    ? undefined
    : graph.add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", `${region}-default`, { region, vpcId, ingress: [], egress: [] }, { propertyDependencies: { vpcId: [vpc] } });
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
    : graph.add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", `${region}-default`, { region, vpcId, ingress: [], egress: [] }, { propertyDependencies: { vpcId: [component] } });
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
