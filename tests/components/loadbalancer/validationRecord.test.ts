import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { acmValidationRecord } from "../../../components/loadbalancer/validationRecord";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { one } from "../../support/resources";

const ZONE = "Z0123456789ABCDEFGHIJ";

/** Records a certificate for two names and the validation records of `names`. */
async function record(names: readonly string[]): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      const certificate = new aws.acm.Certificate("cert", {
        region: "eu-west-1",
        domainName: "api.example.com",
        subjectAlternativeNames: ["eu-west-1.api.example.com"],
        validationMethod: "DNS",
      });
      for (const name of names) acmValidationRecord(`cert-validation-${name}`, { certificate, domainName: name, hostedZoneId: ZONE }, {});
      return {};
    },
    { stack: "prod", config: { "aws:region": "eu-west-1" } },
  );
  return resources;
}

describe("acmValidationRecord", () => {
  it("writes ACM's CNAME for each name, in the zone, with TTL 300, overwriting an identical record", async () => {
    const resources = await record(["api.example.com", "eu-west-1.api.example.com"]);
    const certificate = one(resources, "aws:acm/certificate:Certificate");
    const options = certificate.outputs.domainValidationOptions as Array<Record<string, string>>;
    for (const name of ["api.example.com", "eu-west-1.api.example.com"]) {
      const option = options.find((entry) => entry.domainName === name)!;
      const validation = one(resources, "aws:route53/record:Record", `cert-validation-${name}`);
      assert.deepEqual(Object.fromEntries(Object.entries(validation.inputs).filter(([key]) => !key.startsWith("__"))), {
        zoneId: ZONE,
        name: option.resourceRecordName,
        type: "CNAME",
        records: [option.resourceRecordValue],
        ttl: 300,
        allowOverwrite: true,
      });
    }
  });

  it("fails when the certificate has no validation option for the name", async () => {
    await assert.rejects(record(["www.example.com"]), /ACM returned no validation option for www\.example\.com/);
  });
});
