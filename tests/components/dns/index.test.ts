import * as assert from "node:assert/strict";
import { Dns, type DnsArgs } from "../../../components/dns";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };
const ZONE = "Z0123456789ABCDEFGHIJ";
const ALB_ZONES: Record<string, string> = { "eu-west-1": "Z32O12XQLNTSW2", "ap-southeast-2": "Z1GM3OXH4ZPM65" };
const region = (name: string) => ({
  region: name,
  albDnsName: `blueprint-${name}-alb-123.${name}.elb.amazonaws.com`,
  albZoneId: ALB_ZONES[name],
  healthCheckPath: "/health",
  protocol: "HTTPS" as const,
});
const BASE: DnsArgs = {
  hostedZoneId: ZONE,
  apiName: "api.example.com",
  appName: "www.example.com",
  regions: [region("eu-west-1"), region("ap-southeast-2")],
  cdn: { domainName: "d1234567890abc.cloudfront.net", hostedZoneId: "Z2FDTNDATAQYW2" },
  namePrefix: "blueprint-prod",
  settings: { healthCheck: { intervalSeconds: 10, failureThreshold: 3 }, alarmEvaluationPeriods: 2 },
  tags: TAGS,
};

async function record(extra: Partial<DnsArgs> = {}): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new Dns("dns", { ...BASE, ...extra });
      return {};
    },
    { stack: "prod", config: { "aws:region": "eu-west-1" } },
  );
  return resources;
}

