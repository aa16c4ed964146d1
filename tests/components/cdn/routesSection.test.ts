import * as assert from "node:assert/strict";
import { DEFAULT_ROUTES } from "../../../components/cdn/routesSettings";
import { parseConfig } from "../../../infra/config";
import { problems } from "../../support/config";

const PROD = {
  environment: "prod",
  owner: "o",
  costCenter: "c",
  regions: [
    { name: "us-east-1", primary: true, vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    { name: "eu-west-1", vpcCidr: "10.1.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
  ],
  domain: { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
};

describe("routes config", () => {
  it("serves a typical web application and API by default", () => {
    assert.deepEqual(
      DEFAULT_ROUTES.map((route) => `${route.pathPattern} ${route.class}`),
      ["/static/* static", "/api/* write", "/account/* read-your-writes", "/catalog/* cacheable", "/read/* read-any", "* write"],
    );
    assert.deepEqual(parseConfig(PROD).routes, DEFAULT_ROUTES);
  });

  it("names the route key of every problem, all at once", () => {
    assert.deepEqual(
      problems({
        ...PROD,
        routes: [
          { pathPattern: "api/*", class: "write" },
          { pathPattern: "/read/*", class: "nearest" },
          { pathPattern: "/read/*", class: "read-any" },
        ],
      }),
      [
        'blueprint:routes[1].class: must be one of write, read-any, read-your-writes, cacheable, static (got "nearest")',
        `blueprint:routes[0].pathPattern: must start with / and use only letters, digits and _ - . * $ / ~ " ' @ : + & ? (CloudFront's path-pattern characters) (got "api/*")`,
        'blueprint:routes[2].pathPattern: repeats routes[1].pathPattern; a path pattern can have only one behaviour (got "/read/*")',
        "blueprint:routes: must include one route with pathPattern *: it is the distribution's default behaviour",
      ],
    );
  });

  it("rejects standby regions that cannot be standbys and public origins without HTTPS", () => {
    const { domain: _domain, ...withoutDomain } = PROD;
    assert.deepEqual(problems({ ...withoutDomain, cdn: { privateOrigins: false, standbyRegions: ["us-east-1"] } }), [
      'blueprint:cdn.standbyRegions[0]: is the primary region, which serves the write routes; a standby only takes failover traffic (got "us-east-1")',
      "blueprint:cdn.privateOrigins: leaves us-east-1, eu-west-1 reached over the internet, which the blueprint does only over HTTPS: add blueprint:domain, or keep privateOrigins true (VPC origins exist in those regions only if AWS offers them) (got false)",
    ]);
  });
});
