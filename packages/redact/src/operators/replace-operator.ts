import type { Vault } from "../vault";
import type { Operator } from "./operator";

/** Typed placeholders (`[PERSON_1]`) from a vault: the same value always gets the same one, on every turn. */
export function replaceOperator(vault: Vault): Operator {
  return { name: "replace", apply: (e) => vault.placeholderFor(e.type, e.text) };
}
