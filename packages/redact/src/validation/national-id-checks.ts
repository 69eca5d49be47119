// Check digits of national identity numbers, from each issuer's published rule. Every function takes the digits
// only (letters where the number holds one), and says whether the number could have been issued.

const digitsOf = (s: string) => [...s].map((c) => c.charCodeAt(0) - 48);

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Czech and Slovak rodné číslo: YYMMDD/XXXX divisible by 11 (nine digits before 1954 carry no check). */
export function rodneCisloValid(d: string): boolean {
  if (!/^\d{9,10}$/.test(d)) return false;
  const month = Number(d.slice(2, 4)) % 50;
  if (!validDayMonth(Number(d.slice(4, 6)), month > 20 ? month - 20 : month)) return false;
  if (d.length === 9) return Number(d.slice(0, 2)) < 54;
  const rest = Number(d.slice(0, 9)) % 11;
  return (rest === 10 ? 0 : rest) === Number(d[9]);
}

/** Danish CPR: DDMMYY-SSSS, with a real day and month (the mod-11 check was dropped in 2007). */
export function cprValid(d: string): boolean {
  return /^\d{10}$/.test(d) && validDayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4)));
}

/** Chilean RUT/RUN: body digits and a check character (0-9 or K), mod 11 with weights 2 to 7. */
export function rutValid(body: string, check: string): boolean {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  const expected = r === 11 ? "0" : r === 10 ? "K" : String(r);
  return expected === check.toUpperCase();
}

/** Romanian CNP: thirteen digits, weights 279146358279, remainder 10 written as 1. */
export function cnpValid(d: string): boolean {
  if (!/^[1-9]\d{12}$/.test(d) || !validDayMonth(Number(d.slice(5, 7)), Number(d.slice(3, 5)))) return false;
  const w = digitsOf("279146358279");
  const n = digitsOf(d);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += n[i]! * w[i]!;
  const r = sum % 11;
  return (r === 10 ? 1 : r) === n[12];
}

/** German tax id (Steuer-IdNr): eleven digits, ISO 7064 MOD 11,10. */
export function steuerIdValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (Number(d[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return (check === 10 ? 0 : check) === Number(d[10]);
}

/**
 * German health insurance number (Krankenversichertennummer): a letter, eight digits and a check digit. The letter
 * counts as its two-digit place in the alphabet; weights 1 and 2 alternate, two-digit products add their digits.
 */
export function kvnrValid(value: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(value)) return false;
  const letter = String(value.charCodeAt(0) - 64).padStart(2, "0");
  const n = digitsOf(letter + value.slice(1, 9));
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    const p = n[i]! * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === Number(value[9]);
}

/** Russian SNILS: nine digits and a two-digit check (weights 9 to 1, mod 101, 100 written as 00). */
export function snilsValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (9 - i);
  const check = sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(d.slice(9));
}

/** Bulgarian EGN: ten digits, weights 2 4 8 5 10 9 7 3 6, mod 11 (10 written as 0). */
export function egnValid(d: string): boolean {
  if (!/^\d{10}$/.test(d)) return false;
  const w = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * w[i]!;
  const r = sum % 11;
  return (r === 10 ? 0 : r) === Number(d[9]);
}

/** Estonian isikukood and Lithuanian asmens kodas: eleven digits, two rounds of weights mod 11. */
export function balticPersonalCodeValid(d: string): boolean {
  if (!/^[1-6]\d{10}$/.test(d)) return false;
  const round = (start: number) => {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += Number(d[i]) * (((start + i - 1) % 9) + 1);
    return sum % 11;
  };
  let r = round(1);
  if (r === 10) r = round(3);
  return (r === 10 ? 0 : r) === Number(d[10]);
}

const HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** Finnish henkilötunnus: DDMMYY, a century sign, a three-digit number and a check character (mod 31). */
export function hetuValid(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(value);
  if (!m || !validDayMonth(Number(m[1]), Number(m[2]))) return false;
  return HETU_CHECK[Number(m[1]! + m[2]! + m[3]! + m[4]!) % 31] === m[5];
}

/** Norwegian fødselsnummer: eleven digits with two mod-11 check digits. */
export function fodselsnummerValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const check = (weights: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += Number(d[i]) * weights[i]!;
    const r = 11 - (sum % 11);
    return r === 11 ? 0 : r;
  };
  return check([3, 7, 6, 1, 8, 9, 4, 5, 2]) === Number(d[9]) && check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === Number(d[10]);
}

/** Belgian national register number: YYMMDD, three digits, and 97 less the first nine mod 97 (2 prefixed after 1999). */
export function belgianNationalNumberValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const check = Number(d.slice(9));
  const body = Number(d.slice(0, 9));
  return 97 - (body % 97) === check || 97 - (Number(`2${d.slice(0, 9)}`) % 97) === check;
}
