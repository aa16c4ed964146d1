/**
 * The settings of `blueprint:domain`: the DNS domain the stack serves under, its hosted zone and
 * certificates, once. Without a domain the load balancers serve plain HTTP (the dev exception).
 */
import { map, text, type GroupValue } from "../lib/settings";

/** The keys of `blueprint:domain`. */
export const domainKeys = {
  name: text({ description: "The DNS domain the stack serves under, e.g. example.com (lowercase, no trailing dot).", required: true }),
  hostedZoneId: text({
    description:
      "Route 53 public hosted zone of `name` (Z..., without /hostedzone/). With it, certificates are DNS-validated by the stack; without it, certificateArns must cover every region.",
    optional: true,
  }),
  apiSubdomain: text({
    description:
      "Label of the API name the regional load balancers serve: <apiSubdomain>.<name>; their certificates cover it and <region>.<apiSubdomain>.<name> (CloudFront's origin names). Must differ from appSubdomain.",
    default: "api",
  }),
  appSubdomain: text({ description: "Label of the application name CloudFront serves: <appSubdomain>.<name>.", default: "www" }),
  certificateArns: map(text({ description: "An ACM certificate ARN of the key's region.", required: true }), {
    description:
      "Existing ACM certificate per region for the load balancers ({ eu-west-1: arn:aws:acm:eu-west-1:... }); each must be in its key's region (a load balancer can only use its own region's certificates) and cover the API names.",
    default: {},
  }),
};

/** The domain's keys after defaults. */
export type DomainSettings = GroupValue<typeof domainKeys>;

/** The stack's domain after defaults, with the names derived from it. */
export interface DomainConfig {
  /** The domain, e.g. `example.com`. */
  readonly name: string;
  /** Route 53 hosted zone of the domain, when the stack manages DNS and validates certificates. */
  readonly hostedZoneId?: string;
  /** The name the regional load balancers serve (latency-routed), e.g. `api.example.com`. */
  readonly apiName: string;
  /** The name CloudFront serves, e.g. `www.example.com`. */
  readonly appName: string;
  /** Existing regional certificates for the load balancers, by region. */
  readonly certificateArns: Readonly<Record<string, string>>;
}

/** The names a resolved domain serves. */
export function domainConfig(settings: DomainSettings): DomainConfig {
  return {
    name: settings.name,
    ...(settings.hostedZoneId !== undefined ? { hostedZoneId: settings.hostedZoneId } : {}),
    apiName: `${settings.apiSubdomain}.${settings.name}`,
    appName: `${settings.appSubdomain}.${settings.name}`,
    certificateArns: settings.certificateArns,
  };
}
