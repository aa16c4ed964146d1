/**
 * What marks a stack-file value as a placeholder: something the shipped stacks carry so that they
 * plan offline, but that no real account has. Each rule names why, so the list says what to replace.
 */

/** One kind of placeholder value. */
export interface PlaceholderRule {
  /** Why a value matching it is a placeholder, as the listing prints it. */
  readonly reason: string;
  readonly test: (value: string) => boolean;
}

/** The account AWS's documentation uses in every example ARN; the offline plan's mocks use it too. */
export const DOCUMENTATION_ACCOUNT = "123456789012";

/**
 * Domains reserved for documentation by RFC 2606 (example.com/.net/.org and their subdomains, the
 * .example, .test and .invalid top-level domains), in a domain name, an e-mail address or a URL.
 */
const RESERVED_DOMAIN = /(?:^|[.@/\s])(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid))(?=$|[/:\s"',\]])/i;

/** An identifier made of a counting run (`0123456789`, `ABCDEFGHIJ`), as made-up IDs are. */
function hasCountingRun(value: string, length = 10): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const alphanumeric = /[0-9A-Za-z]/.test(value[i]) && /[0-9A-Za-z]/.test(value[i - 1]);
    run = step === 1 && alphanumeric ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** The rules, in the order their reasons are listed. */
export const PLACEHOLDER_RULES: readonly PlaceholderRule[] = [
  { reason: `the AWS documentation account ${DOCUMENTATION_ACCOUNT}`, test: (value) => new RegExp(`(?:^|\\D)${DOCUMENTATION_ACCOUNT}(?:\\D|$)`).test(value) },
  { reason: "a domain reserved for documentation (RFC 2606)", test: (value) => RESERVED_DOMAIN.test(value) },
  { reason: "a made-up ID (a counting run such as 0123456789)", test: (value) => !value.includes(DOCUMENTATION_ACCOUNT) && hasCountingRun(value) },
];

/** The reasons a value is a placeholder; empty when it is not one. */
export function placeholderReasons(value: string): string[] {
  return PLACEHOLDER_RULES.filter((rule) => rule.test(value)).map((rule) => rule.reason);
}
