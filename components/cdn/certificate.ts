/**
 * The distribution's certificate: an ACM certificate in us-east-1 (the only region CloudFront
 * takes certificates from, whatever the stack's regions) for every alias, DNS-validated in the
 * stack's hosted zone. The distribution uses the validation's ARN so it waits for issuance.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
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
  const records = args.aliases.map((alias) => {
    const option = certificate.domainValidationOptions.apply((options) => {
      const found = options.find((entry) => entry.domainName === alias);
      if (!found) throw new Error(`ACM returned no validation option for ${alias}`);
      return found;
    });
    return new aws.route53.Record(
      `${name}-validation-${alias}`,
      {
        zoneId: args.hostedZoneId,
        name: option.resourceRecordName,
        type: option.resourceRecordType,
        records: [option.resourceRecordValue],
        ttl: 300,
        // ACM asks for the same record for a name in every region and certificate of an account
        allowOverwrite: true,
      },
      opts,
    );
  });
  const validation = new aws.acm.CertificateValidation(
    name,
    { region, certificateArn: certificate.arn, validationRecordFqdns: records.map((record) => record.fqdn) },
    opts,
  );
  return validation.certificateArn;
}
