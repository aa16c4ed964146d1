/**
 * The SLOs of each dynamic route class, measured where a class can be told apart: the
 * application's OpenTelemetry HTTP server histogram in the region's Prometheus workspace, whose
 * `http_route` label (the matched route template, e.g. `/api/orders/{id}`) is matched against the
 * class's CloudFront path patterns.
 *
 * The load balancer cannot split them: its metrics have LoadBalancer, TargetGroup and
 * AvailabilityZone dimensions, none per listener rule, and one target group serves every dynamic
 * class. CloudFront reports per distribution only, so the edge keeps one SLO.
 *
 * CloudFront matches a request to the first route (in list order, the `*` default route last)
 * whose pattern matches; the selectors here do the same: a route's series match its pattern and
 * none of the patterns before it, so every series counts for exactly one class. The `static`
 * class never reaches the application (the bucket serves it) and has no per-class SLO.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 * @see https://opentelemetry.io/docs/specs/semconv/http/http-metrics/
 */
import { DEFAULT_ROUTE_PATTERN, type Route, type RouteClass } from "../../cdn/lib/routes/model";
import { BURN_CONDITIONS } from "./slo";

/** The classes the application serves, hence the ones with per-class SLOs. */
export const MEASURED_CLASSES = ["write", "read-your-writes", "read-any", "cacheable"] as const satisfies readonly RouteClass[];

/** A class with per-class SLOs. */
export type MeasuredClass = (typeof MEASURED_CLASSES)[number];

/** One class's objectives. */
export interface ClassObjectives {
  /** Share of the class's requests answered without a 5xx, over 30 days. */
  readonly availabilityPercent: number;
  /** Share of the class's requests answered within the threshold, over 30 days. */
  readonly latencyPercent: number;
  /** A bucket bound of the histogram, in seconds. */
  readonly latencyThresholdSeconds: number;
}

/** One route's share of a class: series whose route matches `include` and not `exclude`. */
export interface RouteSelector {
  readonly pathPattern: string;
  /** An RE2 regular expression (Prometheus anchors it at both ends). */
  readonly include: string;
  /** The patterns CloudFront tries first, as one RE2 expression; absent for the first route. */
  readonly exclude?: string;
}

const RE2_SPECIAL = /[\\.+*?()|[\]{}^$]/g;

/**
 * A CloudFront path pattern as an RE2 expression over the whole path: `*` any characters (slashes
 * included), `?` one character, the rest literal (case-sensitive); the leading slash is optional in
 * CloudFront, so it is added when missing.
 */
export function pathPatternRegex(pattern: string): string {
  const path = pattern === DEFAULT_ROUTE_PATTERN || pattern.startsWith("/") || pattern.startsWith("*") ? pattern : `/${pattern}`;
  return [...path].map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(RE2_SPECIAL, (special) => `\\${special}`))).join("");
}

/** A PromQL double-quoted string literal. */
export function promqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The routes in CloudFront's matching order: the listed ones in order, the default route last. */
export function matchingOrder(routes: readonly Route[]): Route[] {
  return [...routes.filter((route) => route.pathPattern !== DEFAULT_ROUTE_PATTERN), ...routes.filter((route) => route.pathPattern === DEFAULT_ROUTE_PATTERN)];
}

/** Each measured class's route selectors, for the classes the routes use. */
export function classSelectors(routes: readonly Route[]): Partial<Record<MeasuredClass, RouteSelector[]>> {
  const ordered = matchingOrder(routes);
  const selectors: Partial<Record<MeasuredClass, RouteSelector[]>> = {};
  ordered.forEach((route, index) => {
    if (!(MEASURED_CLASSES as readonly string[]).includes(route.class)) return;
    const earlier = ordered.slice(0, index).map((other) => pathPatternRegex(other.pathPattern));
    const selector: RouteSelector = {
      pathPattern: route.pathPattern,
      include: pathPatternRegex(route.pathPattern),
      ...(earlier.length > 0 ? { exclude: earlier.join("|") } : {}),
    };
    (selectors[route.class as MeasuredClass] ??= []).push(selector);
  });
  return selectors;
}

const HISTOGRAM = "http_server_request_duration_seconds";
const windowLabel = (seconds: number) => (seconds >= 3600 ? `${seconds / 3600}h` : `${seconds / 60}m`);

