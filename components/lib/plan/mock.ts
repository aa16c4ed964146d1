/**
 * Building blocks of the mocked resource states the offline plan records: the input and result
 * shapes of a mock and the helpers the components' mocks share.
 */
import { arn, autoName, ec2Id, MOCK_ACCOUNT_ID } from "./mockIds";

/** One registration, as the mock sees it. */
export interface MockInput {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly inputs: Record<string, unknown>;
}

/** The mocked result: the ID (custom resources only) and the outputs beyond the inputs. */
export interface MockResult {
  readonly id?: string;
  readonly outputs: Record<string, unknown>;
}

/** Computes the mocked state of one resource type. */
export type Builder = (input: MockInput, region: string) => MockResult;

/** The physical name: the explicit `name` input, else Pulumi's auto-name. */
export const named = (input: MockInput): string =>
  typeof input.inputs.name === "string" ? input.inputs.name : autoName(input.name, input.urn);

/** An EC2-style resource: `<prefix>-0…` ID, ARN and owner. */
export const ec2Resource =
  (prefix: string, arnType: string, extra: (input: MockInput, id: string) => Record<string, unknown> = () => ({})): Builder =>
  (input, region) => {
    const id = ec2Id(prefix, input.urn);
    return { id, outputs: { arn: arn("ec2", region, `${arnType}/${id}`), ownerId: MOCK_ACCOUNT_ID, ...extra(input, id) } };
  };
