/**
 * The customer managed key of one static-asset bucket. CloudFront's origin access control reads
 * SSE-KMS objects when the key policy lets `cloudfront.amazonaws.com` decrypt for the
 * distribution (`AWS:SourceArn`); the account root administers the key, so IAM decides who else
 * may use it (uploaders, the replication role).
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#create-oac-overview-s3
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../lib/iam";
import { accountAdministersKeyStatement, type KeyAccount } from "../kms/lib/keyRules";

/** The static-asset key's policy: the account administers it, and only this distribution may decrypt through CloudFront. */
export function staticAssetKeyPolicy(account: KeyAccount, distributionArn: string): string {
  return policyDocument([
    accountAdministersKeyStatement(account),
    {
      Sid: "DistributionReadsStaticAssets",
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
    },
  ]);
}

/** What `createStaticAssetKey` needs. */
export interface StaticAssetKeyArgs {
  readonly region: string;
  readonly namePrefix: string;
  readonly account: pulumi.Input<KeyAccount>;
  readonly distributionArn: pulumi.Input<string>;
  readonly protect: boolean;
  readonly tags: Record<string, string>;
}

/** Declares the key (rotation on, the longest deletion window) and its alias `alias/<namePrefix>/static`. */
export function createStaticAssetKey(name: string, args: StaticAssetKeyArgs, parent: pulumi.Resource): aws.kms.Key {
  const key = new aws.kms.Key(
    name,
    {
      region: args.region,
      description: `Encrypts the static assets of ${args.namePrefix} in ${args.region}; only its CloudFront distribution may decrypt them`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: pulumi.all([args.account, args.distributionArn]).apply(([account, distributionArn]) => staticAssetKeyPolicy(account, distributionArn)),
      tags: args.tags,
    },
    { parent, protect: args.protect },
  );
  new aws.kms.Alias(name, { region: args.region, name: `alias/${args.namePrefix}/static`, targetKeyId: key.keyId }, { parent });
  return key;
}
