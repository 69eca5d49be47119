/** A matrix stored as int8 with one float scale per row (symmetric: zero point 0). */
export interface QuantizedRows {
  readonly rows: number;
  readonly cols: number;
  /** [rows, cols], row-major, in -127..127. */
  readonly values: Int8Array;
  /** One scale per row: a row's floats are `values * scale`. */
  readonly scales: Float32Array;
}

/**
 * Per-row symmetric int8 quantization of a [rows, cols] matrix, the form the zoo's int8 variants store embedding
 * tables in: a lookup gathers int8 rows and their scales, so only the rows a text uses are ever dequantized.
 */
export function quantizeRows(data: Float32Array, rows: number, cols: number): QuantizedRows {
  const values = new Int8Array(rows * cols);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(data[r * cols + c]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    // Round with the float32 scale the file will hold, so dequantizing here and in the graph agree exactly.
    const stored = scales[r]!;
    for (let c = 0; c < cols; c++) {
      values[r * cols + c] = Math.max(-127, Math.min(127, Math.round(data[r * cols + c]! / stored)));
    }
  }
  return { rows, cols, values, scales };
}

/** The float32 matrix a {@link QuantizedRows} stands for. */
export function dequantizeRows(q: QuantizedRows): Float32Array {
  const out = new Float32Array(q.rows * q.cols);
  for (let r = 0; r < q.rows; r++) {
    const scale = q.scales[r]!;
    for (let c = 0; c < q.cols; c++) out[r * q.cols + c] = q.values[r * q.cols + c]! * scale;
  }
  return out;
}
