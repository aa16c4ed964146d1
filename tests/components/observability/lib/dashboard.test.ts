import * as assert from "node:assert/strict";
import { dashboardBody, dashboardBodyProblems, dashboardDocument } from "../../../../components/observability/lib/dashboard";
import { DASHBOARD } from "../../../support/observability";

describe("dashboard body", () => {
  it("lays out three rows of three graphs, every one in the region", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    assert.deepEqual(
      widgets.map((w) => [w.x, w.y, w.width, w.height]),
      [
        [0, 0, 8, 6],
        [8, 0, 8, 6],
        [16, 0, 8, 6],
        [0, 6, 8, 6],
        [8, 6, 8, 6],
        [16, 6, 8, 6],
        [0, 12, 8, 6],
        [8, 12, 8, 6],
        [16, 12, 8, 6],
      ],
    );
    for (const w of widgets) assert.equal((w.properties as { region: string }).region, "ap-southeast-2");
    assert.deepEqual(dashboardBodyProblems(dashboardBody(DASHBOARD)), []);
  });

  it("graphs each queue by its physical name with its logical name as label, and marks the alarm thresholds", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    const properties = (i: number) => widgets[i].properties as { metrics: unknown[][]; annotations?: unknown };
    assert.deepEqual(properties(6).metrics, [
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "p-orders.fifo", { label: "orders" }],
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "p-emails", { label: "emails" }],
    ]);
    assert.deepEqual(properties(7).annotations, { horizontal: [{ label: "Age alarm", value: 900 }] });
    assert.deepEqual(properties(2).annotations, { horizontal: [{ label: "p99 alarm", value: 2 }] });
  });

  it("graphs in-service instances and CPU per tier by group name, web then worker, with the tier as label", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    const properties = (i: number) => widgets[i].properties as { title: string; stat: string; period: number; metrics: unknown[][] };
    assert.deepEqual(properties(3), {
      ...properties(3),
      title: "In-service instances",
      stat: "Maximum",
      period: 60,
      metrics: [
        ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "web-asg", { label: "web" }],
        ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "worker-asg", { label: "worker" }],
      ],
    });
    assert.deepEqual(properties(4), {
      ...properties(4),
      title: "CPU utilisation (%)",
      stat: "Average",
      period: 300,
      metrics: [
        ["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web-asg", { label: "web" }],
        ["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "worker-asg", { label: "worker" }],
      ],
    });
  });

  it("leaves the queue row out when there is no queue (a graph needs at least one metric)", () => {
    const body = dashboardBody({ ...DASHBOARD, queues: [] });
    assert.equal(JSON.parse(body).widgets.length, 6);
    assert.deepEqual(dashboardBodyProblems(body), []);
  });

  it("reports a body that is not JSON", () => {
    const problems = dashboardBodyProblems("{");
    assert.equal(problems.length, 1);
    // the parser's own wording varies between Node.js versions
    assert.match(problems[0], /^dashboard body is not JSON: /);
  });

  const bodies: Array<[string, unknown, string[]]> = [
    ["no widgets array", { widget: [] }, ["dashboard body must be an object with a widgets array"]],
    [
      "too many widgets",
      { widgets: Array.from({ length: 501 }, () => ({ type: "text", x: 0, y: 0, width: 1, height: 1, properties: { markdown: "x" } })) },
      ["dashboard has 501 widgets; CloudWatch allows at most 500"],
    ],
    [
      "a widget off the grid",
      { widgets: [{ type: "text", x: 20, y: -1, width: 8, height: 1001 }] },
      [
        "widget 0 height must be 1 to 1000, got 1001",
        "widget 0 must lie within the 24-column grid, got x 20 and width 8",
        "widget 0 y must be a non-negative integer, got -1",
      ],
    ],
    [
      "a graph without region or metrics",
      { widgets: [{ type: "metric", x: 0, y: 0, width: 6, height: 6, properties: { metrics: [] } }] },
      ["widget 0 needs a region", "widget 0 must graph 1 to 500 metrics, got 0"],
    ],
    [
      "malformed metric lines",
      {
        widgets: [
          {
            type: "metric",
            x: 0,
            y: 0,
            width: 6,
            height: 6,
            properties: {
              region: "eu-west-1",
              metrics: [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName"], [{ expression: "m1 * 2", id: "E1" }]],
            },
          },
        ],
      },
      [
        'widget 0 metric 0 must be [namespace, metricName, dimension, value, ...] with non-empty strings, got ["AWS/SQS","ApproximateNumberOfMessagesVisible","QueueName"]',
        "widget 0 metric 1 is an expression and needs an id that starts with a lowercase letter",
      ],
    ],
  ];
  for (const [name, body, expected] of bodies) {
    it(`reports ${name}`, () => {
      assert.deepEqual(dashboardBodyProblems(typeof body === "string" ? body : JSON.stringify(body)), expected);
    });
  }
});
