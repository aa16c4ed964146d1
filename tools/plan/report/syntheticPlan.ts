/**
 * A synthetic multi-region plan with every component the diagram draws (edge, tiers, queues,
 * cache, database, keys, secrets, buckets) and every cross-region link (global cluster, Global
 * Datastore, KMS replicas, secret replicas, S3 replication, CloudFront origin failover), built in
 * the plan-file shape without running a program. The report tests and `renderCheck.ts` use it, so
 * the diagram is checked on the data tier and the edge before those components exist in a stack.
 */
import type { PlanFile, PlannedResource } from "../planFile";

const ACCOUNT = "123456789012";
const STACK = "synthetic";

/** Builder state: the resources so far. */
class PlanBuilder {
  readonly resources: PlannedResource[] = [];

  urn(type: string, name: string, parent?: string): string {
    const parentType = parent ? parent.split("::")[2] : undefined;
    const qualified = parentType && !parentType.startsWith("pulumi:pulumi:Stack") ? `${parentType}$${type}` : type;
    return `urn:pulumi:${STACK}::blueprint::${qualified}::${name}`;
  }

  add(
    type: string,
    name: string,
    options: {
      region?: string | null;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
      /** Property dependencies; their union is also recorded as `dependencies`. */
      deps?: Record<string, string[]>;
      parent?: string;
      custom?: boolean;
    } = {},
  ): string {
    const parent = options.parent ?? this.resources[0]?.urn ?? null;
    const urn = this.urn(type, name, parent ?? undefined);
    const region = options.region === undefined ? null : options.region;
    const inputs = { ...(region !== null && options.custom !== false ? { region } : {}), ...(options.inputs ?? {}) };
    const deps = options.deps ?? {};
    this.resources.push({
      urn,
      type,
      name,
      custom: options.custom ?? (!type.startsWith("blueprint:") && !type.startsWith("pulumi:") && !type.startsWith("awsx:")),
      parent,
      region,
      inputs,
      outputs: { ...inputs, ...(options.outputs ?? {}) },
      dependencies: [...new Set(Object.values(deps).flat())],
      propertyDependencies: deps,
      protect: false,
      ignoreChanges: [],
      deleteBeforeReplace: false,
    });
    return urn;
  }
}

