import * as assert from "node:assert/strict";
import { RegionalTelemetry, type TelemetrySettings } from "../../../components/telemetry";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";
import { PROD_TELEMETRY_SETTINGS } from "../../support/settings";

const SETTINGS: TelemetrySettings = PROD_TELEMETRY_SETTINGS;
const KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TOPIC = "arn:aws:sns:eu-west-1:123456789012:blueprint-prod-eu-west-1-alarms";

function record(settings: TelemetrySettings) {
  return recordProgram(
    () => {
      const telemetry = new RegionalTelemetry("eu-west-1", {
        region: "eu-west-1",
        namePrefix: "blueprint-prod",
        stack: "prod",
        settings,
        logKmsKeyArn: KEY,
        alarmTopicArn: TOPIC,
        loadBalancer: { arnSuffix: "app/lb/1", targetGroupArnSuffix: "targetgroup/tg/2" },
        platforms: { web: { os: "al2023", architecture: "arm64" }, worker: { os: "al2023", architecture: "x86_64" } },
        canaries: [{ purpose: "origin", url: "https://www.example.com/health", expectedRegion: "eu-west-1" }],
        tags: { Region: "eu-west-1" },
      });
      return { unhealthy: telemetry.regionUnhealthyAlarmArn, web: telemetry.policyStatements.web };
    },
    { stack: "prod", config: { "aws:region": "eu-west-1" } },
  );
}

