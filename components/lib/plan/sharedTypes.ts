/**
 * Plan facts of the types several components create for themselves (IAM roles and policies, log
 * groups, alarms, KMS keys and aliases, SNS topics, ACM certificates, Route 53 records, S3 buckets
 * and their settings, secret rotation schedules), and of the account, partition and region invokes several components call.
 * Declared once here; the diagram arrows that involve them belong to the components that draw them.
 */
import { API_ONLY_CREATION } from "./creation";
import { always, type ComponentPlanFacts, type StatefulType } from "./facts";
import { genericMock, idOnlyMock, textInput } from "./mock";
import {
  callerIdentity,
  certificate,
  certificateValidation,
  currentRegion,
  iamRole,
  iamRolePolicy,
  iamRolePolicyAttachment,
  kmsAlias,
  kmsKey,
  logGroup,
  metricAlarm,
  partition,
  route53Record,
  s3Bucket,
  snsTopic,
  snsTopicPolicy,
  snsTopicSubscription,
  ssmParameter,
} from "./sharedMocks";
import { free, monthly, traffic, type CostRule } from "./cost";
import type { PlannedResource } from "./plannedResource";

/** IAM inline role policy (the instance roles' queue grants are read from it). */
export const IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
/** SSM parameter (the agents' configurations, each region's shard map). */
export const SSM_PARAMETER = "aws:ssm/parameter:Parameter";
/** Route 53 record (alias records are drawn as DNS). */
export const ROUTE53_RECORD = "aws:route53/record:Record";
/** Bucket types (`BucketV2` is the pre-v7 name of the same resource). */
export const BUCKET_TYPES: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);

const bucketStateful: StatefulType = {
  label: "bucket",
  loses: "every object (a non-empty bucket cannot even be deleted without forceDestroy)",
  replacedBy: always("region", "bucket", "bucketPrefix", "objectLockEnabled"),
};

/** The shared facts. */
/** Metrics an alarm watches: its metric queries that name a metric, else one. */
function alarmMetrics(alarm: PlannedResource): number {
  const queries = Array.isArray(alarm.inputs.metricQueries) ? (alarm.inputs.metricQueries as { metric?: unknown }[]) : [];
  const metrics = queries.filter((query) => query.metric !== undefined).length;
  return queries.length > 0 ? Math.max(1, metrics) : 1;
}

/** How the shared types are billed. */
const SHARED_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    rule: "a monthly fee per metric an alarm watches (metric math: each metric in it), high-resolution (period under 60 s) at the higher rate",
    meters: (alarm) => {
      const highResolution = typeof alarm.inputs.period === "number" && alarm.inputs.period < 60;
      const count = alarmMetrics(alarm);
      return [{ sku: highResolution ? "cloudwatch:alarm-metric-high-resolution" : "cloudwatch:alarm-metric", what: "alarm metrics", min: count, max: count }];
    },
  },
  "aws:cloudwatch/logGroup:LogGroup": traffic("log ingestion ($0.50 per GB) and storage ($0.03 per GB-month)"),
  "aws:kms/key:Key": monthly("kms:key", "KMS keys", "a monthly fee per key", "requests ($0.03 per 10,000)"),
  "aws:kms/alias:Alias": free("aliases have no charge"),
  "aws:acm/certificate:Certificate": free("public ACM certificates have no charge"),
  "aws:acm/certificateValidation:CertificateValidation": free("a wait, no resource"),
  "aws:iam/role:Role": free("IAM has no charge"),
  [IAM_ROLE_POLICY]: free("IAM has no charge"),
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": free("IAM has no charge"),
  [ROUTE53_RECORD]: traffic("DNS queries (alias queries to AWS resources are free; latency-based $0.60 per million)"),
  [SSM_PARAMETER]: {
    rule: "standard parameters are free; an advanced one has a monthly fee",
    meters: (parameter) => (parameter.inputs.tier === "Advanced" ? [{ sku: "ssm:advanced-parameter", what: "advanced parameters", min: 1, max: 1 }] : []),
  },
  "aws:sns/topic:Topic": traffic("publishes ($0.50 per million) and deliveries (e-mail $2 per 100,000; SQS and Lambda free)"),
  "aws:sns/topicPolicy:TopicPolicy": free("configuration"),
  "aws:sns/topicSubscription:TopicSubscription": free("deliveries are counted with the topic"),
  "aws:s3/bucket:Bucket": traffic("storage ($0.023 per GB-month, S3 Standard), requests and data transfer"),
  "aws:s3/bucketV2:BucketV2": traffic("storage ($0.023 per GB-month, S3 Standard), requests and data transfer"),
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": free("configuration (transitions are billed per request)"),
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": free("configuration"),
  "aws:s3/bucketPolicy:BucketPolicy": free("configuration"),
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": free("configuration"),
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": free("configuration (SSE-KMS requests count towards the key)"),
  "aws:s3/bucketVersioning:BucketVersioning": free("configuration (old versions are billed as storage)"),
};

