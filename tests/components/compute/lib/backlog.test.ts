import * as assert from "node:assert/strict";
import fc from "fast-check";
import { backlogExpression, queueMetricIds, scaleFromZeroExpression } from "../../../../components/compute/lib/backlog";

/** CloudWatch metric-math IDs: a lowercase letter, then letters, digits and underscores. */
const METRIC_ID = /^[a-z][a-zA-Z0-9_]*$/;
const NO_QUEUE = "the worker needs at least one queue to scale on";

describe("worker scaling expressions", () => {
  it("numbers the queues' metrics q0, q1, …", () => {
    assert.deepEqual(queueMetricIds(0), []);
    assert.deepEqual(queueMetricIds(1), ["q0"]);
    assert.deepEqual(queueMetricIds(3), ["q0", "q1", "q2"]);
  });

  it("gives distinct, valid metric IDs for any number of queues", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (count) => {
        const ids = queueMetricIds(count);
        assert.equal(ids.length, count);
        assert.equal(new Set(ids).size, count);
        for (const id of ids) assert.match(id, METRIC_ID);
      }),
    );
  });

  it("divides the visible messages of every queue by the in-service instances", () => {
    assert.equal(backlogExpression(["q0"]), "(q0) / inservice");
    assert.equal(backlogExpression(queueMetricIds(3)), "(q0 + q1 + q2) / inservice");
  });

  it("is 1 while messages wait and nothing is in service", () => {
    assert.equal(scaleFromZeroExpression(["q0"]), "IF(inservice == 0, IF((q0) > 0, 1, 0), 0)");
    assert.equal(scaleFromZeroExpression(queueMetricIds(2)), "IF(inservice == 0, IF((q0 + q1) > 0, 1, 0), 0)");
  });

  it("refuses an empty queue list", () => {
    assert.throws(() => backlogExpression([]), { message: NO_QUEUE });
    assert.throws(() => scaleFromZeroExpression([]), { message: NO_QUEUE });
  });

  it("refers only to valid metric IDs and metric-math keywords", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (count) => {
        const ids = queueMetricIds(count);
        for (const expression of [backlogExpression(ids), scaleFromZeroExpression(ids)]) {
          const names = (expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((name) => name !== "IF" && name !== "AND");
          assert.deepEqual(new Set(names), new Set([...ids, "inservice"]));
          for (const name of names) assert.match(name, METRIC_ID);
        }
      }),
    );
  });
});
