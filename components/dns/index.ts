/**
 * The stack's public DNS in its Route 53 hosted zone:
 * - per region, `<region>.<apiName>` pointing at that region's load balancer (the name CloudFront
 *   uses as the origin, which the load balancer's certificate covers), a health check on the
 *   load balancer's health path, and a latency-based alias record for `<apiName>` that
 *   evaluates the region's health;
 * - `<appName>` (A and AAAA) pointing at the CloudFront distribution;
 * - an alarm per health check in us-east-1, the only region Route 53 publishes its health-check
 *   metrics to, notifying the stack's us-east-1 alarm topic or a topic of its own.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { regionalOriginName } from "../lib/dns";
import { alarmKeyPolicy, alarmTopicPolicy } from "../observability/lib/policies";
import { flatMetricAlarmInputs } from "../observability/metricAlarmInputs";
import {
  dnsArgProblems,
  dnsNames,
  edgeHealthAlarmName,
  HEALTH_CHECK_METRICS_REGION,
  healthAlarmSpec,
  namePrefixFromApiName,
  type DnsSettings,
} from "./lib/dnsRules";

export type { DnsSettings, HealthCheckSettings } from "./lib/dnsRules";

/** One region's load balancer as Route 53 sees it. */
export interface DnsRegion {
  /** The region's code; also the latency record's region and set identifier. */
  readonly region: string;
  /** The load balancer's DNS name. */
  readonly albDnsName: pulumi.Input<string>;
  /** The load balancer's canonical hosted zone, for alias records. */
  readonly albZoneId: pulumi.Input<string>;
  /** The path the health check requests (the web tier's health path). */
  readonly healthCheckPath: string;
  /**
   * `HTTPS` (with SNI, against `<region>.<apiName>`, which the load balancer's certificate covers)
   * or `HTTP` (against the load balancer's own name, without a certificate).
   */
  readonly protocol: "HTTPS" | "HTTP";
  /**
   * For an internal load balancer, which Route 53's checkers cannot reach: judge the region by a
   * CloudWatch alarm on the web target group's healthy hosts instead (a CLOUDWATCH_METRIC check).
   * @default none: an HTTP(S) check against the load balancer
   */
  readonly healthAlarm?: {
    readonly loadBalancerArnSuffix: pulumi.Input<string>;
    readonly targetGroupArnSuffix: pulumi.Input<string>;
    /** The region's alarm topic (an alarm notifies topics of its own region only). */
    readonly topicArn: pulumi.Input<string>;
  };
}

/** Arguments of the Dns component. */
export interface DnsArgs {
  /** The public hosted zone that holds `apiName` and `appName`. */
  readonly hostedZoneId: string;
  /** The latency-routed API name, e.g. `api.example.com`. */
  readonly apiName: string;
  /** The name CloudFront serves, e.g. `www.example.com`. */
  readonly appName: string;
  /** Every region's load balancer. */
  readonly regions: readonly DnsRegion[];
  /** The distribution `appName` points at. */
  readonly cdn: { readonly domainName: pulumi.Input<string>; readonly hostedZoneId: pulumi.Input<string> };
  /**
   * A us-east-1 SNS topic for the health alarms (alarms only notify topics of their own region).
   * @default - a CMK-encrypted topic of this component in us-east-1
   */
  readonly alarmTopicArn?: pulumi.Input<string>;
  /**
   * Prefix of the alarm, topic and key names (letters, digits, `-` and `_`).
   * @default - the API name with dots as dashes, e.g. `api-example-com`
   */
  readonly namePrefix?: string;
  /** Health-check timing and alarm sensitivity. */
  readonly settings: DnsSettings;
  /** Tags without `Region`; the us-east-1 children add it. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Health-checked latency routing for the API, the application's alias to CloudFront, and alarms.
 *
 * Cost: one health check per region (HTTPS and the fast interval cost extra), one alarm per region,
 * and, without a given topic, a KMS key.
 */
export class Dns extends pulumi.ComponentResource {
  /** Route 53 health check ID per region. */
  public readonly healthCheckIds: Record<string, pulumi.Output<string>>;
  /** The topic the health alarms notify. */
  public readonly alarmTopicArn: pulumi.Output<string>;
  /** The records' names: the API, the application and every regional origin name. */
  public readonly recordNames: { readonly api: string; readonly app: string; readonly regional: Readonly<Record<string, string>> };

