/**
 * Argument checks of the Cdn component, run before any child is declared. Config parsing catches
 * the same problems with key paths; these guard direct users of the component.
 */
import { hostedZoneIdProblem } from "../../lib/dns";
import { regionInfo } from "../../lib/regions";
import {
  aliasProblems,
  cdnNameProblems,
  cdnNames,
  cdnSettingsProblems,
  existingCertificateProblems,
  replicaRegionProblem,
  type DistributionSettings,
} from "./cdnRules";
import { distributionLayout, layoutProblems } from "./layout";
import { wafProblems, wafRules } from "./waf";

/** The certificate of the aliases: an existing us-east-1 ARN (with the names it covers, when known) or one validated in a hosted zone. */
export type CdnCertificate = { readonly arn: string; readonly names?: readonly string[] } | { readonly hostedZoneId: string };

/** The checked subset of the component's arguments (Outputs are not unwrapped). */
export interface CdnArgsToValidate {
  readonly namePrefix: string;
  /** Regions of the origins, in failover order. */
  readonly originRegions: readonly string[];
  readonly originProtocol: string;
  readonly aliases: readonly string[];
  readonly certificate?: CdnCertificate;
  readonly staticAssets: { readonly primaryRegion: string; readonly replicaRegion: string };
  readonly settings: DistributionSettings;
}

/** Every problem with the arguments, one complete sentence each. */
export function cdnArgProblems(args: CdnArgsToValidate): string[] {
  const problems: string[] = [];
  if (args.originRegions.length === 0) problems.push("origins must list at least one region's load balancer");
  for (const region of args.originRegions) {
    if (!regionInfo(region)) problems.push(`origins: ${JSON.stringify(region)} is not a known AWS region`);
  }
  const repeated = args.originRegions.filter((region, index) => args.originRegions.indexOf(region) !== index);
  if (repeated.length > 0) problems.push(`origins must have one load balancer per region; repeated: ${[...new Set(repeated)].join(", ")}`);
  if (args.originProtocol !== "https" && args.originProtocol !== "http") {
    problems.push(`originProtocol must be https or http, got ${JSON.stringify(args.originProtocol)}`);
  }
  problems.push(...aliasProblems(args.aliases));
  if (args.aliases.length > 0 && args.certificate === undefined) {
    problems.push("aliases need a certificate: pass certificate.arn (us-east-1) or certificate.hostedZoneId to validate one");
  }
  if (args.aliases.length === 0 && args.certificate !== undefined) {
    problems.push("certificate is set but aliases is empty; without aliases CloudFront serves its default certificate");
  }
  if (args.certificate !== undefined) {
    if ("arn" in args.certificate) {
      for (const problem of existingCertificateProblems(args.certificate.arn, args.aliases, args.certificate.names)) {
        problems.push(`certificate.${problem.field === "certificateArn" ? "arn" : problem.field.replace("certificateNames", "names")} ${problem.message}`);
      }
    } else {
      const problem = hostedZoneIdProblem(args.certificate.hostedZoneId);
      if (problem) problems.push(`certificate.hostedZoneId ${problem}`);
    }
  }
  const { primaryRegion, replicaRegion } = args.staticAssets;
  if (!regionInfo(primaryRegion)) problems.push(`staticAssets.primaryRegion ${JSON.stringify(primaryRegion)} is not a known AWS region`);
  const replica = replicaRegionProblem(primaryRegion, replicaRegion);
  if (replica) problems.push(`staticAssets.replicaRegion ${replica}`);
  for (const problem of cdnSettingsProblems(args.settings)) problems.push(`settings.${problem.field} ${problem.message}`);
  problems.push(...cdnNameProblems(args.namePrefix, [primaryRegion, replicaRegion]));
  if (problems.length > 0) return problems;

  problems.push(
    ...layoutProblems(
      distributionLayout({
        loadBalancerRegions: args.originRegions,
        staticRegions: { primary: primaryRegion, replica: replicaRegion },
        staticPathPattern: args.settings.staticPathPattern,
        failoverPathPatterns: args.settings.failoverPathPatterns,
        failoverStatusCodes: args.settings.failoverStatusCodes,
      }),
    ),
  );
  if (args.settings.waf.enabled) {
    const aclName = cdnNames(args.namePrefix).webAcl;
    problems.push(...wafProblems(aclName, wafRules(aclName, args.settings.waf)));
  }
  return problems;
}
