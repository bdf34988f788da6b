import type { JobOperation } from '@aws-sdk/client-s3-control';
import { type OperationName, sdkNameOf, type WizardOperation } from '@batchops/contracts';

/** The wizard's name of an operation (`copy`, `lambda`, …). */
export type OperationType = WizardOperation['type'];
export type OperationOf<T extends OperationType> = Extract<WizardOperation, { type: T }>;
/** The JobOperation member S3 Control names it by; the key of the permissions table too. */
export type SdkOperationName = OperationName & keyof JobOperation;
export type SdkParameters<N extends SdkOperationName> = NonNullable<JobOperation[N]>;

/** One operation as the BFF maps it between the wizard's model and S3 Control's JobOperation. */
export interface BffOperation<T extends OperationType, N extends SdkOperationName> {
  readonly type: T;
  readonly sdkName: N;
  toSdk(op: OperationOf<T>): SdkParameters<N>;
  /** null when the parameters lack what the wizard needs (the caller says which operation). */
  fromSdk(params: SdkParameters<N>): OperationOf<T> | null;
}

/** A module of type T, whatever JobOperation member it writes. */
export type AnyBffOperation<T extends OperationType> = {
  [N in SdkOperationName]: BffOperation<T, N>;
}[SdkOperationName];

/** The JobOperation member of each wizard operation, as contracts names it. */
type SdkNameOf<T extends OperationType> = Extract<(typeof sdkNameOf)[T], SdkOperationName>;

/** An operation's module: its mapping, checked against the JobOperation member contracts names for it. */
export const bffOperation = <T extends OperationType>(
  type: T,
  mapping: Pick<BffOperation<T, SdkNameOf<T>>, 'toSdk' | 'fromSdk'>,
): BffOperation<T, SdkNameOf<T>> => ({ type, sdkName: sdkNameOf[type] as SdkNameOf<T>, ...mapping });
