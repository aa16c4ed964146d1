/**
 * Finds every placeholder value in a stack file with its key (in `pulumi config set --path`
 * syntax) and its line, reading the YAML with positions. Comments are not values and are never
 * reported; `secure:` values cannot be read and are skipped.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { placeholderReasons } from "./rules";

/** A placeholder still in a stack file. */
export interface Placeholder {
  /** The stack file. */
  readonly file: string;
  /** 1-based line of the value. */
  readonly line: number;
  /** The key as `pulumi config set --path` takes it, e.g. `blueprint:domain.certificateArns.us-east-1` or `blueprint:regions[0].name`. */
  readonly key: string;
  readonly value: string;
  /** Why it is a placeholder. */
  readonly reasons: readonly string[];
}

/** Thrown for a stack file that is not valid YAML. */
export class PlaceholderScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlaceholderScanError";
  }
}

/** Every placeholder under the file's `config:`, in file order. */
export function scanPlaceholders(file: string, text: string): Placeholder[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) throw new PlaceholderScanError(`${file} is not valid YAML: ${document.errors[0].message}`);
  const root = document.contents;
  const config = isMap(root) ? root.get("config", true) : undefined;
  const found: Placeholder[] = [];
  const visit = (node: unknown, key: string) => {
    if (isScalar(node)) {
      const scalar: unknown = node.value;
      if (typeof scalar !== "string" && typeof scalar !== "number") return;
      const value = String(scalar);
      const reasons = placeholderReasons(value);
      if (reasons.length > 0) found.push({ file, line: lineCounter.linePos(node.range?.[0] ?? 0).line, key, value, reasons });
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, `${key}[${index}]`));
    } else if (isMap(node)) {
      if (node.items.length === 1 && isScalar(node.items[0].key) && node.items[0].key.value === "secure") return;
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        visit(pair.value, pathKey(key, String(pair.key.value)));
      }
    }
  };
  if (isMap(config)) {
    for (const pair of config.items) {
      if (isScalar(pair.key)) visit(pair.value, String(pair.key.value));
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** A map key appended to a path: `a.b`, or `a["b.c"]` when the key holds a dot or a bracket. */
function pathKey(parent: string, key: string): string {
  return /[.[\]"]/.test(key) ? `${parent}[${JSON.stringify(key)}]` : `${parent}.${key}`;
}
