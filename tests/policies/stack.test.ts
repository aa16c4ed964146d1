import {
  stackDisallowCrossRegionDataPath,
  stackDisallowOverlappingVpcCidrs,
  stackRequireAlarmCoverage,
  stackRequireCacheInEveryRegion,
  stackRequireDatabaseInEveryRegion,
  stackRequireEdgeResourcesInUsEast1,
  stackRequireIdenticalRegionalStamps,
  stackRequireMatchingPolicyConfig,
  stackRequireMinimumRegions,
  stackRequireOriginFailover,
  stackRequireProxyForEveryDatabase,
  stackRequireRegionalKmsKeys,
  stackRequireTableReplicaInEveryRegion,
} from "../../policies/stack";
import { assertNotApplicable, assertPasses, assertUnknown, assertViolations, checkStack, StackGraph, UNKNOWN_SENTINELS } from "../support/policies/harness";
import { edgeStack, offlineStamp, prodNetwork, rootStack } from "../support/policies/fixtures";

const PROD = { "blueprint:environment": "prod" };

describe("multi-region stack policies", () => {
  describe(stackRequireMinimumRegions.name, () => {
    it("passes prod in three regions (offline and CLI shapes)", async () => {
      assertPasses(await checkStack(stackRequireMinimumRegions, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(stackRequireMinimumRegions, prodNetwork("cli").graph.resources));
    });
    it("reports prod in one region, whichever source names the environment", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      const expected = [/The prod stack runs in 1 region\(s\) \(us-east-1\); at least 2 are required/];
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: PROD }), expected);
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {}, config: { environment: "prod" } }), expected);
      rootStack(graph, { environment: "prod" });
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {} }), expected);
    });
    it("applies when the environment is unknown, and honours a raised minimum", async () => {
      const { graph } = prodNetwork();
      graph.remove(graph.resources[0].urn);
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {}, config: { minimumRegions: 4 } }), [
        /The \(unknown environment\) stack runs in 3 region\(s\) \(ap-southeast-2, eu-west-1, us-east-1\); at least 4/,
      ]);
    });
    it("counts a resource without region in the default provider's region", async () => {
      const graph = new StackGraph();
      graph.add("aws:lb/loadBalancer:LoadBalancer", "a", { region: "us-east-1" });
      graph.add(
        "aws:lb/loadBalancer:LoadBalancer",
        "b",
        {},
        { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "eu-west-1" } } },
      );
      assertPasses(await checkStack(stackRequireMinimumRegions, graph.resources));
    });
    it("does not apply to dev or staging, nor under a resilience waiver", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(
        await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: { "blueprint:environment": "staging" } }),
        /applies to prod; this stack is staging/,
      );
      assertNotApplicable(
        await checkStack(stackRequireMinimumRegions, graph.resources, {
          stackTags: { ...PROD, "blueprint:resilience-waiver": "Only us-east-1 is approved until 2027." },
        }),
        /Resilience waiver: Only us-east-1/,
      );
    });
    it("cannot run while a region is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[0].vpc).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireMinimumRegions, graph.resources));
    });
  });

  describe(stackDisallowOverlappingVpcCidrs.name, () => {
    it("passes disjoint VPCs (offline and CLI shapes)", async () => {
      assertPasses(await checkStack(stackDisallowOverlappingVpcCidrs, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(stackDisallowOverlappingVpcCidrs, prodNetwork("cli").graph.resources));
    });
    it("reports overlapping VPCs", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[2].vpc).props.cidrBlock = "10.128.64.0/18";
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [
        /VPC ap-southeast-2-vpc \(10\.128\.64\.0\/18\) overlaps VPC us-east-1-vpc \(10\.128\.0\.0\/16\)/,
      ]);
    });
    it("reports a secondary block that overlaps another VPC (CLI shape)", async () => {
      const { graph, stamps } = prodNetwork("cli");
      graph.add(
        "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation",
        "extra",
        { vpcId: "vpc-1useast1", cidrBlock: "10.129.128.0/17" },
        { propertyDependencies: { vpcId: [stamps[0].vpc] } },
      );
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [
        /VPC eu-west-1-vpc \(10\.129\.0\.0\/16\) overlaps VPC us-east-1-vpc \(10\.129\.128\.0\/17\)/,
      ]);
    });
    it("reports a block that is not an IPv4 CIDR", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].vpc).props.cidrBlock = "10.129.0.0";
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [
        /VPC eu-west-1-vpc has a block that is not an IPv4 CIDR: "10\.129\.0\.0"/,
      ]);
    });
    it("does not apply to one VPC", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), /fewer than two VPCs/);
    });
    it("cannot run while a block is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].vpc).props.cidrBlock = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources));
    });
  });

  describe(stackRequireIdenticalRegionalStamps.name, () => {
    it("passes the same stamp in every region (offline and CLI shapes), ignoring global resources", async () => {
      const { graph } = prodNetwork();
      graph.add(
        "aws:iam/role:Role",
        "flow-logs",
        {},
        { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "us-east-1" } } },
      );
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, prodNetwork("cli").graph.resources));
    });
    it("counts only the regions with a VPC: us-east-1's edge alarms or a replica bucket's region are not a stamp", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "eu-west-1", cidr: "10.1.0.0/16" });
      offlineStamp(graph, { region: "ap-southeast-2", cidr: "10.2.0.0/16" });
      graph.add("aws:cloudwatch/metricAlarm:MetricAlarm", "health-check-alarm", { region: "us-east-1" });
      graph.add("aws:s3/bucket:Bucket", "static-replica", { region: "us-west-2" });
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
    });
    it("reports what a region lacks", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      offlineStamp(graph, { region: "eu-west-1", cidr: "10.1.0.0/16", withoutFlowLog: true });
      offlineStamp(graph, { region: "ap-southeast-2", cidr: "10.2.0.0/16", withoutFlowLog: true });
      graph.add("aws:sqs/queue:Queue", "jobs", { region: "ap-southeast-2" });
      assertViolations(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), [
        /Region ap-southeast-2 has no aws:ec2\/flowLog:FlowLog, which us-east-1 has/,
        /Region eu-west-1 has no aws:ec2\/flowLog:FlowLog, which us-east-1 has/,
        /Region eu-west-1 has no aws:sqs\/queue:Queue, which ap-southeast-2 has/,
        /Region us-east-1 has no aws:sqs\/queue:Queue, which ap-southeast-2 has/,
      ]);
    });
    it("catches a regional resource that forgot its region (it lands in the default provider's)", async () => {
      const { graph } = prodNetwork();
      graph.add(
        "aws:sqs/queue:Queue",
        "forgot-region",
        {},
        { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "us-east-1" } } },
      );
      assertViolations(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), [
        /Region ap-southeast-2 has no aws:sqs\/queue:Queue/,
        /Region eu-west-1 has no aws:sqs\/queue:Queue/,
      ]);
    });
    it("ignores the pieces a multi-region stack keeps in one region, and counts a replica key as the region's key", async () => {
      const { graph } = prodNetwork();
      graph.add("aws:rds/globalCluster:GlobalCluster", "database", { region: "us-east-1", storageEncrypted: true });
      graph.add("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", "cache-global", { region: "us-east-1" });
      graph.add("aws:secretsmanager/secret:Secret", "database-master", {
        region: "us-east-1",
        replicas: [{ region: "eu-west-1" }, { region: "ap-southeast-2" }],
      });
      graph.add("aws:kms/key:Key", "data-key-us-east-1", { region: "us-east-1", multiRegion: true });
      graph.add("aws:kms/replicaKey:ReplicaKey", "data-key-eu-west-1", { region: "eu-west-1" });
      graph.add("aws:kms/replicaKey:ReplicaKey", "data-key-ap-southeast-2", { region: "ap-southeast-2" });
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
    });
    it("ignores CloudFront's resources: the CDN component's children and what depends on the distribution or a CLOUDFRONT web ACL", async () => {
      const { graph, component, distribution, acl } = edgeStack();
      graph.add("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "edge-waf-logs", { region: "us-east-1" }, { parent: component });
      graph.add(
        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
        "edge-waf",
        { region: "us-east-1" },
        { propertyDependencies: { resourceArn: [acl] } },
      );
      graph.add(
        "aws:cloudwatch/logDeliverySource:LogDeliverySource",
        "edge-access-logs",
        { region: "us-east-1" },
        { propertyDependencies: { resourceArn: [distribution] } },
      );
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
      graph.add("aws:wafv2/webAcl:WebAcl", "regional-waf", { region: "us-east-1", scope: "REGIONAL" });
      assertViolations(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), [
        /Region eu-west-1 has no aws:wafv2\/webAcl:WebAcl, which us-east-1 has/,
      ]);
    });
    it("ignores configured types", async () => {
      const { graph } = prodNetwork();
      graph.add("aws:sqs/queue:Queue", "primary-only", { region: "us-east-1" });
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources, { config: { ignoreTypes: ["aws:sqs/queue:Queue"] } }));
    });
    it("does not apply to one region", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), /fewer than two regions/);
    });
    it("cannot run while a region is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].logGroup).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
    });
  });

  describe(stackRequireMatchingPolicyConfig.name, () => {
    const graph = (environment?: string) => {
      const g = new StackGraph();
      rootStack(g, environment === undefined ? {} : { environment });
      return g;
    };
    it("passes when the config's environment matches the tag and the stack output", async () => {
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources, { config: { environment: "prod" } }));
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph().resources, { config: { environment: "prod" } }));
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph("dev").resources, { config: { environment: "dev" }, stackTags: {} }));
    });
    it("reports a prod stack checked with the dev config", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources, { config: { environment: "dev" } }), [
        /The pack runs with the dev pack config but the stack is prod; use policies\/config\/prod\.json/,
      ]);
    });
    it("reports a tag that disagrees with the stack output", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph("staging").resources, { config: { environment: "prod" } }), [
        /The stack tag blueprint:environment=prod disagrees with the stack's environment output "staging"/,
      ]);
    });
    it("reports an unknown or unnamed environment", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph().resources, { config: { environment: "prod" }, stackTags: {} }), [
        /The stack's environment is unknown \(no blueprint:environment stack tag, no environment stack output\), so the prod pack config cannot be verified/,
      ]);
      assertViolations(
        await checkStack(stackRequireMatchingPolicyConfig, graph().resources, {
          config: { environment: "prod" },
          stackTags: { "blueprint:environment": "qa" },
        }),
        [/The stack's environment "qa" is not one of dev, staging, prod/],
      );
    });
    it("does not apply when the pack runs without an environment's config", async () => {
      assertNotApplicable(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources), /without an environment's config file/);
    });
    it("cannot run while the environment output is unknown", async () => {
      assertUnknown(
        await checkStack(stackRequireMatchingPolicyConfig, graph(UNKNOWN_SENTINELS.string).resources, { config: { environment: "prod" }, stackTags: {} }),
      );
    });
  });

  /** A two- or three-region network with the region's data tier pieces added by each test. */
  const regions2 = () => {
    const graph = new StackGraph();
    rootStack(graph, { environment: "prod", primaryRegion: "us-east-1" });
    offlineStamp(graph, { region: "us-east-1", cidr: "10.128.0.0/16" });
    offlineStamp(graph, { region: "eu-west-1", cidr: "10.129.0.0/16" });
    return graph;
  };
  const clusterProps = (region: string) => ({
    region,
    id: `blueprint-prod-${region}`,
    clusterIdentifier: `blueprint-prod-${region}`,
    arn: `arn:aws:rds:${region}:123456789012:cluster:blueprint-prod-${region}`,
  });

  describe(stackRequireDatabaseInEveryRegion.name, () => {
    const auroraGlobal = () => {
      const graph = regions2();
      const global = graph.add("aws:rds/globalCluster:GlobalCluster", "database", {
        region: "us-east-1",
        id: "blueprint-prod-global",
        globalClusterIdentifier: "blueprint-prod-global",
      });
      const members = Object.fromEntries(
        ["us-east-1", "eu-west-1"].map((region) => [
          region,
          graph.add(
            "aws:rds/cluster:Cluster",
            region,
            { ...clusterProps(region), globalClusterIdentifier: "blueprint-prod-global" },
            { propertyDependencies: { globalClusterIdentifier: [global] } },
          ),
        ]),
      );
      return { graph, global, members };
    };
    const replicas = () => {
      const graph = regions2();
      const primaryArn = "arn:aws:rds:us-east-1:123456789012:db:blueprint-prod-us-east-1";
      const primary = graph.add("aws:rds/instance:Instance", "us-east-1", { region: "us-east-1", identifier: "blueprint-prod-us-east-1", arn: primaryArn });
      const replica = graph.add(
        "aws:rds/instance:Instance",
        "eu-west-1",
        { region: "eu-west-1", identifier: "blueprint-prod-eu-west-1", replicateSourceDb: primaryArn },
        { propertyDependencies: { replicateSourceDb: [primary] } },
      );
      return { graph, primary, replica };
    };
    it("passes aurora-global with a member per region (by dependency or by identifier), rds-replicas, and a single-region database", async () => {
      assertPasses(await checkStack(stackRequireDatabaseInEveryRegion, auroraGlobal().graph.resources));
      const byValue = auroraGlobal();
      for (const urn of Object.values(byValue.members)) byValue.graph.get(urn).propertyDependencies = {};
      assertPasses(await checkStack(stackRequireDatabaseInEveryRegion, byValue.graph.resources));
      assertPasses(await checkStack(stackRequireDatabaseInEveryRegion, replicas().graph.resources));
      const single = regions2();
      single.add("aws:rds/cluster:Cluster", "us-east-1", clusterProps("us-east-1"));
      assertPasses(await checkStack(stackRequireDatabaseInEveryRegion, single.resources));
    });
    it("aurora-global: reports a region without a member, a cluster outside the global cluster, two members in a region and a second global cluster", async () => {
      const missing = auroraGlobal();
      missing.graph.remove(missing.members["eu-west-1"]);
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, missing.graph.resources), [
        /Region eu-west-1 has no member cluster of global cluster database/,
      ]);
      const outside = auroraGlobal();
      Object.assign(outside.graph.get(outside.members["eu-west-1"]), { propertyDependencies: {} }).props.globalClusterIdentifier = undefined;
      const outcome = await checkStack(stackRequireDatabaseInEveryRegion, outside.graph.resources);
      assertViolations(outcome, [
        /Aurora cluster eu-west-1 \(eu-west-1\) is not a member of global cluster database/,
        /Region eu-west-1 has no member cluster/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === outside.members["eu-west-1"]) }, [/not a member/]);
      const doubled = auroraGlobal();
      doubled.graph.add("aws:rds/cluster:Cluster", "eu-west-1-b", { ...clusterProps("eu-west-1"), id: "b", globalClusterIdentifier: "blueprint-prod-global" });
      doubled.graph.add("aws:rds/globalCluster:GlobalCluster", "database-2", { region: "us-east-1", id: "other" });
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, doubled.graph.resources), [
        /The stack has 2 global clusters \(database, database-2\); aurora-global mode has one/,
        /Region eu-west-1 has 2 member clusters of global cluster database \(eu-west-1, eu-west-1-b\); one per region is expected/,
      ]);
    });
    it("rds-replicas: reports a replica of something else, two primaries and a region without an instance", async () => {
      const stray = replicas();
      Object.assign(stray.graph.get(stray.replica), { propertyDependencies: {} }).props.replicateSourceDb = "arn:aws:rds:us-west-2:123456789012:db:elsewhere";
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, stray.graph.resources), [
        /Read replica eu-west-1 does not replicate the primary instance us-east-1/,
      ]);
      const two = replicas();
      two.graph.add("aws:rds/instance:Instance", "us-east-1-b", { region: "us-east-1", identifier: "b" });
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, two.graph.resources), [
        /rds-replicas mode has one primary instance; the stack has 2 \(us-east-1, us-east-1-b\)/,
        /Region us-east-1 has 2 database instances \(us-east-1, us-east-1-b\); one per region is expected/,
      ]);
      const three = replicas();
      offlineStamp(three.graph, { region: "ap-southeast-2", cidr: "10.130.0.0/16" });
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, three.graph.resources), [
        /Region ap-southeast-2 has no database instance \(the primary or a read replica of it\)/,
      ]);
    });
    it("single-region: reports several independent databases", async () => {
      const graph = regions2();
      graph.add("aws:rds/cluster:Cluster", "us-east-1", clusterProps("us-east-1"));
      graph.add("aws:rds/instance:Instance", "eu-west-1", { region: "eu-west-1" });
      assertViolations(await checkStack(stackRequireDatabaseInEveryRegion, graph.resources), [
        /The stack has 2 independent databases \(us-east-1, eu-west-1\) with neither a global cluster nor read replicas; single-region mode has exactly one/,
      ]);
    });
    it("does not apply without a database", async () => {
      assertNotApplicable(await checkStack(stackRequireDatabaseInEveryRegion, prodNetwork().graph.resources), /declares no database/);
    });
    it("cannot run while a member's region is unknown", async () => {
      const { graph, members } = auroraGlobal();
      graph.get(members["eu-west-1"]).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireDatabaseInEveryRegion, graph.resources));
    });
  });

  describe(stackRequireCacheInEveryRegion.name, () => {
    const groupProps = (region: string) => ({ region, id: `blueprint-prod-${region}`, replicationGroupId: `blueprint-prod-${region}` });
    const datastore = () => {
      const graph = regions2();
      const primary = graph.add("aws:elasticache/replicationGroup:ReplicationGroup", "us-east-1", groupProps("us-east-1"));
      const global = graph.add(
        "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
        "cache-global",
        {
          region: "us-east-1",
          primaryReplicationGroupId: "blueprint-prod-us-east-1",
          id: "ldgnf-blueprint-prod-cache",
          globalReplicationGroupId: "ldgnf-blueprint-prod-cache",
        },
        { propertyDependencies: { primaryReplicationGroupId: [primary] } },
      );
      const secondary = graph.add(
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "eu-west-1",
        { ...groupProps("eu-west-1"), globalReplicationGroupId: "ldgnf-blueprint-prod-cache" },
        { propertyDependencies: { globalReplicationGroupId: [global] } },
      );
      return { graph, primary, global, secondary };
    };
    it("passes a global datastore with a member per region (by dependency or by ID), and regional caches", async () => {
      assertPasses(await checkStack(stackRequireCacheInEveryRegion, datastore().graph.resources));
      const byValue = datastore();
      byValue.graph.get(byValue.global).propertyDependencies = {};
      byValue.graph.get(byValue.secondary).propertyDependencies = {};
      assertPasses(await checkStack(stackRequireCacheInEveryRegion, byValue.graph.resources));
      const regional = regions2();
      for (const region of ["us-east-1", "eu-west-1"]) regional.add("aws:elasticache/replicationGroup:ReplicationGroup", region, groupProps(region));
      assertPasses(await checkStack(stackRequireCacheInEveryRegion, regional.resources));
    });
    it("global: reports a region without a member, a group outside the datastore, and a primary that is not in the stack", async () => {
      const missing = datastore();
      missing.graph.remove(missing.secondary);
      assertViolations(await checkStack(stackRequireCacheInEveryRegion, missing.graph.resources), [
        /Region eu-west-1 has no member of global datastore cache-global/,
      ]);
      const outside = datastore();
      Object.assign(outside.graph.get(outside.secondary), { propertyDependencies: {} }).props.globalReplicationGroupId = undefined;
      assertViolations(await checkStack(stackRequireCacheInEveryRegion, outside.graph.resources), [
        /Replication group eu-west-1 \(eu-west-1\) is not a member of global datastore cache-global/,
        /Region eu-west-1 has no member/,
      ]);
      const orphan = datastore();
      Object.assign(orphan.graph.get(orphan.global), { propertyDependencies: {} }).props.primaryReplicationGroupId = "elsewhere";
      assertViolations(await checkStack(stackRequireCacheInEveryRegion, orphan.graph.resources), [
        /Global datastore cache-global's primary replication group is not a replication group of the stack/,
        /Replication group us-east-1 \(us-east-1\) is not a member/,
        /Region us-east-1 has no member/,
      ]);
    });
    it("regional: reports a region without a cache and a region with two", async () => {
      const graph = regions2();
      graph.add("aws:elasticache/replicationGroup:ReplicationGroup", "a", groupProps("us-east-1"));
      graph.add("aws:elasticache/replicationGroup:ReplicationGroup", "b", groupProps("us-east-1"));
      assertViolations(await checkStack(stackRequireCacheInEveryRegion, graph.resources), [
        /Region eu-west-1 has no cache replication group/,
        /Region us-east-1 has 2 cache replication groups \(a, b\); one per region is expected/,
      ]);
    });
    it("does not apply without cache resources (cache mode none)", async () => {
      assertNotApplicable(await checkStack(stackRequireCacheInEveryRegion, prodNetwork().graph.resources), /declares no cache/);
    });
    it("cannot run while a member's region is unknown", async () => {
      const { graph, secondary } = datastore();
      graph.get(secondary).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireCacheInEveryRegion, graph.resources));
    });
  });

  describe(stackRequireAlarmCoverage.name, () => {
    const topic = (region: string) => [`arn:aws:sns:${region}:123456789012:blueprint-prod-${region}-alarms`];
    /** One region's watched resources and their alarms, as components/observability, database and cache declare them. */
    const covered = () => {
      const graph = regions2();
      const alarms: Record<string, string> = {};
      const alarm = (key: string, region: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
        (alarms[key] = graph.add(
          "aws:cloudwatch/metricAlarm:MetricAlarm",
          `${region}-${key}`,
          { region, alarmActions: topic(region), actionsEnabled: true, ...props },
          { propertyDependencies: deps },
        ));
      const region = "us-east-1";
      const alb = graph.add("aws:lb/loadBalancer:LoadBalancer", `${region}-alb`, { region, arnSuffix: "app/us-east-1-alb/1" });
      alarm("alb-5xx", region, {
        metricQueries: [
          { id: "e", expression: "m1/m2" },
          { id: "m1", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", dimensions: { LoadBalancer: "app/us-east-1-alb/1" } } },
        ],
      });
      const dlq = graph.add("aws:sqs/queue:Queue", `${region}-jobs-dlq`, {
        region,
        name: "blueprint-prod-jobs-dlq",
        arn: "arn:aws:sqs:us-east-1:123456789012:blueprint-prod-jobs-dlq",
      });
      graph.add("aws:sqs/queue:Queue", `${region}-jobs`, {
        region,
        name: "blueprint-prod-jobs",
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:blueprint-prod-jobs-dlq", maxReceiveCount: 5 }),
      });
      alarm(
        "dlq",
        region,
        { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: "blueprint-prod-jobs-dlq" } },
        { dimensions: [dlq] },
      );
      const cluster = graph.add("aws:rds/cluster:Cluster", region, clusterProps(region));
      graph.add(
        "aws:rds/clusterInstance:ClusterInstance",
        `${region}-1`,
        { region, identifier: "blueprint-prod-us-east-1-1", clusterIdentifier: "blueprint-prod-us-east-1" },
        { propertyDependencies: { clusterIdentifier: [cluster] } },
      );
      alarm("db-cpu", region, { namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: { DBInstanceIdentifier: "blueprint-prod-us-east-1-1" } });
      const group = graph.add("aws:elasticache/replicationGroup:ReplicationGroup", region, {
        region,
        id: "blueprint-prod-us-east-1",
        replicationGroupId: "blueprint-prod-us-east-1",
      });
      alarm("cache-cpu", region, {
        namespace: "AWS/ElastiCache",
        metricName: "EngineCPUUtilization",
        dimensions: { CacheClusterId: "blueprint-prod-us-east-1-001" },
      });
      return { graph, alarms, alb, dlq, cluster, group };
    };
    it("passes alarms matched by dimension value, metric query or dependency, on a cluster or its instances", async () => {
      assertPasses(await checkStack(stackRequireAlarmCoverage, covered().graph.resources));
    });
    it("reports a database without alarms, and a cache whose alarm is in another region", async () => {
      const { graph, alarms, cluster, group } = covered();
      graph.remove(alarms["db-cpu"]);
      graph.get(alarms["cache-cpu"]).props.region = "eu-west-1";
      const outcome = await checkStack(stackRequireAlarmCoverage, graph.resources);
      assertViolations(outcome, [
        /Database us-east-1 \(us-east-1\) has no CloudWatch alarm in its region\./,
        /Cache us-east-1 \(us-east-1\) has no CloudWatch alarm in its region; us-east-1-cache-cpu in eu-west-1 cannot see its metrics/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === cluster || v.urn === group) }, [/Database/, /Cache/]);
    });
    it("reports alarms that notify nobody, and a DLQ or load balancer without alarms", async () => {
      const { graph, alarms } = covered();
      graph.get(alarms["dlq"]).props.alarmActions = [];
      graph.get(alarms["cache-cpu"]).props.actionsEnabled = false;
      graph.remove(alarms["alb-5xx"]);
      assertViolations(await checkStack(stackRequireAlarmCoverage, graph.resources), [
        /Load balancer us-east-1-alb \(us-east-1\) has no CloudWatch alarm in its region/,
        /Dead-letter queue us-east-1-jobs-dlq \(us-east-1\) has alarm\(s\) us-east-1-dlq but none with an enabled alarm action/,
        /Cache us-east-1 \(us-east-1\) has alarm\(s\) us-east-1-cache-cpu but none with an enabled alarm action/,
      ]);
    });
    it("does not apply to a stack without load balancers, dead-letter queues, databases or caches", async () => {
      assertNotApplicable(await checkStack(stackRequireAlarmCoverage, prodNetwork().graph.resources), /no load balancer, dead-letter queue, database or cache/);
    });
    it("matches by dependency while dimensions are unknown, and cannot run while an alarm's region is unknown", async () => {
      const { graph, alarms } = covered();
      graph.get(alarms["dlq"]).props.dimensions = { QueueName: UNKNOWN_SENTINELS.string };
      assertPasses(await checkStack(stackRequireAlarmCoverage, graph.resources));
      graph.get(alarms["dlq"]).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireAlarmCoverage, graph.resources));
    });
  });

  describe(stackRequireRegionalKmsKeys.name, () => {
    const keyArn = (region: string) => `arn:aws:kms:${region}:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5`;
    const keyed = () => {
      const graph = new StackGraph();
      const keys = {
        "us-east-1": graph.add("aws:kms/key:Key", "data-key-us-east-1", { region: "us-east-1", arn: keyArn("us-east-1"), multiRegion: true }),
        "eu-west-1": graph.add("aws:kms/replicaKey:ReplicaKey", "data-key-eu-west-1", {
          region: "eu-west-1",
          arn: keyArn("eu-west-1"),
          primaryKeyArn: keyArn("us-east-1"),
        }),
      };
      const cluster = graph.add(
        "aws:rds/cluster:Cluster",
        "eu-west-1",
        { region: "eu-west-1", kmsKeyId: keyArn("eu-west-1") },
        { propertyDependencies: { kmsKeyId: [keys["eu-west-1"]] } },
      );
      const secret = graph.add("aws:secretsmanager/secret:Secret", "database-master", {
        region: "us-east-1",
        kmsKeyId: keyArn("us-east-1"),
        replicas: [{ region: "eu-west-1", kmsKeyId: keyArn("eu-west-1") }],
      });
      const template = graph.add("aws:ec2/launchTemplate:LaunchTemplate", "eu-west-1-web", {
        region: "eu-west-1",
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: keyArn("eu-west-1") } }],
      });
      graph.add("aws:sns/topic:Topic", "alarms", { region: "eu-west-1", kmsMasterKeyId: "alias/blueprint-alarms" });
      return { graph, keys, cluster, secret, template };
    };
    it("passes each region's resources on that region's key (a replica key, an alias resolved locally)", async () => {
      assertPasses(await checkStack(stackRequireRegionalKmsKeys, keyed().graph.resources));
    });
    it("reports another region's key by ARN or by dependency, for secret replicas and EBS volumes too", async () => {
      const { graph, keys, cluster, secret, template } = keyed();
      graph.get(cluster).props.kmsKeyId = UNKNOWN_SENTINELS.string;
      graph.get(cluster).propertyDependencies = { kmsKeyId: [keys["us-east-1"]] };
      (graph.get(secret).props.replicas as Array<{ kmsKeyId: string }>)[0].kmsKeyId = keyArn("us-east-1");
      (graph.get(template).props.blockDeviceMappings as Array<{ ebs: { kmsKeyId: string } }>)[0].ebs.kmsKeyId = keyArn("us-east-1");
      const outcome = await checkStack(stackRequireRegionalKmsKeys, graph.resources);
      assertViolations(outcome, [
        /Cluster eu-west-1 encrypts kmsKeyId with KMS key data-key-us-east-1 of us-east-1; it needs a key of eu-west-1/,
        /Secret database-master encrypts replicas\[0\]\.kmsKeyId with KMS key arn:aws:kms:us-east-1:.* of us-east-1; it needs a key of eu-west-1/,
        /LaunchTemplate eu-west-1-web encrypts blockDeviceMappings\[0\]\.ebs\.kmsKeyId with KMS key arn:aws:kms:us-east-1:.* of us-east-1; it needs a key of eu-west-1/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === cluster) }, [/Cluster eu-west-1/]);
    });
    it("does not apply when no regional resource names a key", async () => {
      assertNotApplicable(await checkStack(stackRequireRegionalKmsKeys, prodNetwork().graph.resources), /No regional resource names a KMS key/);
    });
    it("skips a key reference that is not known yet, and cannot run while a resource's region is unknown", async () => {
      const { graph, cluster } = keyed();
      graph.get(cluster).props.kmsKeyId = UNKNOWN_SENTINELS.string;
      graph.get(cluster).propertyDependencies = {};
      assertPasses(await checkStack(stackRequireRegionalKmsKeys, graph.resources));
      graph.get(cluster).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireRegionalKmsKeys, graph.resources));
    });
  });

  describe(stackRequireEdgeResourcesInUsEast1.name, () => {
    it("passes CloudFront's certificate and CLOUDFRONT web ACL in us-east-1", async () => {
      assertPasses(await checkStack(stackRequireEdgeResourcesInUsEast1, edgeStack().graph.resources));
    });
    it("reports a certificate of another region, by ARN or by its resource", async () => {
      const byArn = edgeStack();
      const props = byArn.graph.get(byArn.distribution).props as { viewerCertificate: { acmCertificateArn: string } };
      props.viewerCertificate.acmCertificateArn = props.viewerCertificate.acmCertificateArn.replace("us-east-1", "eu-west-1");
      const outcome = await checkStack(stackRequireEdgeResourcesInUsEast1, byArn.graph.resources);
      assertViolations(outcome, [
        /Distribution edge's certificate arn:aws:acm:eu-west-1:.* is in eu-west-1; CloudFront only uses ACM certificates from us-east-1/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === byArn.distribution) }, [/eu-west-1/]);
      const byResource = edgeStack();
      (byResource.graph.get(byResource.distribution).props as { viewerCertificate: { acmCertificateArn: string } }).viewerCertificate.acmCertificateArn =
        UNKNOWN_SENTINELS.string;
      byResource.graph.get(byResource.validation).props.region = "eu-west-1";
      assertViolations(await checkStack(stackRequireEdgeResourcesInUsEast1, byResource.graph.resources), [
        /Distribution edge's certificate edge-certificate is in eu-west-1/,
      ]);
    });
    it("reports a REGIONAL web ACL, by ARN and by resource, and a CLOUDFRONT web ACL outside us-east-1", async () => {
      const regional = edgeStack();
      regional.graph.get(regional.distribution).props.webAclId = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/1";
      regional.graph.get(regional.acl).props.scope = "REGIONAL";
      assertViolations(await checkStack(stackRequireEdgeResourcesInUsEast1, regional.graph.resources), [
        /Distribution edge's web ACL arn:aws:wafv2:eu-west-1:.*regional.* is not a CLOUDFRONT-scope web ACL of us-east-1/,
        /Web ACL edge-waf, which distribution edge uses, has scope REGIONAL; CloudFront needs CLOUDFRONT/,
      ]);
      const misplaced = edgeStack();
      misplaced.graph.get(misplaced.acl).props.region = "eu-west-1";
      assertViolations(await checkStack(stackRequireEdgeResourcesInUsEast1, misplaced.graph.resources), [
        /CLOUDFRONT-scope web ACL edge-waf is in eu-west-1; it must be created in us-east-1/,
      ]);
    });
    it("does not apply without a distribution", async () => {
      assertNotApplicable(await checkStack(stackRequireEdgeResourcesInUsEast1, prodNetwork().graph.resources), /no CloudFront distribution/);
    });
    it("cannot run while the certificate's region is unknown", async () => {
      const { graph, distribution, validation } = edgeStack();
      (graph.get(distribution).props as { viewerCertificate: { acmCertificateArn: string } }).viewerCertificate.acmCertificateArn = UNKNOWN_SENTINELS.string;
      graph.get(validation).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireEdgeResourcesInUsEast1, graph.resources));
    });
  });

  describe(stackRequireOriginFailover.name, () => {
    type Props = {
      originGroups: Array<{ originId: string; members: Array<{ originId: string }>; failoverCriteria: { statusCodes: number[] } }>;
      origins: Array<{ originId: string; domainName: string }>;
      orderedCacheBehaviors: Array<{ targetOriginId: string }>;
    };
    const props = (stack: ReturnType<typeof edgeStack>) => stack.graph.get(stack.distribution).props as Props;
    it("passes origin groups across two regions used by cache behaviors", async () => {
      assertPasses(await checkStack(stackRequireOriginFailover, edgeStack().graph.resources));
    });
    it("reports a distribution without origin groups", async () => {
      const stack = edgeStack();
      props(stack).originGroups = [];
      const outcome = await checkStack(stackRequireOriginFailover, stack.graph.resources);
      assertViolations(outcome, [/Distribution edge has no origin group, so it cannot fail over to another region's origin/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === stack.distribution) }, [/no origin group/]);
    });
    it("reports a one-member group, a group without status codes, a group within one region, and groups no behavior uses", async () => {
      const stack = edgeStack();
      const p = props(stack);
      p.originGroups[0].members.pop();
      p.originGroups[1].failoverCriteria.statusCodes = [];
      p.origins.find((o) => o.originId === "static-eu-west-1")!.domainName = "blueprint-prod-static-2.s3.us-east-1.amazonaws.com";
      p.orderedCacheBehaviors.forEach((behavior) => (behavior.targetOriginId = "alb-us-east-1"));
      assertViolations(await checkStack(stackRequireOriginFailover, stack.graph.resources), [
        /Origin group alb-failover of distribution edge has 1 member\(s\); it needs a primary and a failover origin/,
        /Origin group static-failover of distribution edge fails over on no status code/,
        /Origin group static-failover of distribution edge has all its origins in us-east-1/,
        /No cache behavior of distribution edge uses an origin group/,
      ]);
    });
    it("does not apply without a distribution or in one region", async () => {
      assertNotApplicable(await checkStack(stackRequireOriginFailover, prodNetwork().graph.resources), /no CloudFront distribution/);
      const single = edgeStack();
      single.graph.remove(
        ...single.graph.resources
          .filter((r) => r.props.region === "eu-west-1" && (r.type === "awsx:ec2:Vpc" || r.type.startsWith("aws:lb/")))
          .map((r) => r.urn),
      );
      assertNotApplicable(await checkStack(stackRequireOriginFailover, single.graph.resources), /fewer than two regions/);
    });
    it("skips the region check while origin domain names are unknown, and cannot run while the groups are", async () => {
      const stack = edgeStack();
      for (const origin of props(stack).origins) origin.domainName = UNKNOWN_SENTINELS.string;
      assertPasses(await checkStack(stackRequireOriginFailover, stack.graph.resources));
      (stack.graph.get(stack.distribution).props as Record<string, unknown>).originGroups = UNKNOWN_SENTINELS.array;
      assertUnknown(await checkStack(stackRequireOriginFailover, stack.graph.resources));
    });
  });

  describe(stackDisallowCrossRegionDataPath.name, () => {
    const queueUrl = (region: string) => `https://sqs.${region}.amazonaws.com/123456789012/blueprint-prod-jobs`;
    const queueArn = (region: string) => `arn:aws:sqs:${region}:123456789012:blueprint-prod-jobs`;
    const userData = (lines: string[]) => Buffer.from(`#!/bin/bash\n${lines.join("\n")}\n`).toString("base64");
    /** Two regions' queues and caches, and eu-west-1's web tier (launch template, instance profile, role, role policy) wired to its own region's. */
    const tiers = () => {
      const graph = new StackGraph();
      const queues: Record<string, string> = {};
      const caches: Record<string, string> = {};
      for (const region of ["us-east-1", "eu-west-1"]) {
        queues[region] = graph.add("aws:sqs/queue:Queue", `${region}-jobs`, { region, url: queueUrl(region), arn: queueArn(region) });
        caches[region] = graph.add("aws:elasticache/replicationGroup:ReplicationGroup", `${region}-cache`, {
          region,
          primaryEndpointAddress: `master.blueprint-prod-${region}.abc123.cache.amazonaws.com`,
        });
      }
      const role = graph.add("aws:iam/role:Role", "eu-west-1-web-role", {
        name: "eu-west-1-web-role-1",
        arn: "arn:aws:iam::123456789012:role/eu-west-1-web-role-1",
      });
      const profile = graph.add(
        "aws:iam/instanceProfile:InstanceProfile",
        "eu-west-1-web",
        { role: "eu-west-1-web-role-1", arn: "arn:aws:iam::123456789012:instance-profile/eu-west-1-web-1" },
        { propertyDependencies: { role: [role] } },
      );
      const policy = graph.add(
        "aws:iam/rolePolicy:RolePolicy",
        "eu-west-1-web-access",
        {
          role: "eu-west-1-web-role-1",
          policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: [queueArn("eu-west-1")] }] }),
        },
        { propertyDependencies: { role: [role], policy: [queues["eu-west-1"]] } },
      );
      const template = graph.add(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "eu-west-1-web",
        {
          region: "eu-west-1",
          iamInstanceProfile: { arn: "arn:aws:iam::123456789012:instance-profile/eu-west-1-web-1" },
          userData: userData([`QUEUE=${queueUrl("eu-west-1")}`, "CACHE=master.blueprint-prod-eu-west-1.abc123.cache.amazonaws.com"]),
        },
        { propertyDependencies: { iamInstanceProfile: [profile], userData: [queues["eu-west-1"], caches["eu-west-1"]] } },
      );
      return { graph, queues, caches, role, profile, policy, template };
    };
    it("passes compute wired to its own region's queues and caches", async () => {
      assertPasses(await checkStack(stackDisallowCrossRegionDataPath, tiers().graph.resources));
    });
    it("reports another region's cache in user data, by dependency and by value", async () => {
      const byDependency = tiers();
      byDependency.graph.get(byDependency.template).propertyDependencies = { userData: [byDependency.caches["us-east-1"]] };
      const outcome = await checkStack(stackDisallowCrossRegionDataPath, byDependency.graph.resources);
      assertViolations(outcome, [
        /Launch template eu-west-1-web \(eu-west-1\) reaches cache us-east-1-cache of us-east-1 through its launch template; a region's compute must only use its own region's queues and caches/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === byDependency.template) }, [/us-east-1-cache/]);
      const byValue = tiers();
      Object.assign(byValue.graph.get(byValue.template), { propertyDependencies: { iamInstanceProfile: [byValue.profile] } }).props.userData = userData([
        "CACHE=master.blueprint-prod-us-east-1.abc123.cache.amazonaws.com",
      ]);
      assertViolations(await checkStack(stackDisallowCrossRegionDataPath, byValue.graph.resources), [
        /reaches cache us-east-1-cache of us-east-1 through its launch template/,
      ]);
    });
    it("reports another region's queue granted by the instance role's policy, also a queue outside the stack", async () => {
      const { graph, policy } = tiers();
      graph.get(policy).props.policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "sqs:SendMessage",
            Resource: [queueArn("eu-west-1"), queueArn("us-east-1"), "arn:aws:sqs:ap-southeast-2:123456789012:other"],
          },
        ],
      });
      assertViolations(await checkStack(stackDisallowCrossRegionDataPath, graph.resources), [
        /reaches queue us-east-1-jobs of us-east-1 through role policy eu-west-1-web-access/,
        /reaches queue arn:aws:sqs:ap-southeast-2:123456789012:other of ap-southeast-2 through role policy eu-west-1-web-access/,
      ]);
    });
    it("does not take a queue whose name extends another's for it", async () => {
      const { graph, template } = tiers();
      graph.add("aws:sqs/queue:Queue", "us-east-1-jobs-x", { region: "us-east-1", url: `${queueUrl("us-east-1")}-x` });
      graph.get(template).props.userData = userData([`QUEUE=${queueUrl("eu-west-1")}`]);
      assertPasses(await checkStack(stackDisallowCrossRegionDataPath, graph.resources));
    });
    it("does not apply without launch templates", async () => {
      assertNotApplicable(await checkStack(stackDisallowCrossRegionDataPath, prodNetwork().graph.resources), /no launch template/);
    });
    it("follows dependencies while user data is unknown, and cannot run while the template's region is unknown", async () => {
      const { graph, template, caches } = tiers();
      graph.get(template).props.userData = UNKNOWN_SENTINELS.string;
      assertPasses(await checkStack(stackDisallowCrossRegionDataPath, graph.resources));
      graph.get(template).propertyDependencies = { userData: [caches["us-east-1"]] };
      assertViolations(await checkStack(stackDisallowCrossRegionDataPath, graph.resources), [/reaches cache us-east-1-cache of us-east-1/]);
      graph.get(template).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackDisallowCrossRegionDataPath, graph.resources));
    });
  });
});

