import * as aws from "@pulumi/aws";
import {
  listenerConfigureSecureTls,
  listenerDisallowUnencryptedTraffic,
  listenerRequireAcmCertificate,
  loadBalancerConfigureHeaderHygiene,
  loadBalancerConfigureMultiAz,
  loadBalancerEnableAccessLogs,
  loadBalancerEnableDeletionProtection,
  loadBalancerRestrictAccessToCloudFront,
  targetGroupConfigureHealthCheck,
  targetGroupDisallowPlainHttp,
} from "../../policies/loadbalancer";
import { prodNetwork } from "../support/policies/fixtures";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkResource,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

/** The prod ALB as components/loadbalancer declares it. */
const alb = {
  region: "us-east-1",
  accessLogs: { bucket: "blueprint-prod-alb-logs-us-east-1-123456789012", enabled: true, prefix: "alb" },
  desyncMitigationMode: "defensive",
  dropInvalidHeaderFields: true,
  enableDeletionProtection: true,
  internal: false,
  loadBalancerType: "application",
  securityGroups: ["sg-0a5db5bb5c7bf23c2"],
  subnets: ["subnet-0b5c8c0ba22709048", "subnet-0c35f192a3e10cf28", "subnet-0472d5291be7ada0c"],
};

const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/38522b09-d07a-4adb-a64d-0a04ee4d389b";
const httpsListener = {
  region: "us-east-1",
  loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/1",
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn,
  defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1" }],
};
const redirect = { type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } };

const targetGroup = {
  region: "us-east-1",
  port: 8443,
  protocol: "HTTPS",
  targetType: "instance",
  vpcId: "vpc-1",
  healthCheck: {
    enabled: true,
    healthyThreshold: 2,
    interval: 15,
    matcher: "200",
    path: "/health",
    port: "traffic-port",
    protocol: "HTTPS",
    timeout: 5,
    unhealthyThreshold: 3,
  },
};

