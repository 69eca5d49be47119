// Metadata from the core entry with the full data: the CommonJS build of "libphonenumber-js/max" does not export the
// class, so a require() of this package failed on the first phone.
import { type CountryCode, Metadata } from "libphonenumber-js/core";
import maxMetadata from "libphonenumber-js/metadata.max.json";

interface Plan {
  readonly general: RegExp;
  /**
   * For each country of the region's calling code (a number written in the US may be Canadian), its general pattern
   * and its number types (fixed line, mobile, toll free...): libphonenumber validates a number against the country it
   * belongs to, where it must fit the general pattern and one type.
   */
  readonly countries: readonly { readonly general: RegExp; readonly types: RegExp | null }[] | null;
  readonly prefix: RegExp | null;
  readonly idd: RegExp | null;
  /**
   * How a trunk prefix with carrier digits rewrites the number (Brazil, Argentina): libphonenumber's own
   * `number.replace(prefix, rule)`, done here the same way.
   */
  readonly transform: string | null;
}

// The numbering-plan accessors libphonenumber's Metadata class has at run time but its typings leave out. Should a
// release drop one, `plan` returns null for every region and every candidate is parsed, as before this check.
// libphonenumber's number types, each with its own pattern in the metadata.
const TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
] as const;

interface TypeAccessors {
  type(name: string): { pattern(): string } | undefined;
  hasTypes(): boolean;
  getCountryCodesForCallingCode(callingCode: string): readonly string[] | undefined;
}

interface PlanAccessors {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  IDDPrefix(): string | undefined;
}

const plans = new Map<string, Plan | null>();
let metadata: Metadata | undefined;

function plan(region: string): Plan | null {
  let p = plans.get(region);
  if (p !== undefined) return p;
  metadata ??= new Metadata(maxMetadata);
  try {
    metadata.selectNumberingPlan(region as CountryCode);
    const np = metadata.numberingPlan as unknown as PlanAccessors;
    const prefix = np.nationalPrefixForParsing();
    const idd = np.IDDPrefix();
    const general = np.nationalNumberPattern();
    const transform = np.nationalPrefixTransformRule() || null;
    p = {
      general: new RegExp(`^(?:${general})$`),
      countries: countriesOf(region, metadata),
      prefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
      idd: idd ? new RegExp(`^(?:${idd})`) : null,
      transform,
    };
  } catch {
    p = null;
  }
  plans.set(region, p);
  return p;
}

/** The general pattern and types of every country sharing `region`'s calling code, or null if the metadata lacks them. */
function countriesOf(region: string, metadata: Metadata): Plan["countries"] {
  const m = metadata as unknown as TypeAccessors & {
    numberingPlan: { callingCode(): string };
    selectNumberingPlan(code: CountryCode): void;
  };
  if (typeof m.type !== "function" || typeof m.getCountryCodesForCallingCode !== "function") return null;
  const codes = new Set([region, ...(m.getCountryCodesForCallingCode(m.numberingPlan.callingCode()) ?? [])]);
  const out: { general: RegExp; types: RegExp | null }[] = [];
  for (const code of codes) {
    m.selectNumberingPlan(code as CountryCode);
    const general = new RegExp(`^(?:${(m.numberingPlan as unknown as PlanAccessors).nationalNumberPattern()})$`);
    const patterns = m.hasTypes() ? TYPES.map((t) => m.type(t)?.pattern() ?? "").filter((x) => x !== "") : [];
    // Without types, libphonenumber takes any number of the general pattern.
    out.push({ general, types: m.hasTypes() ? new RegExp(`^(?:${patterns.join("|") || "(?!)"})$`) : null });
  }
  m.selectNumberingPlan(region as CountryCode);
  return out;
}

/**
 * Whether `digits` (a number written without a country code, extension removed) could be valid in `region`: its
 * national part matches the region's general number pattern and the pattern of one of its number types, with or
 * without the trunk prefix. That is libphonenumber's own test of validity (less its per-type lengths), so every number
 * it validates for the region passes; this only spares the full parse, about 20 µs a region, for the digit groups
 * that cannot be a number there.
 */
export function mayBePhoneIn(digits: string, region: string): boolean {
  const p = plan(region);
  if (!p) return true;
  // libphonenumber's validity: the national number fits the general pattern of the region, and the general pattern
  // and one type of a country of its calling code.
  const fits = (n: string) =>
    p.general.test(n) &&
    (p.countries === null || p.countries.some((c) => c.general.test(n) && (c.types?.test(n) ?? true)));
  if (fits(digits)) return true;
  if (p.idd?.test(digits)) return true;
  if (p.prefix) {
    const m = p.prefix.exec(digits);
    if (m && m[0].length > 0 && fits(digits.slice(m[0].length))) return true;
    // The national number libphonenumber reads when the prefix captured carrier digits and the region rewrites.
    if (m && p.transform && m.length > 1 && m[m.length - 1] && fits(digits.replace(p.prefix, p.transform))) return true;
  }
  return false;
}
