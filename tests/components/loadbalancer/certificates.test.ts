import * as assert from "node:assert/strict";
import { ApiCertificates } from "../../../components/loadbalancer/certificates";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";

describe("ApiCertificates component", () => {
  let resources: PlannedResource[];
  before(async () => {
    ({ resources } = await recordProgram(
      () => {
        new ApiCertificates("api-certificates", { apiName: "api.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", regions: ["us-east-1", "eu-west-1"] });
        return {};
      },
      { stack: "prod", config: { "aws:region": "us-east-1" } },
    ));
  });

  it("declares a certificate and a validation per region and one record per validated name", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:loadbalancer:ApiCertificates": 1,
      "aws:acm/certificate:Certificate": 2,
      "aws:acm/certificateValidation:CertificateValidation": 2,
      "aws:route53/record:Record": 3,
    });
  });

  it("puts each certificate in its region for the API name and the region's origin name", () => {
    for (const region of ["us-east-1", "eu-west-1"]) {
      const cert = one(resources, "aws:acm/certificate:Certificate", `api-certificates-${region}`).inputs;
      assert.equal(cert.region, region);
      assert.equal(cert.domainName, "api.example.com");
      assert.deepEqual(cert.subjectAlternativeNames, [`${region}.api.example.com`]);
      assert.equal(cert.validationMethod, "DNS");
    }
  });

  it("validates each regional certificate with the shared record and its own, which overwrite safely", () => {
    const records = ofType(resources, "aws:route53/record:Record");
    for (const record of records) {
      assert.equal(record.inputs.zoneId, "Z0123456789ABCDEFGHIJ");
      assert.equal(record.inputs.type, "CNAME");
      assert.equal(record.inputs.allowOverwrite, true);
    }
    const shared = one(resources, "aws:route53/record:Record", "api-certificates-validation");
    for (const region of ["us-east-1", "eu-west-1"]) {
      const validation = one(resources, "aws:acm/certificateValidation:CertificateValidation", `api-certificates-${region}`);
      const own = one(resources, "aws:route53/record:Record", `api-certificates-${region}-validation`);
      assert.equal(validation.inputs.region, region);
      assert.deepEqual(validation.inputs.validationRecordFqdns, [shared.outputs.fqdn, own.outputs.fqdn]);
      assert.match(String(own.inputs.name), new RegExp(`\\.${region}\\.api\\.example\\.com\\.$`));
    }
  });
});
