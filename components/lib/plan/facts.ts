/**
 * What a component declares about the AWS types it creates, for the offline plan engine
 * (tools/plan): how to mock each type's state, how long it takes to create, what replaces it when
 * it holds data, and how the report's diagram draws it. Each component exports one
 * `ComponentPlanFacts` from its `plan.ts`; components/catalog.ts lists them, and the engine looks
 * every type up there, so nothing about a type lives outside the component that creates it.
 */
import type { CostRule } from "./cost";
import type { CreationTime } from "./creation";
import type { Builder, InvokeMock } from "./mock";
import type { NodeKind } from "./nodeKinds";
import type { PlannedResource } from "./plannedResource";
import type { PlanGraph } from "./planGraph";

/**
 * An input whose change replaces the resource, with the condition when it only sometimes does.
 *
 * Source: the Terraform AWS provider that `@pulumi/aws` bridges marks these arguments `ForceNew`
 * in its resource schemas (its docs say "Forces new resource"); the Pulumi engine replaces the
 * resource when one changes. The provider's enhanced-region guide adds `region` ("Changing the
 * value of `region` will force resource replacement"). The provider makes arguments updatable over
 * time (e.g. `identifier` of an RDS instance became renamable in place in 2023), so re-check the
 * rules when upgrading `@pulumi/aws`.
 *
 * @see https://github.com/hashicorp/terraform-provider-aws/tree/main/internal/service
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support
 */
export interface ReplacementRule {
  /** Top-level input name (Pulumi's camelCase). */
  readonly input: string;
  /** Only then does the change replace (e.g. for some engines); always when absent. */
  readonly when?: (before: PlannedResource, after: PlannedResource) => boolean;
  /** What the condition is, for the table and the finding's reason. */
  readonly condition?: string;
}

/** A stateful type: what it holds and what replaces it (delete and create: the data goes with it). */
export interface StatefulType {
  /** What a reviewer calls it. */
  readonly label: string;
  /** What is lost when it is deleted or replaced. */
  readonly loses: string;
  readonly replacedBy: readonly ReplacementRule[];
  /**
   * Why removing one (as opposed to replacing it) loses no data, when that holds: e.g. an Aurora
   * instance, whose data is in the cluster volume, removed when a switchover shrinks a cluster.
   * The diff then lists the removal without a data-loss finding.
   * @default undefined (a removal is data loss)
   */
  readonly removalKeepsData?: string;
}

/** Rules for inputs whose every change replaces the resource. */
export const always = (...inputs: string[]): ReplacementRule[] => inputs.map((input) => ({ input }));

/** Everything the plan knows about one resource type. */
export interface TypeFacts {
  /** Pulumi type token, e.g. `aws:rds/cluster:Cluster`. */
  readonly type: string;
  /** The ID and computed outputs AWS would return (only outputs the real resource returns). */
  readonly mock: Builder;
  /** Typical creation time and its basis. */
  readonly creation: CreationTime;
  /** What a delete or replacement loses, for types that hold data. */
  readonly stateful?: StatefulType;
  /** The diagram box a resource of this type is drawn in; undefined (or a function returning it) when not drawn. */
  readonly kind?: NodeKind | ((resource: PlannedResource) => NodeKind | undefined);
  /** Whether a drawn resource sits outside the region boxes. @default its kind is one of GLOBAL_KINDS */
  readonly global?: (resource: PlannedResource) => boolean;
  /** What the diagram box counts one resource of this type as (e.g. `cluster`), where the box tells types apart. */
  readonly noun?: string;
  /** The port a data store of this type listens on, when the plan tells (security-group edges check rule ports against it). */
  readonly port?: (resource: PlannedResource) => number | undefined;
}

/** What an edge of the diagram means; it picks the arrow style. */
export type EdgeStyle = "traffic" | "replication" | "failover" | "protects";

