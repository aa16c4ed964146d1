/**
 * Building blocks of the mocked resource states the offline plan records: the input and result
 * shapes of a mock and the helpers the components' mocks share.
 */
import { arn, autoName, ec2Id, hashHex, MOCK_ACCOUNT_ID } from "./mockIds";

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
export const named = (input: MockInput): string => (typeof input.inputs.name === "string" ? input.inputs.name : autoName(input.name, input.urn));

/** An EC2-style resource: `<prefix>-0…` ID and ARN (and `ownerId` for the types that output one: groups, endpoints, VPCs). */
export const ec2Resource =
  (
    prefix: string,
    arnType: string,
    extra: (input: MockInput, id: string) => Record<string, unknown> = () => ({}),
    options: { readonly ownerId?: boolean } = {},
  ): Builder =>
  (input, region) => {
    const id = ec2Id(prefix, input.urn);
    return { id, outputs: { arn: arn("ec2", region, `${arnType}/${id}`), ...(options.ownerId ? { ownerId: MOCK_ACCOUNT_ID } : {}), ...extra(input, id) } };
  };

/** A resource whose only output is its ID (bucket settings, attachments): the generic ID, no ARN. */
export const idOnlyMock: Builder = (input, region) => ({ id: genericMock(input, region).id, outputs: {} });

/** A string input, or undefined when it is absent or not a string. */
export const textInput = (input: MockInput, key: string): string | undefined => (typeof input.inputs[key] === "string" ? input.inputs[key] : undefined);

/**
 * The generic state: an ID from the logical name and the URN and, for an `aws:<module>/<resource>:<Type>`
 * token, an ARN `arn:aws:<module>:<region>:<account>:<resource>/<id>`. The engine gives it to types
 * without plan facts (so a new type never breaks the plan); facts name it for the types whose
 * mock has never been more specific.
 */
export const genericMock: Builder = (input, region) => {
  const match = /^aws:([a-z0-9]+)\/([a-zA-Z0-9]+):/.exec(input.type);
  const id = `${input.name}-${hashHex(12, input.urn)}`;
  return { id, outputs: match ? { arn: arn(match[1], region, `${match[2]}/${id}`) } : {} };
};

/** Computes the mocked result of one invoke (a data source such as `aws.getCallerIdentity`). */
export type InvokeMock = (inputs: Record<string, unknown>, region: string) => Record<string, unknown>;

/** A failed invoke: the SDK reports it by its gRPC `details`, not its message. */
export function invokeError(message: string): Error {
  return Object.assign(new Error(message), { details: message });
}
