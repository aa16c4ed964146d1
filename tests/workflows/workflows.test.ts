import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { commentMain } from "../../tools/plan/comment/commentMain";

/**
 * The GitHub Actions workflows shipped for the users' repositories: linted with GitHub's own
 * workflow parser (@actions/workflow-parser, the one behind the Actions language server: schema,
 * expression syntax, which contexts each key may use) and checked for the contracts they promise.
 */

const WORKFLOWS_DIR = ".github/workflows";
const WORKFLOW_FILES = readdirSync(WORKFLOWS_DIR)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();

/** The part of @actions/workflow-parser the tests use (the package ships ESM with types only for bundlers). */
interface WorkflowParser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): Array<{ message: string }> } }; value: unknown };
  convertWorkflowTemplate(context: unknown, root: unknown): Promise<{ errors?: Array<{ Message: string }> }>;
  NoOperationTraceWriter: new () => unknown;
}

let parser: WorkflowParser;
let unregister: () => Promise<void>;

/** Every problem the parser finds in a workflow's text, as its messages. */
async function lint(name: string, content: string): Promise<string[]> {
  const parsed = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
  const messages = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value !== undefined) {
    const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
    messages.push(...(template.errors ?? []).map((error) => error.Message));
  }
  return [...new Set(messages)];
}

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
  readonly if?: string;
}
interface Job {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly environment?: unknown;
  readonly concurrency?: { group: string; "cancel-in-progress": boolean };
  readonly strategy?: { matrix?: Record<string, unknown> };
  /** A job that calls a reusable workflow has `uses` and `with` instead of steps. */
  readonly steps: Step[];
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly secrets?: unknown;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; "cancel-in-progress": boolean };
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

function text(file: string): string {
  return readFileSync(join(WORKFLOWS_DIR, file), "utf8");
}
function workflow(file: string): Workflow {
  return parse(text(file)) as Workflow;
}
function allSteps(wf: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(wf.jobs).flatMap(([job, body]) => ((body.steps as Step[] | undefined) ?? []).map((step) => ({ job, step })));
}
function stepsOf(wf: Workflow, job: string): Step[] {
  return wf.jobs[job].steps;
}
function stepsUsing(wf: Workflow, action: string): Array<{ job: string; step: Step }> {
  return allSteps(wf).filter(({ step }) => step.uses?.startsWith(`${action}@`));
}

