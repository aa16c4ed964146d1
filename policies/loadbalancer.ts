/**
 * Load balancer policies: the ALB itself (access logs, deletion protection, header hygiene,
 * AZs resolved through its subnets), its listeners (HTTPS only or a redirect, TLS 1.2+ policies,
 * ACM certificates), target groups (health checks, encrypted hop), and, with a CDN in front, access
 * only through CloudFront. `aws.lb` and its `aws.alb` aliases share one check.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { PolicyResource, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { onType, resourcePolicy, stackPolicy, validateResourceOfTypes, type BlueprintPolicy } from "./lib/define";
import { known, ofType, stringsProp } from "./lib/graph";
import { groupsOfLoadBalancer, isInternetFacing, listenersOf, loadBalancers, rulesOfListener, stackIngressRules } from "./lib/loadBalancers";
import { describePlacement } from "./lib/placement";
import { coversPort, publicCidrs } from "./lib/securityGroupRules";
import { placeSubnets, subnetZoneIndex } from "./lib/vpc";

type LoadBalancerProps = pulumi.Unwrap<aws.lb.LoadBalancerArgs>;
type ListenerProps = { protocol?: string; port?: number; sslPolicy?: string; certificateArn?: string; defaultActions?: unknown };
type TargetGroupProps = { protocol?: string; targetType?: string; healthCheck?: Record<string, unknown> };

/** Both load balancer classes (the `alb` module is an alias of `lb`). */
function onLoadBalancers(check: (lb: LoadBalancerProps, args: ResourceValidationArgs, reportViolation: ReportViolation) => void) {
  return validateResourceOfTypes(onType(aws.lb.LoadBalancer, check), onType(aws.alb.LoadBalancer, check));
}

function onListeners(check: (listener: ListenerProps, report: (m: string) => void, config: Record<string, unknown>) => void) {
  return validateResourceOfTypes(
    onType(aws.lb.Listener, (props, args, report) => check(props as ListenerProps, report, args.getConfig())),
    onType(aws.alb.Listener, (props, args, report) => check(props as ListenerProps, report, args.getConfig())),
  );
}

function onTargetGroups(check: (group: TargetGroupProps, report: (m: string) => void) => void) {
  return validateResourceOfTypes(
    onType(aws.lb.TargetGroup, (props, _args, report) => check(props as TargetGroupProps, report)),
    onType(aws.alb.TargetGroup, (props, _args, report) => check(props as TargetGroupProps, report)),
  );
}

/** `loadBalancerType` defaults to application. */
function isApplication(lb: { loadBalancerType?: string }): boolean {
  return lb.loadBalancerType === undefined || lb.loadBalancerType === "application";
}

/** Access logs go to S3. */
export const loadBalancerEnableAccessLogs = resourcePolicy({
  name: "aws-lb-loadbalancer-enable-access-logs",
  description: "Checks that every load balancer writes access logs to an S3 bucket.",
  severity: "medium",
  service: "loadbalancer",
  remediationSteps: "Set `accessLogs: { bucket, enabled: true }` with the region's access-log bucket (components/loadbalancer creates one).",
  ids: {
    checkov: ["CKV_AWS_91"],
    cdkNag: ["AwsSolutions-ELB2"],
    awsguard: ["elb-logging-enabled"],
    compliancePolicies: ["aws-lb-loadbalancer-enable-access-logging"],
    wellArchitected: ["SEC04-BP01"],
  },
  validateResource: onLoadBalancers((lb, _args, reportViolation) => {
    if (lb.accessLogs?.enabled !== true || !lb.accessLogs.bucket) reportViolation("The load balancer writes no access logs.");
  }),
});

/** Load balancers cannot be deleted by accident. */
export const loadBalancerEnableDeletionProtection = resourcePolicy({
  name: "aws-lb-loadbalancer-enable-deletion-protection",
  description: "Checks that load balancers have deletion protection on, so that a stray delete cannot take a region's entry point down.",
  severity: "medium",
  service: "loadbalancer",
  remediationSteps: "Set `enableDeletionProtection: true` (the loadbalancer component's deletionProtection, on in staging and prod).",
  ids: {
    checkov: ["CKV_AWS_150"],
    cdkNag: ["ELBDeletionProtectionEnabled"],
    awsguard: ["elb-deletion-protection-enabled"],
    wellArchitected: ["REL10-BP01"],
  },
  validateResource: onLoadBalancers((lb, _args, reportViolation) => {
    if (lb.enableDeletionProtection !== true) reportViolation("The load balancer has deletion protection off.");
  }),
});

