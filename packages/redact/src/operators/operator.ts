import type { Entity } from "../entity";

/** The operator spec: what replaces one entity's text in the redacted output. */
export interface Operator {
  readonly name: string;
  apply(entity: Entity): string;
}
