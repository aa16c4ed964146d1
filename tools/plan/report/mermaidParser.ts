/**
 * Mermaid's own parser, run in Node: the `mermaid` package (a devDependency) needs a DOM for its
 * sanitizer, so a jsdom window is installed first. Used by the report tests and by
 * `renderCheck.ts`; the plan itself never loads Mermaid.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** What `mermaid.parse` answers for valid text. */
export interface ParseResult {
  readonly diagramType: string;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<ParseResult>;
}

// Both packages are ES modules; the TypeScript here compiles to CommonJS, whose `import()` would
// become `require()`, so the real dynamic import is kept out of the compiler's sight.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body: the one way to keep a real import() in CommonJS output
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;
const requireHere = createRequire(__filename);
const moduleUrl = (name: string) => pathToFileURL(requireHere.resolve(name)).href;

let loaded: Promise<MermaidApi> | undefined;

/** Loads Mermaid once, under a jsdom window. */
export function loadMermaid(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const { JSDOM } = (await importModule(moduleUrl("jsdom"))) as { JSDOM: new (html: string) => { window: Record<string, unknown> & { document: unknown } } };
    const dom = new JSDOM("<!doctype html><html><body></body></html>");
    const globals = globalThis as Record<string, unknown>;
    const had = { window: "window" in globals, document: "document" in globals };
    globals.window ??= dom.window;
    globals.document ??= dom.window.document;
    let mermaid: MermaidApi;
    try {
      mermaid = (await importModule(moduleUrl("mermaid"))).default as MermaidApi;
    } finally {
      if (!had.window) delete globals.window;
      if (!had.document) delete globals.document;
    }
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    return {
      initialize: (config) => mermaid.initialize(config),
      // The DOM globals exist only while Mermaid parses: other code in the same process (the
      // Pulumi SDK, other tests) must not start believing it runs in a browser.
      async parse(text) {
        globals.window ??= dom.window;
        globals.document ??= dom.window.document;
        try {
          return await mermaid.parse(text);
        } finally {
          if (!had.window) delete globals.window;
          if (!had.document) delete globals.document;
        }
      },
    };
  })();
  return loaded;
}

/** Parses Mermaid text; rejects with Mermaid's own error message when it is invalid. */
export async function parseMermaid(text: string): Promise<ParseResult> {
  const mermaid = await loadMermaid();
  return mermaid.parse(text);
}
