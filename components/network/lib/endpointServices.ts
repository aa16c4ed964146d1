/**
 * The AWS services the tiers reach through interface VPC endpoints, and what they cost. Pure data:
 * the network component declares one endpoint per service (components/network/endpoints.ts).
 */

/**
 * Services the instances call: Secrets Manager (credentials), SQS (queues), SSM with its session
 * channels ssmmessages and ec2messages (Session Manager, Run Command), KMS (decrypting secrets and
 * queue messages), CloudWatch Logs and metrics (agents), and STS (role credentials). Each gets one
 * interface endpoint per VPC with private DNS, so the service's public name resolves to the
 * endpoint inside the VPC and no call needs the NAT gateway.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */
export const INTERFACE_ENDPOINT_SERVICES = ["secretsmanager", "sqs", "ssm", "ssmmessages", "ec2messages", "kms", "logs", "monitoring", "sts"] as const;

/** One service of `INTERFACE_ENDPOINT_SERVICES`. */
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** The endpoint service name of an AWS service in a region, e.g. `com.amazonaws.us-east-1.sqs`. */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

/**
 * Price of one interface endpoint in one AZ, per hour, in USD (us-east-1, PrivateLink pricing;
 * other regions cost up to about 40% more), plus USD 0.01 per GB processed.
 * @see https://aws.amazon.com/privatelink/pricing/
 */
export const INTERFACE_ENDPOINT_HOURLY_USD = 0.01;

/** Hours in an average month (AWS bills 730). */
const HOURS_PER_MONTH = 730;

/** The monthly hourly charge of the interface endpoints of one VPC with `zones` AZs, in USD (data processing aside). */
export function interfaceEndpointMonthlyUsd(zones: number, services: number = INTERFACE_ENDPOINT_SERVICES.length): number {
  return Math.round(services * zones * INTERFACE_ENDPOINT_HOURLY_USD * HOURS_PER_MONTH * 100) / 100;
}
