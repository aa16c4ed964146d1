/**
 * The rules a route list must satisfy before CloudFront sees it: path patterns it accepts, one
 * behaviour per pattern, exactly one default route, the behaviour quota, and generated functions
 * that fit CloudFront Functions' size limit; and the rules of the standby regions.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
import type { FieldProblem } from "../../../lib/ranges";
import { DISTRIBUTION_QUOTAS, pathPatternProblem } from "../cdnRules";
import { MAX_FUNCTION_BYTES } from "./edgeRuntime";
import { routerCode, type RouterSpec } from "./edgeFunction";
import { DEFAULT_ROUTE_PATTERN, NEAREST_CLASSES, type Route } from "./model";

/** Problems of the routes alone; fields are `<index>.pathPattern` or empty for the list. */
export function routeListProblems(routes: readonly Route[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  routes.forEach((route, index) => {
    const field = `${index}.pathPattern`;
    if (route.pathPattern !== DEFAULT_ROUTE_PATTERN) {
      const problem = pathPatternProblem(route.pathPattern);
      if (problem)
        problems.push({
          field,
          message: problem === "must not match every path: that is the default behaviour" ? "matches every path: write * for the default route" : problem,
        });
    }
    const first = seen.get(route.pathPattern);
    if (first !== undefined) problems.push({ field, message: `repeats routes[${first}].pathPattern; a path pattern can have only one behaviour` });
    else seen.set(route.pathPattern, index);
  });
  const defaults = routes.filter((route) => route.pathPattern === DEFAULT_ROUTE_PATTERN).length;
  if (defaults === 0)
    problems.push({ field: "", message: `must include one route with pathPattern ${DEFAULT_ROUTE_PATTERN}: it is the distribution's default behaviour` });
  const ordered = routes.length - defaults;
  if (ordered > DISTRIBUTION_QUOTAS.cacheBehaviors) {
    problems.push({
      field: "",
      message: `makes ${ordered} cache behaviours besides the default; CloudFront allows ${DISTRIBUTION_QUOTAS.cacheBehaviors} per distribution by default`,
    });
  }
  return problems;
}

/** Problems of the generated routers: each must fit CloudFront Functions' 10 KB. */
export function routerSizeProblems(routes: readonly Route[], spec: (routeClass: RouterSpec["routeClass"]) => RouterSpec): string[] {
  const problems: string[] = [];
  for (const routeClass of NEAREST_CLASSES) {
    if (!routes.some((route) => route.class === routeClass)) continue;
    const bytes = Buffer.byteLength(routerCode(spec(routeClass as RouterSpec["routeClass"])), "utf8");
    if (bytes > MAX_FUNCTION_BYTES) {
      problems.push(`the ${routeClass} router for these regions is ${bytes} bytes; CloudFront Functions allow ${MAX_FUNCTION_BYTES} (use fewer regions)`);
    }
  }
  return problems;
}

/** Problems of the standby regions: stack regions, not the primary, listed once. */
export function standbyProblems(standby: readonly string[], regions: readonly string[], primaryRegion: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  standby.forEach((region, index) => {
    const field = `standbyRegions.${index}`;
    if (!regions.includes(region)) problems.push({ field, message: `is not one of the stack's regions (${regions.join(", ")})` });
    else if (region === primaryRegion)
      problems.push({ field, message: "is the primary region, which serves the write routes; a standby only takes failover traffic" });
    if (standby.indexOf(region) !== index) problems.push({ field, message: "is listed twice" });
  });
  return problems;
}
