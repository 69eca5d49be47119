import { InvalidCorpusError } from "../errors/invalid-corpus-error";

/** A labeled span in the presidio-research format. Positions are UTF-16 indices, end exclusive. */
export interface CorpusSpan {
  readonly entity_type: string;
  readonly entity_value: string;
  readonly start_position: number;
  readonly end_position: number;
}

/** One labeled text in the presidio-research format. */
export interface CorpusSample {
  readonly full_text: string;
  readonly spans: readonly CorpusSpan[];
}

/** presidio-research's and other corpora's type names mapped to this package's canonical ones. */
export const CORPUS_TYPE_ALIASES: Readonly<Record<string, string>> = {
  EMAIL_ADDRESS: "EMAIL",
  PHONE_NUMBER: "PHONE",
  IBAN_CODE: "IBAN",
  STREET_ADDRESS: "ADDRESS",
  GPE: "LOCATION",
  CITY: "LOCATION",
  COUNTRY: "LOCATION",
  ORG: "ORGANIZATION",
  PER: "PERSON",
  LOC: "LOCATION",
  DATE: "DATE_TIME",
  TIME: "DATE_TIME",
  ZIP: "ZIP_CODE",
  ZIPCODE: "ZIP_CODE",
  US_DRIVER_LICENSE: "ID",
  US_PASSPORT: "ID",
  US_BANK_NUMBER: "ID",
  IP: "IP_ADDRESS",
  DOMAIN_NAME: "URL",
  CRYPTO_ADDRESS: "CRYPTO",
};

/** Checks that `data` is a presidio-research corpus with consistent offsets and maps known type aliases. */
export function parseCorpus(data: unknown): CorpusSample[] {
  if (!Array.isArray(data)) throw new InvalidCorpusError("A corpus must be a JSON array of samples.");
  return data.map((sample, i) => {
    const { full_text, spans } = (sample ?? {}) as { full_text?: unknown; spans?: unknown };
    if (typeof full_text !== "string" || !Array.isArray(spans)) {
      throw new InvalidCorpusError(`Sample ${i} needs a full_text string and a spans array.`);
    }
    return {
      full_text,
      spans: spans.map((s, k) => {
        const span = (s ?? {}) as Partial<CorpusSpan>;
        const { entity_type, start_position: a, end_position: b } = span;
        if (
          typeof entity_type !== "string" ||
          typeof a !== "number" ||
          typeof b !== "number" ||
          a < 0 ||
          b <= a ||
          b > full_text.length
        ) {
          throw new InvalidCorpusError(`Sample ${i}, span ${k} has a bad type or positions.`);
        }
        const value = full_text.slice(a, b);
        if (typeof span.entity_value === "string" && span.entity_value !== value) {
          throw new InvalidCorpusError(
            `Sample ${i}, span ${k}: entity_value does not match the text at its positions.`,
          );
        }
        return {
          entity_type: CORPUS_TYPE_ALIASES[entity_type] ?? entity_type,
          entity_value: value,
          start_position: a,
          end_position: b,
        };
      }),
    };
  });
}
