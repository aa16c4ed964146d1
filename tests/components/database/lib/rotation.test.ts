import * as assert from "node:assert/strict";
import { PASSWORD_SPECIAL_CHARACTERS } from "../../../../components/database/lib/credentials";
import { excludedCharacters, ROTATION_APPLICATIONS, rotationFunctionName } from "../../../../components/database/lib/rotation";

describe("database secret rotation", () => {
  it("uses AWS's single-user rotation function of the engine", () => {
    assert.match(ROTATION_APPLICATIONS.postgresql, /applications\/SecretsManagerRDSPostgreSQLRotationSingleUser$/);
    assert.match(ROTATION_APPLICATIONS.mysql, /applications\/SecretsManagerRDSMySQLRotationSingleUser$/);
  });

  it("keeps rotated passwords to the characters the generated ones use (none RDS refuses)", () => {
    const excluded = excludedCharacters(PASSWORD_SPECIAL_CHARACTERS);
    for (const refused of ["/", "@", '"', "'", "\\"]) assert.ok(excluded.includes(refused), refused);
    for (const allowed of PASSWORD_SPECIAL_CHARACTERS) assert.ok(!excluded.includes(allowed), allowed);
  });

  it("names each shard's function", () => {
    assert.deepEqual(
      [rotationFunctionName("blueprint-prod", 0), rotationFunctionName("blueprint-prod", 2)],
      ["blueprint-prod-db-rotation", "blueprint-prod-s2-db-rotation"],
    );
  });
});
