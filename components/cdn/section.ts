/**
 * `blueprint:cdn`: the settings (`settings.ts`), the rules their resolved values must satisfy
 * (CloudFront, ACM, WAF and S3 limits, `lib/cdnRules.ts`), and how they and the domain become the
 * Cdn component's aliases and certificate.
 *
 * Some rules span sections: CloudFront's alias is the domain's app name and its certificate must
 * cover it; without a hosted zone the stack cannot validate a certificate, so it needs an existing
 * one.
 */
import { checkedDomain } from "../dns/domainSection";
import type { DomainConfig } from "../dns/domainSettings";
import { section, type CheckScope, type Problem } from "../lib/settings";
import { cdnNameProblems, cdnNames, cdnSettingsProblems, existingCertificateProblems, replicaRegionProblem } from "./lib/cdnRules";
import { edgeLayout, originAccessFor, routerSpec, type EdgeInput } from "./lib/edgePlan";
import { layoutProblems } from "./lib/layout";
import { ROUTE_CLASSES } from "./lib/routes/model";
import { routeListProblems, routerSizeProblems, standbyProblems } from "./lib/routes/routeRules";
import type { CdnCertificate } from "./lib/validate";
import { wafProblems, wafRules } from "./lib/waf";
import { routesSection } from "./routesSection";
import { cdnKeys, type CdnSettings } from "./settings";

/** The `cdn` section of a stack file. */
export const cdnSection = section("cdn", {
  description:
    "The CloudFront distribution in front of every region's load balancer and the static bucket: how it reaches the regions, standby regions, the cacheable routes' cache policy, failover, certificate, security headers, access logs and WAF.",
  keys: cdnKeys,
  // the rules say per problem when the value is not worth printing
  showValues: true,
  check: (cdn, scope) => {
    const domain = checkedDomain(scope);
    const problems: Problem[] = [...cdnSettingsProblems(cdn), ...certificateProblems(cdn, domain, scope)];
    const primary = scope.primaryRegion ?? scope.regions[0]?.name;
    if (primary !== undefined) {
      const replica = replicaRegionProblem(primary, cdn.staticReplicaRegion);
      if (replica) problems.push({ field: "staticReplicaRegion", message: replica });
    }
    const bucketRegions = [primary, cdn.staticReplicaRegion].filter((region): region is string => region !== undefined);
    for (const message of cdnNameProblems(scope.namePrefix, bucketRegions)) {
      problems.push({ field: "", message: `cannot be named for this stack: ${message}`, showValue: false });
    }
    if (problems.length > 0) return problems;

    // The whole distribution as it would be created: origins, behaviours, quotas, functions, WAF.
    const routes = scope.section(routesSection);
    // routes the routes section rejects (an unknown class, no default route) are its to report
    const routesValid = routes.every((route) => (ROUTE_CLASSES as readonly string[]).includes(route.class)) && routeListProblems(routes).length === 0;
    if (primary !== undefined) {
      const regions = scope.regions.map((region) => region.name);
      problems.push(...standbyProblems(cdn.standbyRegions, regions, primary));
      const publicRegions = regions.filter((region) => originAccessFor(region, cdn.privateOrigins) === "public");
      if (domain === undefined && publicRegions.length > 0) {
        problems.push({
          field: "privateOrigins",
          message: `leaves ${publicRegions.join(", ")} reached over the internet, which the blueprint does only over HTTPS: add blueprint:domain, or keep privateOrigins true (VPC origins exist in ${publicRegions.length === 1 ? "that region" : "those regions"} only if AWS offers them)`,
        });
      }
      const input: EdgeInput = { regions, primaryRegion: primary, staticReplicaRegion: cdn.staticReplicaRegion, routes, settings: cdn };
      // a repeated region is the regions' own problem, reported there
      if (problems.length === 0 && routesValid && new Set(regions).size === regions.length) {
        for (const message of layoutProblems(edgeLayout(input)))
          problems.push({ field: "", message: `would make an invalid distribution: ${message}`, showValue: false });
        for (const message of routerSizeProblems(routes, (routeClass) => routerSpec(input, routeClass))) {
          problems.push({ path: ["routes"], message, showValue: false });
        }
      }
    }
    if (cdn.waf.enabled && routesValid) {
      const aclName = cdnNames(scope.namePrefix).webAcl;
      for (const message of wafProblems(aclName, wafRules(aclName, cdn.waf, routes))) problems.push({ field: "waf", message, showValue: false });
    }
    return problems;
  },
});

/** The certificate's rules: an existing ARN must be in us-east-1 and cover the app name; without a hosted zone one is required. */
function certificateProblems(cdn: CdnSettings, domain: DomainConfig | undefined, scope: CheckScope): Problem[] {
  const problems: Problem[] = [];
  if (!domain) {
    if (cdn.certificateArn !== undefined) {
      problems.push({
        field: "certificateArn",
        message: "applies only with blueprint:domain; without a domain CloudFront has no alias and serves its default certificate",
      });
    }
    return problems;
  }
  if (cdn.certificateArn === undefined) {
    if (cdn.certificateNames !== undefined) {
      problems.push({ field: "certificateNames", message: "applies only with cdn.certificateArn (they are the names that certificate covers)" });
    }
    if (domain.hostedZoneId === undefined) {
      problems.push({
        field: "certificateArn",
        message: `is required: domain has no hostedZoneId, so the stack cannot validate CloudFront's certificate for ${domain.appName}; give an ACM certificate of us-east-1 covering it, with cdn.certificateNames`,
        showValue: false,
      });
    }
    return problems;
  }
  if (!scope.written("certificateNames")) {
    problems.push({
      field: "certificateNames",
      message: `is required with cdn.certificateArn: list the names the certificate covers (domain name and subject alternative names) so that coverage of ${domain.appName} is checked before deploying`,
      showValue: false,
    });
  }
  problems.push(...existingCertificateProblems(cdn.certificateArn, cdnAliases(domain), cdn.certificateNames));
  return problems;
}

/** CloudFront's aliases for the stack's domain: the app name, or none without a domain. */
export function cdnAliases(domain: DomainConfig | undefined): string[] {
  return domain ? [domain.appName] : [];
}

/**
 * The distribution's certificate: the configured ARN (with its declared names), else one the
 * stack validates in its hosted zone, else none (no domain: CloudFront's default certificate).
 */
export function cdnCertificate(cdn: Pick<CdnSettings, "certificateArn" | "certificateNames">, domain: DomainConfig | undefined): CdnCertificate | undefined {
  if (!domain) return undefined;
  if (cdn.certificateArn !== undefined) {
    return { arn: cdn.certificateArn, ...(cdn.certificateNames ? { names: cdn.certificateNames } : {}) };
  }
  return domain.hostedZoneId !== undefined ? { hostedZoneId: domain.hostedZoneId } : undefined;
}
