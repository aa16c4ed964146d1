/**
 * One region's application load balancer (internet-facing, or internal behind a CloudFront VPC
 * origin): access logs to a regional bucket, a
 * target group for the web tier with a real health check, and listeners that serve HTTPS with a
 * regional certificate and only redirect on HTTP (or, without a certificate, the dev exception:
 * plain HTTP). With origin verification on, only requests carrying CloudFront's secret header are
 * forwarded.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createAccessLogBucket } from "./accessLogBucket";
import { loadBalancerArgProblems } from "./lib/validate";
import { ACCESS_LOG_PREFIX } from "./lib/logDelivery";
import { HEALTH_CHECKER_METHODS, healthPathPattern, listenerLayout, ORIGIN_VERIFY_HEADER, type Tls12Client } from "./lib/listenerRules";
import type { HealthCheckSettings, LoadBalancerSettings } from "./settings";

/**
 * Arguments of the LoadBalancer component: the resolved `blueprint:loadBalancer` settings (see the
 * config reference for each key; behind CloudFront or Route 53 HTTPS health checks `sslPolicy` must
 * be one of `TLS12_POLICIES`: neither speaks TLS 1.3), the web tier's health check, and where it runs.
 */
export interface LoadBalancerArgs extends LoadBalancerSettings {
  /** Region every child is created in. */
  readonly region: string;
  readonly vpcId: pulumi.Input<string>;
  /** Its subnets, one per AZ (at least two AZs): the public ones, or the private ones when internal. */
  readonly subnetIds: pulumi.Input<string[]>;
  /**
   * Internal (private IPs only, reached through a CloudFront VPC origin) instead of internet-facing.
   * Changing it replaces the load balancer.
   * @default false
   */
  readonly internal?: boolean;
  /** The network's alb security group. */
  readonly securityGroupId: pulumi.Input<string>;
  /**
   * More groups for the load balancer, e.g. the one that admits Route 53's health checkers (their
   * prefix list cannot share a group with CloudFront's: together they exceed the rules-per-group quota).
   * @default []
   */
  readonly additionalSecurityGroupIds?: readonly pulumi.Input<string>[];
  /** Prefix of physical names, `<project>-<stack>`. */
  readonly namePrefix: string;
  /**
   * Port the web tier listens on.
   * @default 8080
   */
  readonly appPort?: number;
  /**
   * A validated certificate of this region (wire `CertificateValidation.certificateArn` so the
   * listener waits for ISSUED). Without one, the load balancer serves plain HTTP.
   * @default undefined
   */
  readonly certificateArn?: pulumi.Input<string>;
  /**
   * CloudFront's secret origin header value; when set, requests without it get a 403.
   * @default undefined
   */
  readonly originVerifySecret?: pulumi.Input<string>;
  /**
   * Exact paths answered to GET and HEAD without the origin header, for Route 53's health checkers,
   * which cannot send custom headers. Only used with `originVerifySecret`. A query string is
   * ignored (the rule matches the path); at most three paths of at most 128 characters, no `*`.
   * @default []
   */
  readonly unverifiedHealthPaths?: readonly string[];
  /** The target group's health check (`blueprint:web.healthCheck`). */
  readonly healthCheck: HealthCheckSettings;
  /**
   * Let `pulumi destroy` delete the access-log bucket with its logs.
   * @default false
   */
  readonly forceDestroyLogs?: boolean;
  /**
   * Pulumi `protect` on the access-log bucket.
   * @default false
   */
  readonly protectLogs?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An ALB with its log bucket, target group and listeners. */
export class LoadBalancer extends pulumi.ComponentResource {
  public readonly arn: pulumi.Output<string>;
  /** `app/<name>/<id>`: the CloudWatch dimension. */
  public readonly arnSuffix: pulumi.Output<string>;
  public readonly dnsName: pulumi.Output<string>;
  /** Route 53 zone of the ALB's DNS name, for alias records. */
  public readonly zoneId: pulumi.Output<string>;
  public readonly targetGroupArn: pulumi.Output<string>;
  public readonly targetGroupArnSuffix: pulumi.Output<string>;
  public readonly listenerArns: pulumi.Output<string>[];
  public readonly accessLogBucket: pulumi.Output<string>;
  /** True when port 443 is served. */
  public readonly https: boolean;

