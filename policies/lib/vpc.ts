/**
 * VPCs as stack policies see them. The blueprint declares `awsx.ec2.Vpc`, a remote component:
 * under the Pulumi CLI its children (`aws:ec2/vpc:Vpc`, subnets, NAT gateways) are resources of
 * the stack too; in the offline plan the component is one node, and the helpers place its subnets
 * and NAT gateways from what awsx really takes and returns: `availabilityZoneNames`, the subnet ID
 * lists (awsx lists each type's subnets in AZ order, one per AZ) and `natGateways.strategy`.
 */
import type { PolicyResource } from "@pulumi/policy";
import { dependsThrough, descendsFrom, known, matchableStringProp, ofType, stringProp, stringsProp } from "./graph";

/** Type token of the awsx VPC component. */
export const AWSX_VPC_TYPE = "awsx:ec2:Vpc";
/** Type tokens of the plain resources. */
export const VPC_TYPE = "aws:ec2/vpc:Vpc";
export const SUBNET_TYPE = "aws:ec2/subnet:Subnet";
export const NAT_GATEWAY_TYPE = "aws:ec2/natGateway:NatGateway";
export const CIDR_ASSOCIATION_TYPE = "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation";

/** One VPC: the `aws:ec2/vpc:Vpc` resource and/or the awsx component that owns it. */
export interface Vpc {
  /** The resource violations are reported on: the EC2 VPC when present, else the component. */
  readonly resource: PolicyResource;
  /** The awsx component, when the VPC comes from one. */
  readonly component?: PolicyResource;
  /** The EC2 VPC resource, when the stack has it (always under the CLI, never offline). */
  readonly ec2Vpc?: PolicyResource;
}

/** A subnet with what policies need of it. */
export interface VpcSubnet {
  readonly id?: string;
  readonly availabilityZone?: string;
  /** `Public`, `Private` or `Isolated` when known. */
  readonly type?: string;
}

/** Every VPC of the stack, each once. */
export function findVpcs(resources: readonly PolicyResource[]): Vpc[] {
  const ec2Vpcs = ofType(resources, VPC_TYPE);
  const components = ofType(resources, AWSX_VPC_TYPE);
  const vpcs: Vpc[] = ec2Vpcs.map((ec2Vpc) => {
    const component = components.find((candidate) => descendsFrom(ec2Vpc, candidate));
    return { resource: ec2Vpc, ec2Vpc, ...(component ? { component } : {}) };
  });
  for (const component of components) {
    if (!vpcs.some((vpc) => vpc.component === component)) vpcs.push({ resource: component, component });
  }
  return vpcs;
}

/** The resources standing for the VPC (EC2 VPC and component). */
function nodes(vpc: Vpc): PolicyResource[] {
  return [vpc.ec2Vpc, vpc.component].filter((node): node is PolicyResource => node !== undefined);
}

/** The VPC's ID where known (the EC2 VPC's `id`, the component's `vpcId`). */
export function vpcIds(vpc: Vpc): string[] {
  return [vpc.ec2Vpc ? matchableStringProp(vpc.ec2Vpc, "id") : undefined, vpc.component ? matchableStringProp(vpc.component, "vpcId") : undefined].filter(
    (id): id is string => id !== undefined,
  );
}

/**
 * True when `resource`'s property `prop` (e.g. a flow log's `vpcId`) refers to the VPC: through
 * its property dependencies, else by value.
 */
export function refersToVpc(resource: PolicyResource, prop: string, vpc: Vpc): boolean {
  if (dependsThrough(resource, prop, nodes(vpc))) return true;
  const value = matchableStringProp(resource, prop);
  return value !== undefined && vpcIds(vpc).includes(value);
}

/** The VPC's IPv4 blocks: its primary `cidrBlock` and any secondary block associations. */
export function vpcCidrs(vpc: Vpc, resources: readonly PolicyResource[]): string[] {
  const primary = nodes(vpc)
    .map((node) => stringProp(node, "cidrBlock"))
    .find((cidr) => cidr !== undefined);
  const secondary = ofType(resources, CIDR_ASSOCIATION_TYPE)
    .filter((association) => refersToVpc(association, "vpcId", vpc))
    .map((association) => stringProp(association, "cidrBlock"))
    .filter((cidr): cidr is string => cidr !== undefined);
  return [...(primary ? [primary] : []), ...secondary];
}

/** The VPC's subnets: `aws:ec2/subnet` resources under its component or pointing at it, else the plan's `subnetDetails`. */
export function vpcSubnets(vpc: Vpc, resources: readonly PolicyResource[]): VpcSubnet[] {
  const component = vpc.component;
  const publicIds = component ? stringsProp(component, "publicSubnetIds") : [];
  const privateIds = component ? stringsProp(component, "privateSubnetIds") : [];
  const isolatedIds = component ? stringsProp(component, "isolatedSubnetIds") : [];
  const typeOf = (id: string | undefined) =>
    id === undefined ? undefined : publicIds.includes(id) ? "Public" : privateIds.includes(id) ? "Private" : isolatedIds.includes(id) ? "Isolated" : undefined;
  const subnets = ofType(resources, SUBNET_TYPE).filter(
    (subnet) => (component !== undefined && descendsFrom(subnet, component)) || refersToVpc(subnet, "vpcId", vpc),
  );
  if (subnets.length > 0) {
    return subnets.map((subnet) => {
      const id = matchableStringProp(subnet, "id");
      const type = typeOf(id);
      const availabilityZone = stringProp(subnet, "availabilityZone");
      return { ...(id ? { id } : {}), ...(availabilityZone ? { availabilityZone } : {}), ...(type ? { type } : {}) };
    });
  }
  return component ? componentSubnets(component) : [];
}