  constructor(name: string, args: DnsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:dns:Dns", name, {}, opts);
    const namePrefix = args.namePrefix ?? namePrefixFromApiName(args.apiName);
    const problems = dnsArgProblems({ ...args, namePrefix });
    if (problems.length > 0) {
      throw new Error(`Dns ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }
    const opt = { parent: this };
    const tags = { ...args.tags };
    const alarmRegion = HEALTH_CHECK_METRICS_REGION;
    const alarmTags = { ...tags, Region: alarmRegion };
    const names = dnsNames(namePrefix);

    const topic = args.alarmTopicArn !== undefined ? { arn: pulumi.output(args.alarmTopicArn), ready: [] } : this.createAlarmTopic(name, names, alarmTags);

    const healthCheckIds: Record<string, pulumi.Output<string>> = {};
    const regional: Record<string, string> = {};
    for (const entry of args.regions) {
      const { region } = entry;
      const originName = regionalOriginName(args.apiName, region);
      regional[region] = originName;
      const alias = { name: entry.albDnsName, zoneId: entry.albZoneId, evaluateTargetHealth: true };
      const originRecord = new aws.route53.Record(
        `${name}-${region}-origin`,
        { zoneId: args.hostedZoneId, name: originName, type: "A", aliases: [alias] },
        opt,
      );
      const https = entry.protocol === "HTTPS";
      const healthCheck = entry.healthAlarm
        ? this.alarmHealthCheck(name, region, originName, entry.healthAlarm, namePrefix, args.settings, tags)
        : new aws.route53.HealthCheck(
            `${name}-${region}`,
            {
              type: entry.protocol,
              // with TLS, the name the certificate covers (SNI sends it); without, the ALB's own name
              fqdn: https ? originName : entry.albDnsName,
              port: https ? 443 : 80,
              resourcePath: entry.healthCheckPath,
              ...(https ? { enableSni: true } : {}),
              requestInterval: args.settings.healthCheck.intervalSeconds,
              failureThreshold: args.settings.healthCheck.failureThreshold,
              measureLatency: false,
              tags: { ...tags, Name: `${originName} health` },
            },
            // the check resolves the regional name; it must exist first
            { parent: this, dependsOn: [originRecord] },
          );
      healthCheckIds[region] = healthCheck.id;

      new aws.route53.Record(
        `${name}-${region}-api`,
        {
          zoneId: args.hostedZoneId,
          name: args.apiName,
          type: "A",
          setIdentifier: region,
          latencyRoutingPolicies: [{ region }],
          healthCheckId: healthCheck.id,
          aliases: [alias],
        },
        opt,
      );

      const alarm = healthAlarmSpec({
        namePrefix,
        region,
        apiName: args.apiName,
        healthCheckId: healthCheck.id,
        evaluationPeriods: args.settings.alarmEvaluationPeriods,
      });
      new aws.cloudwatch.MetricAlarm(
        `${name}-${region}-health`,
        {
          region: alarmRegion,
          ...flatMetricAlarmInputs(alarm),
          actionsEnabled: true,
          alarmActions: [topic.arn],
          okActions: [topic.arn],
          tags: alarmTags,
        },
        { parent: this, dependsOn: topic.ready },
      );
    }

    // CloudFront answers on IPv4 and IPv6; an alias to it must not evaluate target health
    for (const type of ["A", "AAAA"] as const) {
      new aws.route53.Record(
        `${name}-app-${type.toLowerCase()}`,
        {
          zoneId: args.hostedZoneId,
          name: args.appName,
          type,
          aliases: [{ name: args.cdn.domainName, zoneId: args.cdn.hostedZoneId, evaluateTargetHealth: false }],
        },
        opt,
      );
    }

    this.healthCheckIds = healthCheckIds;
    this.alarmTopicArn = topic.arn;
    this.recordNames = { api: args.apiName, app: args.appName, regional };
    this.registerOutputs({ healthCheckIds: this.healthCheckIds, alarmTopicArn: this.alarmTopicArn, recordNames: this.recordNames });
  }

  /**
   * A health check on an alarm in the load balancer's region: the web target group has no healthy
   * host for `failureThreshold` minutes (missing data counts as unhealthy). Route 53 takes alarms on
   * standard-resolution metrics with the Minimum statistic.
   * @see https://docs.aws.amazon.com/Route53/latest/APIReference/API_AlarmIdentifier.html
   */
  private alarmHealthCheck(
    name: string,
    region: string,
    originName: string,
    alarm: NonNullable<DnsRegion["healthAlarm"]>,
    namePrefix: string,
    settings: DnsSettings,
    tags: Record<string, string>,
  ): aws.route53.HealthCheck {
    const alarmName = edgeHealthAlarmName(namePrefix, region);
    const metricAlarm = new aws.cloudwatch.MetricAlarm(
      `${name}-${region}-targets`,
      {
        region,
        name: alarmName,
        alarmDescription: `${originName} has no healthy web target (Route 53's health of the region for ${originName})`,
        namespace: "AWS/ApplicationELB",
        metricName: "HealthyHostCount",
        dimensions: { LoadBalancer: alarm.loadBalancerArnSuffix, TargetGroup: alarm.targetGroupArnSuffix },
        statistic: "Minimum",
        period: 60,
        evaluationPeriods: settings.healthCheck.failureThreshold,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        actionsEnabled: true,
        alarmActions: [alarm.topicArn],
        okActions: [alarm.topicArn],
        tags: { ...tags, Region: region },
      },
      { parent: this },
    );
    return new aws.route53.HealthCheck(
      `${name}-${region}`,
      {
        type: "CLOUDWATCH_METRIC",
        cloudwatchAlarmName: metricAlarm.name,
        cloudwatchAlarmRegion: region,
        insufficientDataHealthStatus: "Unhealthy",
        tags: { ...tags, Name: `${originName} health` },
      },
      { parent: this },
    );
  }

  /**
   * A us-east-1 topic encrypted with a customer managed key that CloudWatch may use (alarms
   * cannot publish to a topic under the AWS managed SNS key), as the regional observability does.
   */
  private createAlarmTopic(
    name: string,
    names: ReturnType<typeof dnsNames>,
    tags: Record<string, string>,
  ): { arn: pulumi.Output<string>; ready: pulumi.Resource[] } {
    const region = HEALTH_CHECK_METRICS_REGION;
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const account = pulumi.all([identity.accountId, partition.partition]).apply(([accountId, partitionName]) => ({ accountId, partition: partitionName }));
    const key = new aws.kms.Key(
      `${name}-alarms`,
      {
        region,
        description: `Encrypts the alarm topic ${names.topic}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: account.apply(alarmKeyPolicy),
        tags,
      },
      opt,
    );
    new aws.kms.Alias(`${name}-alarms`, { region, name: names.keyAlias, targetKeyId: key.keyId }, opt);
    const topic = new aws.sns.Topic(`${name}-alarms`, { region, name: names.topic, kmsMasterKeyId: key.arn, tags }, opt);
    const policy = new aws.sns.TopicPolicy(
      `${name}-alarms`,
      {
        region,
        arn: topic.arn,
        policy: pulumi
          .all([account, topic.arn])
          .apply(([{ accountId, partition: partitionName }, topicArn]) => alarmTopicPolicy({ accountId, partition: partitionName, topicArn, region })),
      },
      opt,
    );
    return { arn: topic.arn, ready: [policy] };
  }
}