  constructor(name: string, args: LoadBalancerArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:loadbalancer:LoadBalancer", name, {}, opts);
    const settings = {
      appPort: args.appPort ?? 8080,
      idleTimeoutSeconds: args.idleTimeoutSeconds,
      deletionProtection: args.deletionProtection,
      sslPolicy: args.sslPolicy,
      desyncMitigationMode: args.desyncMitigationMode,
      accessLogRetentionDays: args.accessLogRetentionDays,
      deregistrationDelaySeconds: args.deregistrationDelaySeconds,
      healthCheck: args.healthCheck,
    };
    const healthPaths = args.originVerifySecret !== undefined ? (args.unverifiedHealthPaths ?? []) : [];
    // who must complete a TLS handshake with the HTTPS listener but cannot speak TLS 1.3
    const tlsClients: Tls12Client[] =
      args.certificateArn === undefined
        ? []
        : [...(args.originVerifySecret !== undefined ? ["CloudFront" as const] : []), ...(healthPaths.length > 0 ? ["Route 53 health checks" as const] : [])];
    const problems = loadBalancerArgProblems(name, { ...settings, unverifiedHealthPaths: healthPaths, tlsClients });
    if (problems.length > 0) {
      throw new Error(`LoadBalancer ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }
    const { region } = args;
    const tags = { ...(args.tags ?? {}) };
    const opt = { parent: this };

    const logs = createAccessLogBucket(
      name,
      {
        region,
        namePrefix: args.namePrefix,
        retentionDays: settings.accessLogRetentionDays,
        forceDestroy: args.forceDestroyLogs ?? false,
        protect: args.protectLogs ?? false,
        tags,
      },
      this,
    );

    const alb = new aws.lb.LoadBalancer(
      `${name}-alb`,
      {
        region,
        loadBalancerType: "application",
        internal: args.internal ?? false,
        ipAddressType: "ipv4",
        securityGroups: [args.securityGroupId, ...(args.additionalSecurityGroupIds ?? [])],
        subnets: args.subnetIds,
        dropInvalidHeaderFields: true,
        desyncMitigationMode: settings.desyncMitigationMode,
        idleTimeout: settings.idleTimeoutSeconds,
        enableDeletionProtection: settings.deletionProtection,
        enableHttp2: true,
        // ARC zonal shift (and autoshift, where the stack enables it) may move traffic off an impaired AZ
        enableZonalShift: true,
        // keep the client's X-Forwarded-For and append the ALB's view of it
        xffHeaderProcessingMode: "append",
        accessLogs: { bucket: logs.bucket.bucket, prefix: ACCESS_LOG_PREFIX, enabled: true },
        tags: { ...tags, Name: `${name}-alb` },
      },
      // CreateLoadBalancer checks that it may write to the bucket: the policy must exist first
      { parent: this, dependsOn: [logs.policy] },
    );

    const check = settings.healthCheck;
    const targetGroup = new aws.lb.TargetGroup(
      `${name}-web`,
      {
        region,
        vpcId: args.vpcId,
        targetType: "instance",
        port: settings.appPort,
        // TLS to the instances too: each makes its own certificate at boot (components/compute/lib/bootCertificate.ts);
        // an ALB does not verify a target's certificate, so a self-signed one is enough
        protocol: "HTTPS",
        protocolVersion: "HTTP1",
        deregistrationDelay: settings.deregistrationDelaySeconds,
        // the load balancer's own circuit breaker: automatic target weights shift traffic away from a
        // target that fails more than its peers. AWS supports anomaly mitigation only with weighted
        // random, which excludes slow start; this group has neither slow start nor stickiness.
        loadBalancingAlgorithmType: "weighted_random",
        loadBalancingAnomalyMitigation: "on",
        healthCheck: {
          enabled: true,
          protocol: "HTTPS",
          port: "traffic-port",
          path: check.path,
          matcher: check.matcher,
          interval: check.intervalSeconds,
          timeout: check.timeoutSeconds,
          healthyThreshold: check.healthyThreshold,
          unhealthyThreshold: check.unhealthyThreshold,
        },
        tags: { ...tags, Name: `${name}-web` },
      },
      opt,
    );

    const layout = listenerLayout(args.certificateArn !== undefined);
    const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
    const serving =
      args.originVerifySecret === undefined
        ? forward
        : [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Forbidden", statusCode: "403" } }];
    const listeners: aws.lb.Listener[] = [];
    let servingListener: aws.lb.Listener;

    if (layout.https) {
      servingListener = new aws.lb.Listener(
        `${name}-https`,
        {
          region,
          loadBalancerArn: alb.arn,
          port: 443,
          protocol: "HTTPS",
          sslPolicy: settings.sslPolicy,
          certificateArn: args.certificateArn,
          defaultActions: serving,
          tags,
        },
        opt,
      );
      listeners.push(servingListener);
      listeners.push(
        new aws.lb.Listener(
          `${name}-http`,
          {
            region,
            loadBalancerArn: alb.arn,
            port: 80,
            protocol: "HTTP",
            defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
            tags,
          },
          opt,
        ),
      );
    } else {
      // The dev exception: no domain, no certificate, plain HTTP (the policy pack flags it).
      servingListener = new aws.lb.Listener(
        `${name}-http`,
        { region, loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: serving, tags },
        opt,
      );
      listeners.push(servingListener);
    }

    if (args.originVerifySecret !== undefined) {
      new aws.lb.ListenerRule(
        `${name}-from-cloudfront`,
        {
          region,
          listenerArn: servingListener.arn,
          priority: 10,
          conditions: [{ httpHeader: { httpHeaderName: ORIGIN_VERIFY_HEADER, values: [pulumi.secret(args.originVerifySecret)] } }],
          actions: forward,
          tags,
        },
        opt,
      );
      if (healthPaths.length > 0) {
        // ahead of the header rule; read-only methods on exact paths, so nothing else is reachable
        // without it. The pattern is the path alone: the ALB never matches a query string.
        new aws.lb.ListenerRule(
          `${name}-health-checkers`,
          {
            region,
            listenerArn: servingListener.arn,
            priority: 5,
            conditions: [
              { pathPattern: { values: [...new Set(healthPaths.map(healthPathPattern))] } },
              { httpRequestMethod: { values: [...HEALTH_CHECKER_METHODS] } },
            ],
            actions: forward,
            tags,
          },
          opt,
        );
      }
    }

    this.arn = alb.arn;
    this.arnSuffix = alb.arnSuffix;
    this.dnsName = alb.dnsName;
    this.zoneId = alb.zoneId;
    this.targetGroupArn = targetGroup.arn;
    this.targetGroupArnSuffix = targetGroup.arnSuffix;
    this.listenerArns = listeners.map((listener) => listener.arn);
    this.accessLogBucket = logs.bucket.bucket;
    this.https = layout.https;
    this.registerOutputs({
      arn: this.arn,
      dnsName: this.dnsName,
      targetGroupArn: this.targetGroupArn,
      accessLogBucket: this.accessLogBucket,
      https: this.https,
    });
  }
}