/** Requests with malformed headers are dropped, and desync mitigation stays on. */
export const loadBalancerConfigureHeaderHygiene = resourcePolicy({
  name: "aws-lb-loadbalancer-configure-header-hygiene",
  description: "Checks that application load balancers drop invalid HTTP header fields and keep HTTP desync mitigation defensive or strictest.",
  severity: "medium",
  service: "loadbalancer",
  remediationSteps: 'Set `dropInvalidHeaderFields: true` and leave `desyncMitigationMode` at "defensive" (or "strictest").',
  ids: { checkov: ["CKV_AWS_131", "CKV_AWS_328"], trivy: ["AVD-AWS-0052"], cdkNag: ["ALBHttpDropInvalidHeaderEnabled"], wellArchitected: ["SEC05-BP02"] },
  validateResource: onLoadBalancers((lb, args, reportViolation) => {
    if (!isApplication(lb)) args.notApplicable("Header checks apply to application load balancers only.");
    // AWS's default keeps invalid headers.
    if (lb.dropInvalidHeaderFields !== true) reportViolation("The load balancer forwards requests with invalid header fields.");
    // AWS's default ("defensive") is safe, so only an explicit "monitor" is a problem.
    if (lb.desyncMitigationMode !== undefined && !["defensive", "strictest"].includes(lb.desyncMitigationMode)) {
      reportViolation(`The load balancer's desync mitigation is "${lb.desyncMitigationMode}"; use defensive or strictest.`);
    }
  }),
});

/** Load balancers span several AZs, resolved through their subnets. */
export const loadBalancerConfigureMultiAz = stackPolicy({
  name: "aws-lb-loadbalancer-configure-multi-az",
  description:
    "Checks that every load balancer is placed in subnets of at least two availability zones, resolving its subnets to AZs through the stack's subnets (awsx VPC outputs or aws:ec2/subnet resources).",
  severity: "high",
  service: "loadbalancer",
  remediationSteps: "Pass the public subnets of every AZ of the region as `subnets` (two subnets of one AZ count once).",
  ids: { wellArchitected: ["REL10-BP01", "REL02-BP01"] },
  configSchema: {
    properties: {
      minimumAvailabilityZones: { type: "integer", minimum: 1, default: 2, description: "Fewest AZs a load balancer is placed in." },
    },
  },
  validateStack: (args, reportViolation) => {
    const balancers = loadBalancers(args.resources);
    if (balancers.length === 0) args.notApplicable("The stack has no load balancer.");
    const { minimumAvailabilityZones } = args.getConfig<{ minimumAvailabilityZones: number }>();
    const index = subnetZoneIndex(args.resources);
    for (const balancer of balancers) {
      const mappings: unknown = balancer.props.subnetMappings;
      const mapped = Array.isArray(mappings)
        ? (mappings as Array<{ subnetId?: unknown }>).map((m) => m.subnetId).filter((id): id is string => typeof id === "string")
        : [];
      const placement = placeSubnets([...stringsProp(balancer, "subnets"), ...mapped], index);
      // A subnet the stack does not describe may be in any AZ: count it as one more, so only a proven shortfall is reported.
      if (placement.zones.length + placement.unresolved.length < minimumAvailabilityZones) {
        reportViolation(
          `Load balancer ${balancer.name} is placed in ${describePlacement(placement.zones, placement.unresolved)}; at least ${minimumAvailabilityZones} AZs are required.`,
          balancer.urn,
        );
      }
    }
  },
});

/** True when every default action redirects to HTTPS. */
function redirectsToHttps(actions: unknown): boolean {
  if (!Array.isArray(actions) || actions.length === 0) return false;
  return actions.every((action: { type?: string; redirect?: { protocol?: string } }) => action.type === "redirect" && action.redirect?.protocol === "HTTPS");
}

/** Listeners serve HTTPS, or only redirect to it. */
export const listenerDisallowUnencryptedTraffic = resourcePolicy({
  name: "aws-lb-listener-disallow-unencrypted-traffic",
  description: "Checks that load balancer listeners serve HTTPS (or TLS), and that an HTTP listener does nothing but redirect to HTTPS.",
  severity: "high",
  service: "loadbalancer",
  remediationSteps:
    "Serve the application on an HTTPS listener with an ACM certificate and make the HTTP listener's default action a redirect to HTTPS (components/loadbalancer does once the stack has a domain).",
  ids: {
    checkov: ["CKV_AWS_2", "CKV2_AWS_20"],
    trivy: ["AVD-AWS-0054"],
    cdkNag: ["ALBHttpToHttpsRedirection"],
    awsguard: ["alb-http-to-https-redirection"],
    compliancePolicies: ["aws-lb-listener-disallow-unencrypted-traffic"],
    wellArchitected: ["SEC09-BP02"],
  },
  validateResource: onListeners((listener, reportViolation) => {
    const protocol = listener.protocol ?? "HTTP";
    if (protocol === "HTTPS" || protocol === "TLS") return;
    if (protocol === "HTTP" && redirectsToHttps(listener.defaultActions)) return;
    reportViolation(`The ${protocol} listener on port ${listener.port ?? "(unset)"} serves traffic unencrypted instead of redirecting to HTTPS.`);
  }),
});

