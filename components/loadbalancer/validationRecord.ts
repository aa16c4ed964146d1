/**
 * The DNS record that validates one name of an ACM certificate, shared by the load balancers'
 * certificates and the distribution's: ACM asks for the same CNAME for a given name in every
 * region and certificate of an account, so the record may overwrite an identical one.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** What `acmValidationRecord` validates, and where. */
export interface AcmValidationRecordArgs {
  /** The DNS-validated certificate. */
  readonly certificate: aws.acm.Certificate;
  /** The name to validate: the certificate's domain name or one of its alternative names. */
  readonly domainName: string;
  /** Public hosted zone that holds the name. */
  readonly hostedZoneId: pulumi.Input<string>;
}

/**
 * Declares the validation record ACM asks for `domainName` (TTL 300, `allowOverwrite`: the same
 * name may already hold this exact record from another certificate or stack of the account).
 *
 * @param name the record's logical name
 * @throws (when ACM answers) if the certificate has no validation option for `domainName`
 */
export function acmValidationRecord(name: string, args: AcmValidationRecordArgs, opts: pulumi.CustomResourceOptions): aws.route53.Record {
  const option = args.certificate.domainValidationOptions.apply((options) => {
    const found = options.find((entry) => entry.domainName === args.domainName);
    if (!found) throw new Error(`ACM returned no validation option for ${args.domainName}`);
    return found;
  });
  return new aws.route53.Record(
    name,
    {
      zoneId: args.hostedZoneId,
      name: option.resourceRecordName,
      type: option.resourceRecordType,
      records: [option.resourceRecordValue],
      ttl: 300,
      allowOverwrite: true,
    },
    opts,
  );
}
