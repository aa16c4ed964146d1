/**
 * What a drill schedule calls and with which permissions, as plain data: FIS's StartExperiment
 * through EventBridge Scheduler's universal target, idempotent per schedule execution, run by a
 * role that may start only the region's drill templates.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-universal.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 * @see https://docs.aws.amazon.com/fis/latest/APIReference/API_StartExperiment.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/getting-started.html (the scheduler role)
 */
import type { PolicyStatement } from "../../lib/iam";
import { DRILL_SETTLE_MINUTES } from "./drillSchedule";

/** The universal target of FIS's StartExperiment (the partition-less form Scheduler documents). */
export const START_EXPERIMENT_TARGET = "arn:aws:scheduler:::aws-sdk:fis:startExperiment";

/**
 * Retries of a failed start: twice, and never later than half the settle time after the slot, so
 * that a late start cannot overlap the next drill.
 */
export const SCHEDULE_RETRY = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: (DRILL_SETTLE_MINUTES / 2) * 60 } as const;

/**
 * The StartExperiment request: the template, and as the client token the schedule's execution ID
 * (a context attribute Scheduler fills in), so that a retried invocation of the same execution
 * starts no second experiment.
 */
export function startExperimentInput(templateId: string): string {
  return JSON.stringify({ ExperimentTemplateId: templateId, ClientToken: "<aws.scheduler.execution-id>" });
}

/** Where the scheduler role acts. */
export interface SchedulerRoleTargets {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly templateIds: readonly string[];
}

/**
 * The scheduler role's only statement: StartExperiment on the region's drill templates and on the
 * experiments it creates. No iam:PassRole: starting an experiment uses the template's role, which
 * FIS checked when the template was created.
 */
export function schedulerRoleStatements(targets: SchedulerRoleTargets): PolicyStatement[] {
  const fis = (resource: string) => `arn:${targets.partition}:fis:${targets.region}:${targets.accountId}:${resource}`;
  return [
    {
      Sid: "StartDrills",
      Effect: "Allow",
      Action: ["fis:StartExperiment"],
      Resource: [...targets.templateIds.map((id) => fis(`experiment-template/${id}`)), fis("experiment/*")],
    },
  ];
}
