/**
 * One region's RDS Proxy in front of a database member: the proxy (IAM authentication required
 * from clients, TLS required, the region's copy of the replicated secret to reach the database),
 * its role, its default target group and target, a read-only endpoint for an Aurora cluster,
 * its own security group between the tiers and the data tier, and its alarms.
 *
 * RDS Proxy works with every cluster of an Aurora global database; in a secondary region the
 * proxy's default endpoint reaches the read-only cluster (writes go through write forwarding),
 * and the read-only endpoint spreads reads over its readers.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-proxy-gdb.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import { flatMetricAlarmInputs } from "../observability/metricAlarmInputs";
import { proxyAlarmSpecs } from "./lib/proxyAlarms";
import { engineFamily, proxyNameProblem, proxyRoleName, proxyRoleStatements, readerEndpointName, type ProxySettings } from "./lib/proxyRules";

export { proxyClientStatements, proxyConnectArn, proxyName, type ProxySettings } from "./lib/proxyRules";

/** The service that assumes the proxy's role. */
export const PROXY_SERVICE_PRINCIPAL = "rds.amazonaws.com";

/** Arguments of the RegionalProxy component. */
export interface RegionalProxyArgs {
  readonly region: string;
  /** The proxy's name (see `proxyName`). */
  readonly name: string;
  /** `<project>-<stack>`: prefix of alarm names. */
  readonly namePrefix: string;
  /** Alarm key prefix, unique in the region (`db-proxy`, `db-proxy-s1`, …). */
  readonly alarmKey: string;
  readonly settings: ProxySettings;
  readonly engine: "postgresql" | "mysql";
  /** The port the database listens on; the proxy listens on the same. */
  readonly port: number;
  /** What the proxy fronts: an Aurora cluster or an RDS instance. */
  readonly target:
    | { readonly kind: "cluster"; readonly clusterIdentifier: pulumi.Input<string> }
    | { readonly kind: "instance"; readonly instanceIdentifier: pulumi.Input<string> };
  /** Whether the proxy gets a read-only endpoint to the cluster's readers (Aurora only; every region, whatever its role). */
  readonly readOnlyEndpoint: boolean;
  /** The region's copy of the database secret (the proxy reads the credentials from it). */
  readonly secretArn: pulumi.Input<string>;
  /** The region's key that encrypts the secret. */
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly vpcId: pulumi.Input<string>;
  /** Subnets of at least two AZs (RDS Proxy refuses fewer). */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The tiers' security groups (the only clients) and the data tier's (the only target). */
  readonly clientSecurityGroupIds: Readonly<Record<string, pulumi.Input<string>>>;
  readonly dataSecurityGroupId: pulumi.Input<string>;
  readonly alarmTopicArn: pulumi.Input<string>;
  /** What the target must wait for (the member's writer or instances). @default [] */
  readonly dependsOn?: readonly pulumi.Resource[];
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A region's database proxy.
 *
 * Cost: per vCPU-hour of the target's instances (Aurora) or instance (RDS), two ENIs per subnet,
 * and two alarms.
 */
export class RegionalProxy extends pulumi.ComponentResource {
  /** The proxy's default endpoint (read-write on a writer, read-only on a secondary). */
  public readonly endpoint: pulumi.Output<string>;
  /** The read-only endpoint, on Aurora clusters. */
  public readonly readerEndpoint?: pulumi.Output<string>;
  /** The proxy's ARN (`…:db-proxy:prx-…`). */
  public readonly arn: pulumi.Output<string>;
  /** The proxy's security group. */
  public readonly securityGroupId: pulumi.Output<string>;

