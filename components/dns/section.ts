/**
 * `blueprint:dns`: the settings (`settings.ts`) and the rules their resolved values must satisfy
 * (Route 53 and CloudWatch limits, `lib/dnsRules.ts`), and the rules that span sections: Route 53
 * only works in the domain's hosted zone, every regional origin name derived from the domain must
 * be a valid DNS name, and the web tier's health path must suit the health checks and the load
 * balancers' health-checker rule.
 */
import { webSection } from "../compute/section";
import { dnsNameProblem, regionalOriginName } from "../lib/dns";
import { section, type CheckScope, type Problem } from "../lib/settings";
import { unverifiedHealthPathProblems } from "../loadbalancer/lib/listenerRules";
import { checkedDomain } from "./domainSection";
import { dnsSettingsProblems, MAX_RESOURCE_PATH_LENGTH } from "./lib/dnsRules";
import { dnsKeys } from "./settings";

/** The `dns` section of a stack file. */
export const dnsSection = section("dns", {
  description:
    "Route 53 in the domain's hosted zone (only with domain.hostedZoneId): latency records for the API name, per-region health checks and alarms, and the app name's alias to CloudFront.",
  keys: dnsKeys,
  // the rules say per problem when the value is not worth printing
  showValues: true,
  check: (dns, scope) => {
    const problems: Problem[] = [...dnsSettingsProblems(dns)];
    const domain = checkedDomain(scope);
    if (scope.raw !== undefined && domain?.hostedZoneId === undefined) {
      problems.push({
        field: "",
        message: "applies only with domain.hostedZoneId: the stack creates health checks and records only in its own hosted zone",
        showValue: false,
      });
    }
    if (domain?.hostedZoneId === undefined) return problems;
    for (const region of scope.regions) {
      const name = regionalOriginName(domain.apiName, region.name);
      const problem = dnsNameProblem(name);
      if (problem) problems.push({ path: ["domain", "name"], message: `makes the regional origin name ${name}, which ${problem}`, showValue: false });
    }
    const path = healthCheckPath(scope);
    if (path !== undefined && path.length > MAX_RESOURCE_PATH_LENGTH) {
      problems.push({
        path: ["web", "healthCheck", "path"],
        message: `is ${path.length} characters; Route 53 health checks (which request it in every region) accept at most ${MAX_RESOURCE_PATH_LENGTH}`,
        showValue: false,
      });
    }
    // With a hosted zone the load balancers let the health checkers read this path without
    // CloudFront's header, through a listener rule whose path pattern ALB limits.
    // (a path without a leading / is reported by the web section already)
    if (path !== undefined && path.startsWith("/")) {
      for (const problem of unverifiedHealthPathProblems([path])) {
        problems.push({ path: ["web", "healthCheck", "path"], message: problem.message, showValue: false });
      }
    }
    return problems;
  },
});

/**
 * The web tier's health path after defaults, which the health checks request; unknown while the
 * stack file's environment is invalid (the stand-in's defaults are not the stack's).
 */
function healthCheckPath(scope: CheckScope): string | undefined {
  if (!scope.environmentKnown) return undefined;
  return Object.values(scope.section(webSection))[0]?.healthCheck.path;
}