/** TLS listeners negotiate TLS 1.2 or later with strong ciphers. */
export const listenerConfigureSecureTls = resourcePolicy({
  name: "aws-lb-listener-configure-secure-tls",
  description: "Checks that HTTPS and TLS listeners use a security policy from the allowed list (TLS 1.2 or later, forward-secret ciphers).",
  severity: "high",
  service: "loadbalancer",
  remediationSteps:
    'Set `sslPolicy` to "ELBSecurityPolicy-TLS13-1-2-2021-06" (the component default) or another allowed policy; AWS\'s default (ELBSecurityPolicy-2016-08) still accepts TLS 1.0.',
  ids: {
    checkov: ["CKV_AWS_103", "CKV2_AWS_74"],
    trivy: ["AVD-AWS-0047"],
    compliancePolicies: ["aws-lb-listener-configure-secure-tls"],
    wellArchitected: ["SEC09-BP02"],
  },
  configSchema: {
    properties: {
      allowedSslPolicies: {
        type: "array",
        items: { type: "string" },
        default: [
          "ELBSecurityPolicy-TLS13-1-2-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
          "ELBSecurityPolicy-TLS13-1-3-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
          "ELBSecurityPolicy-FS-1-2-Res-2020-10",
        ],
        description: "Security policies HTTPS/TLS listeners may use.",
      },
    },
  },
  validateResource: onListeners((listener, reportViolation, config) => {
    if (listener.protocol !== "HTTPS" && listener.protocol !== "TLS") return;
    const allowed = (config.allowedSslPolicies as string[] | undefined) ?? [];
    if (listener.sslPolicy === undefined) {
      reportViolation("The listener sets no sslPolicy, so AWS's default (ELBSecurityPolicy-2016-08, TLS 1.0 and up) applies.");
    } else if (!allowed.includes(listener.sslPolicy)) {
      reportViolation(`The listener's security policy ${listener.sslPolicy} is not one of ${allowed.join(", ")}.`);
    }
  }),
});

/** TLS listeners present an ACM certificate. */
export const listenerRequireAcmCertificate = resourcePolicy({
  name: "aws-lb-listener-require-acm-certificate",
  description: "Checks that HTTPS and TLS listeners present a certificate managed by ACM, which renews itself.",
  severity: "medium",
  service: "loadbalancer",
  remediationSteps: "Issue the certificate with aws.acm.Certificate (DNS validation) in the listener's region and pass its validated ARN as `certificateArn`.",
  ids: { cdkNag: ["ELBv2ACMCertificateRequired"], wellArchitected: ["SEC09-BP01"] },
  validateResource: onListeners((listener, reportViolation) => {
    if (listener.protocol !== "HTTPS" && listener.protocol !== "TLS") return;
    const arn = listener.certificateArn;
    if (arn === undefined || arn === "") reportViolation("The listener names no certificate.");
    else if (!/^arn:aws[a-z-]*:acm:/.test(arn)) reportViolation(`The listener's certificate ${arn} is not an ACM certificate.`);
  }),
});

/** Target groups check the application's health. */
export const targetGroupConfigureHealthCheck = resourcePolicy({
  name: "aws-lb-targetgroup-configure-health-check",
  description: "Checks that target groups declare an enabled health check, with a path for HTTP and HTTPS targets.",
  severity: "high",
  service: "loadbalancer",
  remediationSteps: 'Set `healthCheck: { enabled: true, path: "/health", matcher: "200", … }` on the target group (AWS\'s default probes "/").',
  ids: { checkov: ["CKV_AWS_261"], wellArchitected: ["REL11-BP01"] },
  validateResource: onTargetGroups((group, reportViolation) => {
    if (group.targetType === "lambda") return;
    const check = group.healthCheck;
    if (check === undefined) {
      reportViolation("The target group declares no health check (AWS would probe / with its defaults).");
      return;
    }
    if (check.enabled === false) reportViolation("The target group's health check is disabled.");
    const written: unknown = check.protocol ?? group.protocol;
    const protocol = typeof written === "string" ? written : "HTTP";
    if ((protocol === "HTTP" || protocol === "HTTPS") && (typeof check.path !== "string" || check.path === "")) {
      reportViolation("The target group's HTTP health check names no path.");
    }
  }),
});

