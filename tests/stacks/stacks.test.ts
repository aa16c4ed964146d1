import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PlanFile } from "../../tools/plan/planFile";
import { planStack, writePlan } from "../../tools/plan/planStack";
import { planReport } from "../../tools/plan/report/planReport";
import { telemetryPlanFacts } from "../../components/telemetry/plan";
import { shippedPlan } from "../support/shippedPlans";
import { listStacks } from "../../tools/plan/stackFile";
import { INTERFACE_ENDPOINT_SERVICES } from "../../components/network/lib/endpointServices";
import { mockRouteTableId } from "../../components/network/lib/routeTablesMock";

/** The network's resources in every region. */
const NETWORK_PER_REGION: Record<string, number> = {
  "awsx:ec2:Vpc": 1,
  "aws:ec2/flowLog:FlowLog": 1,
  "aws:cloudwatch/logGroup:LogGroup": 1,
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
  "aws:rds/subnetGroup:SubnetGroup": 1,
  "aws:elasticache/subnetGroup:SubnetGroup": 1,
  "aws:ec2/securityGroup:SecurityGroup": 4,
  // the alb group admits only CloudFront's origin-facing prefix list, on the origin port
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 6,
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 7,
};
const GLOBAL_TYPES = new Set([
  "aws:iam/role:Role",
  "aws:iam/serviceLinkedRole:ServiceLinkedRole",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:iam/instanceProfile:InstanceProfile",
  "aws:route53/record:Record",
  "aws:route53/healthCheck:HealthCheck",
  "aws:cloudfront/distribution:Distribution",
  "aws:cloudfront/originAccessControl:OriginAccessControl",
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
  "aws:cloudfront/cachePolicy:CachePolicy",
  "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
  "aws:cloudfront/function:Function",
  "aws:cloudfront/vpcOrigin:VpcOrigin",
  "random:index/randomPassword:RandomPassword",
  // one Region switch plan per stack: ARC plans are global (their ARN has no region)
  "aws:arcregionswitch/plan:Plan",
]);

/** Component types of the application tier inside a stamp (the data tier is counted separately). */
const APP_COMPONENTS = [
  "blueprint:network:Network",
  "blueprint:loadbalancer:LoadBalancer",
  "blueprint:compute:ComputeTier",
  "blueprint:queue:RegionalQueues",
  "blueprint:observability:RegionalObservability",
];

/** True when a resource belongs to a region's stamp, below one of the given component types. */
function inStamp(plan: PlanFile, r: { parent: string | null }, componentTypes: readonly string[]): boolean {
  const byUrn = new Map(plan.resources.map((resource) => [resource.urn, resource]));
  const ancestors: string[] = [];
  for (let parent = r.parent; parent !== null; parent = byUrn.get(parent)?.parent ?? null) ancestors.push(byUrn.get(parent)!.type);
  // [..., component, stamp, stack]
  return ancestors.at(-2) === "blueprint:region:RegionalStamp" && componentTypes.includes(ancestors.at(-3) ?? "");
}

/** Types whose AWS resources take no tags (the provider has no `tags` input for them). */
const UNTAGGABLE = new Set([
  // Grafana's service accounts and tokens take no tags; the Grafana provider and its data sources are no AWS resources
  "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount",
  "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken",
  "pulumi:providers:grafana",
  "grafana:oss/dataSource:DataSource",
  "aws:backup/selection:Selection",
  "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
  "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
  "aws:arczonalshift/zonalAutoshiftConfiguration:ZonalAutoshiftConfiguration",
  // a statement in the (regional) function's resource policy: no tags of its own
  "aws:lambda/permission:Permission",
  // Scheduler schedules take no tags (only schedule groups do)
  "aws:scheduler/schedule:Schedule",
  "aws:iam/rolePolicy:RolePolicy",
  // neither takes tags (the provider's schema has no tags argument)
  "aws:amp/alertManagerDefinition:AlertManagerDefinition",
  "aws:cloudwatch/queryDefinition:QueryDefinition",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:autoscaling/policy:Policy",
  "aws:autoscaling/group:Group",
  "aws:sqs/queuePolicy:QueuePolicy",
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
  "aws:sns/topicPolicy:TopicPolicy",
  "aws:sns/topicSubscription:TopicSubscription",
  // RDS Proxy's target group and target take no tags (the proxy and its endpoints do)
  "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup",
  "aws:rds/proxyTarget:ProxyTarget",
  "aws:appautoscaling/policy:Policy",
  "aws:secretsmanager/secretRotation:SecretRotation",
  "aws:cloudwatch/eventTarget:EventTarget",
  "aws:kms/alias:Alias",
  "aws:cloudwatch/dashboard:Dashboard",
  "aws:acm/certificateValidation:CertificateValidation",
  "aws:route53/record:Record",
  "random:index/randomPassword:RandomPassword",
  "aws:secretsmanager/secretVersion:SecretVersion",
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
  "aws:cloudfront/originAccessControl:OriginAccessControl",
  "aws:cloudfront/cachePolicy:CachePolicy",
  "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
  "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
]);

/** What a stack file asks of the application tier. */
interface StackShape {
  readonly queues: number;
  readonly email: boolean;
  readonly https: boolean;
  readonly hostedZone: boolean;
  readonly workerFromZero: boolean;
  /** Interface VPC endpoints (on by default outside dev). */
  readonly interfaceEndpoints: boolean;
}

