import * as assert from "node:assert/strict";
import {
  accountRootArn,
  denyInsecureBucketTransportStatement,
  denyInsecureTransportStatement,
  policyDocument,
  POLICY_VERSION,
  serviceTrustPolicy,
  sourceCondition,
} from "../../../components/lib/iam";

describe("IAM policy builders", () => {
  describe("policyDocument", () => {
    it("writes Version first, then the statements in the order given", () => {
      assert.equal(
        policyDocument([
          { Sid: "B", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*"] },
          { Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
        ]),
        '{"Version":"2012-10-17","Statement":[' +
          '{"Sid":"B","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]},' +
          '{"Effect":"Allow","Action":"logs:DescribeLogGroups","Resource":"*"}]}',
      );
      assert.equal(POLICY_VERSION, "2012-10-17");
    });

    it("writes an empty statement list as it is (IAM rejects it; callers check)", () => {
      assert.equal(policyDocument([]), '{"Version":"2012-10-17","Statement":[]}');
    });
  });

  describe("sourceCondition", () => {
    it("guards on the account alone without an ARN pattern", () => {
      assert.equal(JSON.stringify(sourceCondition({ accountId: "123456789012" })), '{"StringEquals":{"aws:SourceAccount":"123456789012"}}');
    });

    it("adds ArnLike on aws:SourceArn after the account when the source names resources", () => {
      assert.equal(
        JSON.stringify(sourceCondition({ accountId: "123456789012", sourceArn: "arn:aws:fis:eu-west-1:123456789012:experiment/*" })),
        '{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws:fis:eu-west-1:123456789012:experiment/*"}}',
      );
    });
  });

  describe("serviceTrustPolicy", () => {
    it("lets the service assume the role without a condition when no source is given", () => {
      assert.equal(
        serviceTrustPolicy("ec2.amazonaws.com"),
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      );
    });

    it("guards on the account", () => {
      assert.equal(
        serviceTrustPolicy("monitoring.rds.amazonaws.com", { accountId: "123456789012" }),
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"monitoring.rds.amazonaws.com"},"Action":"sts:AssumeRole",' +
          '"Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}',
      );
    });

    it("guards on the account and the source ARN pattern", () => {
      assert.equal(
        serviceTrustPolicy("vpc-flow-logs.amazonaws.com", { accountId: "123456789012", sourceArn: "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*" }),
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole",' +
          '"Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"}}}]}',
      );
    });
  });

  describe("denyInsecureTransportStatement", () => {
    it("denies everyone the action on the resource over plain HTTP", () => {
      assert.equal(
        JSON.stringify(denyInsecureTransportStatement("sns:Publish", "arn:aws:sns:eu-west-1:123456789012:alarms")),
        '{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"sns:Publish","Resource":"arn:aws:sns:eu-west-1:123456789012:alarms",' +
          '"Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
      );
    });

    it("covers a bucket and its objects for every S3 action", () => {
      assert.equal(
        JSON.stringify(denyInsecureBucketTransportStatement("arn:aws:s3:::logs")),
        '{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"],' +
          '"Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
      );
    });
  });

  describe("accountRootArn", () => {
    it("names the account's root in its partition", () => {
      assert.equal(accountRootArn("aws", "123456789012"), "arn:aws:iam::123456789012:root");
      assert.equal(accountRootArn("aws-us-gov", "123456789012"), "arn:aws-us-gov:iam::123456789012:root");
    });
  });
});
