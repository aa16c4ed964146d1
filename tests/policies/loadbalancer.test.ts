import * as aws from "@pulumi/aws";
import {
  listenerConfigureSecureTls,
  listenerDisallowUnencryptedTraffic,
  listenerRequireAcmCertificate,
  loadBalancerConfigureHeaderHygiene,
  loadBalancerConfigureMultiAz,
  loadBalancerEnableAccessLogs,
  loadBalancerEnableDeletionProtection,
  targetGroupConfigureHealthCheck,
  targetGroupDisallowPlainHttp,
} from "../../policies/loadbalancer";
import { assertNotApplicable, checkResource, describeResourcePolicy, UNKNOWN_SENTINELS } from "./harness";

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
  healthCheck: { enabled: true, healthyThreshold: 2, interval: 15, matcher: "200", path: "/health", port: "traffic-port", protocol: "HTTPS", timeout: 5, unhealthyThreshold: 3 },
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
      { name: "monitor-only desync mitigation", mutate: (p) => (p.desyncMitigationMode = "monitor"), expect: [/desync mitigation is "monitor"; use defensive or strictest/] },
    ],
    unknown: (p) => (p.dropInvalidHeaderFields = UNKNOWN_SENTINELS.boolean),
  });

  describe(`${loadBalancerConfigureHeaderHygiene.name} and network load balancers`, () => {
    it("does not apply to a network load balancer", async () => {
      assertNotApplicable(await checkResource(loadBalancerConfigureHeaderHygiene, aws.lb.LoadBalancer, { ...alb, loadBalancerType: "network" }), /application load balancers only/);
    });
  });

  describeResourcePolicy({
    policy: loadBalancerConfigureMultiAz,
    resourceClass: aws.lb.LoadBalancer,
    compliant: alb,
    alsoCompliant: [{ name: "two subnet mappings", mutate: (p) => { delete p.subnets; p.subnetMappings = [{ subnetId: "a" }, { subnetId: "b" }]; } }],
    violations: [
      { name: "one subnet", mutate: (p) => (p.subnets = ["subnet-1"]), expect: [/placed in 1 subnet\(s\); at least 2 are required/] },
      { name: "no subnets", mutate: (p) => delete p.subnets, expect: [/placed in 0 subnet\(s\)/] },
    ],
    unknown: (p) => (p.subnets = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: listenerDisallowUnencryptedTraffic,
    resourceClass: aws.lb.Listener,
    aliases: [aws.alb.Listener],
    compliant: httpsListener,
    alsoCompliant: [{ name: "an HTTP listener that redirects to HTTPS", mutate: (p) => Object.assign(p, { port: 80, protocol: "HTTP", sslPolicy: undefined, certificateArn: undefined, defaultActions: [redirect] }) }],
    violations: [
      { name: "plain HTTP forwarding (the dev exception)", mutate: (p) => Object.assign(p, { port: 80, protocol: "HTTP" }), expect: [/The HTTP listener on port 80 serves traffic unencrypted/] },
      { name: "protocol left at its default (HTTP)", mutate: (p) => delete p.protocol, expect: [/The HTTP listener on port 443 serves traffic unencrypted/] },
      { name: "a redirect to plain HTTP", mutate: (p) => Object.assign(p, { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080" } }] }), expect: [/serves traffic unencrypted/] },
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
      { name: "a policy added to the allow-list", config: { allowedSslPolicies: ["ELBSecurityPolicy-TLS-1-2-2017-01"] }, mutate: (p) => (p.sslPolicy = "ELBSecurityPolicy-TLS-1-2-2017-01") },
    ],
    violations: [
      { name: "no policy (AWS's 2016 default)", mutate: (p) => delete p.sslPolicy, expect: [/sets no sslPolicy, so AWS's default \(ELBSecurityPolicy-2016-08, TLS 1\.0 and up\) applies/] },
      { name: "a TLS 1.0 policy", mutate: (p) => (p.sslPolicy = "ELBSecurityPolicy-2016-08"), expect: [/security policy ELBSecurityPolicy-2016-08 is not one of ELBSecurityPolicy-TLS13-1-2-2021-06/] },
      { name: "a TLS listener (NLB) without policy", mutate: (p) => Object.assign(p, { protocol: "TLS", sslPolicy: undefined }), expect: [/sets no sslPolicy/] },
    ],
    unknown: (p) => (p.sslPolicy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: listenerRequireAcmCertificate,
    resourceClass: aws.lb.Listener,
    compliant: httpsListener,
    violations: [
      { name: "no certificate", mutate: (p) => delete p.certificateArn, expect: [/names no certificate/] },
      { name: "an IAM server certificate", mutate: (p) => (p.certificateArn = "arn:aws:iam::123456789012:server-certificate/legacy"), expect: [/is not an ACM certificate/] },
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
      { name: "a Lambda target group", mutate: (p) => { delete p.healthCheck; p.targetType = "lambda"; } },
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
      { name: "HTTP targets (as components/loadbalancer declares them)", mutate: (p) => Object.assign(p, { protocol: "HTTP", port: 8080 }), expect: [/takes HTTP: traffic between the load balancer and its targets is unencrypted/] },
      { name: "TCP targets", mutate: (p) => (p.protocol = "TCP"), expect: [/takes TCP/] },
    ],
    unknown: (p) => (p.protocol = UNKNOWN_SENTINELS.string),
  });
});