describe("RegionalTelemetry component", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await record(SETTINGS));
  });

  it("declares exactly these resources with Prometheus and canaries on", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:telemetry:RegionalTelemetry": 1,
      "aws:cloudwatch/logGroup:LogGroup": 4,
      "aws:cloudwatch/queryDefinition:QueryDefinition": 5,
      "aws:amp/workspace:Workspace": 1,
      "aws:amp/ruleGroupNamespace:RuleGroupNamespace": 1,
      "aws:amp/alertManagerDefinition:AlertManagerDefinition": 1,
      "aws:ssm/parameter:Parameter": 4,
      // 8 window alarms and the canary's
      "aws:cloudwatch/metricAlarm:MetricAlarm": 9,
      // 4 burn alarms and region unhealthy
      "aws:cloudwatch/compositeAlarm:CompositeAlarm": 5,
      "aws:s3/bucket:Bucket": 1,
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
      "aws:s3/bucketVersioning:BucketVersioning": 1,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
      "aws:s3/bucketPolicy:BucketPolicy": 1,
      "aws:s3/bucketObjectv2:BucketObjectv2": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      "aws:synthetics/canary:Canary": 1,
    });
  });

  it("encrypts every log group with the region's key and keeps it for the profile's retention", () => {
    for (const group of ofType(resources, "aws:cloudwatch/logGroup:LogGroup")) {
      assert.equal(group.inputs.kmsKeyId, KEY, group.name);
      assert.equal(group.inputs.retentionInDays, 365);
    }
  });

  it("writes each tier's agent configurations as standard String parameters, the collector's with the workspace's remote-write URL", () => {
    const parameters = ofType(resources, "aws:ssm/parameter:Parameter");
    assert.deepEqual(parameters.map((p) => p.inputs.name).sort(), [
      "/blueprint-prod/eu-west-1/telemetry/web/cloudwatch-agent",
      "/blueprint-prod/eu-west-1/telemetry/web/otel-collector",
      "/blueprint-prod/eu-west-1/telemetry/worker/cloudwatch-agent",
      "/blueprint-prod/eu-west-1/telemetry/worker/otel-collector",
    ]);
    assert.ok(parameters.every((p) => p.inputs.type === "String" && p.inputs.tier === "Standard"));
    const endpoint = one(resources, "aws:amp/workspace:Workspace").outputs.prometheusEndpoint as string;
    assert.match(
      one(resources, "aws:ssm/parameter:Parameter", "eu-west-1-web-otel-collector").inputs.insecureValue as string,
      new RegExp(`endpoint: ${endpoint}api/v1/remote_write`),
    );
  });

  it("makes the region unhealthy on a fast burn of either SLI or a failing origin canary, and notifies the topic", () => {
    const unhealthy = one(resources, "aws:cloudwatch/compositeAlarm:CompositeAlarm", "eu-west-1-region-unhealthy");
    assert.equal(
      unhealthy.inputs.alarmRule,
      'ALARM("blueprint-prod-eu-west-1-slo-availability-fast-burn") OR ALARM("blueprint-prod-eu-west-1-slo-latency-fast-burn") OR ALARM("blueprint-prod-eu-west-1-canary-origin")',
    );
    assert.deepEqual([unhealthy.inputs.actionsEnabled, unhealthy.inputs.alarmActions], [true, [TOPIC]]);
    assert.equal(outputs.unhealthy, "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:blueprint-prod-eu-west-1-region-unhealthy");
    // pages come from the composites: the window alarms have no actions, the canary's alarm notifies itself
    const metricAlarms = ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
    const windows = metricAlarms.filter((alarm) => alarm.name.includes("-slo-"));
    assert.equal(windows.length, 8);
    for (const alarm of windows) assert.deepEqual([alarm.inputs.alarmActions, alarm.inputs.okActions], [undefined, undefined], alarm.name);
    for (const alarm of metricAlarms.filter((a) => !windows.includes(a))) assert.deepEqual(alarm.inputs.alarmActions, [TOPIC], alarm.name);
    for (const composite of ofType(resources, "aws:cloudwatch/compositeAlarm:CompositeAlarm"))
      assert.deepEqual(composite.inputs.alarmActions, [TOPIC], composite.name);
  });

  it("grants the tier its log groups, its parameters, X-Ray and remote write to the workspace, nothing more", () => {
    const statements = outputs.web as { Sid: string; Resource: string[] }[];
    assert.deepEqual(
      statements.map((s) => s.Sid),
      ["AgentsWriteTierLogs", "AgentsPutMetrics", "AgentsDescribeTags", "AgentsReadConfiguration", "AgentsSendTraces", "AgentsRemoteWrite"],
    );
    assert.ok(statements[0].Resource.every((arn) => arn.startsWith("arn:aws:logs:eu-west-1:123456789012:log-group:/blueprint/prod/eu-west-1/web/")));
    assert.deepEqual(statements[5].Resource, [one(resources, "aws:amp/workspace:Workspace").outputs.arn]);
  });

  it("keeps the canaries' artefacts under SSE-KMS with the region's key and public access blocked", () => {
    const sse = one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
    assert.deepEqual((sse.inputs.rules as any[])[0].applyServerSideEncryptionByDefault, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY });
    const block = one(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
    assert.deepEqual([block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets], [true, true, true, true]);
    const canary = one(resources, "aws:synthetics/canary:Canary").inputs as any;
    assert.deepEqual(canary.artifactConfig, { s3Encryption: { encryptionMode: "SSE_KMS", kmsKeyArn: KEY } });
    assert.equal(canary.runtimeVersion, "syn-nodejs-puppeteer-15.0");
    assert.equal(canary.name, "blueprint-prod-origin");
    assert.deepEqual(canary.schedule, { expression: "rate(5 minutes)" });
  });

  it("without Prometheus or canaries: no workspace, no canary, the composite on the burn alarms only", async () => {
    const { resources: lean } = await record({ ...SETTINGS, prometheus: false, canaries: false });
    assert.deepEqual(ofType(lean, "aws:amp/workspace:Workspace"), []);
    assert.deepEqual(ofType(lean, "aws:synthetics/canary:Canary"), []);
    assert.doesNotMatch(one(lean, "aws:cloudwatch/compositeAlarm:CompositeAlarm", "eu-west-1-region-unhealthy").inputs.alarmRule as string, /canary/);
  });
});