/** The hop from the load balancer to the targets is encrypted too. */
export const targetGroupDisallowPlainHttp = resourcePolicy({
  name: "aws-lb-targetgroup-disallow-plain-http",
  description: "Checks that target groups take HTTPS (or TLS), so traffic stays encrypted from the load balancer to the instances.",
  severity: "low",
  service: "loadbalancer",
  remediationSteps:
    'Serve HTTPS on the instances (a self-signed or private-CA certificate is enough for the load balancer) and set the target group\'s `protocol: "HTTPS"`.',
  ids: { checkov: ["CKV_AWS_378"], wellArchitected: ["SEC09-BP02"] },
  validateResource: onTargetGroups((group, reportViolation) => {
    if (group.targetType === "lambda") return;
    if (group.protocol === "HTTP" || group.protocol === "TCP" || group.protocol === "UDP") {
      reportViolation(`The target group takes ${group.protocol}: traffic between the load balancer and its targets is unencrypted.`);
    }
  }),
});

const DISTRIBUTION_TYPE = "aws:cloudfront/distribution:Distribution";

/** True when one of the actions forwards requests to a target group. */
function forwards(actions: unknown): boolean {
  return Array.isArray(actions) && actions.some((action: { type?: string }) => action.type === "forward");
}

/** True when the rule only matches requests carrying a named HTTP header with at least one value (CloudFront's secret origin header). */
function requiresHeader(rule: PolicyResource): boolean {
  const conditions: unknown = rule.props.conditions;
  if (!Array.isArray(conditions)) return false;
  return conditions.some((condition: { httpHeader?: { httpHeaderName?: unknown; values?: unknown } }) => {
    const header = condition.httpHeader;
    if (header === undefined || typeof header.httpHeaderName !== "string" || header.httpHeaderName === "") return false;
    // the value is a secret; under preview it may not be known yet, which still means "a value is required"
    const values = known((): unknown => header.values);
    return values === undefined || (Array.isArray(values) && values.length > 0);
  });
}

/** With a CDN in front, the load balancers serve only CloudFront. */
export const loadBalancerRestrictAccessToCloudFront = stackPolicy({
  name: "aws-lb-loadbalancer-restrict-access-to-cloudfront",
  description:
    "Checks that every internet-facing load balancer of a stack with a CloudFront distribution is either reachable only through prefix lists and security groups (no 0.0.0.0/0 or ::/0 ingress) or forwards only requests that carry CloudFront's origin header, so nobody can bypass CloudFront and its web ACL.",
  severity: "high",
  service: "loadbalancer",
  remediationSteps:
    "Pass the CDN's origin-verify secret to the LoadBalancer component (`originVerifySecret`): the serving listener then answers 403 by default and a listener rule forwards only requests with the X-Origin-Verify header; or admit only CloudFront's origin-facing prefix list in the load balancer's security group.",
  ids: { wellArchitected: ["SEC05-BP01", "SEC05-BP02"] },
  validateStack: (args, reportViolation) => {
    if (ofType(args.resources, DISTRIBUTION_TYPE).length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    const balancers = loadBalancers(args.resources).filter(isInternetFacing);
    if (balancers.length === 0) args.notApplicable("The stack has no internet-facing load balancer.");
    const rules = stackIngressRules(args.resources);
    for (const balancer of balancers) {
      const groups = groupsOfLoadBalancer(balancer, args.resources);
      const open = rules.filter((rule) => rule.group !== undefined && groups.includes(rule.group) && publicCidrs(rule.rule).length > 0);
      if (open.length === 0) continue;
      for (const listener of listenersOf(balancer, args.resources)) {
        const port: unknown = listener.props.port;
        if (typeof port === "number" && !open.some((rule) => coversPort(rule.rule, port))) continue;
        const actions: unknown = listener.props.defaultActions;
        if (redirectsToHttps(actions)) continue;
        if (forwards(actions)) {
          reportViolation(
            `Load balancer ${balancer.name} is open to the internet and its listener ${listener.name} (port ${port === undefined ? "(unset)" : JSON.stringify(port)}) forwards every request, so clients can bypass CloudFront.`,
            listener.urn,
          );
        }
        for (const rule of rulesOfListener(listener, args.resources)) {
          if (forwards(rule.props.actions) && !requiresHeader(rule)) {
            reportViolation(
              `Listener rule ${rule.name} of load balancer ${balancer.name} forwards requests without requiring CloudFront's origin header.`,
              rule.urn,
            );
          }
        }
      }
    }
  },
});

/** The load balancer policies, in pack order. */
export const LOADBALANCER_POLICIES: readonly BlueprintPolicy[] = [
  loadBalancerEnableAccessLogs,
  loadBalancerEnableDeletionProtection,
  loadBalancerConfigureHeaderHygiene,
  loadBalancerConfigureMultiAz,
  listenerDisallowUnencryptedTraffic,
  listenerConfigureSecureTls,
  listenerRequireAcmCertificate,
  targetGroupConfigureHealthCheck,
  targetGroupDisallowPlainHttp,
  loadBalancerRestrictAccessToCloudFront,
];
