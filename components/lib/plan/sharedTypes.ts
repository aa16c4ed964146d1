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
export const sharedPlanFacts: ComponentPlanFacts = {
  component: "shared",
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
        basis: "Secrets Manager rotates once when rotation is turned on (rotateImmediately); the function's four steps take a minute or two (the cache's wait for two modifications of its group: several minutes)",
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