describe("Dns component", () => {
  describe("with two regions outside us-east-1 and no alarm topic", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record();
    });

    it("declares exactly these resources", () => {
      assert.deepEqual(countTypes(resources), {
        "pulumi:pulumi:Stack": 1,
        "blueprint:dns:Dns": 1,
        // per region: origin name and latency record; plus the app's A and AAAA
        "aws:route53/record:Record": 6,
        "aws:route53/healthCheck:HealthCheck": 2,
        "aws:cloudwatch/metricAlarm:MetricAlarm": 2,
        "aws:kms/key:Key": 1,
        "aws:kms/alias:Alias": 1,
        "aws:sns/topic:Topic": 1,
        "aws:sns/topicPolicy:TopicPolicy": 1,
      });
    });

    it("keeps records and health checks global and every alarm resource in us-east-1", () => {
      for (const r of resources.filter((r) => r.custom)) {
        const global = r.type.startsWith("aws:route53/");
        assert.equal(r.region, global ? null : "us-east-1", r.urn);
      }
    });

    it("health-checks each region's load balancer over HTTPS with SNI on its regional name", () => {
      assert.deepEqual(
        ofType(resources, "aws:route53/healthCheck:HealthCheck").map((r) => {
          const i = r.inputs as Record<string, any>;
          return [r.name, i.type, i.fqdn, i.port, i.resourcePath, i.enableSni, i.requestInterval, i.failureThreshold, i.tags.Name];
        }),
        [
          ["dns-eu-west-1", "HTTPS", "eu-west-1.api.example.com", 443, "/health", true, 10, 3, "eu-west-1.api.example.com health"],
          ["dns-ap-southeast-2", "HTTPS", "ap-southeast-2.api.example.com", 443, "/health", true, 10, 3, "ap-southeast-2.api.example.com health"],
        ],
      );
      const check = one(resources, "aws:route53/healthCheck:HealthCheck", "dns-eu-west-1");
      assert.ok(check.dependencies.includes(one(resources, "aws:route53/record:Record", "dns-eu-west-1-origin").urn));
    });

    it("points each regional origin name at its load balancer", () => {
      for (const name of ["eu-west-1", "ap-southeast-2"]) {
        const record = one(resources, "aws:route53/record:Record", `dns-${name}-origin`).inputs;
        assert.deepEqual(record, {
          zoneId: ZONE,
          name: `${name}.api.example.com`,
          type: "A",
          aliases: [{ name: region(name).albDnsName, zoneId: ALB_ZONES[name], evaluateTargetHealth: true }],
        });
      }
    });

    it("routes the API name by latency to each region, evaluating its health", () => {
      assert.deepEqual(
        ["eu-west-1", "ap-southeast-2"].map((name) => {
          const record = one(resources, "aws:route53/record:Record", `dns-${name}-api`).inputs as Record<string, any>;
          return [record.name, record.type, record.setIdentifier, record.latencyRoutingPolicies, record.healthCheckId, record.aliases];
        }),
        ["eu-west-1", "ap-southeast-2"].map((name) => [
          "api.example.com",
          "A",
          name,
          [{ region: name }],
          one(resources, "aws:route53/healthCheck:HealthCheck", `dns-${name}`).outputs.id,
          [{ name: region(name).albDnsName, zoneId: ALB_ZONES[name], evaluateTargetHealth: true }],
        ]),
      );
    });

    it("aliases the app name to CloudFront on IPv4 and IPv6 without evaluating its health", () => {
      for (const type of ["A", "AAAA"]) {
        assert.deepEqual(one(resources, "aws:route53/record:Record", `dns-app-${type.toLowerCase()}`).inputs, {
          zoneId: ZONE,
          name: "www.example.com",
          type,
          aliases: [{ name: "d1234567890abc.cloudfront.net", zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }],
        });
      }
    });

    it("alarms in us-east-1 when a region's HealthCheckStatus drops, on its own encrypted topic", () => {
      const topic = one(resources, "aws:sns/topic:Topic");
      const key = one(resources, "aws:kms/key:Key");
      assert.equal(topic.inputs.kmsMasterKeyId, key.outputs.arn);
      assert.equal(topic.inputs.name, "blueprint-prod-dns-alarms");
      const keyPolicy = JSON.parse(key.inputs.policy as string);
      assert.deepEqual(keyPolicy.Statement[1].Principal, { Service: "cloudwatch.amazonaws.com" });
      const topicPolicy = one(resources, "aws:sns/topicPolicy:TopicPolicy");
      assert.equal(
        JSON.parse(topicPolicy.inputs.policy as string).Statement[0].Condition.ArnLike["aws:SourceArn"],
        "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*",
      );
      for (const name of ["eu-west-1", "ap-southeast-2"]) {
        const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", `dns-${name}-health`);
        const i = alarm.inputs as Record<string, any>;
        assert.deepEqual(
          [
            i.region,
            i.name,
            i.namespace,
            i.metricName,
            i.dimensions,
            i.statistic,
            i.period,
            i.evaluationPeriods,
            i.threshold,
            i.comparisonOperator,
            i.treatMissingData,
          ],
          [
            "us-east-1",
            `blueprint-prod-${name}-api-health`,
            "AWS/Route53",
            "HealthCheckStatus",
            { HealthCheckId: one(resources, "aws:route53/healthCheck:HealthCheck", `dns-${name}`).outputs.id },
            "Minimum",
            60,
            2,
            1,
            "LessThanThreshold",
            "breaching",
          ],
        );
        assert.deepEqual([i.alarmActions, i.okActions], [[topic.outputs.arn], [topic.outputs.arn]]);
        assert.ok(alarm.dependencies.includes(topicPolicy.urn));
      }
    });

    it("tags health checks without Region and us-east-1 resources with it", () => {
      for (const r of resources.filter((r) => r.custom && r.inputs.tags !== undefined)) {
        const tags = r.inputs.tags as Record<string, string>;
        for (const [key, value] of Object.entries(TAGS)) assert.equal(tags[key], value, `${r.urn} ${key}`);
        assert.equal(tags.Region, r.region ?? undefined, r.urn);
      }
    });
  });

  it("notifies a given us-east-1 topic instead of creating one", async () => {
    const topicArn = "arn:aws:sns:us-east-1:123456789012:blueprint-prod-us-east-1-alarms";
    const resources = await record({ alarmTopicArn: topicArn, regions: [region("eu-west-1")] });
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:dns:Dns": 1,
      "aws:route53/record:Record": 4,
      "aws:route53/healthCheck:HealthCheck": 1,
      "aws:cloudwatch/metricAlarm:MetricAlarm": 1,
    });
    assert.deepEqual(one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm").inputs.alarmActions, [topicArn]);
  });

  it("checks plain HTTP load balancers by their own name on port 80", async () => {
    const resources = await record({ regions: [{ ...region("eu-west-1"), protocol: "HTTP" }], alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:t" });
    const check = one(resources, "aws:route53/healthCheck:HealthCheck").inputs;
    assert.deepEqual([check.type, check.fqdn, check.port, check.enableSni], ["HTTP", region("eu-west-1").albDnsName, 80, undefined]);
  });

  it("rejects invalid arguments before declaring anything, listing every problem", async () => {
    await assert.rejects(
      record({
        settings: { healthCheck: { intervalSeconds: 20, failureThreshold: 0 }, alarmEvaluationPeriods: 2 },
        regions: [region("eu-west-1"), region("eu-west-1")],
      }),
      (error: Error) => {
        assert.match(error.message, /Dns dns has invalid arguments:\n/);
        assert.match(error.message, /regions lists eu-west-1 twice; a latency record set has one record per region/);
        assert.match(error.message, /settings\.healthCheck\.intervalSeconds must be 10 \(fast, billed extra\) or 30 \(standard\) seconds/);
        assert.match(error.message, /settings\.healthCheck\.failureThreshold must be a whole number from 1 to 10/);
        return true;
      },
    );
  });
});
