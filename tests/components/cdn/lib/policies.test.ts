import * as assert from "node:assert/strict";
import {
  accessLogBucketPolicy,
  replicationRolePolicy,
  replicationTrustPolicy,
  staticBucketPolicy,
  wafLogGroupPolicy,
} from "../../../../components/cdn/lib/policies";

describe("edge policies", () => {
  it("lets only this distribution read a static bucket, and nobody without TLS", () => {
    const policy = JSON.parse(staticBucketPolicy({ bucketArn: "arn:aws:s3:::b", distributionArn: "arn:aws:cloudfront::123456789012:distribution/E1" }));
    assert.deepEqual(policy.Statement, [
      {
        Sid: "AllowThisDistributionToRead",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
        Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } },
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
  });

  it("gives replication exactly what it needs, for this account only", () => {
    assert.deepEqual(JSON.parse(replicationTrustPolicy({ accountId: "123456789012" })).Statement, [
      {
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      },
    ]);
    const statements = JSON.parse(replicationRolePolicy({ sourceBucketArn: "arn:aws:s3:::src", replicaBucketArn: "arn:aws:s3:::dst" })).Statement;
    assert.deepEqual(
      statements.map((s: { Action: string[]; Resource: string }) => [s.Resource, s.Action]),
      [
        ["arn:aws:s3:::src", ["s3:GetReplicationConfiguration", "s3:ListBucket"]],
        ["arn:aws:s3:::src/*", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]],
        ["arn:aws:s3:::dst/*", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]],
      ],
    );
  });

  it("lets log delivery write access logs for this account's us-east-1 delivery sources only", () => {
    const policy = JSON.parse(accessLogBucketPolicy({ bucketArn: "arn:aws:s3:::logs", accountId: "123456789012", partition: "aws", region: "us-east-1" }));
    assert.deepEqual(policy.Statement[0], {
      Sid: "AWSLogDeliveryWrite",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::logs/*",
      Condition: {
        StringEquals: { "aws:SourceAccount": "123456789012", "s3:x-amz-acl": "bucket-owner-full-control" },
        ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:*" },
      },
    });
    assert.deepEqual(policy.Statement[1].Action, ["s3:GetBucketAcl", "s3:ListBucket"]);
    assert.equal(policy.Statement[2].Sid, "DenyInsecureTransport");
  });

  it("lets log delivery write WAF logs into the one log group", () => {
    const policy = JSON.parse(
      wafLogGroupPolicy({
        logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x",
        accountId: "123456789012",
        partition: "aws",
        region: "us-east-1",
      }),
    );
    assert.deepEqual(policy.Statement[0].Resource, "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x:*");
    assert.deepEqual(policy.Statement[0].Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
  });
});
