import * as assert from "node:assert/strict";
import { checkedBody, globalDashboardBody, regionDashboardBody } from "../../../../components/telemetry/lib/dashboards";

const REGION = {
  name: "blueprint-prod-eu-west-1-telemetry",
  region: "eu-west-1",
  burnAlarmArns: ["arn:aws:cloudwatch:eu-west-1:1:alarm:a"],
  regionUnhealthyAlarmArn: "arn:aws:cloudwatch:eu-west-1:1:alarm:u",
  database: { dimension: "DBClusterIdentifier" as const, identifier: "blueprint-prod-eu-west-1" },
  cacheReplicationGroupId: "blueprint-prod-eu-west-1",
  queues: [{ name: "jobs", queueName: "blueprint-prod-jobs" }],
  autoScalingGroups: { web: "web-asg", worker: "worker-asg" },
};

const titles = (body: string) =>
  (JSON.parse(body).widgets as { type: string; properties: { markdown?: string } }[]).filter((w) => w.type === "text").map((w) => w.properties.markdown);

describe("telemetry dashboards", () => {
  it("gives a region rows for SLO burn, the database, the cache, the queues and the agents", () => {
    assert.deepEqual(titles(regionDashboardBody(REGION)), ["## SLO burn (eu-west-1)", "## Database", "## Cache", "## Queues", "## Agents"]);
    const widgets = JSON.parse(regionDashboardBody(REGION)).widgets as { properties: { metrics?: unknown[][] } }[];
    assert.ok(
      widgets.some((w) => JSON.stringify(w.properties.metrics ?? []).includes('"Blueprint/Agent","mem_used_percent","AutoScalingGroupName","web-asg"')),
    );
  });

  it("leaves out the rows of a region without a database or cache", () => {
    const { database: _d, cacheReplicationGroupId: _c, ...bare } = REGION;
    assert.deepEqual(titles(regionDashboardBody(bare)), ["## SLO burn (eu-west-1)", "## Queues", "## Agents"]);
  });

  it("puts CloudFront, WAF, Route 53 and every region side by side on the global dashboard", () => {
    const body = globalDashboardBody({
      name: "blueprint-prod-global",
      distributionId: "E123",
      webAclName: "blueprint-prod-edge",
      healthCheckIds: { "us-east-1": "hc-1", "eu-west-1": "hc-2" },
      regions: [
        { region: "us-east-1", loadBalancerArnSuffix: "app/a/1" },
        { region: "eu-west-1", loadBalancerArnSuffix: "app/b/2" },
      ],
    });
    assert.deepEqual(titles(body), ["## CloudFront", "## WAF", "## Route 53", "## Regions side by side"]);
    const last = JSON.parse(body).widgets.at(-1);
    assert.deepEqual(
      last.properties.metrics.map((m: unknown[]) => (m[4] as { region: string }).region),
      ["us-east-1", "eu-west-1"],
    );
  });

  it("refuses a body above PutDashboard's limits, naming the dashboard", () => {
    const widget = { type: "text" as const, x: 0, y: 0, width: 1, height: 1, properties: {} };
    assert.throws(
      () =>
        checkedBody(
          "big",
          Array.from({ length: 501 }, () => widget),
        ),
      /dashboard big has 501 widgets; CloudWatch allows 500/,
    );
    assert.throws(
      () => checkedBody("huge", [{ ...widget, properties: { markdown: "x".repeat(1_000_001) } }]),
      /dashboard huge body is \d+ bytes; CloudWatch allows 1000000/,
    );
  });
});
