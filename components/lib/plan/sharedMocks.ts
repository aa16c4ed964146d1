/**
 * Mocked states of the types several components create for themselves (sharedTypes.ts declares
 * them) and of the account, partition and region invokes they all call.
 */
import { ELB_ZONE_IDS } from "./elbZones";
import { named, textInput, type Builder, type InvokeMock } from "./mock";
import { arn, hashHex, MOCK_ACCOUNT_ID, uuid } from "./mockIds";

/** An IAM role: name, ARN, unique ID and creation date. */
export const iamRole: Builder = (input) => {
  const name = named(input);
  return {
    id: name,
    outputs: {
      name,
      arn: arn("iam", "", `role/${name}`),
      uniqueId: `AROA${hashHex(17, "role", input.urn).toUpperCase()}`,
      createDate: "2026-01-01T00:00:00Z",
    },
  };
};

/** An inline role policy, identified by role and name. */
export const iamRolePolicy: Builder = (input) => {
  const name = named(input);
  return { id: `${String(input.inputs.role)}:${name}`, outputs: { name } };
};

/** A managed policy attachment. */
export const iamRolePolicyAttachment: Builder = (input) => ({
  id: `${String(input.inputs.role)}-${hashHex(8, input.urn)}`,
  outputs: {},
});

/** A CloudWatch log group. */
export const logGroup: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: arn("logs", region, `log-group:${name}`) } };
};

/** A CloudWatch metric alarm. */
export const metricAlarm: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: arn("cloudwatch", region, `alarm:${name}`) } };
};

/**
 * An SSM parameter: its ID is its name; the ARN is `parameter` then the name (a leading slash kept
 * once), and a new parameter is version 1.
 */
export const ssmParameter: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: arn("ssm", region, `parameter${name.startsWith("/") ? "" : "/"}${name}`), version: 1 } };
};

/** A KMS key ID: a UUID built from the URN; multi-region keys carry `mrk-` and 32 hex digits. */
export function kmsKeyId(urn: string, multiRegion: boolean): string {
  const hex = hashHex(32, "kms-key", urn);
  if (multiRegion) return `mrk-${hex}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A KMS key (multi-region keys get an `mrk-` ID). */
export const kmsKey: Builder = (input, region) => {
  const keyId = kmsKeyId(input.urn, input.inputs.multiRegion === true);
  return { id: keyId, outputs: { keyId, arn: arn("kms", region, `key/${keyId}`) } };
};

/** A KMS alias and the key ARN it targets. */
export const kmsAlias: Builder = (input, region) => {
  const name = named(input);
  const target = textInput(input, "targetKeyId") ?? "";
  const targetKeyArn = target.startsWith("arn:") ? target : arn("kms", region, `key/${target}`);
  return { id: name, outputs: { name, arn: arn("kms", region, name), targetKeyArn } };
};

/** An SNS topic, identified by its ARN. */
export const snsTopic: Builder = (input, region) => {
  const name = named(input);
  const topicArn = arn("sns", region, name);
  return { id: topicArn, outputs: { name, arn: topicArn, owner: MOCK_ACCOUNT_ID } };
};

/** A subscription's trailing UUID. */
function subscriptionId(urn: string): string {
  const hex = hashHex(32, "sns-subscription", urn);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An SNS subscription: the topic's ARN and a UUID. Email endpoints stay pending until the recipient
 * clicks the link; an SQS queue of the same account is confirmed on creation.
 */
export const snsTopicSubscription: Builder = (input, region) => {
  const topic = textInput(input, "topic") ?? arn("sns", region, input.name);
  const subscriptionArn = `${topic}:${subscriptionId(input.urn)}`;
  const pending = ["email", "email-json"].includes(textInput(input, "protocol") ?? "");
  return {
    id: subscriptionArn,
    outputs: { arn: subscriptionArn, ownerId: MOCK_ACCOUNT_ID, pendingConfirmation: pending, confirmationWasAuthenticated: false },
  };
};

/** An SNS topic policy, identified by the topic's ARN. */
export const snsTopicPolicy: Builder = (input) => ({ id: textInput(input, "arn") ?? input.name, outputs: { owner: MOCK_ACCOUNT_ID } });

/** ACM's validation record for a name: the same in every region of an account, as ACM does. */
function validationOption(domainName: string) {
  return {
    domainName,
    resourceRecordName: `_${hashHex(32, "acm-name", domainName)}.${domainName}.`,
    resourceRecordType: "CNAME",
    resourceRecordValue: `_${hashHex(32, "acm-value", domainName)}.mhbtsbpdnt.acm-validations.aws.`,
  };
}

/** An ACM certificate, issued, with a DNS validation record per name. */
export const certificate: Builder = (input, region) => {
  const id = arn("acm", region, `certificate/${uuid(input.urn)}`);
  const names = [input.inputs.domainName, ...((input.inputs.subjectAlternativeNames as unknown[]) ?? [])].filter(
    (name): name is string => typeof name === "string",
  );
  return {
    id,
    outputs: { arn: id, domainValidationOptions: [...new Set(names)].map(validationOption), status: "ISSUED", type: "AMAZON_ISSUED" },
  };
};

/** A certificate validation, identified by the certificate's ARN. */
export const certificateValidation: Builder = (input) => ({
  id: String(input.inputs.certificateArn),
  outputs: { certificateArn: input.inputs.certificateArn },
});

/** A Route 53 record and its FQDN. */
export const route53Record: Builder = (input) => {
  const fqdn = String(input.inputs.name).replace(/\.$/, "");
  // Route 53's ID: zone, name, type, and the set identifier of a routing-policy record
  const set = typeof input.inputs.setIdentifier === "string" ? `_${input.inputs.setIdentifier}` : "";
  return { id: `${String(input.inputs.zoneId)}_${fqdn}_${String(input.inputs.type)}${set}`, outputs: { fqdn } };
};

/** An S3 bucket: name, ARN and domain names. */
export const s3Bucket: Builder = (input, region) => {
  const name = typeof input.inputs.bucket === "string" ? input.inputs.bucket : named(input);
  return {
    id: name,
    outputs: {
      bucket: name,
      arn: `arn:aws:s3:::${name}`,
      bucketDomainName: `${name}.s3.amazonaws.com`,
      bucketRegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
      hostedZoneId: ELB_ZONE_IDS[region] ?? "Z3AQBSTGFYJSTF",
    },
  };
};

/** `aws.getCallerIdentity`: the mocked account. */
export const callerIdentity: InvokeMock = () => ({
  accountId: MOCK_ACCOUNT_ID,
  arn: arn("iam", "", "user/offline-plan"),
  userId: "AIDAOFFLINEPLAN00000",
  id: MOCK_ACCOUNT_ID,
});

/** `aws.getPartition`: the commercial partition. */
export const partition: InvokeMock = () => ({ partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" });

/** `aws.getRegion`: the requested or the stack's region. */
export const currentRegion: InvokeMock = (_, region) => ({
  region,
  name: region,
  id: region,
  endpoint: `ec2.${region}.amazonaws.com`,
  description: region,
});
