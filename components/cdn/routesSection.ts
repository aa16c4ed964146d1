/**
 * `blueprint:routes`: the application's routes, each a CloudFront path pattern and a consistency
 * class, in the order CloudFront matches them (the `*` route is the default behaviour). The rules
 * that need the regions and the other CDN settings (the distribution's quotas, the generated
 * functions' size) run in the `cdn` section.
 */
import { listSection, type Problem } from "../lib/settings";
import { routeListProblems } from "./lib/routes/routeRules";
import { DEFAULT_ROUTES, routeKeys } from "./routesSettings";

/** The `routes` section of a stack file. */
export const routesSection = listSection("routes", {
  description:
    "The application's routes in matching order: a CloudFront path pattern and a consistency class each, one of them * (the default route). They decide which region serves a request and where it fails over.",
  item: { description: "A route: a CloudFront path pattern and its consistency class.", keys: routeKeys },
  default: DEFAULT_ROUTES,
  showValues: true,
  // a problem of the whole list would print every route: the message says enough
  check: (routes): Problem[] => routeListProblems(routes).map((problem) => (problem.field === "" ? { ...problem, showValue: false } : problem)),
});
