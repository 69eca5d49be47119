// What the default analyzer finds in a sentence, as [type, text] pairs: the shape most recognizer tests assert on.
import { expect } from "vitest";
import { createAnalyzer, type EntityType } from "../src/index";

const analyzer = createAnalyzer();

export function found(text: string): [EntityType, string][] {
  return analyzer.analyze(text).map((e) => [e.type, e.text]);
}

/** The texts of what the default analyzer finds of one type in `text`, in order. */
export function foundOf(text: string, type: EntityType): string[] {
  return found(text)
    .filter(([t]) => t === type)
    .map(([, v]) => v);
}

export function expectFinds(text: string, type: EntityType, value: string): void {
  expect(found(text)).toContainEqual([type, value]);
}

export function expectNoType(text: string, type: EntityType): void {
  expect(found(text).filter(([t]) => t === type)).toEqual([]);
}
