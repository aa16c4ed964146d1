/**
 * IAM policy documents (identity policies and trust policies) in one shape, whether the resource
 * declares them as a JSON string or as an object.
 */

/** One statement, normalised: single values become lists. */
export interface IamStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** True when the statement uses `NotAction` (which, with Allow, grants everything else). */
  readonly notAction: boolean;
  readonly resources: readonly string[];
  readonly notResource: boolean;
  /** `"*"` for a bare wildcard principal, otherwise principal type → identifiers. */
  readonly principals: "*" | Readonly<Record<string, readonly string[]>> | undefined;
  readonly hasCondition: boolean;
  /** The `Condition` block: operator → condition key → value(s). */
  readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A parsed document, or why it could not be read. */
export type ParsedDocument = { readonly statements: readonly IamStatement[] } | { readonly error: string };

function list(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

function principalsOf(value: unknown): IamStatement["principals"] {
  if (value === undefined) return undefined;
  if (value === "*") return "*";
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, ids]) => [key, list(ids)]));
  }
  return {};
}

/** Parses a policy document given as JSON text or as an object. */
export function parseIamDocument(document: unknown): ParsedDocument {
  let value: unknown = document;
  if (typeof document === "string") {
    try {
      value = JSON.parse(document);
    } catch (err) {
      return { error: `is not valid JSON (${(err as Error).message})` };
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: "is not a JSON object" };
  const raw = (value as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return {
    statements: statements.map((statement, index) => {
      const s = (statement ?? {}) as Record<string, unknown>;
      return {
        index,
        ...(typeof s.Sid === "string" ? { sid: s.Sid } : {}),
        effect: s.Effect === "Deny" ? "Deny" : "Allow",
        actions: list(s.Action ?? s.NotAction),
        notAction: s.NotAction !== undefined,
        resources: list(s.Resource ?? s.NotResource),
        notResource: s.NotResource !== undefined,
        principals: principalsOf(s.Principal ?? s.NotPrincipal),
        hasCondition: s.Condition !== undefined && s.Condition !== null && Object.keys(s.Condition).length > 0,
        condition: s.Condition !== null && typeof s.Condition === "object" ? (s.Condition as Record<string, Record<string, unknown>>) : {},
      };
    }),
  };
}

/** How a statement is named in messages: `statement 1 ("Sid")`. */
export function statementLabel(statement: IamStatement): string {
  return `statement ${statement.index}${statement.sid ? ` ("${statement.sid}")` : ""}`;
}

/** True for `*` or `<service>:*`. */
export function isWildcardAction(action: string): boolean {
  return action === "*" || /^[a-z0-9-]+:\*$/i.test(action);
}

/** True when the principal admits anyone: `"*"` or `{ "AWS": "*" }`. */
export function admitsAnyPrincipal(principals: IamStatement["principals"]): boolean {
  if (principals === "*") return true;
  if (principals === undefined) return false;
  return Object.values(principals).some((ids) => ids.includes("*"));
}

/** True when the statement's condition requires `aws:SecureTransport` to be false (the "deny plain HTTP" idiom). */
export function matchesInsecureTransport(statement: IamStatement): boolean {
  for (const [operator, keys] of Object.entries(statement.condition)) {
    if (operator.toLowerCase() !== "bool") continue;
    for (const [key, value] of Object.entries(keys ?? {})) {
      if (key.toLowerCase() !== "aws:securetransport") continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => String(v).toLowerCase() === "false")) return true;
    }
  }
  return false;
}

/**
 * True when the document denies every principal any of `actions` (or a wildcard covering them)
 * over plain HTTP: the SSL-only statement of a queue, topic or bucket policy.
 */
export function deniesInsecureTransport(statements: readonly IamStatement[], actions: readonly string[]): boolean {
  const wanted = actions.map((action) => action.toLowerCase());
  return statements.some(
    (statement) =>
      statement.effect === "Deny" &&
      !statement.notAction &&
      admitsAnyPrincipal(statement.principals) &&
      statement.actions.some((action) => action === "*" || wanted.includes(action.toLowerCase())) &&
      matchesInsecureTransport(statement),
  );
}
