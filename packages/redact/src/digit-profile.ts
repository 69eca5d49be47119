/** How many ASCII digits a text holds, and the longest run of them. */
export interface DigitProfile {
  readonly digits: number;
  readonly run: number;
}

// Every recognizer asks about the text it was given, one after another: remembering the last answer makes that one
// pass over the text for all of them.
let lastText: string | undefined;
let last: DigitProfile = { digits: 0, run: 0 };

/** Counts the ASCII digits of `text` (what `\d` matches) and its longest run of consecutive ones. */
export function digitProfile(text: string): DigitProfile {
  if (text === lastText) return last;
  let digits = 0;
  let run = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      current++;
      if (current > run) run = current;
    } else current = 0;
  }
  lastText = text;
  last = { digits, run };
  return last;
}