function stackShape(stack: string): StackShape {
  const config = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config;
  const domain = config["blueprint:domain"];
  return {
    queues: (config["blueprint:queues"] ?? [{}]).length,
    email: config["blueprint:alarms"]?.email !== undefined,
    https: domain !== undefined,
    hostedZone: domain?.hostedZoneId !== undefined,
    workerFromZero: config["blueprint:worker"]?.minSize === 0,
    interfaceEndpoints: config["blueprint:network"]?.interfaceEndpoints ?? config["blueprint:environment"] !== "dev",
  };
}

/** Exact resources per region: the network plus load balancer, tiers, queues and observability. */
function expectedPerRegion(shape: StackShape): Record<string, number> {
  const counts: Record<string, number> = {
    ...NETWORK_PER_REGION,
    "aws:lb/loadBalancer:LoadBalancer": 1,
    "aws:lb/targetGroup:TargetGroup": 1,
    "aws:lb/listener:Listener": shape.https ? 2 : 1,
    // CloudFront's origin header (the shipped stacks' load balancers are internal VPC origins, so
    // Route 53's checkers get no path of their own: their health comes from an alarm)
    "aws:lb/listenerRule:ListenerRule": 1,
    "aws:s3/bucket:Bucket": 1,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
    "aws:s3/bucketVersioning:BucketVersioning": 1,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
    "aws:s3/bucketPolicy:BucketPolicy": 1,
    "aws:ec2/launchTemplate:LaunchTemplate": 2,
    "aws:autoscaling/group:Group": 2,
    // web: requests and CPU; worker: backlog (+ the scale-from-zero step policy)
    "aws:autoscaling/policy:Policy": 3 + (shape.workerFromZero ? 1 : 0),
    "aws:sqs/queue:Queue": 2 * shape.queues,
    "aws:sqs/queuePolicy:QueuePolicy": 2 * shape.queues,
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": shape.queues,
    "aws:kms/key:Key": 1,
    "aws:kms/alias:Alias": 1,
    "aws:sns/topic:Topic": 1,
    "aws:sns/topicPolicy:TopicPolicy": 1,
    // ALB 5xx, p99, unhealthy hosts; per queue DLQ depth and oldest age (+ the scale-from-zero alarm)
    "aws:cloudwatch/metricAlarm:MetricAlarm": 3 + 2 * shape.queues + (shape.workerFromZero ? 1 : 0),
    "aws:cloudwatch/dashboard:Dashboard": 1,
    // the S3 gateway endpoint, and with interface endpoints one per service (9), their group and its two rules (app, worker)
    "aws:ec2/vpcEndpoint:VpcEndpoint": 1 + (shape.interfaceEndpoints ? INTERFACE_ENDPOINT_SERVICES.length : 0),
  };
  if (shape.interfaceEndpoints) {
    counts["aws:ec2/securityGroup:SecurityGroup"] += 1;
    counts["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"] += 2;
  }
  if (shape.email) counts["aws:sns/topicSubscription:TopicSubscription"] = 1;
  if (shape.hostedZone) {
    counts["aws:acm/certificate:Certificate"] = 1;
    counts["aws:acm/certificateValidation:CertificateValidation"] = 1;
  }
  return counts;
}

/** Exact global resources of the application tier: per region the flow-log, web and worker roles and profiles. */
function expectedGlobalAppTier(regions: number): Record<string, number> {
  return {
    "aws:iam/role:Role": 3 * regions,
    "aws:iam/rolePolicy:RolePolicy": 3 * regions,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 2 * regions,
    "aws:iam/instanceProfile:InstanceProfile": 2 * regions,
  };
}

/** One plan per stack for the read-only tests below, shared with the other test files. */
const plannedOnce = shippedPlan;

