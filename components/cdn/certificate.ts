/**
 * The distribution's certificate: an ACM certificate in us-east-1 (the only region CloudFront
 * takes certificates from, whatever the stack's regions) for every alias, DNS-validated in the
 * stack's hosted zone. The distribution uses the validation's ARN so it waits for issuance.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { acmValidationRecord } from "../loadbalancer/validationRecord";
import { CLOUDFRONT_CONTROL_REGION } from "./lib/cdnRules";

/** Declares the certificate and its validation; returns the ARN to give the distribution. */
export function createCdnCertificate(
  name: string,
  args: { aliases: readonly string[]; hostedZoneId: string; tags: Record<string, string> },
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const opts = { parent };
  const region = CLOUDFRONT_CONTROL_REGION;
  const [domainName, ...alternatives] = args.aliases;
  if (domainName === undefined) throw new Error(`${name}: a certificate needs at least one alias`);
  const certificate = new aws.acm.Certificate(
    name,
    {
      region,
      domainName,
      ...(alternatives.length > 0 ? { subjectAlternativeNames: alternatives } : {}),
      validationMethod: "DNS",
      // CloudFront serves RSA 2048 and ECDSA P-256 certificates from ACM; RSA reaches every client
      keyAlgorithm: "RSA_2048",
      tags: { ...args.tags, Region: region, Name: `${domainName} CloudFront` },
    },
    opts,
  );
  const records = args.aliases.map((alias) =>
    acmValidationRecord(`${name}-validation-${alias}`, { certificate, domainName: alias, hostedZoneId: args.hostedZoneId }, opts),
  );
  const validation = new aws.acm.CertificateValidation(
    name,
    { region, certificateArn: certificate.arn, validationRecordFqdns: records.map((record) => record.fqdn) },
    opts,
  );
  return validation.certificateArn;
}
