/**
 * The load balancers' certificates: one ACM certificate per region (a load balancer can only use a
 * certificate of its own region) for the API name and the region's origin name, DNS-validated in
 * the stack's hosted zone.
 *
 * ACM asks for the same validation CNAME for a given name in every region of an account, so each
 * name gets exactly one record, owned here rather than by a region: removing a region must not
 * delete a record the other regions' certificates still need for renewal.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { regionalOriginName } from "../lib/dns";
import { acmValidationRecord } from "./validationRecord";

/** Arguments of the ApiCertificates component. */
export interface ApiCertificatesArgs {
  /** The name the load balancers serve, e.g. `api.example.com`. */
  readonly apiName: string;
  /** Public hosted zone that holds `apiName`. */
  readonly hostedZoneId: string;
  /** Regions that need a certificate; the first one's certificate provides the shared name's record. */
  readonly regions: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** DNS-validated certificates for the API name, one per region. */
export class ApiCertificates extends pulumi.ComponentResource {
  /** Validated certificate ARN per region: listeners wait for issuance through it. */
  public readonly certificateArns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: ApiCertificatesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:loadbalancer:ApiCertificates", name, {}, opts);
    if (args.regions.length === 0) throw new Error(`ApiCertificates ${name} needs at least one region`);
    const opt = { parent: this };
    const tags = { ...(args.tags ?? {}) };

    const certificates = args.regions.map((region) => ({
      region,
      certificate: new aws.acm.Certificate(
        `${name}-${region}`,
        {
          region,
          domainName: args.apiName,
          subjectAlternativeNames: [regionalOriginName(args.apiName, region)],
          validationMethod: "DNS",
          keyAlgorithm: "RSA_2048",
          tags: { ...tags, Region: region, Name: `${args.apiName} ${region}` },
        },
        opt,
      ),
    }));

    const validationRecord = (certificate: aws.acm.Certificate, domainName: string, logicalName: string) =>
      acmValidationRecord(logicalName, { certificate, domainName, hostedZoneId: args.hostedZoneId }, opt);

    const sharedRecord = validationRecord(certificates[0].certificate, args.apiName, `${name}-validation`);
    this.certificateArns = Object.fromEntries(
      certificates.map(({ region, certificate }) => {
        const regionalRecord = validationRecord(certificate, regionalOriginName(args.apiName, region), `${name}-${region}-validation`);
        const validation = new aws.acm.CertificateValidation(
          `${name}-${region}`,
          { region, certificateArn: certificate.arn, validationRecordFqdns: [sharedRecord.fqdn, regionalRecord.fqdn] },
          opt,
        );
        return [region, validation.certificateArn];
      }),
    );
    this.registerOutputs({ certificateArns: this.certificateArns });
  }
}