describe("every stack in stacks/, planned end to end", () => {
  const stacks = listStacks("stacks");

  it("ships dev, staging and prod", () => {
    assert.deepEqual(stacks, ["dev", "prod", "staging"]);
  });

  for (const stack of stacks) {
    describe(stack, () => {
      let plan: PlanFile;
      before(async () => {
        plan = await plannedOnce(stack);
      });

      it("follows the plan-file contract", () => {
        assert.equal(plan.version, 1);
        assert.equal(plan.project, "blueprint");
        assert.equal(plan.stack, stack);
        const file = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config;
        assert.equal(plan.environment, file["blueprint:environment"]);
        assert.deepEqual(
          plan.regions,
          file["blueprint:regions"].map((r: { name: string }) => r.name),
        );
        assert.deepEqual(
          plan.policies.violations.filter((v) => v.enforcementLevel === "mandatory"),
          [],
        );
        const keys = [
          "urn",
          "type",
          "name",
          "custom",
          "parent",
          "region",
          "inputs",
          "outputs",
          "dependencies",
          "propertyDependencies",
          "protect",
          "ignoreChanges",
          "deleteBeforeReplace",
        ];
        const urns = new Set(plan.resources.map((r) => r.urn));
        assert.equal(urns.size, plan.resources.length, "URNs are unique");
        for (const r of plan.resources) {
          // provider: only a resource that names an explicit provider, which is recorded too
          assert.deepEqual(Object.keys(r), r.provider !== undefined ? [...keys, "provider"] : keys);
          if (r.provider !== undefined) assert.ok(urns.has(r.provider), `provider of ${r.urn} is recorded`);
          if (r.parent !== null) assert.ok(urns.has(r.parent), `parent of ${r.urn} is recorded`);
          for (const dep of r.dependencies) assert.ok(urns.has(dep), `dependency ${dep} of ${r.urn} is recorded`);
          for (const deps of Object.values(r.propertyDependencies)) for (const dep of deps) assert.ok(urns.has(dep));
        }
        assert.equal(
          plan.resources
            .filter((r) => r.parent === null)
            .map((r) => r.type)
            .join(),
          "pulumi:pulumi:Stack",
        );
      });

      it("sets region on every regional resource and places each in a configured region (the edge's in us-east-1 and the static replica's region)", () => {
        const replica = plan.resources.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name === "edge-static-replica")!.region!;
        // AWS resources only: a provider and the Grafana data sources have no AWS region
        for (const r of plan.resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("awsx:"))) {
          if (GLOBAL_TYPES.has(r.type)) assert.equal(r.region, null, r.urn);
          else if (r.urn.includes("blueprint:cdn:Cdn$"))
            assert.ok(["us-east-1", replica, plan.primaryRegion].includes(r.region ?? ""), `${r.urn} has region ${r.region}`);
          else assert.ok(plan.regions.includes(r.region ?? ""), `${r.urn} has region ${r.region}`);
        }
      });

      it("builds the same application tier in every region: network, load balancer, tiers, queues, alarms", () => {
        const shape = stackShape(stack);
        const appTier = plan.resources.filter((r) => (r.custom || r.type.startsWith("awsx:")) && inStamp(plan, r, APP_COMPONENTS));
        for (const region of plan.regions) {
          const counts: Record<string, number> = {};
          for (const r of appTier.filter((r) => r.region === region)) counts[r.type] = (counts[r.type] ?? 0) + 1;
          // regional certificates are the stack's, not the stamp's
          const expected = expectedPerRegion(shape);
          delete expected["aws:acm/certificate:Certificate"];
          delete expected["aws:acm/certificateValidation:CertificateValidation"];
          assert.deepEqual(counts, expected, region);
        }
        const global: Record<string, number> = {};
        for (const r of appTier.filter((r) => r.region === null)) global[r.type] = (global[r.type] ?? 0) + 1;
        assert.deepEqual(global, expectedGlobalAppTier(plan.regions.length));
      });

      it("exports the per-region outputs", () => {
        const regions = plan.outputs.regions as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.keys(regions).sort(), [...plan.regions].sort());
        for (const [region, out] of Object.entries(regions)) {
          assert.match(out.vpcId as string, /^vpc-0[0-9a-f]{16}$/);
          assert.equal(out.flowLogGroupName, `/blueprint/${stack}/${region}/vpc-flow-logs`);
          // the composite the routing, resilience and chaos work consume
          assert.equal(out.regionUnhealthyAlarmArn, `arn:aws:cloudwatch:${region}:123456789012:alarm:blueprint-${stack}-${region}-region-unhealthy`);
          assert.equal(out.prometheus !== undefined, stack === "prod", `${stack} ${region} prometheus output`);
          assert.equal((out.isolatedSubnetIds as string[]).length, (out.publicSubnetIds as string[]).length);
          assert.deepEqual(Object.keys(out.securityGroupIds as object).sort(), ["alb", "app", "data", "worker"]);
        }
        assert.equal(plan.outputs.primaryRegion, plan.primaryRegion);
      });

      it("tags every taggable resource with the standard tags", () => {
        for (const r of plan.resources.filter((r) => r.custom && !UNTAGGABLE.has(r.type))) {
          const tags = r.inputs.tags as Record<string, string>;
          for (const key of ["Environment", "Project", "Owner", "CostCenter", "ManagedBy"]) assert.ok(tags?.[key], `${r.urn} lacks ${key}`);
          // a global cluster spans regions: it carries no Region tag, so a switchover leaves no stale one
          if (r.region && r.type !== "aws:rds/globalCluster:GlobalCluster") assert.equal(tags.Region, r.region, r.urn);
        }
        // auto-scaling groups take tags as a list, propagated to the instances they launch
        for (const r of plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group")) {
          const tags = r.inputs.tags as Array<{ key: string; value: string; propagateAtLaunch: boolean }>;
          for (const key of ["Environment", "Project", "Owner", "CostCenter", "ManagedBy", "Region", "Tier", "Name"]) {
            assert.ok(
              tags.some((tag) => tag.key === key && tag.propagateAtLaunch),
              `${r.urn} lacks ${key}`,
            );
          }
        }
      });

      it("creates each web tier's request-count policy after its region's listeners (AWS needs the target group behind one)", () => {
        for (const region of plan.regions) {
          const policy = plan.resources.find((r) => r.type === "aws:autoscaling/policy:Policy" && r.name === `${region}-web-requests`)!;
          const listeners = plan.resources.filter((r) => r.type === "aws:lb/listener:Listener" && r.region === region);
          assert.ok(listeners.length > 0);
          for (const listener of listeners) assert.ok(policy.dependencies.includes(listener.urn), `${policy.urn} waits for ${listener.urn}`);
        }
      });

      it("protects exactly the stateful resources when the profile says so: queues, buckets, keys, secrets, databases, caches", () => {
        const protectedTypes = new Set([
          "aws:sqs/queue:Queue",
          "aws:sqs/queuePolicy:QueuePolicy",
          "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
          "aws:s3/bucket:Bucket",
          "aws:kms/key:Key",
          "aws:kms/replicaKey:ReplicaKey",
          "aws:kms/alias:Alias",
          "aws:secretsmanager/secret:Secret",
          "aws:secretsmanager/secretVersion:SecretVersion",
          "aws:rds/globalCluster:GlobalCluster",
          "aws:rds/cluster:Cluster",
          "aws:rds/instance:Instance",
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
          "aws:dynamodb/table:Table",
          "aws:dynamodb/tableReplica:TableReplica",
        ]);
        const expected = stack === "prod";
        for (const r of plan.resources.filter((r) => r.custom)) {
          // the data key's aliases share its protection; the alarm key's alias never had it
          const stateful = protectedTypes.has(r.type) && (r.type !== "aws:kms/alias:Alias" || r.urn.includes("blueprint:kms:MultiRegionKey$"));
          assert.equal(r.protect, expected && stateful, r.urn);
        }
      });

      it("encrypts every queue, dead-letter queue and instance volume under its region's data key, launched by the stack's own Auto Scaling role", () => {
        const keyArn = (region: string | null) => {
          const key = plan.resources.find(
            (r) => (r.type === "aws:kms/key:Key" || r.type === "aws:kms/replicaKey:ReplicaKey") && r.name === `data-key-${region}`,
          );
          assert.ok(key, `data key of ${region}`);
          return key.outputs.arn;
        };
        const queues = plan.resources.filter((r) => r.type === "aws:sqs/queue:Queue");
        assert.ok(queues.length > 0);
        for (const queue of queues) {
          assert.equal(queue.inputs.kmsMasterKeyId, keyArn(queue.region), queue.urn);
          assert.equal(queue.inputs.sqsManagedSseEnabled, undefined, queue.urn);
        }
        const role = plan.resources.filter((r) => r.type === "aws:iam/serviceLinkedRole:ServiceLinkedRole");
        assert.deepEqual(
          role.map((r) => [r.inputs.awsServiceName, r.inputs.customSuffix]),
          [["autoscaling.amazonaws.com", `blueprint-${stack}`]],
        );
        for (const template of plan.resources.filter((r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate")) {
          const ebs = (template.inputs.blockDeviceMappings as Array<{ ebs: Record<string, unknown> }>)[0].ebs;
          assert.deepEqual([ebs.encrypted, ebs.kmsKeyId], ["true", keyArn(template.region)], template.urn);
        }
        for (const group of plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group")) {
          assert.equal(group.inputs.serviceLinkedRoleArn, role[0].outputs.arn, group.urn);
        }
        const senders = [
          ...(plan.resources.some((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "sqs") ? ["sns.amazonaws.com"] : []),
          ...(plan.resources.some((r) => r.type === "aws:cloudwatch/eventTarget:EventTarget") ? ["events.amazonaws.com"] : []),
        ];
        for (const key of plan.resources.filter((r) => r.name.startsWith("data-key-") && r.type.startsWith("aws:kms/"))) {
          if (key.type === "aws:kms/alias:Alias") continue;
          const statements = JSON.parse(key.inputs.policy as string).Statement as { Principal: { AWS?: string; Service?: string } }[];
          const principals = statements.map((s) => s.Principal.AWS ?? s.Principal.Service);
          // the account, the Auto Scaling role twice (use, grants), then the services that deliver to the queues
          assert.deepEqual(principals.slice(1), [role[0].outputs.arn, role[0].outputs.arn, ...senders], key.urn);
        }
      });

      it("reaches AWS privately: the S3 gateway endpoint on every private and isolated route table, interface endpoints outside dev", () => {
        for (const vpc of plan.resources.filter((r) => r.type === "awsx:ec2:Vpc")) {
          const endpoints = plan.resources.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.region === vpc.region);
          const s3 = endpoints.filter((e) => e.inputs.vpcEndpointType === "Gateway");
          const subnets = [...(vpc.outputs.privateSubnetIds as string[]), ...(vpc.outputs.isolatedSubnetIds as string[])];
          assert.deepEqual(
            s3.map((e) => e.inputs.serviceName),
            [`com.amazonaws.${vpc.region}.s3`],
          );
          assert.deepEqual(s3[0].inputs.routeTableIds, subnets.map(mockRouteTableId).sort(), vpc.urn);
          const interfaces = endpoints.filter((e) => e.inputs.vpcEndpointType === "Interface");
          assert.equal(interfaces.length, stackShape(stack).interfaceEndpoints ? INTERFACE_ENDPOINT_SERVICES.length : 0, vpc.urn);
          for (const endpoint of interfaces) assert.equal(endpoint.inputs.privateDnsEnabled, true);
        }
      });

      it("speaks HTTPS to every target", () => {
        const groups = plan.resources.filter((r) => r.type === "aws:lb/targetGroup:TargetGroup");
        assert.ok(groups.length > 0);
        for (const group of groups) {
          assert.equal(group.inputs.protocol, "HTTPS", group.urn);
          assert.equal((group.inputs.healthCheck as { protocol: string }).protocol, "HTTPS", group.urn);
        }
      });

      it("is deterministic: planning twice gives the same plan", async () => {
        assert.deepEqual(await planStack(stack), plan);
      });
    });
  }

  it("dev runs one Aurora cluster with one instance and one cache group, in its only region", async () => {
    const plan = await plannedOnce("dev");
    const count = (type: string) => plan.resources.filter((r) => r.type === type).map((r) => r.region);
    assert.deepEqual(count("aws:rds/cluster:Cluster"), ["us-east-1"]);
    assert.deepEqual(count("aws:rds/clusterInstance:ClusterInstance"), ["us-east-1"]);
    assert.deepEqual(count("aws:rds/globalCluster:GlobalCluster"), []);
    assert.deepEqual(count("aws:elasticache/replicationGroup:ReplicationGroup"), ["us-east-1"]);
    assert.deepEqual(count("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"), []);
    // the data key, the alarm key, the log key, and a static-asset key in us-east-1 and in the replica region us-east-2
    assert.deepEqual(count("aws:kms/key:Key"), ["us-east-1", "us-east-1", "us-east-1", "us-east-1", "us-east-2"]);
    assert.deepEqual(count("aws:kms/replicaKey:ReplicaKey"), []);
  });

  it("prod replicates the data tier into every region, each member under its own region's key", async () => {
    const plan = await plannedOnce("prod");
    const ofType = (type: string) => plan.resources.filter((r) => r.type === type);
    const regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];
    const global = ofType("aws:rds/globalCluster:GlobalCluster");
    assert.deepEqual(
      global.map((r) => r.region),
      ["us-east-1"],
    );
    const clusters = ofType("aws:rds/cluster:Cluster");
    assert.deepEqual(clusters.map((r) => r.region).sort(), [...regions].sort());
    for (const cluster of clusters) assert.equal(cluster.inputs.globalClusterIdentifier, global[0].outputs.id ?? global[0].inputs.globalClusterIdentifier);
    // three instances in the primary (one per AZ), two in each secondary
    const instances = ofType("aws:rds/clusterInstance:ClusterInstance");
    assert.deepEqual(
      regions.map((region) => instances.filter((r) => r.region === region).length),
      [3, 2, 2],
    );
    assert.deepEqual(
      ofType("aws:elasticache/replicationGroup:ReplicationGroup")
        .map((r) => r.region)
        .sort(),
      [...regions].sort(),
    );
    assert.deepEqual(
      ofType("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup").map((r) => r.region),
      ["us-east-1"],
    );
    const dataKey = ofType("aws:kms/key:Key").find((r) => r.inputs.multiRegion === true)!;
    assert.equal(dataKey.region, "us-east-1");
    const keyArns = new Map([
      [dataKey.region, dataKey.outputs.arn as string],
      ...ofType("aws:kms/replicaKey:ReplicaKey").map((r) => [r.region!, r.outputs.arn as string] as const),
    ]);
    assert.deepEqual([...keyArns.keys()].sort(), [...regions].sort());
    for (const r of [...clusters, ...ofType("aws:elasticache/replicationGroup:ReplicationGroup")]) {
      const key = (r.inputs.kmsKeyId ?? r.inputs.kmsKeyArn) as string;
      assert.equal(key, keyArns.get(r.region!), `${r.urn} uses its own region's key`);
    }
    const secrets = ofType("aws:secretsmanager/secret:Secret");
    assert.equal(secrets.length, 2, "database credentials and cache AUTH token");
    for (const secret of secrets) {
      assert.equal(secret.region, "us-east-1");
      assert.deepEqual(secret.inputs.replicas, [
        { region: "eu-west-1", kmsKeyId: keyArns.get("eu-west-1") },
        { region: "ap-southeast-2", kmsKeyId: keyArns.get("ap-southeast-2") },
      ]);
    }
  });

  it("prod's secondary clusters forward writes, and every region's tiers get the global writer endpoint next to their own", async () => {
    const plan = await plannedOnce("prod");
    const global = plan.resources.find((r) => r.type === "aws:rds/globalCluster:GlobalCluster")!;
    assert.match(String(global.outputs.endpoint), /^blueprint-prod-global\.global-[0-9a-f]{12}\.global\.rds\.amazonaws\.com$/);
    const clusters = plan.resources.filter((r) => r.type === "aws:rds/cluster:Cluster");
    assert.deepEqual(
      clusters.map((r) => [r.region, r.inputs.enableGlobalWriteForwarding]),
      [
        ["us-east-1", false],
        ["eu-west-1", true],
        ["ap-southeast-2", true],
      ],
    );
    for (const [region, writes] of [
      ["us-east-1", "local"],
      ["eu-west-1", "forwarded"],
      ["ap-southeast-2", "forwarded"],
    ]) {
      for (const tier of ["web", "worker"]) {
        const template = plan.resources.find((r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && r.name === `${region}-${tier}`)!;
        const userData = Buffer.from(template.inputs.userData as string, "base64").toString("utf8");
        assert.ok(userData.includes(`BLUEPRINT_DB_GLOBAL_WRITER_ENDPOINT=${String(global.outputs.endpoint)}`), `${region} ${tier}`);
        assert.ok(userData.includes(`BLUEPRINT_DB_WRITES=${writes}`), `${region} ${tier}`);
      }
    }
  });

  it("prod's instances learn their own region's endpoints and may read only their own region's secrets", async () => {
    const plan = await plannedOnce("prod");
    for (const region of ["eu-west-1", "ap-southeast-2"]) {
      const template = plan.resources.find((r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && r.name === `${region}-web`)!;
      const userData = Buffer.from(template.inputs.userData as string, "base64").toString("utf8");
      const cluster = plan.resources.find((r) => r.type === "aws:rds/cluster:Cluster" && r.region === region)!;
      assert.ok(userData.includes(`BLUEPRINT_DB_WRITER_ENDPOINT=${cluster.outputs.endpoint}`), region);
      assert.ok(userData.includes(`BLUEPRINT_DB_READER_ENDPOINT=${cluster.outputs.readerEndpoint}`), region);
      assert.match(userData, new RegExp(`BLUEPRINT_DB_SECRET_ARN=arn:aws:secretsmanager:${region}:`));
      assert.match(userData, new RegExp(`BLUEPRINT_CACHE_SECRET_ARN=arn:aws:secretsmanager:${region}:`));
      assert.ok(userData.includes("BLUEPRINT_DB_ROLE=secondary") && userData.includes("BLUEPRINT_CACHE_ROLE=secondary"), region);
      const policy = plan.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === `${region}-web-access`)!;
      const statements = JSON.parse(policy.inputs.policy as string).Statement as Array<{ Sid: string; Resource: string[] }>;
      const read = statements.find((s) => s.Sid === "ReadRegionSecrets")!;
      assert.equal(read.Resource.length, 2);
      for (const arn of read.Resource) assert.ok(arn.startsWith(`arn:aws:secretsmanager:${region}:`), arn);
    }
  });

  it("places CloudFront's certificate and web ACL in us-east-1 with failover origins per region", async () => {
    const plan = await plannedOnce("prod");
    const distribution = plan.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!;
    assert.equal(
      (distribution.inputs.origins as unknown[]).length,
      8,
      "two per region (one behind Origin Shield for the cacheable route) plus the static bucket and its replica",
    );
    assert.equal((distribution.inputs.originGroups as unknown[]).length, 3, "the load balancers', the cached load balancers' and the static bucket's");
    // every load balancer origin is a VPC origin of its region's internal load balancer
    const vpcOrigins = plan.resources.filter((r) => r.type === "aws:cloudfront/vpcOrigin:VpcOrigin");
    assert.deepEqual(vpcOrigins.map((r) => r.name).sort(), ["edge-ap-southeast-2", "edge-eu-west-1", "edge-us-east-1"]);
    const balancers = plan.resources.filter((r) => r.type === "aws:lb/loadBalancer:LoadBalancer");
    assert.ok(balancers.length === 3 && balancers.every((r) => r.inputs.internal === true), "internal load balancers");
    for (const type of ["aws:acm/certificate:Certificate", "aws:wafv2/webAcl:WebAcl"]) {
      const edge = plan.resources.filter((r) => r.type === type && r.urn.includes("blueprint:cdn:Cdn$"));
      assert.ok(edge.length >= 1 && edge.every((r) => r.region === "us-east-1"), type);
    }
    assert.equal(plan.resources.filter((r) => r.type === "aws:route53/healthCheck:HealthCheck").length, 3);
  });

  it("staging enables FIS experiments per region and prod declares its region-scale drills, stopped by the region's own alarms; dev has none", async () => {
    const staging = await plannedOnce("staging");
    const templates = staging.resources.filter((r) => r.type === "aws:fis/experimentTemplate:ExperimentTemplate");
    assert.deepEqual(
      templates.map((r) => r.name).sort(),
      [
        // region-scale drills: each region cut off from the writer's (the writer's from the next), the static bucket's replication paused
        "eu-west-1-drills-isolate-region",
        "us-east-1-drills-isolate-region",
        "us-east-1-drills-pause-static-replication",
        // FIS's AZ power-interruption scenario in each region's first AZ
        "eu-west-1-drills-az-power-interruption",
        "us-east-1-drills-az-power-interruption",
        "eu-west-1-chaos-failover-cache",
        "eu-west-1-chaos-terminate-web-instances",
        // the writer fails over in the primary region only: a global database's secondaries are read-only
        "us-east-1-chaos-failover-database",
        "us-east-1-chaos-failover-cache",
        "us-east-1-chaos-terminate-web-instances",
      ].sort(),
    );
    for (const template of templates) {
      const stops = template.inputs.stopConditions as Array<{ source: string; value: string }>;
      assert.deepEqual(
        stops.map((stop) => stop.value.split(":alarm:")[1]),
        // and the region's composite "region unhealthy" alarm
        [
          `blueprint-staging-${template.region}-alb-5xx-rate`,
          `blueprint-staging-${template.region}-target-response-p99`,
          `blueprint-staging-${template.region}-region-unhealthy`,
        ],
      );
      assert.ok(stops.every((stop) => stop.source === "aws:cloudwatch:alarm" && stop.value.startsWith(`arn:aws:cloudwatch:${template.region}:`)));
    }
    assert.equal((await plannedOnce("dev")).resources.filter((r) => r.type.startsWith("aws:fis/")).length, 0, "dev");
    // prod declares only the drills (never started by the stack), no instance-level chaos
    assert.deepEqual(
      (await plannedOnce("prod")).resources
        .filter((r) => r.type.startsWith("aws:fis/"))
        .map((r) => r.name)
        .sort(),
      [
        "ap-southeast-2-drills-az-power-interruption",
        "ap-southeast-2-drills-isolate-region",
        "eu-west-1-drills-az-power-interruption",
        "eu-west-1-drills-isolate-region",
        "us-east-1-drills-az-power-interruption",
        "us-east-1-drills-isolate-region",
        "us-east-1-drills-pause-static-replication",
      ],
    );
  });

  it("prod provisions Grafana's data sources, 3 per region, through one Admin service account whose token never reaches the plan file or report", async () => {
    const plan = await plannedOnce("prod");
    const of = (type: string) => plan.resources.filter((r) => r.type === type);
    assert.equal(of("aws:grafana/workspace:Workspace").length, 1);
    assert.equal(of("aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount").length, 1);
    assert.equal(of("aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount")[0].inputs.grafanaRole, "ADMIN");
    const [token] = of("aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken");
    assert.deepEqual([token.inputs.name, token.inputs.secondsToLive, token.outputs.key], ["blueprint-prod-provisioning-1", 2_592_000, "[secret]"]);
    const [provider] = of("pulumi:providers:grafana");
    assert.deepEqual(provider.inputs, { url: `https://${String(of("aws:grafana/workspace:Workspace")[0].outputs.endpoint)}`, auth: "[secret]" });
    const sources = of("grafana:oss/dataSource:DataSource");
    assert.equal(sources.length, plan.regions.length * 3);
    const workspaces = new Map(of("aws:amp/workspace:Workspace").map((w) => [w.region, w.outputs.prometheusEndpoint]));
    for (const region of plan.regions) {
      const prometheus = sources.find((r) => r.inputs.uid === `prometheus-${region}`)!;
      assert.equal(prometheus.inputs.url, workspaces.get(region));
      assert.deepEqual(JSON.parse(prometheus.inputs.jsonDataEncoded as string), {
        httpMethod: "POST",
        sigV4Auth: true,
        sigV4AuthType: "workspace-iam-role",
        sigV4Region: region,
      });
      for (const kind of ["cloudwatch", "xray"])
        assert.deepEqual(JSON.parse(sources.find((r) => r.inputs.uid === `${kind}-${region}`)!.inputs.jsonDataEncoded as string), {
          authType: "workspace-iam-role",
          defaultRegion: region,
        });
    }
    for (const source of sources) assert.equal(source.provider, provider.urn);
    // the key the program saw (the mock's) is nowhere in the written plan file or the report
    const key = telemetryPlanFacts.types
      .find((t) => t.type === token.type)!
      .mock({ type: token.type, name: token.name, urn: token.urn, inputs: token.inputs }, "us-east-1").outputs.key as string;
    assert.match(key, /^glsa_/);
    const written = readFileSync(writePlan(plan, mkdtempSync(join(tmpdir(), "plan-"))), "utf8");
    assert.ok(written.includes("blueprint-prod-provisioning-1"));
    for (const text of [written, planReport(plan)]) {
      assert.ok(!text.includes(key));
      assert.doesNotMatch(text, /glsa_/);
    }
  });

  it("cuts power to each region's first AZ the way FIS's scenario does: the writer and the cache primary fail over only where they live", async () => {
    for (const stack of ["staging", "prod"] as const) {
      const plan = await plannedOnce(stack);
      const templates = plan.resources.filter(
        (r) => r.type === "aws:fis/experimentTemplate:ExperimentTemplate" && r.name.endsWith("-drills-az-power-interruption"),
      );
      assert.deepEqual(
        templates.map((t) => t.region),
        plan.regions,
        stack,
      );
      for (const template of templates) {
        const zone = `${template.region}a`;
        const actions = template.inputs.actions as Array<{ actionId: string; target: { key: string; value: string } }>;
        const targets = template.inputs.targets as Array<{
          name: string;
          resourceType: string;
          filters?: Array<{ path: string; values: string[] }>;
          parameters?: Record<string, string>;
          resourceArns?: string[];
        }>;
        const writer = template.region === plan.primaryRegion;
        assert.deepEqual(
          actions.map((a) => `${a.actionId} ${a.target.key}`),
          [
            "aws:ec2:stop-instances Instances",
            "aws:ec2:stop-instances Instances",
            "aws:ec2:asg-insufficient-instance-capacity-error AutoScalingGroups",
            "aws:network:disrupt-connectivity Subnets",
            ...(writer ? ["aws:rds:failover-db-cluster Clusters"] : []),
            "aws:elasticache:replicationgroup-interrupt-az-power ReplicationGroups",
          ],
          template.name,
        );
        // every action names a target of the template, each filtered to the AZ
        for (const action of actions)
          assert.ok(
            targets.some((t) => t.name === action.target.value),
            action.target.value,
          );
        for (const target of targets.filter((t) => t.resourceType === "aws:ec2:instance"))
          assert.deepEqual(target.filters, [
            { path: "State.Name", values: ["running"] },
            { path: "Placement.AvailabilityZone", values: [zone] },
          ]);
        const subnets = targets.find((t) => t.resourceType === "aws:ec2:subnet")!;
        assert.deepEqual([subnets.filters, subnets.resourceArns!.length], [[{ path: "AvailabilityZone", values: [zone] }], stack === "prod" ? 9 : 6]);
        if (writer) assert.deepEqual(targets.find((t) => t.resourceType === "aws:rds:cluster")!.parameters, { writerAvailabilityZoneIdentifiers: zone });
        assert.deepEqual(targets.find((t) => t.resourceType === "aws:elasticache:replicationgroup")!.parameters, { availabilityZoneIdentifier: zone });
        assert.deepEqual(
          (template.inputs.stopConditions as Array<{ value: string }>).map((stop) => stop.value.split(":alarm:")[1]),
          ["alb-5xx-rate", "target-response-p99", "region-unhealthy"].map((alarm) => `blueprint-${stack}-${template.region}-${alarm}`),
        );
        assert.deepEqual(template.inputs.experimentOptions, { accountTargeting: "single-account", emptyTargetResolutionMode: "skip" });
      }
      // the cache carries the tag FIS finds it by
      for (const group of plan.resources.filter((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup"))
        assert.equal((group.inputs.tags as Record<string, string>).ChaosTarget, group.inputs.replicationGroupId, group.name);
    }
  });

  it("staging starts its five drills every Tuesday from 14:00 UTC, one every 30 minutes, through FIS's StartExperiment; prod and dev schedule none", async () => {
    const staging = await plannedOnce("staging");
    const schedules = staging.resources.filter((r) => r.type === "aws:scheduler/schedule:Schedule");
    assert.deepEqual(
      schedules.map((s) => [s.inputs.name, s.inputs.scheduleExpression]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      [
        ["blueprint-staging-us-east-1-isolate-region", "cron(0 14 ? * TUE *)"],
        ["blueprint-staging-us-east-1-pause-static-replication", "cron(0 15 ? * TUE *)"],
        ["blueprint-staging-eu-west-1-isolate-region", "cron(30 15 ? * TUE *)"],
        ["blueprint-staging-us-east-1-az-power-interruption", "cron(30 14 ? * TUE *)"],
        ["blueprint-staging-eu-west-1-az-power-interruption", "cron(0 16 ? * TUE *)"],
      ].sort((a, b) => a[1].localeCompare(b[1])),
    );
    const templates = staging.resources.filter((r) => r.type === "aws:fis/experimentTemplate:ExperimentTemplate" && r.name.includes("-drills-"));
    for (const schedule of schedules) {
      const target = schedule.inputs.target as { arn: string; input: string; roleArn: string; retryPolicy: unknown };
      const drill = String(schedule.inputs.name).replace(`blueprint-staging-${schedule.region}-`, "");
      const template = templates.find((t) => t.region === schedule.region && t.name === `${schedule.region}-drills-${drill}`)!;
      assert.equal(target.arn, "arn:aws:scheduler:::aws-sdk:fis:startExperiment");
      assert.deepEqual(JSON.parse(target.input), { ExperimentTemplateId: template.outputs.id, ClientToken: "<aws.scheduler.execution-id>" });
      assert.equal(target.roleArn, `arn:aws:iam::123456789012:role/blueprint-staging-${schedule.region}-drill-scheduler`);
      assert.deepEqual(target.retryPolicy, { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 600 });
      assert.deepEqual(
        [schedule.inputs.flexibleTimeWindow, schedule.inputs.scheduleExpressionTimezone, schedule.inputs.state],
        [{ mode: "OFF" }, "UTC", "ENABLED"],
      );
    }
    for (const region of staging.regions) {
      const policy = staging.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === `${region}-drills-schedules`)!;
      const [statement, ...rest] = JSON.parse(policy.inputs.policy as string).Statement as Array<{ Action: string[]; Resource: string[] }>;
      assert.equal(rest.length, 0);
      assert.deepEqual(statement.Action, ["fis:StartExperiment"]);
      assert.deepEqual(
        [...statement.Resource].sort(),
        [
          ...schedules
            .filter((s) => s.region === region)
            .map(
              (s) => `arn:aws:fis:${region}:123456789012:experiment-template/${JSON.parse((s.inputs.target as { input: string }).input).ExperimentTemplateId}`,
            ),
          `arn:aws:fis:${region}:123456789012:experiment/*`,
        ].sort(),
      );
    }
    for (const stack of ["prod", "dev"] as const)
      assert.equal((await plannedOnce(stack)).resources.filter((r) => r.type.startsWith("aws:scheduler/")).length, 0, stack);
  });

  it("prod runs three regions on three continents with three AZs, a NAT per AZ and protection", async () => {
    const plan = await plannedOnce("prod");
    assert.deepEqual(plan.regions, ["us-east-1", "eu-west-1", "ap-southeast-2"]);
    for (const vpc of plan.resources.filter((r) => r.type === "awsx:ec2:Vpc")) {
      assert.equal((vpc.inputs.availabilityZoneNames as string[]).length, 3);
      assert.deepEqual(vpc.inputs.natGateways, { strategy: "OnePerAz" });
      assert.equal((vpc.outputs.publicSubnetIds as unknown[]).length, 3);
    }
  });
});
