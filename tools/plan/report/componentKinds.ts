/**
 * Which box of the architecture diagram each resource type belongs to. The diagram aggregates per
 * region: one node per kind, whatever the number of resources behind it, so a stack with six
 * regions stays readable. Types not listed here (security groups, IAM, alarms, ...) are not drawn;
 * they still shape the edges (see diagramModel.ts).
 */
import type { PlannedResource } from "../planFile";

/** A box of the diagram. */
export type NodeKind =
  | "cdn"
  | "waf"
  | "dns"
  | "globalDatabase"
  | "globalDatastore"
  | "loadBalancer"
  | "web"
  | "worker"
  | "queue"
  | "cache"
  | "database"
  | "bucket"
  | "key"
  | "secret";

/** Kinds drawn outside the region boxes: they serve or tie together every region. */
export const GLOBAL_KINDS: ReadonlySet<NodeKind> = new Set(["cdn", "waf", "dns", "globalDatabase", "globalDatastore"]);

/** The order boxes are declared in a region (Mermaid keeps declaration order within a rank). */
export const KIND_ORDER: readonly NodeKind[] = [
  "dns",
  "waf",
  "cdn",
  "globalDatabase",
  "globalDatastore",
  "loadBalancer",
  "web",
  "queue",
  "worker",
  "cache",
  "database",
  "bucket",
  "secret",
  "key",
];

export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const WAF_WEB_ACL = "aws:wafv2/webAcl:WebAcl";
export const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
export const ROUTE53_RECORD = "aws:route53/record:Record";
export const ROUTE53_HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
export const RDS_INSTANCE = "aws:rds/instance:Instance";
export const CACHE_GLOBAL_DATASTORE = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
export const CACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const AUTOSCALING_GROUP = "aws:autoscaling/group:Group";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const SQS_QUEUE = "aws:sqs/queue:Queue";
export const KMS_KEY = "aws:kms/key:Key";
export const KMS_REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";
export const SECRET = "aws:secretsmanager/secret:Secret";
export const S3_REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const IAM_INSTANCE_PROFILE = "aws:iam/instanceProfile:InstanceProfile";

/** Load balancer types (the `alb` module is the legacy alias of `lb`). */
export const LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set(["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"]);
/** Bucket types (`BucketV2` is the pre-v7 name of the same resource). */
export const BUCKET_TYPES: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);

/** Kind per type token; types whose kind depends on the inputs are decided in `kindOf`. */
const KIND_BY_TYPE: Readonly<Record<string, NodeKind>> = {
  [CLOUDFRONT_DISTRIBUTION]: "cdn",
  [WAF_WEB_ACL]: "waf",
  [ROUTE53_HEALTH_CHECK]: "dns",
  [RDS_GLOBAL_CLUSTER]: "globalDatabase",
  [CACHE_GLOBAL_DATASTORE]: "globalDatastore",
  "aws:lb/loadBalancer:LoadBalancer": "loadBalancer",
  "aws:alb/loadBalancer:LoadBalancer": "loadBalancer",
  [SQS_QUEUE]: "queue",
  [CACHE_REPLICATION_GROUP]: "cache",
  "aws:elasticache/serverlessCache:ServerlessCache": "cache",
  "aws:elasticache/cluster:Cluster": "cache",
  [RDS_CLUSTER]: "database",
  [RDS_CLUSTER_INSTANCE]: "database",
  [RDS_INSTANCE]: "database",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  [KMS_KEY]: "key",
  [KMS_REPLICA_KEY]: "key",
  [SECRET]: "secret",
};

/**
 * The box a resource is drawn in, or undefined when it is not drawn. An auto-scaling group behind a
 * target group serves requests (web tier); one without is a worker tier. Route 53 records are drawn
 * when they route traffic (alias records), not for certificate validation.
 */
export function kindOf(resource: PlannedResource): NodeKind | undefined {
  if (!resource.custom) return undefined;
  if (resource.type === AUTOSCALING_GROUP) {
    const targets = resource.inputs.targetGroupArns;
    const behindTargetGroup = (Array.isArray(targets) && targets.length > 0) || (resource.propertyDependencies.targetGroupArns ?? []).length > 0;
    return behindTargetGroup ? "web" : "worker";
  }
  if (resource.type === ROUTE53_RECORD) {
    const aliases = resource.inputs.aliases;
    return Array.isArray(aliases) && aliases.length > 0 ? "dns" : undefined;
  }
  return KIND_BY_TYPE[resource.type];
}

/**
 * Whether a resource of this kind sits outside the region boxes. A WAF web ACL is global when its
 * scope is CLOUDFRONT (it lives in us-east-1 whatever the stack's regions are), regional otherwise.
 */
export function isGlobal(kind: NodeKind, resource: PlannedResource): boolean {
  if (kind === "waf") return resource.inputs.scope === "CLOUDFRONT" || resource.region === null;
  return GLOBAL_KINDS.has(kind) || resource.region === null;
}
