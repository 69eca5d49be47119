import { ModelInvalidError } from "../errors/model-invalid-error";

// Field numbers of onnx.ModelProto that must be present for a file to be a model at all.
const IR_VERSION_FIELD = 1;
const GRAPH_FIELD = 7;

/**
 * Walks the protobuf wire format of an ONNX ModelProto (top level and the graph message) without decoding it, so a
 * truncated or corrupted file is refused with a typed error before it reaches native code. onnxruntime would
 * reject most such files too, but with messages that differ across builds, and a cheap check here costs nothing.
 */
export function checkOnnxBytes(bytes: Uint8Array, file: string): void {
  const refuse = (why: string): never => {
    throw new ModelInvalidError(
      file,
      `${file} is not a valid ONNX model (${why}): the file is truncated or corrupted; download it again.`,
    );
  };
  if (bytes.length === 0) refuse("the file is empty");
  const top = walkMessage(bytes, 0, bytes.length);
  if (typeof top === "string") refuse(top);
  const fields = top as Map<number, Array<[number, number]>>;
  if (!fields.has(IR_VERSION_FIELD)) refuse("it has no ir_version");
  const graph = fields.get(GRAPH_FIELD)?.[0];
  if (!graph) refuse("it has no graph");
  const inner = walkMessage(bytes, graph![0], graph![1]);
  if (typeof inner === "string") refuse(`its graph is malformed: ${inner}`);
}

/** Field number -> [start, end) of each length-delimited value; a string says what is wrong. */
function walkMessage(bytes: Uint8Array, start: number, end: number): Map<number, Array<[number, number]>> | string {
  const fields = new Map<number, Array<[number, number]>>();
  let pos = start;
  const varint = (): number | undefined => {
    let result = 0;
    let shift = 0;
    while (pos < end) {
      const b = bytes[pos++]!;
      // Only the low 53 bits matter for lengths and tags; larger values are caught by the bounds checks.
      if (shift < 49) result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
      if (shift > 70) return undefined;
    }
    return undefined;
  };
  while (pos < end) {
    const tag = varint();
    if (tag === undefined) return `a field tag runs past the end at byte ${pos}`;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) return `field number 0 at byte ${pos}`;
    if (wire === 0) {
      if (varint() === undefined) return `a number runs past the end at byte ${pos}`;
      fields.set(field, fields.get(field) ?? []);
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      if (pos > end) return "a fixed-size value runs past the end";
      fields.set(field, fields.get(field) ?? []);
    } else if (wire === 2) {
      const length = varint();
      if (length === undefined) return `a length runs past the end at byte ${pos}`;
      if (pos + length > end) return `a ${length}-byte value at byte ${pos} runs past the end (${end})`;
      const list = fields.get(field) ?? [];
      list.push([pos, pos + length]);
      fields.set(field, list);
      pos += length;
    } else {
      return `unknown wire type ${wire} at byte ${pos}`;
    }
  }
  return fields;
}
