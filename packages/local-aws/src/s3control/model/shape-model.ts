import jobShapesFile from './job-shapes.json' with { type: 'json' };

// The S3 Control job shapes of the botocore model (job-shapes.json, regenerated with
// scripts/extract-job-shapes.mjs): members, names, enums and limits, none written by hand here.

export interface ShapeRef {
  readonly shape: string;
  /** XML element name when it differs from the member name (`SSE-S3`, list items `ObjectEncryption`). */
  readonly locationName?: string;
  /** header / uri / querystring: the member is not in the XML body. */
  readonly location?: string;
  readonly flattened?: boolean;
}

export interface Shape {
  readonly type: string;
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly required?: readonly string[];
  readonly union?: boolean;
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly flattened?: boolean;
  readonly locationName?: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface ShapeModel {
  readonly apiVersion: string;
  readonly xmlNamespace: string;
  readonly roots: readonly string[];
  readonly shapes: Readonly<Record<string, Shape>>;
}

export const jobShapeModel = jobShapesFile as unknown as ShapeModel;

export function shapeOf(name: string): Shape {
  const shape = jobShapeModel.shapes[name];
  if (!shape) throw new Error(`shape-codec: ${name} is not in job-shapes.json`);
  return shape;
}

/** The element a member is written as: its locationName, else its shape's, else its name. */
export function xmlNameOf(memberName: string, ref: ShapeRef): string {
  return ref.locationName ?? shapeOf(ref.shape).locationName ?? memberName;
}

export const isBodyMember = (ref: ShapeRef) => ref.location === undefined;
export const isFlattenedList = (ref: ShapeRef) => {
  const shape = shapeOf(ref.shape);
  return shape.type === 'list' && (ref.flattened === true || shape.flattened === true);
};

export function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** An XML element as the parser gives it, or an SDK-style object. */
export type XmlObject = Record<string, unknown>;
