import * as assert from "node:assert/strict";
import { drillScheduleProblems, drillSlotMinutes, scheduleExpressionProblem, staggeredExpression } from "../../../../components/resilience/lib/drillSchedule";
import {
  schedulerRoleStatements,
  startExperimentInput,
  START_EXPERIMENT_TARGET,
  SCHEDULE_RETRY,
} from "../../../../components/resilience/lib/drillScheduleTarget";

describe("drill schedule", () => {
  it("accepts Scheduler's three expression forms and off", () => {
    for (const expression of ["off", "cron(0 14 ? * TUE *)", "cron(0 9 1 * ? *)", "rate(7 days)", "rate(1 day)", "at(2027-01-05T14:00:00)"])
      assert.equal(scheduleExpressionProblem(expression), undefined, expression);
  });

  it("refuses five-field crons, both or neither day field, mismatched rate units and anything else, saying what is allowed", () => {
    assert.equal(
      scheduleExpressionProblem("cron(0 14 * * TUE)"),
      '"cron(0 14 * * TUE)" is not an EventBridge Scheduler expression; write cron(minutes hours day-of-month month day-of-week year) with six fields, rate(value unit), at(yyyy-mm-ddThh:mm:ss), or off',
    );
    assert.equal(
      scheduleExpressionProblem("cron(0 14 * * TUE *)"),
      '"cron(0 14 * * TUE *)" must set exactly one of day-of-month and day-of-week to ? (EventBridge Scheduler refuses both or neither)',
    );
    assert.equal(
      scheduleExpressionProblem("rate(2 day)"),
      '"rate(2 day)" must use a singular unit for 1 and a plural one otherwise, e.g. rate(1 day), rate(7 days)',
    );
  });

  it("staggers the n-th drill by n slots (duration + 20 minutes), within the day", () => {
    assert.equal(drillSlotMinutes(600), 30);
    assert.deepEqual(staggeredExpression("cron(0 14 ? * TUE *)", 0, 30), { expression: "cron(0 14 ? * TUE *)" });
    assert.deepEqual(staggeredExpression("cron(0 14 ? * TUE *)", 3, 30), { expression: "cron(30 15 ? * TUE *)" });
    assert.deepEqual(staggeredExpression("at(2027-01-05T23:50:00)", 1, 30), { expression: "at(2027-01-06T00:20:00)" });
    assert.deepEqual(drillScheduleProblems("cron(0 22 ? * TUE *)", 5, 600), [
      '"cron(0 22 ? * TUE *)" starts too late: drill 5 would start 120 minutes later, after midnight; start the first one at 21:59 UTC or earlier',
    ]);
    assert.deepEqual(drillScheduleProblems("cron(0 1 ? * TUE *)", 30, 1800), [
      '"cron(0 1 ? * TUE *)" starts too late: drill 30 would start 1450 minutes later, after midnight; no start time fits one day: shorten drillDuration or turn some drills off',
    ]);
    assert.deepEqual(drillScheduleProblems("cron(59 21 ? * TUE *)", 5, 600), []);
    assert.deepEqual(drillScheduleProblems("cron(0/30 14 ? * TUE *)", 2, 600), [
      '"cron(0/30 14 ? * TUE *)" must give its minutes and hours as single numbers so that the drills can run one after another, 30 minutes apart',
    ]);
    assert.deepEqual(drillScheduleProblems("rate(7 days)", 2, 600), [
      '"rate(7 days)" cannot be staggered (a rate has no time of day) and the stack has more than one drill; use a cron(...) expression',
    ]);
    assert.deepEqual(drillScheduleProblems("rate(7 days)", 1, 600), []);
  });

  it("starts the experiment through the universal target, idempotent per execution, with a role that may start only the region's templates", () => {
    assert.equal(START_EXPERIMENT_TARGET, "arn:aws:scheduler:::aws-sdk:fis:startExperiment");
    assert.equal(startExperimentInput("EXT123"), '{"ExperimentTemplateId":"EXT123","ClientToken":"<aws.scheduler.execution-id>"}');
    assert.deepEqual(SCHEDULE_RETRY, { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 600 });
    assert.deepEqual(schedulerRoleStatements({ partition: "aws", accountId: "123456789012", region: "eu-west-1", templateIds: ["EXTa", "EXTb"] }), [
      {
        Sid: "StartDrills",
        Effect: "Allow",
        Action: ["fis:StartExperiment"],
        Resource: [
          "arn:aws:fis:eu-west-1:123456789012:experiment-template/EXTa",
          "arn:aws:fis:eu-west-1:123456789012:experiment-template/EXTb",
          "arn:aws:fis:eu-west-1:123456789012:experiment/*",
        ],
      },
    ]);
  });
});
