/**
 * Plan facts of the proxy component: RDS proxies, their default target groups, targets and extra
 * endpoints; the diagram's proxy boxes and their arrow to the database they front.
 */
import { always, type ComponentPlanFacts, type EdgeContext } from "../lib/plan/facts";
import { named, textInput, type Builder } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";
import { free, hours, type CostRule } from "../lib/plan/cost";

/** An RDS proxy. */
export const RDS_PROXY = "aws:rds/proxy:Proxy";
/** A proxy's default target group. */
export const RDS_PROXY_TARGET_GROUP = "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup";
/** A proxy's target (the database it fronts). */
export const RDS_PROXY_TARGET = "aws:rds/proxyTarget:ProxyTarget";
/** An extra proxy endpoint. */
export const RDS_PROXY_ENDPOINT = "aws:rds/proxyEndpoint:ProxyEndpoint";

const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const RDS_INSTANCE = "aws:rds/instance:Instance";

/** The account-and-region part of proxy DNS names (`proxy-<12 characters>`), like RDS's cluster names. */
const dnsSuffix = (region: string) => `proxy-${hashHex(12, "rds-proxy", region)}.${region}.rds.amazonaws.com`;

/** A proxy: its ID is its name; the ARN names its `prx-` resource ID; its default endpoint. */
export const proxy: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { arn: arn("rds", region, `db-proxy:prx-${hashHex(17, input.urn)}`), endpoint: `${name}.${dnsSuffix(region)}` } };
};

/** A default target group: the provider's ID is the proxy's name; AWS names the group `default`. */
export const proxyTargetGroup: Builder = (input, region) => {
  const proxyName = textInput(input, "dbProxyName") ?? input.name;
  return { id: proxyName, outputs: { name: "default", arn: arn("rds", region, `target-group:prx-tg-${hashHex(17, input.urn)}`) } };
};

/** A target: the provider's ID is `<proxy>/<target group>/<type>/<identifier>`. */
export const proxyTarget: Builder = (input) => {
  const cluster = textInput(input, "dbClusterIdentifier");
  const type = cluster !== undefined ? "TRACKED_CLUSTER" : "RDS_INSTANCE";
  const identifier = cluster ?? textInput(input, "dbInstanceIdentifier") ?? input.name;
  const id = `${textInput(input, "dbProxyName") ?? ""}/${textInput(input, "targetGroupName") ?? "default"}/${type}/${identifier}`;
  return { id, outputs: { type, ...(cluster !== undefined ? { trackedClusterId: cluster } : {}) } };
};

/** An extra endpoint: the provider's ID is `<proxy>/<endpoint>`; its DNS name is under the proxy's. */
export const proxyEndpoint: Builder = (input, region) => {
  const name = textInput(input, "dbProxyEndpointName") ?? input.name;
  return {
    id: `${textInput(input, "dbProxyName") ?? ""}/${name}`,
    outputs: {
      arn: arn("rds", region, `db-proxy-endpoint:prx-endpoint-${hashHex(17, input.urn)}`),
      endpoint: `${name}.endpoint.${dnsSuffix(region)}`,
      isDefault: false,
    },
  };
};

/** Each proxy box forwards to the database box its target names. */
function targetEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const target of graph.ofTypes([RDS_PROXY_TARGET])) {
    const proxyUrn = graph.propertyDependenciesOf(target, "dbProxyName").find((urn) => graph.byUrn.get(urn)?.type === RDS_PROXY);
    const database = [...graph.propertyDependenciesOf(target, "dbClusterIdentifier"), ...graph.propertyDependenciesOf(target, "dbInstanceIdentifier")].find(
      (urn) => [RDS_CLUSTER, RDS_INSTANCE].includes(graph.byUrn.get(urn)?.type ?? ""),
    );
    connect(nodeOf(proxyUrn), nodeOf(database), "traffic", "pooled");
  }
}

/** The proxy component's facts. */
/** vCPUs of a DB instance class (`db.<family>.<size>`): 2 up to large, 4 per xlarge step. */
export function classVcpus(instanceClass: string): number {
  const size = instanceClass.split(".").pop() ?? "";
  if (size === "xlarge") return 4;
  const multiple = /^(\d+)xlarge$/.exec(size);
  return multiple ? 4 * Number(multiple[1]) : 2;
}

/** How the proxy is billed: vCPU hours of the instances behind it. */
const PROXY_COSTS: Readonly<Record<string, CostRule>> = {
  [RDS_PROXY]: {
    rule: "vCPU hours of the database instances in the proxy's region (2 vCPUs up to size large, 4 per xlarge step; at least 2 billed)",
    meters: (proxy, { graph }) => {
      const vcpus = graph
        .ofTypes(["aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"])
        .filter((instance) => instance.region === proxy.region)
        .reduce((sum, instance) => sum + classVcpus(typeof instance.inputs.instanceClass === "string" ? instance.inputs.instanceClass : ""), 0);
      return [hours("rds-proxy:vcpu", Math.max(2, vcpus), "proxy vCPU hours")];
    },
  },
  [RDS_PROXY_ENDPOINT]: {
    rule: "assumed billed as an interface VPC endpoint per AZ-hour (RDS Proxy pricing: an additional endpoint is charged at the PrivateLink rate)",
    meters: (endpoint) => [
      hours("vpc:interface-endpoint-az", Array.isArray(endpoint.inputs.vpcSubnetIds) ? endpoint.inputs.vpcSubnetIds.length : 1, "proxy endpoint AZ-hours"),
    ],
  },
  [RDS_PROXY_TARGET_GROUP]: free("configuration"),
  [RDS_PROXY_TARGET]: free("configuration"),
};

export const proxyPlanFacts: ComponentPlanFacts = {
  component: "proxy",
  costs: PROXY_COSTS,
  types: [
    {
      type: RDS_PROXY,
      mock: proxy,
      creation: {
        seconds: 420,
        basis: "AWS RDS Proxy docs and experience: a proxy takes several minutes (5-10) to become available; provider create timeout 30 min",
      },
      stateful: {
        label: "database proxy",
        loses: "every client connection and the proxy's DNS name (the tiers must be given the new endpoint)",
        replacedBy: always("region", "name", "engineFamily", "vpcSubnetIds"),
      },
      kind: "proxy",
      noun: "proxy",
    },
    {
      type: RDS_PROXY_TARGET_GROUP,
      mock: proxyTargetGroup,
      creation: { seconds: 10, basis: "experience: a default target group's pool settings apply in seconds" },
    },
    {
      type: RDS_PROXY_TARGET,
      mock: proxyTarget,
      creation: {
        seconds: 120,
        basis: "experience: registering a target takes 1-3 min while the proxy checks the credentials; provider create timeout 30 min",
      },
    },
    {
      type: RDS_PROXY_ENDPOINT,
      mock: proxyEndpoint,
      creation: {
        seconds: 300,
        basis: "experience: an extra proxy endpoint is available in about 5 min (its ENIs are created in each subnet); provider create timeout 30 min",
      },
      stateful: {
        label: "database proxy endpoint",
        loses: "the connections through the endpoint and its DNS name",
        replacedBy: always("region", "dbProxyName", "dbProxyEndpointName", "vpcSubnetIds", "targetRole"),
      },
      kind: "proxy",
      noun: "endpoint",
    },
  ],
  edges: { requests: targetEdges },
};
