import * as assert from "node:assert/strict";
import { experimentTemplate, experimentTemplateId } from "../../../../components/chaos/lib/mocks";

describe("FIS experiment template mock", () => {
  it("gives templates deterministic IDs shaped like FIS's and the provider's computed options", () => {
    const urn = "urn:pulumi:test::blueprint::blueprint:chaos:RegionalChaos$aws:fis/experimentTemplate:ExperimentTemplate::x";
    const id = experimentTemplateId(urn);
    assert.match(id, /^EXT[A-Za-z0-9]{14}$/);
    assert.equal(experimentTemplateId(urn), id);
    assert.notEqual(experimentTemplateId(`${urn}-2`), id);
    const mocked = experimentTemplate({ type: "aws:fis/experimentTemplate:ExperimentTemplate", name: "x", urn, inputs: { tags: { Name: "n" } } }, "us-east-1");
    assert.deepEqual(mocked, {
      id,
      outputs: { experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" }, tagsAll: { Name: "n" } },
    });
  });
});