/** `rate(...)` of the class's series of `metric` (an `or` of its routes' disjoint selectors). */
function classRate(metric: string, selectors: readonly RouteSelector[], extra: string, window: string): string {
  return selectors
    .map((selector) => {
      const matchers = [
        `http_route=~${promqlString(selector.include)}`,
        ...(selector.exclude !== undefined ? [`http_route!~${promqlString(selector.exclude)}`] : []),
        ...(extra !== "" ? [extra] : []),
      ];
      return `rate(${metric}{${matchers.join(", ")}}[${window}])`;
    })
    .join(" or ");
}

/** A Prometheus rule of a rule file. */
export type PrometheusRule =
  | { readonly record: string; readonly expr: string; readonly labels: Readonly<Record<string, string>> }
  | {
      readonly alert: string;
      readonly expr: string;
      readonly for?: string;
      readonly labels: Readonly<Record<string, string>>;
      readonly annotations: Readonly<Record<string, string>>;
    };

/** The windows the burn conditions use, shortest first. */
export function burnWindows(): string[] {
  return [...new Set(BURN_CONDITIONS.flatMap((condition) => [condition.shortSeconds, condition.longSeconds]))].sort((a, b) => a - b).map(windowLabel);
}

const pascal = (routeClass: string) =>
  routeClass
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

/** The recording rules and burn alerts of every measured class the routes use. */
export function classSloRules(
  routes: readonly Route[],
  objectives: Readonly<Record<MeasuredClass, ClassObjectives>>,
): { recording: PrometheusRule[]; alerts: PrometheusRule[] } {
  const recording: PrometheusRule[] = [];
  const alerts: PrometheusRule[] = [];
  for (const [routeClass, selectors] of Object.entries(classSelectors(routes)) as [MeasuredClass, RouteSelector[]][]) {
    const objective = objectives[routeClass];
    const labels = { route_class: routeClass };
    for (const window of burnWindows()) {
      const requests = `sum(${classRate(`${HISTOGRAM}_count`, selectors, "", window)})`;
      recording.push(
        {
          record: `blueprint:class_availability_errors:ratio_rate${window}`,
          expr: `sum(${classRate(`${HISTOGRAM}_count`, selectors, 'http_response_status_code=~"5.."', window)}) / ${requests}`,
          labels,
        },
        {
          record: `blueprint:class_latency_slow:ratio_rate${window}`,
          expr: `1 - sum(${classRate(`${HISTOGRAM}_bucket`, selectors, `le=${promqlString(String(objective.latencyThresholdSeconds))}`, window)}) / ${requests}`,
          labels,
        },
      );
    }
    for (const sli of ["availability", "latency"] as const) {
      const budget = (100 - (sli === "availability" ? objective.availabilityPercent : objective.latencyPercent)) / 100;
      const series = sli === "availability" ? "class_availability_errors" : "class_latency_slow";
      const goal =
        sli === "availability"
          ? `${objective.availabilityPercent}% of ${routeClass} requests without a 5xx`
          : `${objective.latencyPercent}% of ${routeClass} requests within ${objective.latencyThresholdSeconds} s`;
      for (const condition of BURN_CONDITIONS) {
        const limit = Number((condition.factor * budget).toFixed(8));
        const at = (seconds: number) => `blueprint:${series}:ratio_rate${windowLabel(seconds)}{route_class=${promqlString(routeClass)}}`;
        alerts.push({
          alert: `Blueprint${pascal(routeClass)}${sli === "availability" ? "Availability" : "Latency"}${condition.key === "fast" ? "Fast" : "Slow"}Burn`,
          expr: `${at(condition.longSeconds)} > ${limit} and ${at(condition.shortSeconds)} > ${limit}`,
          labels: { severity: "page", sli, route_class: routeClass },
          annotations: {
            summary: `The ${routeClass} ${sli} SLO (${goal} over 30 days) burns its error budget faster than ${condition.factor}x over ${windowLabel(condition.longSeconds)} and ${windowLabel(condition.shortSeconds)}.`,
            routes: selectors.map((selector) => selector.pathPattern).join(", "),
          },
        });
      }
    }
  }
  return { recording, alerts };
}
