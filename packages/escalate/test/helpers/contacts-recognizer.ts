// The user's address book as a recognizer, the way an app like PAM would add it to @hearth/redact's analyzer:
// every contact name is reported as PERSON wherever it appears.
import type { Recognizer, RecognizerResult } from "@hearth/redact";

export function contactsRecognizer(names: readonly string[]): Recognizer {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // Word edges are checked against Latin letters only: Japanese puts さん right after a name, with no space.
  const source = `(?<![\\p{Script=Latin}\\p{N}_])(?:${escaped.join("|")})(?![\\p{Script=Latin}\\p{N}_])`;
  return {
    name: "contacts",
    types: ["PERSON"],
    analyze(text: string): RecognizerResult[] {
      const out: RecognizerResult[] = [];
      const regex = new RegExp(source, "gu");
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        out.push({ start: m.index, end: m.index + m[0].length, type: "PERSON", score: 1 });
      }
      return out;
    },
  };
}
