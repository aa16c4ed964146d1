import * as assert from "node:assert/strict";
import fc from "fast-check";
import { regionalAlarmSpecs } from "../../../../components/observability/lib/alarms";
import { dashboardBody, dashboardBodyProblems } from "../../../../components/observability/lib/dashboard";
import { observabilityArgProblems, observabilityNames, type ObservabilityArgsToValidate } from "../../../../components/observability/lib/validate";
import { DASHBOARD, INPUT, THRESHOLDS } from "../../../support/observability";

describe("observability arguments", () => {
  const ARGS: ObservabilityArgsToValidate = {
    region: "eu-west-1",
    namePrefix: "blueprint-prod",
    thresholds: THRESHOLDS,
    keyDeletionWindowDays: 30,
    queues: [{ name: "orders" }, { name: "emails" }],
  };

  it("accepts valid arguments and names the topic, alias and dashboard after the prefix and region", () => {
    assert.deepEqual(observabilityArgProblems(ARGS), []);
    assert.deepEqual(observabilityNames("blueprint-prod", "eu-west-1"), {
      topic: "blueprint-prod-eu-west-1-alarms",
      keyAlias: "alias/blueprint-prod-eu-west-1-alarms",
      dashboard: "blueprint-prod-eu-west-1",
    });
  });

  it("reports an unknown region, bad queue names and plain-string dimensions that are empty", () => {
    assert.deepEqual(
      observabilityArgProblems({
        ...ARGS,
        region: "moon-1",
        queues: [{ name: "a b", queueName: "" }],
        loadBalancer: { arnSuffix: "app/web/1", targetGroupArnSuffix: { unknown: true } },
      }),
      [
        'region must be a known AWS region, got "moon-1"',
        'queues[0].name may only contain letters, digits, hyphens and underscores (at least one), got "a b"',
        "alarm queue-a b-oldest-message-age: metric ApproximateAgeOfOldestMessage dimension QueueName must be 1 to 1024 characters, got 0",
      ],
    );
  });

  it("reports names too long for SNS, KMS, the dashboard and CloudWatch alarms", () => {
    const prefix = "p".repeat(240);
    const problems = observabilityArgProblems({ ...ARGS, namePrefix: prefix, queues: [] });
    assert.deepEqual(problems, [
      `the alarm topic name "${prefix}-eu-west-1-alarms" is 257 characters long; SNS allows at most 256 (shorten namePrefix)`,
      `the key alias "alias/${prefix}-eu-west-1-alarms" is 263 characters long; KMS allows at most 256 (shorten namePrefix)`,
      `alarm alb-5xx-rate: name "${prefix}-eu-west-1-alb-5xx-rate" is 263 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
      `alarm target-response-p99: name "${prefix}-eu-west-1-target-response-p99" is 270 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
      `alarm unhealthy-hosts: name "${prefix}-eu-west-1-unhealthy-hosts" is 266 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
    ]);
  });

  it("reports a dashboard name over 255 characters", () => {
    const prefix = "d".repeat(246);
    assert.ok(
      observabilityArgProblems({ ...ARGS, namePrefix: prefix, queues: [] }).includes(
        `the dashboard name "${prefix}-eu-west-1" is 256 characters long; CloudWatch allows at most 255 (shorten namePrefix)`,
      ),
    );
  });

  it("property: valid prefixes and queue names give unique alarm names that pass every alarm and dashboard rule", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/), { maxLength: 12 }),
        fc.record({
          alb5xxPercent: fc.double({ min: 0.01, max: 99.99, noNaN: true }),
          targetResponseP99Seconds: fc.double({ min: 0.001, max: 4000, noNaN: true }),
          queueOldestMessageAgeSeconds: fc.integer({ min: 1, max: 1_209_599 }),
        }),
        (namePrefix, queueNames, thresholds) => {
          const queues = queueNames.map((name) => ({ name, queueName: `${namePrefix}-${name}`, deadLetterQueueName: `${namePrefix}-${name}-dlq` }));
          assert.deepEqual(observabilityArgProblems({ ...ARGS, namePrefix, thresholds, queues }), []);
          const alarms = regionalAlarmSpecs({ ...INPUT, namePrefix, thresholds, queues });
          assert.equal(alarms.length, 3 + 2 * queues.length);
          assert.equal(new Set(alarms.map((a) => a.name)).size, alarms.length);
          const body = dashboardBody({ ...DASHBOARD, thresholds, queues });
          assert.deepEqual(dashboardBodyProblems(body), []);
        },
      ),
    );
  });

  it("property: an invalid key deletion window or email is always reported", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 6 }), fc.integer({ min: 31, max: 1000 })), fc.stringMatching(/^[^@]{0,20}$/), (days, email) => {
        const problems = observabilityArgProblems({ ...ARGS, keyDeletionWindowDays: days, alarmEmail: email });
        assert.ok(problems.includes(`keyDeletionWindowDays must be an integer from 7 to 30, got ${days}`));
        assert.ok(problems.includes(`alarmEmail must be an email address such as ops@example.com, got ${JSON.stringify(email)}`));
      }),
    );
  });
});