/** Subnet type → the awsx output listing its IDs. */
const SUBNET_ID_OUTPUTS: ReadonlyArray<[string, string]> = [
  ["Public", "publicSubnetIds"],
  ["Private", "privateSubnetIds"],
  ["Isolated", "isolatedSubnetIds"],
];

/**
 * The subnets of an awsx VPC component from its own inputs and outputs: awsx creates one subnet
 * of each type per AZ, in `availabilityZoneNames` order, and lists each type's IDs in that order.
 * A list whose length is not the number of AZs gives subnets without an AZ.
 */
function componentSubnets(component: PolicyResource): VpcSubnet[] {
  const zones = known(() => stringsProp(component, "availabilityZoneNames")) ?? [];
  return SUBNET_ID_OUTPUTS.flatMap(([type, output]) => {
    const ids = known(() => stringsProp(component, output)) ?? [];
    return ids.map((id, index) => ({ id, type, ...(ids.length === zones.length ? { availabilityZone: zones[index] } : {}) }));
  });
}

/** The AZs awsx puts NAT gateways in, from `natGateways.strategy` (its default: one per AZ when there are private subnets). */
function componentNatZones(component: PolicyResource): string[] {
  const subnets = componentSubnets(component);
  const natGateways = known((): unknown => component.props.natGateways);
  const given = isRecordLike(natGateways) && typeof natGateways.strategy === "string" ? natGateways.strategy : undefined;
  const strategy = given ?? (subnets.some((subnet) => subnet.type === "Private") ? "OnePerAz" : "None");
  const publicZones = subnets.filter((subnet) => subnet.type === "Public").map((subnet) => subnet.availabilityZone);
  const zones = strategy === "OnePerAz" ? publicZones : strategy === "Single" ? publicZones.slice(0, 1) : [];
  return zones.filter((zone): zone is string => zone !== undefined);
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The AZs the VPC's subnets are in (and, offline, the AZs its component was given). */
export function vpcAvailabilityZones(vpc: Vpc, resources: readonly PolicyResource[]): string[] {
  const zones = new Set(
    vpcSubnets(vpc, resources)
      .map((subnet) => subnet.availabilityZone)
      .filter((zone): zone is string => zone !== undefined),
  );
  if (vpc.component) for (const zone of stringsProp(vpc.component, "availabilityZoneNames")) zones.add(zone);
  return [...zones].sort();
}

/** The AZs of the VPC's private subnets (those routed through NAT). */
export function privateSubnetZones(vpc: Vpc, resources: readonly PolicyResource[]): string[] {
  const zones = vpcSubnets(vpc, resources)
    .filter((subnet) => subnet.type === "Private")
    .map((subnet) => subnet.availabilityZone)
    .filter((zone): zone is string => zone !== undefined);
  return [...new Set(zones)].sort();
}

/** The AZs the VPC has a NAT gateway in. */
export function natGatewayZones(vpc: Vpc, resources: readonly PolicyResource[]): string[] {
  const subnets = vpcSubnets(vpc, resources);
  const gateways = ofType(resources, NAT_GATEWAY_TYPE).filter(
    (gateway) =>
      (vpc.component !== undefined && descendsFrom(gateway, vpc.component)) ||
      subnets.some((subnet) => subnet.id !== undefined && subnet.id === matchableStringProp(gateway, "subnetId")),
  );
  const zones =
    gateways.length > 0
      ? gateways.map((gateway) => subnets.find((subnet) => subnet.id === stringProp(gateway, "subnetId"))?.availabilityZone)
      : vpc.component
        ? componentNatZones(vpc.component)
        : [];
  return [...new Set(zones.filter((zone): zone is string => zone !== undefined))].sort();
}

/**
 * Subnet ID → AZ for every subnet the stack declares: `aws:ec2/subnet:Subnet` resources (the
 * CLI's view of awsx's children) and, offline, the subnets each awsx VPC component lists.
 * Subnets whose ID or AZ is not known yet are left out.
 */
export function subnetZoneIndex(resources: readonly PolicyResource[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const subnet of ofType(resources, SUBNET_TYPE)) {
    const id = matchableStringProp(subnet, "id");
    const zone = matchableStringProp(subnet, "availabilityZone");
    if (id !== undefined && zone !== undefined) index.set(id, zone);
  }
  for (const component of ofType(resources, AWSX_VPC_TYPE)) {
    for (const subnet of componentSubnets(component)) {
      if (subnet.id !== undefined && subnet.availabilityZone !== undefined && !index.has(subnet.id)) index.set(subnet.id, subnet.availabilityZone);
    }
  }
  return index;
}

/** Where a list of subnets lands: the AZs known for them, and the subnets the stack does not describe. */
export interface SubnetPlacement {
  readonly zones: readonly string[];
  readonly unresolved: readonly string[];
}

/** Resolves subnet IDs to AZs through `subnetZoneIndex`. */
export function placeSubnets(subnetIds: readonly string[], index: ReadonlyMap<string, string>): SubnetPlacement {
  const zones = new Set<string>();
  const unresolved: string[] = [];
  for (const id of new Set(subnetIds)) {
    const zone = index.get(id);
    if (zone === undefined) unresolved.push(id);
    else zones.add(zone);
  }
  return { zones: [...zones].sort(), unresolved };
}
