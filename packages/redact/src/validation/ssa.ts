// Numbers the SSA has voided after they were printed as samples (the Woolworth wallet card's 078-05-1120, the
// advertised 219-09-9999 and 457-55-5462) and the counting placeholders "123-45-6789" and "987-65-4321".
const VOIDED = new Set(["078051120", "219099999", "457555462", "123456789", "987654321"]);

/**
 * Whether the three parts of a US social security number can have been issued: the SSA never assigns area 000, 666
 * or 900-999, group 00 or serial 0000, a number of one repeated digit is a placeholder, and a few published samples
 * were voided.
 */
export function ssaValid(area: string, group: string, serial: string): boolean {
  if (area === "000" || area === "666" || area[0] === "9" || group === "00" || serial === "0000") return false;
  const digits = area + group + serial;
  return !/^(\d)\1+$/.test(digits) && !VOIDED.has(digits);
}
