/**
 * Typical creation times per resource type, for the critical-path estimate of a from-scratch
 * `pulumi up`. **Every figure is an estimate**: AWS publishes no creation times, so each row gives
 * its basis: what AWS's documentation says, the Terraform AWS provider's default create timeout
 * (the upper bound `pulumi up` waits for, not a typical time), or experience of creating the type.
 * Types not listed take `DEFAULT_CREATION_SECONDS`; components take no time of their own (a
 * component is done when its children are).
 */

/** One row of the table. */
export interface CreationTime {
  /** Typical seconds from the create call to the provider reporting the resource ready. */
  readonly seconds: number;
  /** Where the figure comes from. */
  readonly basis: string;
}

/** Seconds for a custom resource type not in the table: most API-only resources are ready in seconds. */
export const DEFAULT_CREATION_SECONDS = 5;

/** The table, keyed by Pulumi type token. */
export const CREATION_TIMES: Readonly<Record<string, CreationTime>> = {
  // Data tier: the long poles.
  "aws:rds/globalCluster:GlobalCluster": {
    seconds: 60,
    basis: "experience: a global cluster without members is available in about a minute; provider create timeout 30 min",
  },
  "aws:rds/cluster:Cluster": {
    seconds: 600,
    basis: "experience: 5-10 min for an Aurora cluster, longer for a global secondary (storage replication is seeded); provider create timeout 120 min",
  },
  "aws:rds/clusterInstance:ClusterInstance": {
    seconds: 600,
    basis: "experience: 8-12 min per Aurora instance (instances of one cluster are created in parallel); provider create timeout 90 min",
  },
  "aws:rds/instance:Instance": {
    seconds: 900,
    basis: "experience: 10-20 min for a Multi-AZ RDS instance, a cross-region read replica copies a snapshot first; provider create timeout 40 min",
  },
  "aws:elasticache/replicationGroup:ReplicationGroup": {
    seconds: 900,
    basis: "experience: 10-20 min for a Multi-AZ Valkey/Redis replication group; provider create timeout 60 min",
  },
  "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": {
    seconds: 300,
    basis: "experience: a few minutes to create a Global Datastore from its primary group; provider create timeout 60 min",
  },
  // Edge.
  "aws:cloudfront/distribution:Distribution": {
    seconds: 480,
    basis: "AWS CloudFront docs: a new distribution is deployed to every edge location within minutes (experience: 5-10 min, the provider waits for Deployed)",
  },
  "aws:wafv2/webAcl:WebAcl": { seconds: 15, basis: "experience: seconds (API-only)" },
  "aws:route53/record:Record": {
    seconds: 60,
    basis: "AWS Route 53 docs: changes propagate to all authoritative servers within 60 s (the provider waits for INSYNC)",
  },
  "aws:route53/healthCheck:HealthCheck": { seconds: 10, basis: "experience: seconds (API-only)" },
  "aws:fis/experimentTemplate:ExperimentTemplate": { seconds: 5, basis: "experience: seconds (API-only; nothing runs until an experiment is started)" },
  "aws:acm/certificate:Certificate": { seconds: 10, basis: "experience: the request returns at once; validation is a separate resource" },
  "aws:acm/certificateValidation:CertificateValidation": {
    seconds: 180,
    basis: "AWS ACM docs: DNS validation usually completes within minutes of the CNAME being published; provider create timeout 75 min",
  },
  // Network and compute.
  "awsx:ec2:Vpc": {
    seconds: 180,
    basis: "experience: VPC, subnets and route tables take seconds, NAT gateways 1-3 min (created in parallel); provider NAT gateway create timeout 10 min",
  },
  "aws:ec2/natGateway:NatGateway": { seconds: 120, basis: "experience: 1-3 min; provider create timeout 10 min" },
  "aws:lb/loadBalancer:LoadBalancer": {
    seconds: 180,
    basis: "experience: an ALB is active 2-4 min after creation (the provider waits for active); provider create timeout 10 min",
  },
  "aws:alb/loadBalancer:LoadBalancer": { seconds: 180, basis: "same as aws:lb/loadBalancer:LoadBalancer" },
  "aws:autoscaling/group:Group": {
    seconds: 300,
    basis: "experience: instances boot and pass ELB health checks in 3-6 min; the provider waits for minimum healthy capacity up to wait_for_capacity_timeout (10 min)",
  },
  "aws:ec2/launchTemplate:LaunchTemplate": { seconds: 3, basis: "experience: seconds (API-only)" },
  "aws:ec2/securityGroup:SecurityGroup": { seconds: 5, basis: "experience: seconds (API-only)" },
  "aws:iam/role:Role": { seconds: 5, basis: "experience: seconds; IAM is eventually consistent and the provider retries dependents" },
  "aws:iam/instanceProfile:InstanceProfile": {
    seconds: 10,
    basis: "experience: seconds plus the provider's wait for IAM propagation before EC2 can use it",
  },
  // Messaging, keys, secrets, storage.
  "aws:sqs/queue:Queue": {
    seconds: 30,
    basis: "AWS SQS docs: queue attributes can take up to 60 s to propagate (the provider waits for them to settle)",
  },
  "aws:kms/key:Key": { seconds: 10, basis: "experience: seconds; provider create timeout 2 min" },
  "aws:kms/replicaKey:ReplicaKey": {
    seconds: 30,
    basis: "AWS KMS docs: a replica key is Creating for a short time before it becomes Enabled (the provider waits for Enabled)",
  },
  "aws:secretsmanager/secret:Secret": { seconds: 20, basis: "experience: seconds, plus the wait for each replica region to be InSync" },
  "aws:s3/bucket:Bucket": { seconds: 5, basis: "experience: seconds (API-only)" },
};

/** The estimated creation time of a resource, in seconds. */
export function creationSeconds(type: string, custom: boolean): number {
  if (!custom && !type.startsWith("awsx:")) return 0;
  return CREATION_TIMES[type]?.seconds ?? DEFAULT_CREATION_SECONDS;
}
