/**
 * DNS names, Route 53 hosted-zone IDs and ACM certificate ARNs: syntax rules and which names a
 * certificate covers, checked offline so that a wrong name never reaches ACM or CloudFront.
 */

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why a single DNS label is invalid, or undefined. */
export function labelProblem(label: string): string | undefined {
  if (!LABEL.test(label)) {
    return "must be one DNS label: 1 to 63 lowercase letters, digits or -, not starting or ending with -";
  }
  return undefined;
}

/** Why a domain name is invalid, or undefined (lowercase, no trailing dot, at least two labels). */
export function dnsNameProblem(name: string): string | undefined {
  if (name.length > 253) return "must be at most 253 characters";
  if (name.endsWith(".")) return "must not end with a dot";
  const labels = name.split(".");
  if (labels.length < 2) return "must have at least two labels, such as example.com";
  if (labels.some((label) => !LABEL.test(label))) {
    return "must be a lowercase DNS name: labels of 1 to 63 letters, digits or -, separated by dots";
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return "must end in a top-level domain, not a number";
  return undefined;
}

/** Why a Route 53 hosted zone ID is invalid, or undefined. */
export function hostedZoneIdProblem(id: string): string | undefined {
  return /^Z[A-Z0-9]{1,31}$/.test(id) ? undefined : "must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)";
}

/** The parts of an ACM certificate ARN. */
export interface AcmCertificateArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly id: string;
}

const ACM_ARN = /^arn:(aws|aws-cn|aws-us-gov):acm:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):certificate\/([0-9a-f-]{36})$/;

/** Parses an ACM certificate ARN, or says why it is not one. */
export function parseAcmCertificateArn(arn: string): AcmCertificateArn | string {
  const match = ACM_ARN.exec(arn);
  if (!match) return "must be an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<id>";
  return { partition: match[1], region: match[2], account: match[4], id: match[5] };
}

/**
 * Whether a certificate name covers a host name. A wildcard covers exactly one label:
 * `*.example.com` covers `www.example.com`, not `example.com` nor `a.b.example.com`.
 */
export function certificateNameCovers(certificateName: string, host: string): boolean {
  const name = certificateName.toLowerCase();
  const target = host.toLowerCase();
  if (!name.startsWith("*.")) return name === target;
  const suffix = name.slice(1);
  if (!target.endsWith(suffix)) return false;
  const head = target.slice(0, target.length - suffix.length);
  return head.length > 0 && !head.includes(".");
}

/** The regional origin name of a load balancer: `<region>.<apiName>`, covered by its certificate. */
export function regionalOriginName(apiName: string, region: string): string {
  return `${region}.${apiName}`;
}
