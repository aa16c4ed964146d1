/**
 * Evaluates a web ACL's planned rules for one request, the way AWS WAF does: rules in priority
 * order, count actions add labels and go on, block ends the evaluation, a rule group's rule
 * overridden to count only counts. Of the AWS managed groups it knows the one rule the tests are
 * about, the common rule set's SizeRestrictions_BODY (a body over 8 KB); their other rules do not
 * match the benign requests the tests send. Statements: regex match on the URI path, label match,
 * size constraint on the body (with oversize handling past the inspection limit), AND, NOT.
 *
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-processing.html
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html
 */

/** A request as WAF sees it. */
export interface WafRequest {
  readonly method: string;
  readonly path: string;
  readonly bodyBytes: number;
}

/** What WAF did. */
export interface WafVerdict {
  readonly action: "allow" | "block";
  /** The rule that blocked, when one did. */
  readonly rule?: string;
  readonly labels: readonly string[];
}

type Statement = Record<string, any>;

/** CloudFront's default body inspection limit. */
const INSPECTION_LIMIT = 16_384;
/** The common rule set's body limit. */
const CORE_BODY_LIMIT = 8_192;

function matches(statement: Statement, request: WafRequest, labels: Set<string>): boolean {
  if (statement.andStatement) return (statement.andStatement.statements as Statement[]).every((inner) => matches(inner, request, labels));
  if (statement.orStatement) return (statement.orStatement.statements as Statement[]).some((inner) => matches(inner, request, labels));
  if (statement.notStatement) return !matches((statement.notStatement.statements as Statement[])[0], request, labels);
  if (statement.regexMatchStatement) {
    if (statement.regexMatchStatement.fieldToMatch?.uriPath === undefined) throw new Error("the evaluator matches regexes on the URI path only");
    return new RegExp(statement.regexMatchStatement.regexString as string).test(request.path);
  }
  if (statement.labelMatchStatement) {
    const { scope, key } = statement.labelMatchStatement as { scope: string; key: string };
    return scope === "NAMESPACE" ? [...labels].some((label) => label.startsWith(key)) : labels.has(key);
  }
  if (statement.sizeConstraintStatement) {
    const { comparisonOperator, size, fieldToMatch } = statement.sizeConstraintStatement as {
      comparisonOperator: string;
      size: number;
      fieldToMatch: Statement;
    };
    if (fieldToMatch.body === undefined || comparisonOperator !== "GT") throw new Error("the evaluator compares body sizes with GT only");
    if (request.bodyBytes > INSPECTION_LIMIT) {
      const oversize = fieldToMatch.body.oversizeHandling as string;
      if (oversize === "MATCH") return true;
      if (oversize === "NO_MATCH") return false;
      return Math.min(request.bodyBytes, INSPECTION_LIMIT) > size;
    }
    return request.bodyBytes > size;
  }
  if (statement.rateBasedStatement) return false;
  throw new Error(`the evaluator does not know the statement ${Object.keys(statement).join(", ")}`);
}

/** The planned web ACL's verdict on a request. */
export function evaluateWebAcl(rules: ReadonlyArray<Record<string, any>>, request: WafRequest): WafVerdict {
  const labels = new Set<string>();
  for (const rule of [...rules].sort((a, b) => (a.priority as number) - (b.priority as number))) {
    const group = rule.statement.managedRuleGroupStatement as
      { name: string; ruleActionOverrides?: Array<{ name: string; actionToUse: Record<string, unknown> }> } | undefined;
    if (group) {
      if (group.name !== "AWSManagedRulesCommonRuleSet" || request.bodyBytes <= CORE_BODY_LIMIT) continue;
      labels.add("awswaf:managed:aws:core-rule-set:SizeRestrictions_Body");
      const counted =
        rule.overrideAction?.count !== undefined ||
        group.ruleActionOverrides?.some((o) => o.name === "SizeRestrictions_BODY" && o.actionToUse.count !== undefined);
      if (!counted) return { action: "block", rule: `${rule.name}:SizeRestrictions_BODY`, labels: [...labels] };
      continue;
    }
    if (!matches(rule.statement, request, labels)) continue;
    for (const label of (rule.ruleLabels ?? []) as Array<{ name: string }>) labels.add(label.name);
    if (rule.action?.block !== undefined) return { action: "block", rule: rule.name, labels: [...labels] };
  }
  return { action: "allow", labels: [...labels] };
}