  constructor(name: string, args: RegionalProxyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:proxy:RegionalProxy", name, {}, opts);
    const problems = [
      proxyNameProblem("proxy name", args.name),
      args.readOnlyEndpoint ? proxyNameProblem("proxy endpoint name", readerEndpointName(args.name)) : undefined,
    ].filter((problem): problem is string => problem !== undefined);
    if (args.readOnlyEndpoint && args.target.kind !== "cluster")
      problems.push("readOnlyEndpoint needs an Aurora cluster target (RDS Proxy has read-only endpoints for Aurora only)");
    if (problems.length > 0) throw new Error(`RegionalProxy ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const { region, port } = args;
    const opt = { parent: this };
    const { Region: _region, ...globalTags } = args.tags;
    const tags = { ...args.tags };

    const group = new aws.ec2.SecurityGroup(
      `${name}-proxy`,
      {
        region,
        vpcId: args.vpcId,
        description: "Database proxy: from the web and worker tiers only, out to the data tier only",
        revokeRulesOnDelete: true,
        tags: { ...tags, Name: `${name}-proxy` },
      },
      opt,
    );
    const rule = (key: string, direction: "ingress" | "egress", groupId: pulumi.Input<string>, peer: pulumi.Input<string>, description: string) => {
      const ruleArgs = {
        region,
        securityGroupId: groupId,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: peer,
        description,
        tags: { ...tags, Name: `${name}-${key}` },
      };
      return direction === "ingress"
        ? new aws.vpc.SecurityGroupIngressRule(`${name}-${key}`, ruleArgs, opt)
        : new aws.vpc.SecurityGroupEgressRule(`${name}-${key}`, ruleArgs, opt);
    };
    for (const [tier, groupId] of Object.entries(args.clientSecurityGroupIds)) {
      rule(`proxy-in-${tier}`, "ingress", group.id, groupId, `Database proxy from the ${tier} tier`);
      rule(`${tier}-out-proxy`, "egress", groupId, group.id, "To the database proxy");
    }
    rule("proxy-out-data", "egress", group.id, args.dataSecurityGroupId, "To the database");
    rule("data-in-proxy", "ingress", args.dataSecurityGroupId, group.id, "Database from the database proxy");

    const identity = aws.getCallerIdentityOutput({}, opt);
    const role = new aws.iam.Role(
      `${name}-proxy`,
      {
        name: proxyRoleName(args.name),
        description: `RDS Proxy ${args.name} reads the database secret in ${region}`,
        assumeRolePolicy: identity.accountId.apply((accountId) => serviceTrustPolicy(PROXY_SERVICE_PRINCIPAL, { accountId })),
        tags: { ...globalTags },
      },
      opt,
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-proxy`,
      {
        role: role.id,
        policy: pulumi
          .all([args.secretArn, args.kmsKeyArn])
          .apply(([secretArn, kmsKeyArn]) => policyDocument(proxyRoleStatements(secretArn, kmsKeyArn, region))),
      },
      opt,
    );

    const proxy = new aws.rds.Proxy(
      `${name}-proxy`,
      {
        region,
        name: args.name,
        engineFamily: engineFamily(args.engine),
        // clients authenticate with IAM and TLS; the proxy reaches the database with the secret
        requireTls: true,
        auths: [
          {
            authScheme: "SECRETS",
            iamAuth: "REQUIRED",
            secretArn: args.secretArn,
            description: "The database's master credentials (the region's replica of the secret)",
          },
        ],
        roleArn: role.arn,
        vpcSubnetIds: args.subnetIds,
        vpcSecurityGroupIds: [group.id],
        idleClientTimeout: args.settings.idleClientTimeoutSeconds,
        debugLogging: false,
        tags,
      },
      { ...opt, dependsOn: [rolePolicy] },
    );
    const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
      `${name}-proxy`,
      {
        region,
        dbProxyName: proxy.name,
        connectionPoolConfig: {
          maxConnectionsPercent: args.settings.maxConnectionsPercent,
          maxIdleConnectionsPercent: args.settings.maxIdleConnectionsPercent,
          connectionBorrowTimeout: args.settings.connectionBorrowTimeoutSeconds,
        },
      },
      opt,
    );
    new aws.rds.ProxyTarget(
      `${name}-proxy`,
      {
        region,
        dbProxyName: proxy.name,
        targetGroupName: targetGroup.name,
        ...(args.target.kind === "cluster" ? { dbClusterIdentifier: args.target.clusterIdentifier } : { dbInstanceIdentifier: args.target.instanceIdentifier }),
      },
      { ...opt, dependsOn: [...(args.dependsOn ?? [])] },
    );
    const reader = args.readOnlyEndpoint
      ? new aws.rds.ProxyEndpoint(
          `${name}-proxy-ro`,
          {
            region,
            dbProxyName: proxy.name,
            dbProxyEndpointName: readerEndpointName(args.name),
            targetRole: "READ_ONLY",
            vpcSubnetIds: args.subnetIds,
            vpcSecurityGroupIds: [group.id],
            tags,
          },
          opt,
        )
      : undefined;

    for (const spec of proxyAlarmSpecs<pulumi.Input<string>>({
      proxyName: proxy.name,
      key: args.alarmKey,
      namePrefix: args.namePrefix,
      region,
      thresholds: args.settings.alarms,
    })) {
      const { key, ...alarm } = spec;
      new aws.cloudwatch.MetricAlarm(
        `${name}-${key}`,
        { region, ...flatMetricAlarmInputs(alarm), actionsEnabled: true, alarmActions: [args.alarmTopicArn], okActions: [args.alarmTopicArn], tags },
        opt,
      );
    }

    this.endpoint = proxy.endpoint;
    if (reader) this.readerEndpoint = reader.endpoint;
    this.arn = proxy.arn;
    this.securityGroupId = group.id;
    this.registerOutputs({ endpoint: this.endpoint, readerEndpoint: this.readerEndpoint, arn: this.arn, securityGroupId: this.securityGroupId });
  }
}