describe("load balancer policies", () => {
  describeResourcePolicy({
    policy: loadBalancerEnableAccessLogs,
    resourceClass: aws.lb.LoadBalancer,
    aliases: [aws.alb.LoadBalancer],
    compliant: alb,
    violations: [
      { name: "no access logs", mutate: (p) => delete p.accessLogs, expect: [/writes no access logs/] },
      { name: "access logs disabled", mutate: (p) => (p.accessLogs.enabled = false), expect: [/writes no access logs/] },
      { name: "on the alb alias", resourceClass: aws.alb.LoadBalancer, mutate: (p) => delete p.accessLogs, expect: [/writes no access logs/] },
    ],
    unknown: (p) => (p.accessLogs = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: loadBalancerEnableDeletionProtection,
    resourceClass: aws.lb.LoadBalancer,
    aliases: [aws.alb.LoadBalancer],
    compliant: alb,
    violations: [
      { name: "protection off", mutate: (p) => (p.enableDeletionProtection = false), expect: [/has deletion protection off/] },
      { name: "protection left at AWS's default", mutate: (p) => delete p.enableDeletionProtection, expect: [/has deletion protection off/] },
    ],
    unknown: (p) => (p.enableDeletionProtection = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: loadBalancerConfigureHeaderHygiene,
    resourceClass: aws.lb.LoadBalancer,
    aliases: [aws.alb.LoadBalancer],
    compliant: alb,
    alsoCompliant: [
      { name: "strictest desync mitigation", mutate: (p) => (p.desyncMitigationMode = "strictest") },
      { name: "desync mitigation left at AWS's default (defensive)", mutate: (p) => delete p.desyncMitigationMode },
      { name: "loadBalancerType left at its default (application)", mutate: (p) => delete p.loadBalancerType },
    ],
    violations: [
      { name: "invalid headers kept", mutate: (p) => delete p.dropInvalidHeaderFields, expect: [/forwards requests with invalid header fields/] },
      {
        name: "monitor-only desync mitigation",
        mutate: (p) => (p.desyncMitigationMode = "monitor"),
        expect: [/desync mitigation is "monitor"; use defensive or strictest/],
      },
    ],
    unknown: (p) => (p.dropInvalidHeaderFields = UNKNOWN_SENTINELS.boolean),
  });

  describe(`${loadBalancerConfigureHeaderHygiene.name} and network load balancers`, () => {
    it("does not apply to a network load balancer", async () => {
      assertNotApplicable(
        await checkResource(loadBalancerConfigureHeaderHygiene, aws.lb.LoadBalancer, { ...alb, loadBalancerType: "network" }),
        /application load balancers only/,
      );
    });
  });

  describe(loadBalancerConfigureMultiAz.name, () => {
    /** The prod network plus us-east-1's load balancer in the `pick`ed public subnets. */
    const withBalancer = (shape: "offline" | "cli", pick: (subnets: string[]) => Record<string, unknown>, type = "aws:lb/loadBalancer:LoadBalancer") => {
      const { graph } = prodNetwork(shape);
      const vpc = graph.resources.find((r) => r.type === "awsx:ec2:Vpc" && r.name === "us-east-1-vpc")!;
      const balancer = graph.add(
        type,
        "us-east-1-alb",
        { ...alb, subnets: undefined, ...pick(vpc.props.publicSubnetIds as string[]) },
        { propertyDependencies: { subnets: [vpc.urn] } },
      );
      return { graph, balancer };
    };
    it("passes a load balancer in the public subnets of three AZs (offline and CLI shapes, both modules)", async () => {
      assertPasses(await checkStack(loadBalancerConfigureMultiAz, withBalancer("offline", (s) => ({ subnets: s })).graph.resources));
      assertPasses(
        await checkStack(loadBalancerConfigureMultiAz, withBalancer("cli", (s) => ({ subnets: s }), "aws:alb/loadBalancer:LoadBalancer").graph.resources, {
          config: { minimumAvailabilityZones: 3 },
        }),
      );
    });
    it("resolves subnet mappings too", async () => {
      assertPasses(
        await checkStack(
          loadBalancerConfigureMultiAz,
          withBalancer("offline", (s) => ({ subnetMappings: s.slice(0, 2).map((subnetId) => ({ subnetId })) })).graph.resources,
        ),
      );
    });
    it("reports one AZ, no subnets, and subnets the stack does not describe that cannot make up the minimum", async () => {
      const { graph, balancer } = withBalancer("offline", (s) => ({ subnets: [s[0], s[0]] }));
      const outcome = await checkStack(loadBalancerConfigureMultiAz, graph.resources);
      assertViolations(outcome, [/Load balancer us-east-1-alb is placed in 1 AZ\(s\) \(us-east-1a\); at least 2 AZs are required/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === balancer) }, [/us-east-1a/]);
      assertViolations(await checkStack(loadBalancerConfigureMultiAz, withBalancer("cli", () => ({})).graph.resources), [
        /placed in 0 AZ\(s\) \(none known\); at least 2/,
      ]);
      assertViolations(
        await checkStack(loadBalancerConfigureMultiAz, withBalancer("offline", (s) => ({ subnets: [s[0], "subnet-1"] })).graph.resources, {
          config: { minimumAvailabilityZones: 3 },
        }),
        [/placed in 1 AZ\(s\) \(us-east-1a\) and 1 subnet\(s\) the stack does not describe \(subnet-1\); at least 3/],
      );
    });
    it("does not apply without load balancers", async () => {
      assertNotApplicable(await checkStack(loadBalancerConfigureMultiAz, prodNetwork().graph.resources), /no load balancer/);
    });
    it("cannot run while the subnets are unknown", async () => {
      const { graph, balancer } = withBalancer("offline", (s) => ({ subnets: s }));
      graph.get(balancer).props.subnets = UNKNOWN_SENTINELS.array;
      assertUnknown(await checkStack(loadBalancerConfigureMultiAz, graph.resources));
    });
  });

  describe(loadBalancerRestrictAccessToCloudFront.name, () => {
    const forward = { type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1" };
    const forbidden = { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Forbidden", statusCode: "403" } };
    /** One region's edge-facing load balancer, as components/loadbalancer and components/network declare it. */
    const edge = (
      options: {
        open?: boolean;
        prefixList?: boolean;
        serving?: "forward" | "origin-only";
        healthRule?: boolean;
        cdn?: boolean;
        internal?: boolean;
        type?: string;
      } = {},
    ) => {
      const graph = new StackGraph();
      if (options.cdn !== false) graph.add("aws:cloudfront/distribution:Distribution", "edge", { arn: "arn:aws:cloudfront::123456789012:distribution/E1" });
      const group = graph.add("aws:ec2/securityGroup:SecurityGroup", "us-east-1-alb", {
        region: "us-east-1",
        id: "sg-0a5db5bb5c7bf23c2",
        description: "Load balancer",
      });
      const rule = (name: string, props: Record<string, unknown>) =>
        graph.add(
          "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
          name,
          { region: "us-east-1", securityGroupId: "sg-0a5db5bb5c7bf23c2", ipProtocol: "tcp", description: name, ...props },
          { propertyDependencies: { securityGroupId: [group] } },
        );
      if (options.open !== false) {
        rule("alb-in-https", { cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443 });
        rule("alb-in-http", { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80 });
      }
      if (options.prefixList) rule("alb-in-cloudfront", { prefixListId: "pl-3b927c52", fromPort: 443, toPort: 443 });
      const type = options.type ?? "aws:lb";
      const balancer = graph.add(
        `${type}/loadBalancer:LoadBalancer`,
        "us-east-1-alb",
        { ...alb, internal: options.internal ?? false, arn: "arn:alb" },
        { propertyDependencies: { securityGroups: [group] } },
      );
      const https = graph.add(
        `${type}/listener:Listener`,
        "us-east-1-https",
        { ...httpsListener, loadBalancerArn: "arn:alb", arn: "arn:https", defaultActions: [options.serving === "forward" ? forward : forbidden] },
        { propertyDependencies: { loadBalancerArn: [balancer] } },
      );
      graph.add(
        `${type}/listener:Listener`,
        "us-east-1-http",
        { region: "us-east-1", port: 80, protocol: "HTTP", loadBalancerArn: "arn:alb", defaultActions: [redirect] },
        { propertyDependencies: { loadBalancerArn: [balancer] } },
      );
      if (options.serving !== "forward") {
        graph.add(
          `${type}/listenerRule:ListenerRule`,
          "us-east-1-from-cloudfront",
          {
            region: "us-east-1",
            listenerArn: "arn:https",
            priority: 10,
            conditions: [{ httpHeader: { httpHeaderName: "X-Origin-Verify", values: ["[secret]"] } }],
            actions: [forward],
          },
          { propertyDependencies: { listenerArn: [https] } },
        );
      }
      const health = options.healthRule
        ? graph.add(
            `${type}/listenerRule:ListenerRule`,
            "us-east-1-health-checkers",
            { region: "us-east-1", listenerArn: "arn:https", priority: 5, conditions: [{ pathPattern: { values: ["/health"] } }], actions: [forward] },
            { propertyDependencies: { listenerArn: [https] } },
          )
        : undefined;
      return { graph, https, health };
    };
    it("passes a load balancer open to the internet that only forwards requests with CloudFront's header (both modules)", async () => {
      assertPasses(await checkStack(loadBalancerRestrictAccessToCloudFront, edge().graph.resources));
      assertPasses(await checkStack(loadBalancerRestrictAccessToCloudFront, edge({ type: "aws:alb" }).graph.resources));
    });
    it("passes a load balancer that admits only CloudFront's prefix list, whatever its listeners do", async () => {
      assertPasses(
        await checkStack(loadBalancerRestrictAccessToCloudFront, edge({ open: false, prefixList: true, serving: "forward", healthRule: true }).graph.resources),
      );
    });
    it("reports a listener that forwards every request while the group is open to the internet", async () => {
      const { graph, https } = edge({ serving: "forward" });
      const outcome = await checkStack(loadBalancerRestrictAccessToCloudFront, graph.resources);
      assertViolations(outcome, [
        /Load balancer us-east-1-alb is open to the internet and its listener us-east-1-https \(port 443\) forwards every request, so clients can bypass CloudFront/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === https) }, [/bypass/]);
    });
    it("reports a listener rule that forwards without the header", async () => {
      const { graph, health } = edge({ healthRule: true });
      const outcome = await checkStack(loadBalancerRestrictAccessToCloudFront, graph.resources);
      assertViolations(outcome, [
        /Listener rule us-east-1-health-checkers of load balancer us-east-1-alb forwards requests without requiring CloudFront's origin header/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === health) }, [/health-checkers/]);
    });
    it("does not apply without a distribution, nor to internal load balancers", async () => {
      assertNotApplicable(
        await checkStack(loadBalancerRestrictAccessToCloudFront, edge({ cdn: false, serving: "forward" }).graph.resources),
        /no CloudFront distribution/,
      );
      assertNotApplicable(
        await checkStack(loadBalancerRestrictAccessToCloudFront, edge({ internal: true, serving: "forward" }).graph.resources),
        /no internet-facing load balancer/,
      );
    });
    it("cannot run while a listener's actions are unknown", async () => {
      const { graph, https } = edge();
      graph.get(https).props.defaultActions = UNKNOWN_SENTINELS.array;
      assertUnknown(await checkStack(loadBalancerRestrictAccessToCloudFront, graph.resources));
    });
  });

  describeResourcePolicy({
    policy: listenerDisallowUnencryptedTraffic,
    resourceClass: aws.lb.Listener,
    aliases: [aws.alb.Listener],
    compliant: httpsListener,
    alsoCompliant: [
      {
        name: "an HTTP listener that redirects to HTTPS",
        mutate: (p) => Object.assign(p, { port: 80, protocol: "HTTP", sslPolicy: undefined, certificateArn: undefined, defaultActions: [redirect] }),
      },
    ],
    violations: [
      {
        name: "plain HTTP forwarding (the dev exception)",
        mutate: (p) => Object.assign(p, { port: 80, protocol: "HTTP" }),
        expect: [/The HTTP listener on port 80 serves traffic unencrypted/],
      },
      { name: "protocol left at its default (HTTP)", mutate: (p) => delete p.protocol, expect: [/The HTTP listener on port 443 serves traffic unencrypted/] },
      {
        name: "a redirect to plain HTTP",
        mutate: (p) => Object.assign(p, { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080" } }] }),
        expect: [/serves traffic unencrypted/],
      },
    ],
    unknown: (p) => (p.protocol = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: listenerConfigureSecureTls,
    resourceClass: aws.lb.Listener,
    aliases: [aws.alb.Listener],
    compliant: httpsListener,
    alsoCompliant: [
      { name: "an HTTP redirect listener (no TLS)", mutate: (p) => Object.assign(p, { protocol: "HTTP", sslPolicy: undefined, defaultActions: [redirect] }) },
      {
        name: "a policy added to the allow-list",
        config: { allowedSslPolicies: ["ELBSecurityPolicy-TLS-1-2-2017-01"] },
        mutate: (p) => (p.sslPolicy = "ELBSecurityPolicy-TLS-1-2-2017-01"),
      },
    ],
    violations: [
      {
        name: "no policy (AWS's 2016 default)",
        mutate: (p) => delete p.sslPolicy,
        expect: [/sets no sslPolicy, so AWS's default \(ELBSecurityPolicy-2016-08, TLS 1\.0 and up\) applies/],
      },
      {
        name: "a TLS 1.0 policy",
        mutate: (p) => (p.sslPolicy = "ELBSecurityPolicy-2016-08"),
        expect: [/security policy ELBSecurityPolicy-2016-08 is not one of ELBSecurityPolicy-TLS13-1-2-2021-06/],
      },
      {
        name: "a TLS listener (NLB) without policy",
        mutate: (p) => Object.assign(p, { protocol: "TLS", sslPolicy: undefined }),
        expect: [/sets no sslPolicy/],
      },
    ],
    unknown: (p) => (p.sslPolicy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: listenerRequireAcmCertificate,
    resourceClass: aws.lb.Listener,
    compliant: httpsListener,
    violations: [
      { name: "no certificate", mutate: (p) => delete p.certificateArn, expect: [/names no certificate/] },
      {
        name: "an IAM server certificate",
        mutate: (p) => (p.certificateArn = "arn:aws:iam::123456789012:server-certificate/legacy"),
        expect: [/is not an ACM certificate/],
      },
    ],
    unknown: (p) => (p.certificateArn = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: targetGroupConfigureHealthCheck,
    resourceClass: aws.lb.TargetGroup,
    aliases: [aws.alb.TargetGroup],
    compliant: targetGroup,
    alsoCompliant: [
      { name: "a TCP health check without path", mutate: (p) => (p.healthCheck = { enabled: true, protocol: "TCP" }) },
      {
        name: "a Lambda target group",
        mutate: (p) => {
          delete p.healthCheck;
          p.targetType = "lambda";
        },
      },
    ],
    violations: [
      { name: "no health check", mutate: (p) => delete p.healthCheck, expect: [/declares no health check \(AWS would probe \/ with its defaults\)/] },
      { name: "a disabled health check", mutate: (p) => (p.healthCheck.enabled = false), expect: [/health check is disabled/] },
      { name: "an HTTP check without a path", mutate: (p) => delete p.healthCheck.path, expect: [/HTTP health check names no path/] },
    ],
    unknown: (p) => (p.healthCheck = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: targetGroupDisallowPlainHttp,
    resourceClass: aws.lb.TargetGroup,
    aliases: [aws.alb.TargetGroup],
    compliant: targetGroup,
    alsoCompliant: [{ name: "a Lambda target group", mutate: (p) => Object.assign(p, { targetType: "lambda", protocol: undefined }) }],
    violations: [
      {
        name: "HTTP targets (as components/loadbalancer declares them)",
        mutate: (p) => Object.assign(p, { protocol: "HTTP", port: 8080 }),
        expect: [/takes HTTP: traffic between the load balancer and its targets is unencrypted/],
      },
      { name: "TCP targets", mutate: (p) => (p.protocol = "TCP"), expect: [/takes TCP/] },
    ],
    unknown: (p) => (p.protocol = UNKNOWN_SENTINELS.string),
  });
});
