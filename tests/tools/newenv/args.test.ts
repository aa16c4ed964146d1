import * as assert from "node:assert/strict";
import { MAX_STACK_NAME_LENGTH, parseNewEnvArgs } from "../../../tools/newenv/args";

describe("new-env: arguments", () => {
  const cases: Array<{ name: string; argv: string[]; problems: string[] }> = [
    { name: "missing flags", argv: [], problems: ["--name is required (the new stack's name, e.g. perf)", "--from is required (the stack to copy, e.g. dev)"] },
    { name: "a flag without its value", argv: ["--name", "--from", "dev"], problems: ["--name needs a value (the new stack's name, e.g. perf)"] },
    {
      name: "an invalid stack name",
      argv: ["--name", "my stack!", "--from", "dev"],
      problems: ['--name "my stack!" is not a Pulumi stack name; use letters, digits, "-", "_" and "." only'],
    },
    {
      name: "a stack name over 100 characters",
      argv: ["--name", "a".repeat(MAX_STACK_NAME_LENGTH + 1), "--from", "dev"],
      problems: ['--name "aaaaaaaaaaaaaaaaaaaa..." is 101 characters long; Pulumi stack names have at most 100'],
    },
    {
      name: "an unknown region, with close names",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,eu-wset-1"],
      problems: ['--regions "eu-wset-1" is not a known AWS region; did you mean eu-west-1 or eu-west-2 or eu-west-3?'],
    },
    {
      name: "an empty and a repeated region",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,,us-east-1"],
      problems: [
        "--regions has an empty entry at position 2; separate region names with single commas",
        '--regions lists "us-east-1" twice; each region may appear once',
      ],
    },
    {
      name: "a primary outside --regions",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,eu-west-1", "--primary", "us-west-2"],
      problems: ['--primary "us-west-2" is not one of --regions (us-east-1, eu-west-1); pick one of them or add it to --regions'],
    },
    {
      name: "unknown options and stray arguments",
      argv: ["--name=x", "--from=dev", "--force", "extra"],
      problems: [
        "unknown option --force; allowed: --name, --from, --regions, --primary, --stacks-dir, --dry-run, --help",
        'unexpected argument "extra"; name the stacks with --name and --from',
      ],
    },
  ];
  for (const c of cases) {
    it(`lists every problem at once: ${c.name}`, () => {
      assert.deepEqual(parseNewEnvArgs(c.argv).problems, c.problems);
    });
  }

  it("ignores the bare -- that npx passes through", () => {
    const parsed = parseNewEnvArgs(["--", "--name", "x", "--from", "dev", "--dry-run"]);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.args, { name: "x", from: "dev", dryRun: true, stacksDir: "stacks", help: false });
  });

  it("suggests nothing for a name far from every region and lists the known ones instead", () => {
    const [problem] = parseNewEnvArgs(["--name", "x", "--from", "dev", "--primary", "moon-base-1"]).problems;
    assert.match(problem, /^--primary "moon-base-1" is not a known AWS region; known regions: us-east-1, us-east-2, .*, af-south-1$/);
  });
});
