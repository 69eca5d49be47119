/**
 * GPT-2's byte <-> printable character table, the alphabet byte-level BPE vocabularies are written in. Fixed by the
 * format: the tokenizer itself (@huggingface/tokenizers) uses the same table; the runtime needs it to know which
 * bytes each token adds to the text (for streaming, offsets and constrained decoding).
 */
function buildTable(): { toChar: string[]; toByte: Map<string, number> } {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const toChar: string[] = new Array(256);
  const toByte = new Map<string, number>();
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    const ch = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + shifted++);
    toChar[b] = ch;
    toByte.set(ch, b);
  }
  return { toChar, toByte };
}

const table = buildTable();

/** The byte a byte-level vocabulary character stands for, or undefined for a character outside the alphabet. */
export function byteOfChar(ch: string): number | undefined {
  return table.toByte.get(ch);
}
