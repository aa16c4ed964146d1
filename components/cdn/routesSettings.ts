/**
 * The settings of one entry of `blueprint:routes`, declared once: a CloudFront path pattern and the
 * route's consistency class (what the classes mean: `lib/routes/model.ts` and docs/architecture.md).
 * The list's default serves a typical web application and its API.
 */
import { choice, text, type GroupValue } from "../lib/settings";
import { ROUTE_CLASSES } from "./lib/routes/model";

/** The keys of one route. */
export const routeKeys = {
  pathPattern: text({
    description:
      "A CloudFront path pattern (case-sensitive, * matches any characters, ? one), e.g. /api/*; * alone is the default route, every path no other route matches. Routes are matched in list order.",
    required: true,
  }),
  class: choice(ROUTE_CLASSES, {
    description:
      "write (every method, the primary region; moves only with a switchover), read-any (GET, HEAD, OPTIONS from the viewer's nearest region, failing over to the next), read-your-writes (like read-any, but the primary for viewers who wrote within cdn.readYourWritesSeconds), cacheable (like read-any, cached at the edge behind Origin Shield) or static (the static bucket and its replica).",
    required: true,
  }),
};

/** One route after defaults. */
export type RouteSetting = GroupValue<typeof routeKeys>;

/**
 * The routes a stack gets when its file lists none: assets from the bucket, the API's writes and
 * every unknown path at the primary, account pages read-your-writes, the catalogue cached, and
 * read-only pages from the nearest region.
 */
export const DEFAULT_ROUTES: readonly RouteSetting[] = [
  { pathPattern: "/static/*", class: "static" },
  { pathPattern: "/api/*", class: "write" },
  { pathPattern: "/account/*", class: "read-your-writes" },
  { pathPattern: "/catalog/*", class: "cacheable" },
  { pathPattern: "/read/*", class: "read-any" },
  { pathPattern: "*", class: "write" },
];