const arn = (service: string, region: string, resource: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;

/** Options of `syntheticPlan`. */
export interface SyntheticPlanOptions {
  /** Regions, primary first. @default ["us-east-1", "eu-west-1", "ap-southeast-2"] */
  readonly regions?: readonly string[];
  /** Add the global edge (CloudFront, WAF, Route 53). @default true */
  readonly edge?: boolean;
  /** Add the data tier (Aurora global database, Global Datastore, keys, secret, bucket replication). @default true */
  readonly data?: boolean;
}

/** Builds the synthetic plan. */
export function syntheticPlan(options: SyntheticPlanOptions = {}): PlanFile {
  const regions = options.regions ?? ["us-east-1", "eu-west-1", "ap-southeast-2"];
  const withEdge = options.edge ?? true;
  const withData = options.data ?? true;
  const [primary] = regions;
  const b = new PlanBuilder();
  b.add("pulumi:pulumi:Stack", `blueprint-${STACK}`, { custom: false });

  const globalCluster = withData
    ? b.add("aws:rds/globalCluster:GlobalCluster", "db-global", {
        region: primary,
        inputs: { globalClusterIdentifier: "blueprint-synthetic", engine: "aurora-postgresql", storageEncrypted: true },
        outputs: { arn: `arn:aws:rds::${ACCOUNT}:global-cluster:blueprint-synthetic` },
      })
    : undefined;
  const primaryKey = withData
    ? b.add("aws:kms/key:Key", `data-key-${primary}`, { region: primary, inputs: { multiRegion: true }, outputs: { arn: arn("kms", primary!, "key/mrk-1") } })
    : undefined;

  const perRegion = new Map<string, { lb: string; lbDns: string; cache: string; cluster: string; bucket: string; bucketArn: string }>();
  for (const [index, region] of regions.entries()) {
    const stamp = b.add("blueprint:region:RegionalStamp", region, { custom: false });
    const vpc = b.add("awsx:ec2:Vpc", `${region}-vpc`, { region, parent: stamp, custom: false, inputs: { cidrBlock: `10.${index}.0.0/16` } });
    const sg = (name: string) => b.add("aws:ec2/securityGroup:SecurityGroup", `${region}-${name}`, { region, parent: stamp, deps: { vpcId: [vpc] } });
    const [albSg, appSg, workerSg, dataSg] = [sg("alb"), sg("app"), sg("worker"), sg("data")];
    const ingress = (name: string, into: string, from: string, port: number) =>
      b.add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `${region}-${name}`, {
        region,
        parent: stamp,
        inputs: { fromPort: port, toPort: port, ipProtocol: "tcp" },
        deps: { securityGroupId: [into], referencedSecurityGroupId: [from] },
      });
    ingress("app-in-alb", appSg, albSg, 8080);
    ingress("data-in-app-database", dataSg, appSg, 5432);
    ingress("data-in-app-cache", dataSg, appSg, 6379);
    ingress("data-in-worker-database", dataSg, workerSg, 5432);

    const lbDns = `${region}-alb-1.${region}.elb.amazonaws.com`;
    const lb = b.add("aws:lb/loadBalancer:LoadBalancer", `${region}-alb`, {
      region,
      parent: stamp,
      inputs: { loadBalancerType: "application" },
      outputs: { dnsName: lbDns, arn: arn("elasticloadbalancing", region, `loadbalancer/app/${region}-alb/1`) },
      deps: { securityGroups: [albSg], subnets: [vpc] },
    });
    const tg = b.add("aws:lb/targetGroup:TargetGroup", `${region}-web`, { region, parent: stamp, deps: { vpcId: [vpc] } });
    b.add("aws:lb/listener:Listener", `${region}-https`, { region, parent: stamp, deps: { loadBalancerArn: [lb], defaultActions: [tg] } });

    const queue = (name: string, dlqArn?: string) =>
      b.add("aws:sqs/queue:Queue", `${region}-${name}`, {
        region,
        parent: stamp,
        inputs: dlqArn ? { redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) } : {},
        outputs: { arn: arn("sqs", region, `blueprint-synthetic-${name}`) },
      });
    queue("jobs-dlq");
    const jobs = queue("jobs", arn("sqs", region, "blueprint-synthetic-jobs-dlq"));

    const tier = (name: string, tierSg: string, sends: boolean, targetGroup?: string) => {
      const role = b.add("aws:iam/role:Role", `${region}-${name}-role`, { parent: stamp });
      b.add("aws:iam/rolePolicy:RolePolicy", `${region}-${name}-access`, {
        parent: stamp,
        inputs: {
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: sends ? ["sqs:SendMessage"] : ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: [arn("sqs", region, "blueprint-synthetic-jobs")] },
            ],
          }),
        },
        deps: { role: [role], policy: [jobs] },
      });
      const profile = b.add("aws:iam/instanceProfile:InstanceProfile", `${region}-${name}`, { parent: stamp, deps: { role: [role] } });
      const template = b.add("aws:ec2/launchTemplate:LaunchTemplate", `${region}-${name}`, {
        region,
        parent: stamp,
        deps: { iamInstanceProfile: [profile], networkInterfaces: [tierSg] },
      });
      return b.add("aws:autoscaling/group:Group", `${region}-${name}`, {
        region,
        parent: stamp,
        inputs: { minSize: 2, maxSize: 6, targetGroupArns: targetGroup ? [arn("elasticloadbalancing", region, `targetgroup/${name}`)] : [] },
        deps: { mixedInstancesPolicy: [template], vpcZoneIdentifiers: [vpc], ...(targetGroup ? { targetGroupArns: [targetGroup] } : {}) },
      });
    };
    tier("web", appSg, true, tg);
    tier("worker", workerSg, false);

    let cluster = "";
    let cache = "";
    const bucketArn = `arn:aws:s3:::blueprint-synthetic-assets-${region}`;
    let bucket = "";
    if (withData) {
      const key =
        index === 0
          ? primaryKey!
          : b.add("aws:kms/replicaKey:ReplicaKey", `data-key-${region}`, {
              region,
              outputs: { arn: arn("kms", region, "key/mrk-1") },
              deps: { primaryKeyArn: [primaryKey!] },
            });
      const writer = index === 0 ? undefined : perRegion.get(primary!)!.cluster;
      cluster = b.add("aws:rds/cluster:Cluster", `${region}-db`, {
        region,
        parent: stamp,
        inputs: { engine: "aurora-postgresql", clusterIdentifier: `blueprint-synthetic-${region}`, storageEncrypted: true, databaseName: "app" },
        deps: { globalClusterIdentifier: [globalCluster!], kmsKeyId: [key], vpcSecurityGroupIds: [dataSg], ...(writer ? { dependsOnWriter: [writer] } : {}) },
      });
      b.add("aws:rds/clusterInstance:ClusterInstance", `${region}-db-1`, {
        region,
        parent: stamp,
        inputs: { engine: "aurora-postgresql", instanceClass: "db.r7g.large" },
        deps: { clusterIdentifier: [cluster] },
      });
      cache = b.add("aws:elasticache/replicationGroup:ReplicationGroup", `${region}-cache`, {
        region,
        parent: stamp,
        inputs: { engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2, replicationGroupId: `synthetic-${region}` },
        deps: {
          securityGroupIds: [dataSg],
          kmsKeyId: [key],
          ...(index > 0 ? { globalReplicationGroupId: [`urn:pulumi:${STACK}::blueprint::aws:elasticache/globalReplicationGroup:GlobalReplicationGroup::cache-global`] } : {}),
        },
      });
      bucket = b.add("aws:s3/bucket:Bucket", `${region}-assets`, { region, parent: stamp, inputs: { bucket: `blueprint-synthetic-assets-${region}` }, outputs: { arn: bucketArn } });
    }
    perRegion.set(region, { lb, lbDns, cache, cluster, bucket, bucketArn });
  }

  if (withData) {
    const primaryState = perRegion.get(primary!)!;
    // Registered after the primary group (it is created from it); secondaries reference it by URN above.
    b.add("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", "cache-global", {
      region: primary,
      inputs: { globalReplicationGroupIdSuffix: "synthetic" },
      deps: { primaryReplicationGroupId: [primaryState.cache] },
    });
    b.add("aws:secretsmanager/secret:Secret", "db-master", {
      region: primary,
      inputs: { name: "blueprint-synthetic/db", replicas: regions.slice(1).map((region) => ({ region, kmsKeyId: arn("kms", region, "key/mrk-1") })) },
      deps: { kmsKeyId: [primaryKey!] },
    });
    for (const region of regions.slice(1)) {
      b.add("aws:s3/bucketReplicationConfig:BucketReplicationConfig", `${region}-assets-replication`, {
        region: primary,
        inputs: { bucket: `blueprint-synthetic-assets-${primary}`, rules: [{ id: region, status: "Enabled", destination: { bucket: perRegion.get(region)!.bucketArn } }] },
        deps: { bucket: [primaryState.bucket], rules: [perRegion.get(region)!.bucket] },
      });
    }
  }

  if (withEdge) {
    const acl = b.add("aws:wafv2/webAcl:WebAcl", "cdn-acl", { region: "us-east-1", inputs: { scope: "CLOUDFRONT" } });
    const [first, second] = regions;
    // Like the edge component: CloudFront connects to `<region>.api.example.com`, a Route 53 alias of the region's ALB.
    const originRecords = regions.map((region) =>
      b.add("aws:route53/record:Record", `${region}-origin`, {
        inputs: { name: `${region}.api.example.com`, type: "A", aliases: [{ name: perRegion.get(region)!.lbDns, zoneId: "Z35SXDOTRQ7X7K", evaluateTargetHealth: true }] },
        deps: { aliases: [perRegion.get(region)!.lb] },
      }),
    );
    const origins = regions.map((region) => ({ originId: `alb-${region}`, domainName: `${region}.api.example.com` }));
    const distribution = b.add("aws:cloudfront/distribution:Distribution", "cdn", {
      inputs: {
        origins,
        originGroups: second
          ? [{ originId: "api-failover", failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: `alb-${first}` }, { originId: `alb-${second}` }] }]
          : [],
      },
      outputs: { domainName: "d111111abcdef8.cloudfront.net" },
      deps: { webAclId: [acl], origins: originRecords },
    });
    b.add("aws:route53/record:Record", "app", {
      inputs: { name: "app.example.com", type: "A", aliases: [{ name: "d111111abcdef8.cloudfront.net", zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }] },
      deps: { aliases: [distribution] },
    });
  }

  return {
    version: 1,
    project: "blueprint",
    stack: STACK,
    environment: "prod",
    regions: [...regions],
    primaryRegion: primary!,
    resources: b.resources,
    outputs: { primaryRegion: primary, databasePassword: "[secret]" },
    policies: { violations: [] },
  };
}
