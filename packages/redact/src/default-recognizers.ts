import { nameRecognizer } from "./ner/name-recognizer";
import { scriptNameRecognizer } from "./ner/script-name-recognizer";
import type { Recognizer } from "./recognizer";
import { addressRecognizer } from "./recognizers/address-recognizer";
import { ageRecognizer } from "./recognizers/age-recognizer";
import { brandRecognizer } from "./recognizers/brand-recognizer";
import { creditCardRecognizer } from "./recognizers/credit-card-recognizer";
import { cryptoRecognizer } from "./recognizers/crypto-recognizer";
import { dateTimeRecognizer } from "./recognizers/date-time-recognizer";
import { divisionRecognizer } from "./recognizers/division-recognizer";
import { emailRecognizer } from "./recognizers/email-recognizer";
import { fieldRecognizer } from "./recognizers/field-recognizer";
import { ibanRecognizer } from "./recognizers/iban-recognizer";
import { idRecognizer } from "./recognizers/id-recognizer";
import { ipRecognizer } from "./recognizers/ip-recognizer";
import { macRecognizer } from "./recognizers/mac-recognizer";
import { nrpRecognizer } from "./recognizers/nrp-recognizer";
import { obfuscatedEmailRecognizer } from "./recognizers/obfuscated-email-recognizer";
import { ocrPhoneRecognizer } from "./recognizers/ocr-phone-recognizer";
import { organizationRecognizer } from "./recognizers/organization-recognizer";
import { phoneLinkRecognizer } from "./recognizers/phone-link-recognizer";
import { phoneRecognizer } from "./recognizers/phone-recognizer";
import { scriptPlaceRecognizer } from "./recognizers/script-place-recognizer";
import { secretRecognizer } from "./recognizers/secret-recognizer";
import { spokenEmailRecognizer } from "./recognizers/spoken-email-recognizer";
import { spokenPhoneRecognizer } from "./recognizers/spoken-phone-recognizer";
import { titleRecognizer } from "./recognizers/title-recognizer";
import { urlRecognizer } from "./recognizers/url-recognizer";
import { usSsnRecognizer } from "./recognizers/us-ssn-recognizer";
import { vanityPhoneRecognizer } from "./recognizers/vanity-phone-recognizer";
import { zipCodeRecognizer } from "./recognizers/zip-code-recognizer";

/** The pattern recognizers, in no particular order (overlap resolution does not depend on it). */
export const PATTERN_RECOGNIZERS: readonly Recognizer[] = [
  emailRecognizer,
  urlRecognizer,
  ipRecognizer,
  macRecognizer,
  creditCardRecognizer,
  ibanRecognizer,
  usSsnRecognizer,
  phoneRecognizer,
  spokenPhoneRecognizer,
  spokenEmailRecognizer,
  obfuscatedEmailRecognizer,
  ocrPhoneRecognizer,
  phoneLinkRecognizer,
  vanityPhoneRecognizer,
  dateTimeRecognizer,
  addressRecognizer,
  zipCodeRecognizer,
  cryptoRecognizer,
  secretRecognizer,
  idRecognizer,
  ageRecognizer,
  nrpRecognizer,
  titleRecognizer,
  organizationRecognizer,
  fieldRecognizer,
  scriptPlaceRecognizer,
  divisionRecognizer,
  brandRecognizer,
];

/**
 * Every built-in recognizer: the pattern recognizers, the name recognizer with compromise, and the name recognizer
 * for scripts without capitals.
 */
export function defaultRecognizers(): Recognizer[] {
  return [...PATTERN_RECOGNIZERS, nameRecognizer(), scriptNameRecognizer()];
}
