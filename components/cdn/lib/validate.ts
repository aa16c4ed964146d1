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
import { edgeLayout, originAccessFor, type OriginAccess } from "./edgePlan";
import { layoutProblems } from "./layout";
import { routeListProblems, standbyProblems } from "./routes/routeRules";
import type { Route } from "./routes/model";
import { wafProblems, wafRules } from "./waf";

/** The certificate of the aliases: an existing us-east-1 ARN (with the names it covers, when known) or one validated in a hosted zone. */
export type CdnCertificate = { readonly arn: string; readonly names?: readonly string[] } | { readonly hostedZoneId: string };

/** The checked subset of the component's arguments (Outputs are not unwrapped). */
export interface CdnArgsToValidate {
  readonly namePrefix: string;
  /** Regions of the origins, in stack-file order. */
  readonly originRegions: readonly string[];
  /** How each origin (same index) is reached. */
  readonly originAccess: readonly OriginAccess[];
  readonly primaryRegion: string;
  readonly routes: readonly Route[];
  readonly originProtocol: string;
  readonly aliases: readonly string[];
  readonly certificate?: CdnCertificate;
  readonly staticAssets: { readonly replicaRegion: string };
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
  if (!args.originRegions.includes(args.primaryRegion)) {
    problems.push(`primaryRegion ${JSON.stringify(args.primaryRegion)} must be one of the origins' regions (${args.originRegions.join(", ") || "none"})`);
  }
  args.originRegions.forEach((region, index) => {
    const access = args.originAccess[index];
    if (access === "vpc-origin" && originAccessFor(region, true) !== "vpc-origin")
      problems.push(`origins: ${region} has no CloudFront VPC origins; reach it with access public`);
    if (access === "public" && args.originProtocol !== "https")
      problems.push(`origins: ${region} is reached over the internet, which needs originProtocol https`);
  });
  for (const problem of routeListProblems(args.routes)) problems.push(`routes${problem.field ? `.${problem.field}` : ""} ${problem.message}`);
  for (const problem of standbyProblems(args.settings.standbyRegions, args.originRegions, args.primaryRegion))
    problems.push(`settings.${problem.field} ${problem.message}`);
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
  const primaryRegion = args.primaryRegion;
  const { replicaRegion } = args.staticAssets;
  const replica = replicaRegionProblem(primaryRegion, replicaRegion);
  if (replica) problems.push(`staticAssets.replicaRegion ${replica}`);
  for (const problem of cdnSettingsProblems(args.settings)) problems.push(`settings.${problem.field} ${problem.message}`);
  problems.push(...cdnNameProblems(args.namePrefix, [primaryRegion, replicaRegion]));
  if (problems.length > 0) return problems;

  problems.push(
    ...layoutProblems(
      edgeLayout({ regions: args.originRegions, primaryRegion, staticReplicaRegion: replicaRegion, routes: args.routes, settings: args.settings }),
    ),
  );
  if (args.settings.waf.enabled) {
    const aclName = cdnNames(args.namePrefix).webAcl;
    problems.push(...wafProblems(aclName, wafRules(aclName, args.settings.waf, args.routes)));
  }
  return problems;
}
