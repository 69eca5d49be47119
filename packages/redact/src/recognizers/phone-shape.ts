import { type CountryCode, Metadata } from "libphonenumber-js/max";

interface Plan {
  readonly general: RegExp;
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
  metadata ??= new Metadata();
  try {
    metadata.selectNumberingPlan(region as CountryCode);
    const np = metadata.numberingPlan as unknown as PlanAccessors;
    const prefix = np.nationalPrefixForParsing();
    const idd = np.IDDPrefix();
    p = {
      general: new RegExp(`^(?:${np.nationalNumberPattern()})$`),
      prefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
      idd: idd ? new RegExp(`^(?:${idd})`) : null,
      transform: np.nationalPrefixTransformRule() || null,
    };
  } catch {
    p = null;
  }
  plans.set(region, p);
  return p;
}

/**
 * Whether `digits` (a number written without a country code, extension removed) could be valid in `region`: its
 * national part matches the region's general number pattern, with or without the trunk prefix. Every number that
 * libphonenumber validates for the region passes (the general pattern covers every number type), so this only
 * spares the full parse, about 20 µs a region, for the digit groups that cannot be a number there.
 */
export function mayBePhoneIn(digits: string, region: string): boolean {
  const p = plan(region);
  if (!p) return true;
  if (p.general.test(digits)) return true;
  if (p.idd?.test(digits)) return true;
  if (p.prefix) {
    const m = p.prefix.exec(digits);
    if (m && m[0].length > 0 && p.general.test(digits.slice(m[0].length))) return true;
    // The national number libphonenumber reads when the prefix captured carrier digits and the region rewrites.
    if (m && p.transform && m.length > 1 && m[m.length - 1] && p.general.test(digits.replace(p.prefix, p.transform)))
      return true;
  }
  return false;
}
