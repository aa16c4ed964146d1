import * as assert from "node:assert/strict";
import type { DistributionSettings } from "../../../../components/cdn/lib/cdnRules";
import { cdnArgProblems } from "../../../../components/cdn/lib/validate";
import { DEFAULT_ROUTES } from "../../../../components/cdn/routesSettings";
import { PROD_CDN_SETTINGS } from "../../../support/settings";

const SETTINGS: DistributionSettings = PROD_CDN_SETTINGS;
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";
const EU_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";

describe("Cdn argument rules", () => {
  const args = {
    namePrefix: "blueprint-prod",
    originRegions: ["ap-southeast-2", "eu-west-1"],
    originAccess: ["vpc-origin", "public"] as const,
    primaryRegion: "eu-west-1",
    routes: DEFAULT_ROUTES,
    originProtocol: "https",
    aliases: ["www.example.com"],
    certificate: { arn: US_CERT, names: ["www.example.com"] },
    staticAssets: { replicaRegion: "ap-southeast-2" },
    settings: SETTINGS,
  };

  it("accepts a consistent set", () => {
    assert.deepEqual(cdnArgProblems(args), []);
  });

  it("lists every problem at once", () => {
    assert.deepEqual(
      cdnArgProblems({
        ...args,
        originRegions: ["eu-west-1", "eu-west-1", "mars-1"],
        originAccess: ["public", "public", "vpc-origin"],
        originProtocol: "ftp",
        routes: [{ pathPattern: "/api/*", class: "write" }],
        certificate: { arn: EU_CERT, names: ["api.example.com"] },
        staticAssets: { replicaRegion: "eu-west-1" },
        settings: { ...SETTINGS, standbyRegions: ["eu-west-1"], waf: { ...SETTINGS.waf, rateLimit: 1 } },
      }),
      [
        'origins: "mars-1" is not a known AWS region',
        "origins must have one load balancer per region; repeated: eu-west-1",
        'originProtocol must be https or http, got "ftp"',
        "origins: eu-west-1 is reached over the internet, which needs originProtocol https",
        "origins: eu-west-1 is reached over the internet, which needs originProtocol https",
        "origins: mars-1 has no CloudFront VPC origins; reach it with access public",
        "routes must include one route with pathPattern *: it is the distribution's default behaviour",
        "settings.standbyRegions.0 is the primary region, which serves the write routes; a standby only takes failover traffic",
        "certificate.arn is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1",
        "certificate.names do not cover the alias www.example.com; CloudFront rejects a certificate that does not cover every alias (covered: api.example.com)",
        "staticAssets.replicaRegion must differ from the primary region eu-west-1: the replica is the static assets' failover origin",
        "settings.waf.rateLimit must be a whole number from 10 to 2000000000 requests per window",
      ],
    );
  });

  it("requires a certificate with aliases and aliases with a certificate", () => {
    const { certificate: _certificate, ...withoutCertificate } = args;
    assert.deepEqual(cdnArgProblems(withoutCertificate), [
      "aliases need a certificate: pass certificate.arn (us-east-1) or certificate.hostedZoneId to validate one",
    ]);
    assert.deepEqual(cdnArgProblems({ ...args, aliases: [] }), [
      "certificate is set but aliases is empty; without aliases CloudFront serves its default certificate",
    ]);
    assert.deepEqual(cdnArgProblems({ ...args, certificate: { hostedZoneId: "/hostedzone/Z1" } }), [
      "certificate.hostedZoneId must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)",
    ]);
  });
});
