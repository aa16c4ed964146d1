/**
 * The canaries as data: their names (Synthetics' naming rule), the script they run, the artefact
 * retention and the execution role's statements.
 *
 * A region's origin canary runs in that region and requests the public app URL's health path: the
 * edge router sends a viewer to the nearest serving region, so the canary reaches its own region's
 * origin through CloudFront, WAF and the origin header exactly as users do (an internal load
 * balancer behind a VPC origin has no other way in). When the application answers with its region
 * (`x-blueprint-region`, from BLUEPRINT_REGION), the canary also checks that it is its own.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_Roles.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_WritingCanary_Nodejs.html
 */
import { createHash } from "node:crypto";
import type { IamStatement } from "../../lib/iam";
import { CANARY_NAME, MAX_CANARY_NAME_LENGTH } from "./limits";

/** Where the script lives in the code archive (Node.js runtimes load `nodejs/node_modules/<file>`). */
export const CANARY_SCRIPT_PATH = "nodejs/node_modules/blueprintCanary.js";

/** The handler Synthetics calls. */
export const CANARY_HANDLER = "blueprintCanary.handler";

/** The metric namespace Synthetics publishes to. */
export const SYNTHETICS_NAMESPACE = "CloudWatchSynthetics";

/** A canary name within Synthetics' limit: the prefix, cut and made unique with a hash when too long. */
export function canaryName(namePrefix: string, purpose: string): string {
  const full = `${namePrefix}-${purpose}`.toLowerCase().replace(/[^0-9a-z_-]/g, "-");
  if (full.length <= MAX_CANARY_NAME_LENGTH) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 6);
  const room = MAX_CANARY_NAME_LENGTH - purpose.length - hash.length - 2;
  return `${full.slice(0, Math.max(room, 1)).replace(/-+$/, "")}-${hash}-${purpose}`.slice(0, MAX_CANARY_NAME_LENGTH);
}

/** Why Synthetics would refuse a canary name. */
export function canaryNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > MAX_CANARY_NAME_LENGTH) problems.push(`canary name ${name} is ${name.length} characters; at most ${MAX_CANARY_NAME_LENGTH}`);
  if (!CANARY_NAME.test(name)) problems.push(`canary name ${name} may hold only lowercase letters, digits, - and _`);
  return problems;
}

/** The canary script: GET the target, fail on anything but 2xx/3xx or another region's answer. */
export function canaryScript(): string {
  return [
    '"use strict";',
    "// Written by the blueprint (components/telemetry/lib/canaries.ts).",
    'const https = require("node:https");',
    "exports.handler = async () => {",
    "  const url = process.env.TARGET_URL;",
    "  const expected = process.env.EXPECTED_REGION;",
    "  const { status, region } = await new Promise((resolve, reject) => {",
    '    const request = https.get(url, { timeout: 10000, headers: { "user-agent": "blueprint-canary" } }, (response) => {',
    "      response.resume();",
    '      resolve({ status: response.statusCode, region: response.headers["x-blueprint-region"] });',
    "    });",
    '    request.on("timeout", () => request.destroy(new Error(`${url} timed out`)));',
    '    request.on("error", reject);',
    "  });",
    "  if (status < 200 || status >= 400) throw new Error(`${url} answered ${status}`);",
    "  if (expected && region && region !== expected) throw new Error(`${url} was served by ${region}, not ${expected}`);",
    '  return `${url} answered ${status}${region ? ` from ${region}` : ""}`;',
    "};",
    "",
  ].join("\n");
}

/** The resources a canary's role reaches. */
export interface CanaryRoleScope {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucketArn: string;
  readonly keyArn: string;
}

/** The canaries' execution role: artefacts in the bucket (SSE-KMS), their Lambda's logs, their metrics. */
export function canaryRoleStatements(scope: CanaryRoleScope): IamStatement[] {
  return [
    { Sid: "CanaryArtefacts", Effect: "Allow", Action: ["s3:PutObject"], Resource: [`${scope.bucketArn}/*`] },
    { Sid: "CanaryArtefactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [scope.bucketArn] },
    { Sid: "CanaryArtefactKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [scope.keyArn] },
    {
      Sid: "CanaryLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [`arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:/aws/lambda/cwsyn-*`],
    },
    {
      Sid: "CanaryMetrics",
      Effect: "Allow",
      Action: ["cloudwatch:PutMetricData"],
      Resource: ["*"],
      Condition: { StringEquals: { "cloudwatch:namespace": SYNTHETICS_NAMESPACE } },
    },
  ];
}
