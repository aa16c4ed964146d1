/**
 * Which AWS Price List product each snapshot key is. A key names what the cost rules meter
 * (`ec2:m7g.large`, `elasticache:valkey:cache.r7g.large`); its matcher names the offer, the product
 * family, the usage type (without the region prefix such as `USE1-`, which us-east-1 often lacks)
 * and the attributes that single out one on-demand price. Keys with no matcher are priced by hand
 * from the service's pricing page, for the reason given in BY_HAND.
 */

/** How to find one key's product in the Price List. */
export interface OfferMatch {
  /** The offer (service) code, compared without case: `AmazonEC2`, `awskms`. */
  readonly offer: string;
  /** The product family, when it is needed to tell products apart. @default any */
  readonly family?: string;
  /** The usage type without its region prefix, e.g. `NatGateway-Hours`. */
  readonly usageType: string;
  /** Attributes that must match exactly, e.g. `{ operatingSystem: "Linux" }`. @default none */
  readonly attributes?: Readonly<Record<string, string>>;
  /** `global`: one price for the account (Route 53, dashboards), read from any location. @default regional */
  readonly scope?: "global";
}

const RDS_ENGINES: Readonly<Record<string, string>> = {
  "aurora-postgresql": "Aurora PostgreSQL",
  "aurora-mysql": "Aurora MySQL",
  postgres: "PostgreSQL",
  mysql: "MySQL",
};

const CACHE_ENGINES: Readonly<Record<string, string>> = { redis: "Redis", valkey: "Valkey" };

/** Keys with one fixed product. */
const FIXED: Readonly<Record<string, OfferMatch>> = {
  "vpc:nat-gateway": { offer: "AmazonEC2", family: "NAT Gateway", usageType: "NatGateway-Hours" },
  "vpc:interface-endpoint-az": { offer: "AmazonVPC", usageType: "VpcEndpoint-Hours" },
  "elb:alb": { offer: "AWSELB", family: "Load Balancer-Application", usageType: "LoadBalancerUsage" },
  "elb:alb-lcu": { offer: "AWSELB", family: "Load Balancer-Application", usageType: "LCUUsage" },
  "elb:nlb": { offer: "AWSELB", family: "Load Balancer-Network", usageType: "LoadBalancerUsage" },
  "elb:nlb-lcu": { offer: "AWSELB", family: "Load Balancer-Network", usageType: "LCUUsage" },
  "rds-proxy:vcpu": { offer: "AmazonRDS", usageType: "RDS:ProxyUsage" },
  "route53:hosted-zone": { offer: "AmazonRoute53", usageType: "HostedZone", scope: "global" },
  "route53:health-check": { offer: "AmazonRoute53", usageType: "Health-Check-AWS", scope: "global" },
  "kms:key": { offer: "awskms", usageType: "KMS-Keys" },
  "secretsmanager:secret": { offer: "AWSSecretsManager", usageType: "AWSSecretsManager-Secrets" },
  "synthetics:canary-run": { offer: "AmazonCloudWatch", usageType: "CW:Canary-runs" },
  "cloudwatch:alarm-metric": { offer: "AmazonCloudWatch", usageType: "CW:AlarmMonitorUsage" },
  "cloudwatch:alarm-metric-high-resolution": { offer: "AmazonCloudWatch", usageType: "CW:HighResAlarmMonitorUsage" },
  "cloudwatch:composite-alarm": { offer: "AmazonCloudWatch", usageType: "CW:CompositeAlarmMonitorUsage" },
  // a dashboard with more than 50 metrics (the blueprint's are); an account-wide price
  "cloudwatch:dashboard": { offer: "AmazonCloudWatch", usageType: "DashboardsUsageHour", scope: "global" },
};

/** Keys priced by hand, and why the Price List cannot give them to this tool. */
export const BY_HAND: Readonly<Record<string, string>> = {
  "grafana:editor": "Managed Grafana bills active users per workspace; its price list entries are not keyed by a usage type this tool can name",
  "arc:region-switch-plan": "ARC Region switch is billed per plan per month; newer than the usage types this tool knows",
  "waf:web-acl": "AWS WAF's price list tells web ACLs and rules apart by a group attribute, not a usage type",
  "waf:rule": "AWS WAF's price list tells web ACLs and rules apart by a group attribute, not a usage type",
  "ssm:advanced-parameter": "Parameter Store advanced parameters are billed per parameter-month under a usage type this tool does not name",
};

/** The matcher of a snapshot key, or undefined when the key is unknown or priced by hand. */
export function matcherOf(key: string): OfferMatch | undefined {
  if (FIXED[key]) return FIXED[key];
  const [service, ...rest] = key.split(":");
  if (service === "ec2" && rest.length === 1) {
    return {
      offer: "AmazonEC2",
      family: "Compute Instance",
      usageType: `BoxUsage:${rest[0]}`,
      attributes: { operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used" },
    };
  }
  if (service === "rds" && rest.length === 2 && RDS_ENGINES[rest[0]]) {
    // InstanceUsage: Single-AZ, and for Aurora the Standard storage configuration (I/O-Optimized is InstanceUsageIOOptimized)
    return { offer: "AmazonRDS", family: "Database Instance", usageType: `InstanceUsage:${rest[1]}`, attributes: { databaseEngine: RDS_ENGINES[rest[0]] } };
  }
  if (service === "elasticache" && rest.length === 2 && CACHE_ENGINES[rest[0]]) {
    return { offer: "AmazonElastiCache", family: "Cache Instance", usageType: `NodeUsage:${rest[1]}`, attributes: { cacheEngine: CACHE_ENGINES[rest[0]] } };
  }
  return undefined;
}

/** True when a product's usage type is `name`, with or without a region prefix (`USE1-`, `EU-`). */
export function isUsageType(usageType: string | undefined, name: string): boolean {
  if (usageType === undefined) return false;
  return usageType === name || (usageType.endsWith(`-${name}`) && /^[A-Z0-9]+$/.test(usageType.slice(0, -name.length - 1)));
}