/** Runs a workflow step's bash script in the repository, as the runner would, and returns its outputs. */
function runStep(script: string, env: Record<string, string> = {}): { status: number; outputs: Record<string, string>; stdout: string } {
  const outputFile = join(mkdtempSync(join(tmpdir(), "gh-output-")), "output");
  writeFileSync(outputFile, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: outputFile, ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { status: result.status ?? -1, outputs, stdout: `${result.stdout}${result.stderr}` };
}

/** Each stack file's `blueprint:environment`, read the way the config is. */
function stackEnvironments(): Array<{ stack: string; environment: string }> {
  return readdirSync("stacks")
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort()
    .map((stack) => ({ stack, environment: parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config["blueprint:environment"] }));
}

describe("GitHub workflows", function () {
  this.timeout(20000);

  before(async () => {
    // The parser is ESM that imports JSON without import attributes (it targets bundlers); tsx's
    // ESM hooks load it. Scoped to a namespace so that nothing else in the test run is affected.
    // (a computed specifier: tsx's ESM API has types only for node16 resolution)
    const tsxEsmApi = "tsx/esm/api";
    const { register } = (await import(tsxEsmApi)) as {
      register: (options: { namespace: string }) => { import: (specifier: string, parent: string) => Promise<unknown>; unregister: () => Promise<void> };
    };
    const api = register({ namespace: "workflow-lint" });
    parser = (await api.import("@actions/workflow-parser", __filename)) as WorkflowParser;
    unregister = api.unregister;
  });
  after(async () => {
    await unregister?.();
  });

  it("ships exactly the pull-request and deploy workflows, and the deploy's reusable per-environment workflow", () => {
    assert.deepEqual(WORKFLOW_FILES, ["deploy-stacks.yml", "deploy.yml", "pull-request.yml"]);
  });

  for (const file of WORKFLOW_FILES) {
    it(`${file} passes GitHub's workflow parser with no error`, async () => {
      assert.deepEqual(await lint(file, text(file)), []);
    });
  }

  const mistakes: Array<{ name: string; from: string; to: string; message: RegExp }> = [
    { name: "a misspelt permission", from: "pull-requests: write", to: "pull-request: write", message: /Unexpected value 'pull-request'/ },
    {
      name: "a context the key cannot use",
      from: "if: vars.AWS_ROLE_ARN != ''",
      to: "if: secrets.AWS_ROLE_ARN != ''",
      message: /Unrecognized named-value: 'secrets'/,
    },
    {
      name: "a broken expression",
      from: "group: pull-request-${{ github.event.pull_request.number }}",
      to: "group: pull-request-${{ github.event.pull_request.number ) }}",
      message: /Unexpected symbol: '\)'/,
    },
    { name: "a duplicated key", from: "      - run: npm run typecheck\n", to: "        run: npm run typecheck\n", message: /'run' is already defined/ },
    {
      name: "an unknown job key",
      from: "    timeout-minutes: 5\n    permissions:\n      pull-requests: write",
      to: "    timeout-minute: 5\n    permissions:\n      pull-requests: write",
      message: /Unexpected value 'timeout-minute'/,
    },
  ];
  for (const mistake of mistakes) {
    it(`the linter catches ${mistake.name}`, async () => {
      const source = text("pull-request.yml");
      assert.ok(source.includes(mistake.from), mistake.from);
      const messages = await lint("pull-request.yml", source.replace(mistake.from, mistake.to));
      assert.ok(
        messages.some((m) => mistake.message.test(m)),
        messages.join("\n") || "no error reported",
      );
    });
  }

  describe("least privilege", () => {
    const expected: Record<string, Record<string, Record<string, string>>> = {
      "pull-request.yml": {
        test: { contents: "read" },
        plan: { contents: "read" },
        comment: { "pull-requests": "write" },
        stacks: { contents: "read" },
        preview: { contents: "read", "id-token": "write" },
      },
      "deploy.yml": {
        stacks: { contents: "read" },
        dev: { contents: "read", "id-token": "write" },
        staging: { contents: "read", "id-token": "write" },
        prod: { contents: "read", "id-token": "write" },
      },
      "deploy-stacks.yml": {
        up: { contents: "read", "id-token": "write" },
      },
    };
    for (const file of WORKFLOW_FILES) {
      it(`${file} grants nothing by default and each job only what it needs`, () => {
        const wf = workflow(file);
        assert.deepEqual(wf.permissions, {});
        assert.deepEqual(Object.fromEntries(Object.entries(wf.jobs).map(([job, body]) => [job, body.permissions])), expected[file]);
      });
    }

    it("never leaves the token in the checked-out repository", () => {
      for (const file of WORKFLOW_FILES) {
        const checkouts = stepsUsing(workflow(file), "actions/checkout");
        assert.ok(checkouts.length > 0);
        for (const { job, step } of checkouts) assert.equal(step.with?.["persist-credentials"], false, `${file} ${job}`);
      }
    });

    it("passes user input to scripts through the environment, never pasted into them", () => {
      for (const file of WORKFLOW_FILES) {
        for (const { job, step } of allSteps(workflow(file))) {
          if (step.run)
            assert.doesNotMatch(step.run, /\$\{\{\s*(inputs|github\.event|github\.head_ref)/, `${file} ${job}: ${step.name ?? step.run.slice(0, 40)}`);
        }
      }
    });
  });

  describe("pinned actions", () => {
    it("pins every action to a full commit SHA with its version as a comment, the same SHA everywhere", () => {
      const shaByAction = new Map<string, string>();
      for (const file of WORKFLOW_FILES) {
        const usesLines = text(file)
          .split("\n")
          // a local reusable workflow (uses: ./.github/workflows/...) is this repository's own code
          .filter((line) => /^\s*(-\s+)?uses:/.test(line) && !/uses: \.\//.test(line));
        assert.ok(usesLines.length > 0);
        for (const line of usesLines) {
          const match = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # v\d+(\.\d+){0,2}$/.exec(line);
          assert.ok(match, `${file}: not pinned to a SHA with a version comment: ${line.trim()}`);
          const [, action, sha] = match;
          assert.equal(shaByAction.get(action) ?? sha, sha, `${action} is pinned to two different commits`);
          shaByAction.set(action, sha);
        }
      }
      assert.deepEqual([...shaByAction.keys()].sort(), [
        "actions/checkout",
        "actions/download-artifact",
        "actions/github-script",
        "actions/setup-node",
        "actions/upload-artifact",
        "aws-actions/configure-aws-credentials",
        "pulumi/actions",
      ]);
    });
  });

  describe("pull-request.yml", () => {
    const wf = () => workflow("pull-request.yml");

    it("installs with npm ci on Node 20 with the npm cache, then type-checks and tests", () => {
      const steps = wf().jobs.test.steps;
      const setup = steps.find((step) => step.uses?.startsWith("actions/setup-node@"))!;
      assert.deepEqual(setup.with, { "node-version": "${{ env.NODE_VERSION }}", cache: "npm" });
      assert.equal(wf().env?.NODE_VERSION, "20");
      assert.deepEqual(
        steps.filter((step) => step.run).map((step) => step.run),
        ["npm ci --no-audit --no-fund", "npm run typecheck", "npm run generate -- --check", "npm test"],
      );
      for (const { step } of stepsUsing(wf(), "actions/setup-node")) assert.equal(step.with?.cache, "npm");
    });

    it("plans every stack, plans the base branch in its own checkout and diffs each stack with --fail-on-data-loss and --markdown", () => {
      const plan = wf().jobs.plan;
      const base = plan.steps.find((step) => step.with?.path === ".base")!;
      assert.equal(base.with?.ref, "${{ github.event.pull_request.base.sha }}");
      const runs = plan.steps.map((step) => step.run ?? "").join("\n");
      assert.match(runs, /npm run plan -- --all --quiet 2>&1/);
      assert.match(runs, /npm run plan -- --all --quiet --out-dir "\$GITHUB_WORKSPACE\/plan-base"/);
      assert.match(
        runs,
        /npm run --silent plan -- diff "plan-base\/\$stack\.json" "plan\/\$stack\.json" --fail-on-data-loss --markdown "plan\/ci\/\$stack\.diff\.md"/,
      );
      assert.equal(plan.steps.find((step) => step.with?.path === ".base")!.uses, plan.steps[0].uses);
      const baseStep = plan.steps.find((step) => step.run?.includes("plan-base"))!;
      assert.equal((baseStep as Step & { "working-directory"?: string })["working-directory"], ".base");
    });

    it("fails the plan job on a failed plan, a mandatory violation or data loss without the allow-data-loss label", () => {
      const gate = wf().jobs.plan.steps.at(-1)!;
      assert.equal(gate.env?.DATA_LOSS_ALLOWED, "${{ contains(github.event.pull_request.labels.*.name, env.DATA_LOSS_LABEL) }}");
      assert.equal(wf().env?.DATA_LOSS_LABEL, "allow-data-loss");
      const dir = mkdtempSync(join(tmpdir(), "gate-"));
      mkdirSync(join(dir, "plan/ci"), { recursive: true });
      const gateRun = (planExit: string, dataLoss: string, allowed: string, regression = "", regressionAllowed = "false") => {
        writeFileSync(join(dir, "plan/ci/plan-exit"), `${planExit}\n`);
        return runStep(`cd '${dir}'\n${gate.run}`, {
          DATA_LOSS: dataLoss,
          DATA_LOSS_ALLOWED: allowed,
          DATA_LOSS_LABEL: "allow-data-loss",
          RESILIENCE_REGRESSION: regression,
          RESILIENCE_REGRESSION_ALLOWED: regressionAllowed,
          RESILIENCE_REGRESSION_LABEL: "allow-resilience-regression",
        });
      };
      assert.equal(gateRun("0", "", "false").status, 0);
      assert.equal(gateRun("4", "", "true").status, 1);
      assert.equal(gateRun("1", "", "false").status, 1);
      const loss = gateRun("0", "prod", "false");
      assert.equal(loss.status, 1);
      assert.match(loss.stdout, /::error::stateful resources would be deleted or replaced in: prod\. If that is intended, add the label allow-data-loss\./);
      assert.equal(gateRun("0", "prod", "true").status, 0);
      // a resilience regression has its own label, and the data-loss label does not waive it
      assert.equal(wf().env?.RESILIENCE_REGRESSION_LABEL, "allow-resilience-regression");
      assert.equal(gate.env?.RESILIENCE_REGRESSION_ALLOWED, "${{ contains(github.event.pull_request.labels.*.name, env.RESILIENCE_REGRESSION_LABEL) }}");
      const regression = gateRun("0", "", "true", "prod");
      assert.equal(regression.status, 1);
      assert.match(regression.stdout, /::error::failure domains get worse in: prod .*add the label allow-resilience-regression\./);
      assert.equal(gateRun("0", "", "false", "prod", "true").status, 0);
      const runs = wf()
        .jobs.plan.steps.map((step) => step.run ?? "")
        .join("\n");
      assert.match(runs, /npm run --silent plan -- diff "plan-base\/\$stack\.json" "plan\/\$stack\.json" --fail-on-resilience-regression/);
    });

    it("posts ONE comment: only the comment job may write, only its github-script step comments, and the preview does not", () => {
      const jobsThatWrite = Object.entries(wf().jobs).filter(
        ([, job]) => Object.values(job.permissions ?? {}).includes("write") && job.permissions?.["pull-requests"] === "write",
      );
      assert.deepEqual(
        jobsThatWrite.map(([name]) => name),
        ["comment"],
      );
      const scripts = stepsUsing(wf(), "actions/github-script");
      assert.equal(scripts.length, 1);
      assert.equal(scripts[0].job, "comment");
      for (const { step } of allSteps(wf())) {
        if (step.run) assert.doesNotMatch(step.run, /gh (pr|issue) comment|gh api/);
      }
      for (const { step } of stepsUsing(wf(), "pulumi/actions").filter(({ step }) => step.with?.command !== undefined)) {
        assert.equal(step.with?.["comment-on-pr"], false);
      }
      assert.equal(wf().jobs.comment.if, "always() && (needs.plan.result == 'success' || needs.plan.result == 'failure')");
    });

    it("runs pulumi preview with the policy pack through OIDC only when an AWS role variable is set, never for forks", () => {
      const preview = wf().jobs.preview;
      assert.equal(preview.if, "vars.AWS_ROLE_ARN != '' && github.event.pull_request.head.repo.full_name == github.repository");
      const uses = preview.steps.map((step) => step.uses?.split("@")[0]).filter(Boolean);
      assert.ok(uses.indexOf("aws-actions/configure-aws-credentials") < uses.indexOf("pulumi/actions"));
      const aws = preview.steps.find((step) => step.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
      assert.equal(aws.with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
      assert.equal(aws.with?.["aws-access-key-id"], undefined, "OIDC only, no long-lived keys");
      assert.equal(preview.steps.find((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command)!.with?.command, "preview");
    });

    it("re-runs every job on a label event instead of skipping: a skipped job counts as a passed required check", () => {
      // GitHub writes a check run for a skipped job under the job's name on the same commit and
      // counts `skipped` as success, so a job skipped for an unrelated label would turn a failed
      // test or plan of that commit green.
      assert.deepEqual((wf().on.pull_request as { types: string[] }).types, ["opened", "synchronize", "reopened", "labeled", "unlabeled"]);
      const conditional = Object.entries(wf().jobs)
        .filter(([, job]) => job.if !== undefined)
        .map(([name, job]) => [name, job.if]);
      assert.deepEqual(conditional, [
        ["comment", "always() && (needs.plan.result == 'success' || needs.plan.result == 'failure')"],
        ["preview", "vars.AWS_ROLE_ARN != '' && github.event.pull_request.head.repo.full_name == github.repository"],
      ]);
      assert.doesNotMatch(text("pull-request.yml"), /github\.event\.label\b/);
    });

    it("cancels a superseded run of the same pull request", () => {
      assert.deepEqual(wf().concurrency, { group: "pull-request-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
    });
  });

  describe("deploy.yml", () => {
    const wf = () => workflow("deploy.yml");
    const up = () => workflow("deploy-stacks.yml").jobs.up;

    it("deploys dev, then staging, then prod: each environment's job needs the one before and runs only after it succeeded", () => {
      const jobs = wf().jobs;
      assert.deepEqual(Object.keys(jobs), ["stacks", "dev", "staging", "prod"]);
      assert.equal(jobs.stacks.if, "github.ref_name == github.event.repository.default_branch");
      assert.equal(jobs.dev.needs, "stacks");
      assert.deepEqual(jobs.staging.needs, ["stacks", "dev"]);
      assert.deepEqual(jobs.prod.needs, ["stacks", "dev", "staging"]);
      assert.equal(jobs.dev.if, "needs.stacks.outputs.dev != '[]'");
      assert.equal(
        jobs.staging.if,
        "!cancelled() && needs.stacks.result == 'success' && needs.stacks.outputs.staging != '[]' && (needs.dev.result == 'success' || (needs.dev.result == 'skipped' && needs.stacks.outputs.dev == '[]'))",
      );
      // a failed or cancelled staging never lets prod start; a skipped one only when it had no stack
      assert.equal(
        jobs.prod.if,
        "!cancelled() && needs.stacks.result == 'success' && needs.stacks.outputs.prod != '[]' && (needs.staging.result == 'success' || (needs.staging.result == 'skipped' && needs.stacks.outputs.staging == '[]' && (needs.dev.result == 'success' || (needs.dev.result == 'skipped' && needs.stacks.outputs.dev == '[]'))))",
      );
      for (const environment of ["dev", "staging", "prod"]) {
        const job = jobs[environment];
        assert.equal(job.uses, "./.github/workflows/deploy-stacks.yml");
        assert.deepEqual(job.with, { environment, stacks: `\${{ needs.stacks.outputs.${environment} }}` });
        assert.equal(job.secrets, "inherit");
      }
    });

    it("runs pulumi up in the GitHub environment it is called for, so prod waits for the prod environment's reviewers", () => {
      assert.equal(up().environment, "${{ inputs.environment }}");
      assert.deepEqual(up().strategy?.matrix, { include: "${{ fromJSON(inputs.stacks) }}" });
      assert.deepEqual(Object.keys((workflow("deploy-stacks.yml").on.workflow_call as { inputs: object }).inputs), ["environment", "stacks"]);
    });

    it("checks the settings first, then plans offline, refuses placeholders, installs the pinned CLI, creates the stack when new, sets its tags, and deploys", () => {
      const steps = up().steps;
      const at = (test: (step: Step) => boolean, what: string) => {
        const index = steps.findIndex(test);
        assert.ok(index >= 0, what);
        return index;
      };
      const order = [
        at((step) => step.name === "Check the environment's settings", "settings check"),
        at((step) => step.run === 'npm run -s plan -- "$STACK" --quiet', "offline plan"),
        at((step) => step.run === 'npm run -s plan -- placeholders "$STACK"', "placeholder check"),
        at((step) => step.uses?.startsWith("aws-actions/configure-aws-credentials@") === true, "credentials"),
        at((step) => step.uses?.startsWith("pulumi/actions@") === true && step.with?.command === undefined, "CLI install"),
        at((step) => step.run === ".github/scripts/prepare-stack.sh", "stack select/create and tags"),
        at((step) => step.with?.command === "up", "pulumi up"),
      ];
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
      assert.equal(order[0], 0, "the settings are checked before anything else");
    });

    it("fails with a clear error when the role, or both the token and the backend URL, are missing", () => {
      const check = up().steps[0].run!;
      const missing = runStep(check, { AWS_ROLE_ARN: "", PULUMI_ACCESS_TOKEN: "", PULUMI_BACKEND_URL: "", ENVIRONMENT: "prod" });
      assert.equal(missing.status, 1);
      assert.equal(
        missing.stdout,
        "::error::set the variable AWS_ROLE_ARN on the GitHub environment prod (the role this workflow assumes through OIDC; docs/deploying.md)\n" +
          "::error::set the secret PULUMI_ACCESS_TOKEN (Pulumi Cloud) or the variable PULUMI_BACKEND_URL (a self-managed backend such as s3://...) on the GitHub environment prod\n",
      );
      const role = "arn:aws:iam::210987654321:role/deploy";
      assert.equal(runStep(check, { AWS_ROLE_ARN: role, PULUMI_ACCESS_TOKEN: "pul-x", PULUMI_BACKEND_URL: "", ENVIRONMENT: "prod" }).status, 0);
      assert.equal(runStep(check, { AWS_ROLE_ARN: role, PULUMI_ACCESS_TOKEN: "", PULUMI_BACKEND_URL: "s3://state", ENVIRONMENT: "prod" }).status, 0);
    });

    it("never runs two updates of a stack at once and never cancels one", () => {
      assert.deepEqual(up().concurrency, { group: "deploy-${{ matrix.stack }}", "cancel-in-progress": false });
    });

    it("assumes the environment's role through OIDC", () => {
      const aws = up().steps.find((step) => step.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
      assert.equal(aws.with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
      assert.equal(aws.with?.["aws-secret-access-key"], undefined);
    });

    it("is started by a push to main or by hand for one stack", () => {
      assert.deepEqual(Object.keys(wf().on), ["push", "workflow_dispatch"]);
      assert.deepEqual((wf().on.push as { branches: string[] }).branches, ["main"]);
      assert.ok((wf().on.push as { paths: string[] }).paths.includes(".pulumi-version"));
      assert.deepEqual(Object.keys((wf().on.workflow_dispatch as { inputs: object }).inputs), ["stack"]);
    });

    it("lists the stacks of each environment for the chain, and none of an environment without a dispatched stack", () => {
      const listing = wf().jobs.stacks.steps.find((step) => step.id === "list")!.run!;
      const all = runStep(listing, { ONLY_STACK: "" });
      for (const environment of ["dev", "staging", "prod"])
        assert.deepEqual(
          JSON.parse(all.outputs[environment]),
          stackEnvironments().filter((entry) => entry.environment === environment),
        );
      const prodOnly = runStep(listing, { ONLY_STACK: "prod" });
      assert.deepEqual([prodOnly.outputs.dev, prodOnly.outputs.staging, prodOnly.outputs.prod], ["[]", "[]", '[{"stack":"prod","environment":"prod"}]']);
    });
  });

  describe("the Pulumi CLI, the stack and its tags", () => {
    const pulumiSteps = () => WORKFLOW_FILES.flatMap((file) => stepsUsing(workflow(file), "pulumi/actions").map((entry) => ({ file, ...entry })));

    it("pins the CLI of .pulumi-version, the version of the @pulumi/pulumi SDK in package.json, in every pulumi/actions step", () => {
      const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
      assert.equal(readFileSync(".pulumi-version", "utf8"), `${pkg.dependencies["@pulumi/pulumi"]}\n`);
      assert.match(pkg.dependencies["@pulumi/pulumi"], /^\d+\.\d+\.\d+$/);
      const steps = pulumiSteps();
      assert.equal(steps.length, 4);
      for (const { file, job, step } of steps) {
        assert.equal(step.with?.["pulumi-version-file"], ".pulumi-version", `${file} ${job}`);
        assert.equal(step.with?.["pulumi-version"], undefined);
      }
    });

    it("prepares the stack (select or create, tags) after the CLI install and before every preview and up", () => {
      for (const [file, job] of [
        ["deploy-stacks.yml", "up"],
        ["pull-request.yml", "preview"],
      ]) {
        const steps = workflow(file).jobs[job].steps;
        const install = steps.findIndex((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command === undefined);
        const prepare = steps.findIndex((step) => step.run === ".github/scripts/prepare-stack.sh");
        const command = steps.findIndex((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command !== undefined);
        assert.ok(install >= 0 && install < prepare && prepare < command, `${file} ${job}`);
        assert.deepEqual(Object.keys(steps[prepare].env ?? {}).sort(), [
          "PULUMI_ACCESS_TOKEN",
          "PULUMI_BACKEND_URL",
          "PULUMI_CONFIG_PASSPHRASE",
          "PULUMI_ORG",
          "SECRETS_PROVIDER",
          "STACK",
        ]);
      }
    });

    it("the preview fails clearly when a role is set but neither a token nor a backend URL", () => {
      const check = workflow("pull-request.yml").jobs.preview.steps.find((step) => step.name === "Check the Pulumi backend settings")!.run!;
      const result = runStep(check, { PULUMI_ACCESS_TOKEN: "", PULUMI_BACKEND_URL: "" });
      assert.equal(result.status, 1);
      assert.match(
        result.stdout,
        /^::error::AWS_ROLE_ARN is set, so the preview runs: set the secret PULUMI_ACCESS_TOKEN \(Pulumi Cloud\) or the variable PULUMI_BACKEND_URL/,
      );
    });

    /** Runs prepare-stack.sh with a fake `pulumi` that logs its arguments; `select` fails for a new stack. */
    function prepare(env: Record<string, string>, newStack: boolean, stacksDir?: string): { status: number; calls: string[]; stdout: string } {
      const dir = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
      const log = join(dir, "log");
      writeFileSync(
        join(dir, "pulumi"),
        `#!/usr/bin/env bash\necho "$*" >> '${log}'\nif [ "$1 $2" = "stack select" ] && [ "${newStack ? "new" : "old"}" = new ]; then exit 255; fi\n`,
        { mode: 0o755 },
      );
      writeFileSync(log, "");
      const script = stacksDir
        ? `npm() { command npm "$@" --stacks-dir '${stacksDir}'; }\nsource .github/scripts/prepare-stack.sh`
        : "source .github/scripts/prepare-stack.sh";
      const result = spawnSync("bash", ["--noprofile", "--norc", "-c", script], {
        encoding: "utf8",
        env: { PATH: `${dir}:${process.env.PATH ?? ""}`, HOME: process.env.HOME ?? "", ...env },
      });
      return { status: result.status ?? -1, calls: readFileSync(log, "utf8").split("\n").filter(Boolean), stdout: `${result.stdout}${result.stderr}` };
    }

    it("creates a new stack with the secrets provider and sets the environment tag, removing a stale waiver tag", function () {
      this.timeout(60000);
      const result = prepare({ STACK: "prod", PULUMI_ORG: "acme", SECRETS_PROVIDER: "awskms://alias/pulumi?region=us-east-1" }, true);
      assert.equal(result.status, 0, result.stdout);
      assert.deepEqual(result.calls, [
        "login",
        "stack select acme/prod",
        "stack init acme/prod --secrets-provider awskms://alias/pulumi?region=us-east-1",
        "stack tag set --stack acme/prod blueprint:environment prod",
        "stack tag rm --stack acme/prod blueprint:resilience-waiver",
      ]);
    });

    it("selects an existing stack on a self-managed backend and sets the waiver tag the resilience policies read", function () {
      this.timeout(60000);
      const dir = mkdtempSync(join(tmpdir(), "waived-"));
      const reason = "single-region pilot until the second region is approved";
      writeFileSync(
        join(dir, "Pulumi.pilot.yaml"),
        `${readFileSync("stacks/Pulumi.dev.yaml", "utf8")}\n  blueprint:resilienceWaiver:\n    reason: ${reason}\n`,
      );
      const result = prepare({ STACK: "pilot", PULUMI_BACKEND_URL: "s3://state-bucket" }, false, dir);
      assert.equal(result.status, 0, result.stdout);
      assert.deepEqual(result.calls, [
        "login s3://state-bucket",
        "stack select pilot",
        "stack tag set --stack pilot blueprint:environment dev",
        `stack tag set --stack pilot blueprint:resilience-waiver ${reason}`,
      ]);
    });
  });

  describe("the policy pack in every Pulumi run", () => {
    it("passes --policy-pack policies with the pack config of the stack's environment, and that config exists", () => {
      const runs = WORKFLOW_FILES.flatMap((file) => stepsUsing(workflow(file), "pulumi/actions")).filter(({ step }) => step.with?.command !== undefined);
      assert.equal(runs.length, 2);
      for (const { step } of runs) {
        assert.equal(step.with?.policyPacks, "policies");
        assert.equal(step.with?.policyPackConfigs, "policies/config/${{ matrix.environment }}.json");
      }
      for (const environment of ["dev", "staging", "prod"]) assert.ok(existsSync(`policies/config/${environment}.json`), environment);
    });
  });

  describe("the stack matrix", () => {
    const listing = (file: string) => {
      const jobs = workflow(file).jobs;
      return jobs.stacks.steps.find((step) => step.id === "list")!.run!;
    };

    it("lists every stack with its blueprint:environment, the same in both workflows", () => {
      const expected = stackEnvironments();
      assert.ok(expected.some((entry) => entry.stack === "prod" && entry.environment === "prod"));
      for (const file of ["deploy.yml", "pull-request.yml"]) {
        const result = runStep(listing(file), { ONLY_STACK: "" });
        assert.equal(result.status, 0, result.stdout);
        assert.deepEqual(JSON.parse(result.outputs.matrix), expected, file);
      }
    });

    it("deploys only the dispatched stack, and refuses an unknown or malformed name listing the stacks", () => {
      const only = runStep(listing("deploy.yml"), { ONLY_STACK: "prod" });
      assert.deepEqual(JSON.parse(only.outputs.matrix), [{ stack: "prod", environment: "prod" }]);
      const stacks = stackEnvironments()
        .map((entry) => entry.stack)
        .join(",");
      for (const bad of ["prdo", "prod;rm -rf x", "../stacks/Pulumi.prod"]) {
        const refused = runStep(listing("deploy.yml"), { ONLY_STACK: bad });
        assert.equal(refused.status, 1, bad);
        assert.ok(refused.stdout.includes(`::error::no stack '${bad}'; existing stacks: ${stacks}`), refused.stdout);
        assert.equal(refused.outputs.matrix, undefined);
      }
    });

    it("refuses a stack whose environment is not dev, staging or prod", () => {
      const dir = mkdtempSync(join(tmpdir(), "matrix-"));
      mkdirSync(join(dir, "stacks"));
      writeFileSync(join(dir, "stacks/Pulumi.odd.yaml"), "config:\n  blueprint:environment: qa\n");
      const result = runStep(`cd '${dir}'\n${listing("pull-request.yml")}`);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /::error file=stacks\/Pulumi\.odd\.yaml::blueprint:environment must be dev, staging or prod, got 'qa'/);
    });
  });

  describe("the comment script", () => {
    type Call = [string, Record<string, unknown>];

    /** Runs the github-script step's script with a fake GitHub client in a directory holding `files`. */
    async function runCommentScript(
      files: Record<string, string>,
      options: { existing?: Array<{ id: number; user: { type: string }; body: string }>; fork?: boolean } = {},
    ) {
      const step = stepsUsing(workflow("pull-request.yml"), "actions/github-script")[0].step;
      const script = String(step.with?.script);
      const dir = mkdtempSync(join(tmpdir(), "comment-"));
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const calls: Call[] = [];
      let summary = "";
      const github = {
        paginate: async (_method: unknown, params: Record<string, unknown>) => {
          calls.push(["list", params]);
          return options.existing ?? [];
        },
        rest: {
          issues: {
            listComments: () => undefined,
            updateComment: async (params: Record<string, unknown>) => calls.push(["update", params]),
            createComment: async (params: Record<string, unknown>) => calls.push(["create", params]),
          },
        },
      };
      const core = {
        summary: {
          addRaw(body: string) {
            summary = body;
            return this;
          },
          write: async () => undefined,
        },
        notice: () => undefined,
      };
      const context = {
        payload: { pull_request: { number: 42, head: { sha: "0123456789abcdef" }, base: { ref: "main", sha: "fedcba9876543210" } } },
        repo: { owner: "acme", repo: "infra" },
        serverUrl: "https://github.com",
        runId: 99,
      };
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
      const cwd = process.cwd();
      const fork = process.env.IS_FORK;
      process.chdir(dir);
      process.env.IS_FORK = options.fork ? "true" : "false";
      try {
        await new AsyncFunction("require", "github", "context", "core", script)(require, github, context, core);
      } finally {
        process.chdir(cwd);
        if (fork === undefined) delete process.env.IS_FORK;
        else process.env.IS_FORK = fork;
      }
      return { calls, summary };
    }

    const files = {
      "plan/ci/stacks.txt": "dev\nprod\nqa\n",
      "plan/ci/plan-exit": "0\n",
      "plan/ci/dev.diff-exit": "0\n",
      "plan/ci/dev.diff.md": "### Changes against the base plan\n\n**0 added, 0 removed, 1 changed.**\n",
      "plan/dev.md": "## Offline plan of stack `dev` (dev)\n",
      "plan/ci/prod.diff-exit": "5\n",
      "plan/ci/prod.diff.md": "### Changes against the base plan\n\nDATA LOSS: aws:rds/cluster:Cluster replaced\n",
      "plan/prod.md": "## Offline plan of stack `prod` (prod)\n",
      "plan/ci/qa.diff-exit": "no-base\n",
      "plan/qa.md": "## Offline plan of stack `qa` (dev)\n",
    };

    /** The plan job's step: `npm run plan -- comment` over the files, as the workflow runs it (in-process). */
    function assembled(input: Record<string, string>): Record<string, string> {
      const step = stepsOf(workflow("pull-request.yml"), "plan").find((s) => s.name === "Assemble the pull-request comment")!;
      assert.equal(step.run, "npm run -s plan -- comment --plans plan --base plan-base --out plan/ci/comment.md");
      const dir = mkdtempSync(join(tmpdir(), "assemble-"));
      for (const [path, content] of Object.entries(input)) {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const env = {
        HEAD_SHA: "0123456789abcdef",
        BASE_REF: "main",
        BASE_SHA: "fedcba9876543210",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: "acme/infra",
        GITHUB_RUN_ID: "99",
      };
      const code = commentMain(
        ["--plans", join(dir, "plan"), "--base", join(dir, "plan-base"), "--out", join(dir, "plan/ci/comment.md")],
        () => undefined,
        () => undefined,
        env,
      );
      assert.equal(code, 0);
      return { ...input, "plan/ci/comment.md": readFileSync(join(dir, "plan/ci/comment.md"), "utf8") };
    }

    it("posts the comment the plan job assembled: a row per stack, each diff, each report, the commits and the run", async () => {
      const { calls, summary } = await runCommentScript(assembled(files));
      assert.deepEqual(
        calls.map(([kind]) => kind),
        ["list", "create"],
      );
      const body = String(calls[1][1].body);
      assert.deepEqual(calls[1][1], { owner: "acme", repo: "infra", issue_number: 42, body });
      assert.equal(summary, body);
      assert.ok(body.startsWith("<!-- blueprint-offline-plan -->\n## Offline plan: every stack planned, no mandatory policy violation\n"));
      assert.ok(body.includes("| `dev` | no stateful resource deleted or replaced |"));
      assert.ok(body.includes("| `prod` | :warning: **stateful resources deleted or replaced** |"));
      assert.ok(body.includes("| `qa` | new stack (no base plan) |"));
      assert.ok(body.includes("DATA LOSS: aws:rds/cluster:Cluster replaced"));
      assert.ok(body.includes("## Offline plan of stack `prod` (prod)"));
      assert.ok(body.includes("`0123456` against `main` (`fedcba9`)"));
      assert.ok(body.includes("https://github.com/acme/infra/actions/runs/99"));
    });

    it("edits its own earlier comment instead of adding another, and leaves people's comments alone", async () => {
      const { calls } = await runCommentScript(assembled(files), {
        existing: [
          { id: 1, user: { type: "User" }, body: "quoting <!-- blueprint-offline-plan -->" },
          { id: 2, user: { type: "Bot" }, body: "<!-- blueprint-offline-plan -->\nold" },
        ],
      });
      assert.deepEqual(
        calls.map(([kind]) => kind),
        ["list", "update"],
      );
      assert.equal(calls[1][1].comment_id, 2);
    });

    it("only writes the job summary for a fork, whose token cannot comment", async () => {
      const { calls, summary } = await runCommentScript(assembled(files), { fork: true });
      assert.deepEqual(calls, []);
      assert.ok(summary.startsWith("<!-- blueprint-offline-plan -->"));
    });

    it("stays under GitHub's comment limit when a report or a diff is huge", async () => {
      for (const huge of [{ "plan/prod.md": "x".repeat(70000) }, { "plan/ci/prod.diff.md": "y".repeat(70000) }]) {
        const { calls } = await runCommentScript(assembled({ ...files, ...huge }));
        const body = String(calls[1][1].body);
        assert.ok(body.length <= 65536, `${body.length} characters`);
        assert.ok(body.includes("offline-plan"), "points at the artefact");
      }
    });

    it("says when the plan failed", async () => {
      const { calls } = await runCommentScript(assembled({ ...files, "plan/ci/plan-exit": "4\n", "plan/ci/qa.diff-exit": "plan-failed\n" }));
      const body = String(calls[1][1].body);
      assert.ok(body.startsWith("<!-- blueprint-offline-plan -->\n## Offline plan: mandatory policy violations\n"));
      assert.ok(body.includes("| `qa` | :x: planning failed |"));
    });

    it("posts a short notice, still under its marker, when the plan job left no comment", async () => {
      const { calls } = await runCommentScript(files);
      const body = String(calls[1][1].body);
      assert.ok(body.startsWith("<!-- blueprint-offline-plan -->\n## Offline plan: the comment could not be assembled"));
    });

    it("runs no code of the pull request in the job that may write: it only downloads the artefact and posts", () => {
      const steps = stepsOf(workflow("pull-request.yml"), "comment");
      assert.deepEqual(
        steps.map((step) => step.uses?.split("@")[0] ?? step.run),
        ["actions/download-artifact", "actions/github-script"],
      );
    });
  });
});