describe("scalable-system stack policies", () => {
  const vpcs = (graph: StackGraph, regions: readonly string[]) => {
    for (const region of regions) graph.add("aws:ec2/vpc:Vpc", `${region}-vpc`, { region, cidrBlock: "10.0.0.0/16" });
  };
  const tableArn = (region: string) => `arn:aws:dynamodb:${region}:123456789012:table/blueprint-prod-sessions`;

  describe(stackRequireTableReplicaInEveryRegion.name, () => {
    const stack = (replicaRegions: readonly string[]) => {
      const graph = new StackGraph();
      vpcs(graph, ["us-east-1", "eu-west-1", "ap-southeast-2"]);
      const table = graph.add("aws:dynamodb/table:Table", "sessions", { region: "us-east-1", name: "blueprint-prod-sessions", arn: tableArn("us-east-1") });
      for (const region of replicaRegions) {
        graph.add(
          "aws:dynamodb/tableReplica:TableReplica",
          `sessions-${region}`,
          { region, globalTableArn: tableArn("us-east-1") },
          { propertyDependencies: { globalTableArn: [table] } },
        );
      }
      return graph;
    };
    it("passes a table with a replica in every other region", async () => {
      assertPasses(await checkStack(stackRequireTableReplicaInEveryRegion, stack(["eu-west-1", "ap-southeast-2"]).resources));
    });
    it("reports a region without a copy and a region with two", async () => {
      assertViolations(await checkStack(stackRequireTableReplicaInEveryRegion, stack(["eu-west-1", "eu-west-1"]).resources), [
        /^Region ap-southeast-2 has no copy of table sessions\.$/,
        /^Region eu-west-1 has 2 copies of table sessions \(sessions-eu-west-1, sessions-eu-west-1\); one per region is expected\.$/,
      ]);
    });
    it("does not apply without tables", async () => {
      const graph = new StackGraph();
      vpcs(graph, ["us-east-1"]);
      assertNotApplicable(await checkStack(stackRequireTableReplicaInEveryRegion, graph.resources), /no DynamoDB table/);
    });
  });

  describe(stackRequireProxyForEveryDatabase.name, () => {
    const stack = (proxied: readonly string[]) => {
      const graph = new StackGraph();
      for (const region of ["us-east-1", "eu-west-1"]) {
        const cluster = graph.add("aws:rds/cluster:Cluster", region, { region, clusterIdentifier: `blueprint-prod-${region}` });
        if (!proxied.includes(region)) continue;
        const proxy = graph.add("aws:rds/proxy:Proxy", `${region}-proxy`, { region, name: `blueprint-prod-${region}` });
        graph.add(
          "aws:rds/proxyTarget:ProxyTarget",
          `${region}-proxy`,
          { region, dbProxyName: `blueprint-prod-${region}`, dbClusterIdentifier: `blueprint-prod-${region}` },
          { propertyDependencies: { dbProxyName: [proxy], dbClusterIdentifier: [cluster] } },
        );
      }
      return graph;
    };
    it("passes when every cluster is behind its region's proxy", async () => {
      assertPasses(await checkStack(stackRequireProxyForEveryDatabase, stack(["us-east-1", "eu-west-1"]).resources));
    });
    it("reports a cluster behind no proxy", async () => {
      assertViolations(await checkStack(stackRequireProxyForEveryDatabase, stack(["us-east-1"]).resources), [
        /^Database eu-west-1 \(eu-west-1\) is behind no RDS proxy, though the stack has proxies\.$/,
      ]);
    });
    it("does not apply without proxies", async () => {
      assertNotApplicable(await checkStack(stackRequireProxyForEveryDatabase, stack([]).resources), /no RDS proxy/);
    });
  });
});
