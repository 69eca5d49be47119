/** The canonical entity types every recognizer reports, named as Presidio names them where Presidio has one. */
export const ENTITY_TYPES = [
  "PERSON",
  "LOCATION",
  "ADDRESS",
  "ORGANIZATION",
  "EMAIL",
  "PHONE",
  "CREDIT_CARD",
  "IBAN",
  "US_SSN",
  "IP_ADDRESS",
  "MAC_ADDRESS",
  "URL",
  "DATE_TIME",
  "ZIP_CODE",
  "AGE",
  "NRP",
  "TITLE",
  "ID",
  "CRYPTO",
  "SECRET",
] as const;

/** One of {@link ENTITY_TYPES}. Custom recognizers may report other upper-case names too. */
export type CanonicalEntityType = (typeof ENTITY_TYPES)[number];

/** A canonical type, or a custom recognizer's own upper-case type name (`[A-Z][A-Z0-9_]*`). */
export type EntityType = CanonicalEntityType | (string & {});

const canonical: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** Whether `type` is one of the canonical types. */
export function isCanonicalEntityType(type: string): type is CanonicalEntityType {
  return canonical.has(type);
}

/** The shape a type name must have to be used in placeholders: upper-case ASCII words joined by `_`. */
export const ENTITY_TYPE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
