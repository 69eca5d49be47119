/**
 * Whether the three parts of a US social security number can have been issued: the SSA never assigns area 000, 666
 * or 900-999, group 00 or serial 0000, and a number of one repeated digit is a placeholder.
 */
export function ssaValid(area: string, group: string, serial: string): boolean {
  if (area === "000" || area === "666" || area[0] === "9" || group === "00" || serial === "0000") return false;
  return !/^(\d)\1+$/.test(area + group + serial);
}
