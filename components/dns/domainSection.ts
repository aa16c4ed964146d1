/**
 * `blueprint:domain`: its settings and the rules they must satisfy: DNS names and labels, the
 * hosted zone ID, and certificates that are in their key's region and cover every region.
 */
import { dnsNameProblem, hostedZoneIdProblem, labelProblem, parseAcmCertificateArn } from "../lib/dns";
import { optionalSection, type CheckScope, type Problem } from "../lib/settings";
import { domainConfig, domainKeys, type DomainConfig } from "./domainSettings";

/** The `domain` section of a stack file; absent without one. */
export const domainSection = optionalSection("domain", {
  description: "Serve the application under your own domain, with HTTPS at the load balancers. Without it (dev) the load balancers serve plain HTTP.",
  keys: domainKeys,
  absentMeans: "none (plain HTTP at the load balancers, CloudFront's own name)",
  showValues: true,
  finish: (settings) => domainConfig(settings),
  check: (domain, scope) => {
    const raw = scope.raw;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
    const written = raw as Record<string, unknown>;
    const problems: Problem[] = [];
    if (typeof written.name === "string") {
      const problem = dnsNameProblem(written.name);
      if (problem) problems.push({ field: "name", message: problem });
    }
    if (typeof written.hostedZoneId === "string") {
      const problem = hostedZoneIdProblem(written.hostedZoneId);
      if (problem) problems.push({ field: "hostedZoneId", message: problem });
    }
    for (const key of ["apiSubdomain", "appSubdomain"] as const) {
      const label = written[key];
      if (typeof label === "string") {
        const problem = labelProblem(label);
        if (problem) problems.push({ field: key, message: problem });
      }
    }
    if (domain)
      problems.push(
        ...domainRuleProblems(
          domain,
          scope.regions.map((region) => region.name),
        ),
      );
    return problems;
  },
});

/**
 * The stack's domain as the rules of the sections built on it (cdn, dns) see it: undefined without
 * a domain, and also when its name is already reported invalid, since every name derived from it
 * would only repeat that problem.
 */
export function checkedDomain(scope: Pick<CheckScope, "section">): DomainConfig | undefined {
  const domain = scope.section(domainSection);
  return domain && dnsNameProblem(domain.name) === undefined ? domain : undefined;
}

/** The rules of a usable domain: distinct names, certificates in their own region, every region covered. */
function domainRuleProblems(domain: DomainConfig, regions: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (domain.apiName === domain.appName) {
    problems.push({
      field: "appSubdomain",
      message: `must differ from apiSubdomain: CloudFront serves ${domain.appName} and the load balancers serve ${domain.apiName}`,
    });
  }
  const regionNames = new Set(regions);
  for (const [region, arn] of Object.entries(domain.certificateArns)) {
    const field = `certificateArns.${region}`;
    if (regionNames.size > 0 && !regionNames.has(region)) {
      problems.push({ field, message: `names a region the stack does not run in; the stack's regions are ${[...regionNames].join(", ")}` });
      continue;
    }
    const parsed = parseAcmCertificateArn(arn);
    if (typeof parsed === "string") {
      problems.push({ field, message: parsed });
    } else if (parsed.region !== region) {
      problems.push({ field, message: `is a certificate in ${parsed.region}; a load balancer can only use a certificate from its own region (${region})` });
    }
  }
  if (domain.hostedZoneId === undefined) {
    const missing = regions.filter((name) => !(name in domain.certificateArns));
    if (missing.length > 0) {
      problems.push({
        field: "",
        message: `needs hostedZoneId (the stack then creates DNS-validated certificates) or certificateArns for every region; missing a certificate for ${missing.join(", ")}`,
        showValue: false,
      });
    }
  }
  return problems;
}
