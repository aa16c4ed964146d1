// Lint: typescript-eslint's type-aware recommended rules over every TypeScript file (the program,
// the components, the policy pack, the tools and the tests), with the few local choices below.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "policies/node_modules/**", "plan/**", "bin/**", "bench-results/**", "build/**", "offers/**", "eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // unused bindings named _x are deliberate (destructuring a key away)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read recorded plans and policy props, which are untyped JSON: they assert on any value
    // they reach, and an assertion that fails is the check the type system would have been.
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // assertion messages print whatever value they are about
      "@typescript-eslint/restrict-template-expressions": "off",
      // fakes of async APIs (octokit, the analyzer) keep their async signatures
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The launcher (tools/launch.cjs) is plain CommonJS for Node: it runs before any transpiler.
    files: ["**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
);