export const sharedPlanFacts: ComponentPlanFacts = {
  component: "shared",
  costs: SHARED_COSTS,
  types: [
    {
      type: "aws:iam/role:Role",
      mock: iamRole,
      creation: { seconds: 5, basis: "experience: seconds; IAM is eventually consistent and the provider retries dependents" },
    },
    { type: IAM_ROLE_POLICY, mock: iamRolePolicy, creation: API_ONLY_CREATION },
    { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", mock: iamRolePolicyAttachment, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/logGroup:LogGroup", mock: logGroup, creation: API_ONLY_CREATION },
    { type: SSM_PARAMETER, mock: ssmParameter, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", mock: metricAlarm, creation: API_ONLY_CREATION },
    {
      type: "aws:kms/key:Key",
      mock: kmsKey,
      creation: { seconds: 10, basis: "experience: seconds; provider create timeout 2 min" },
      stateful: {
        label: "KMS key",
        loses: "the key material: whatever it encrypted becomes unreadable once the deletion window ends",
        replacedBy: always("region", "multiRegion", "keyUsage", "customerMasterKeySpec", "customKeyStoreId", "xksKeyId"),
      },
      kind: "key",
    },
    { type: "aws:kms/alias:Alias", mock: kmsAlias, creation: API_ONLY_CREATION },
    // the database master secrets' and the cache AUTH secret's schedules
    {
      type: "aws:secretsmanager/secretRotation:SecretRotation",
      mock: (input) => ({ id: textInput(input, "secretId") ?? input.name, outputs: { rotationEnabled: true } }),
      creation: {
        seconds: 60,
        basis:
          "Secrets Manager rotates once when rotation is turned on (rotateImmediately); the function's four steps take a minute or two (the cache's wait for two modifications of its group: several minutes)",
      },
    },
    { type: "aws:sns/topic:Topic", mock: snsTopic, creation: API_ONLY_CREATION },
    { type: "aws:sns/topicPolicy:TopicPolicy", mock: snsTopicPolicy, creation: API_ONLY_CREATION },
    {
      type: "aws:sns/topicSubscription:TopicSubscription",
      mock: snsTopicSubscription,
      creation: API_ONLY_CREATION,
      // the event bus's deliveries to queues are drawn (the alarm topics' e-mail subscriptions are not)
      kind: (resource) => (resource.inputs.protocol === "sqs" ? "topic" : undefined),
    },
    {
      type: "aws:acm/certificate:Certificate",
      mock: certificate,
      creation: { seconds: 10, basis: "experience: the request returns at once; validation is a separate resource" },
    },
    {
      type: "aws:acm/certificateValidation:CertificateValidation",
      mock: certificateValidation,
      creation: {
        seconds: 180,
        basis: "AWS ACM docs: DNS validation usually completes within minutes of the CNAME being published; provider create timeout 75 min",
      },
    },
    {
      type: ROUTE53_RECORD,
      mock: route53Record,
      creation: {
        seconds: 60,
        basis: "AWS Route 53 docs: changes propagate to all authoritative servers within 60 s (the provider waits for INSYNC)",
      },
      // drawn when it routes traffic (an alias record), not for certificate validation
      kind: (resource) => {
        const aliases = resource.inputs.aliases;
        return Array.isArray(aliases) && aliases.length > 0 ? "dns" : undefined;
      },
    },
    {
      type: "aws:s3/bucket:Bucket",
      mock: s3Bucket,
      creation: { seconds: 5, basis: "experience: seconds (API-only)" },
      stateful: bucketStateful,
      kind: "bucket",
    },
    { type: "aws:s3/bucketV2:BucketV2", mock: genericMock, creation: API_ONLY_CREATION, stateful: bucketStateful, kind: "bucket" },
    { type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", mock: idOnlyMock, creation: API_ONLY_CREATION },
    { type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls", mock: idOnlyMock, creation: API_ONLY_CREATION },
    { type: "aws:s3/bucketPolicy:BucketPolicy", mock: idOnlyMock, creation: API_ONLY_CREATION },
    { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", mock: idOnlyMock, creation: API_ONLY_CREATION },
    { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", mock: idOnlyMock, creation: API_ONLY_CREATION },
    { type: "aws:s3/bucketVersioning:BucketVersioning", mock: idOnlyMock, creation: API_ONLY_CREATION },
  ],
  invokes: {
    "aws:index/getCallerIdentity:getCallerIdentity": callerIdentity,
    "aws:index/getPartition:getPartition": partition,
    "aws:index/getRegion:getRegion": currentRegion,
  },
};