/** What an edge function sees and does: the recorded graph, the boxes, and the arrows it adds. */
export interface EdgeContext {
  readonly graph: PlanGraph;
  /** The stack's primary region, as the plan records it. */
  readonly primaryRegion: string;
  /** The box kind of a resource, from every component's facts; undefined when it is not drawn. */
  readonly kindOf: (resource: PlannedResource) => NodeKind | undefined;
  /** The port a drawn data store listens on, from its type's facts. */
  readonly portOf: (resource: PlannedResource) => number | undefined;
  /** The box a drawn resource is in. */
  readonly nodeOf: (urn: string | undefined) => string | undefined;
  /** Adds an arrow between two boxes (nothing when either is undefined or they are the same box). */
  readonly connect: (from: string | undefined, to: string | undefined, style: EdgeStyle, label?: string) => void;
  /** The box of a kind in a region (null: global), created empty if no resource is drawn in it. */
  readonly place: (kind: NodeKind, region: string | null) => string;
}

/** Adds a component's arrows to the diagram. */
export type DrawEdges = (context: EdgeContext) => void;

/**
 * A component's arrows, in two passes: every component's request arrows (traffic, failover,
 * protection) are drawn before any replication arrow, each pass in catalog order.
 */
export interface DiagramEdges {
  readonly requests?: DrawEdges;
  readonly replication?: DrawEdges;
}

/** What a component's part of the report sees: the recorded graph and the stack's regions. */
export interface ReportContext {
  readonly graph: PlanGraph;
  /** The stack's regions, in stack-file order. */
  readonly regions: readonly string[];
  readonly primaryRegion: string;
}

/** A component's part of the report (`plan/<stack>.md`): Markdown lines, none when it has nothing to show. */
export type ReportSection = (context: ReportContext) => readonly string[];

/** Where a switchover goes: the planned stack after the move, its name, the writer's region before and after. */
export interface SwitchoverContext {
  readonly resources: readonly PlannedResource[];
  readonly stack: string;
  readonly from: string;
  readonly target: string;
}

/**
 * A component's part of a switchover: `execution` lines run the whole move at once (a Region switch
 * plan) and come first; `manual` lines are one step each, in catalog order.
 */
export type SwitchoverSteps = (context: SwitchoverContext) => { readonly execution?: readonly string[]; readonly manual?: readonly string[] };

/** One failure domain whose outcome got worse between two plans (the diff's resilience regressions). */
export interface PlanRegression {
  /** Stable key of the domain, e.g. `region:us-east-1`. */
  readonly key: string;
  /** What a reviewer calls it. */
  readonly label: string;
  /** Each way it got worse, in one sentence. */
  readonly reasons: readonly string[];
}

/** Compares a base plan with a head plan of the same stack. */
export type CompareSection = (base: ReportContext, head: ReportContext) => readonly PlanRegression[];

/** What one component declares: the types it creates, the invokes it calls, the arrows between its types. */
export interface ComponentPlanFacts {
  /** The component's folder name under components/ (`shared` for the types several create). */
  readonly component: string;
  readonly types: readonly TypeFacts[];
  /** Mocked results of the invokes the component calls, keyed by invoke token. */
  readonly invokes?: Readonly<Record<string, InvokeMock>>;
  readonly edges?: DiagramEdges;
  /** Its section of the report, after the deploy estimate. @default none */
  readonly report?: ReportSection;
  /** What got less resilient between two plans (`plan diff` flags it; `--fail-on-resilience-regression` fails on it). @default none */
  readonly regressions?: CompareSection;
  /**
   * How each type this component creates is billed, keyed by type token (tools/plan/cost prices it
   * from the dated snapshot). Every type the stacks create needs one (tests/meta). @default none
   */
  readonly costs?: Readonly<Record<string, CostRule>>;
  /**
   * The regions whose web tier serves a planned route in normal operation (the cost section's
   * standby line counts the others); undefined when this plan has no routes of the component's
   * (e.g. no distribution). @default every region serves (no component tells)
   */
  readonly servingRegions?: (context: ReportContext) => readonly string[] | undefined;
  /** The commands that move the writer of this component's resources to another region (`npm run switchover` prints them). @default none */
  readonly switchover?: SwitchoverSteps;
}
