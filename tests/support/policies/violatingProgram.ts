/**
 * A program variant for plan-engine tests (not a test file itself).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { loadDefaultProgram, type Program } from "../../../tools/plan/runProgram";

/**
 * The real blueprint plus five mistakes: an unencrypted queue (with no DLQ), a queue whose DLQ is
 * in another region, a single-AZ auto-scaling group, SSH open to the internet, and a publicly
 * accessible database instance (a reader of the primary region's cluster, compliant otherwise).
 */
export const violatingProgram: Program = async () => {
  const outputs = await loadDefaultProgram()();
  const region = "us-east-1";
  new aws.sqs.Queue("plain", { region, sqsManagedSseEnabled: false });
  const farDlq = new aws.sqs.Queue("far-dlq", { region: "eu-west-1", sqsManagedSseEnabled: true });
  new aws.sqs.Queue("near", {
    region,
    sqsManagedSseEnabled: true,
    redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: farDlq.arn, maxReceiveCount: 5 }),
  });
  new aws.autoscaling.Group("single-az", {
    region,
    minSize: 2,
    maxSize: 4,
    defaultCooldown: 300,
    vpcZoneIdentifiers: ["subnet-0aaaaaaaaaaaaaaaa"],
    launchTemplate: { id: "lt-0aaaaaaaaaaaaaaaa", version: "$Latest" },
  });
  new aws.vpc.SecurityGroupIngressRule("ssh", {
    region,
    securityGroupId: "sg-0aaaaaaaaaaaaaaaa",
    ipProtocol: "tcp",
    fromPort: 22,
    toPort: 22,
    cidrIpv4: "0.0.0.0/0",
    description: "SSH for debugging",
  });
  new aws.rds.ClusterInstance("public-reader", {
    region,
    clusterIdentifier: `blueprint-${pulumi.getStack()}-${region}`,
    engine: "aurora-postgresql",
    instanceClass: "db.r7g.large",
    publiclyAccessible: true,
    monitoringInterval: 60,
    monitoringRoleArn: "arn:aws:iam::123456789012:role/rds-monitoring",
    performanceInsightsEnabled: true,
    performanceInsightsKmsKeyId: `arn:aws:kms:${region}:123456789012:key/mrk-0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
  });
  return outputs;
};
