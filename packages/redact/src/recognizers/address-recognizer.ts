import { patternRecognizer } from "../pattern-recognizer";

const UPPER_WORD = "\\p{Lu}[\\p{L}'’.-]{1,24}";
const NAME_WORDS = `${UPPER_WORD}(?:\\s${UPPER_WORD}){0,3}`;
const LINKERS =
  "(?:de\\s(?:la\\s|los\\s|las\\s)?|del\\s|della\\s|dei\\s|di\\s|du\\s|des\\s|d'|da\\s|do\\s|dos\\s|das\\s)?";
// Street types after a capitalized name: first letter either case, the rest as written ("Street", "street", "St").
const EN_SUFFIX = `(?:${[
  "street",
  "st",
  "avenue",
  "ave",
  "road",
  "rd",
  "boulevard",
  "blvd",
  "lane",
  "ln",
  "drive",
  "dr",
  "court",
  "ct",
  "way",
  "place",
  "pl",
  "terrace",
  "close",
  "square",
  "sq",
  "crescent",
  "parkway",
  "pkwy",
  "highway",
  "hwy",
  "row",
  "mews",
  "gardens",
  "grove",
  "hill",
  "soi",
]
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join("|")})`;
const UNIT = "(?:,?\\s(?:apt|apartment|suite|ste|unit|flat|floor|fl)\\.?\\s?#?\\w{1,6})?";
/** `rue|avenue` as `[Rr]ue|[Aa]venue`: street words in either case while names keep their capital (no `i` flag). */
function eitherFirst(words: string): string {
  return words
    .split("|")
    .map((w) => (/^\p{L}/u.test(w) ? `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}` : w))
    .join("|");
}
const HOUSE = "\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,4})?";

/** Street addresses: English number-first lines and the street-first forms of continental Europe and Latin America. */
export const addressRecognizer = patternRecognizer({
  name: "address",
  type: "ADDRESS",
  context: [
    "address",
    "live",
    "lives",
    "located",
    "adresse",
    "anschrift",
    "dirección",
    "indirizzo",
    "adres",
    "endereço",
  ],
  patterns: [
    {
      // 221B Baker Street, 1600 Pennsylvania Ave NW, Apt 4.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?\\s(?:${NAME_WORDS})\\s${EN_SUFFIX}\\.?(?![\\p{L}])(?:\\s(?:NW|NE|SW|SE|N|S|E|W)(?![\\p{L}]))?${UNIT}`,
        "gu",
      ),
      score: 0.8,
    },
    {
      // 512 W 110th St, 30 East 42nd Street, Plot 14, Kampala Road, Stand 2210 Nelson Mandela Drive.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:Plot|Stand|House|Block|Erf)\\s\\d{1,5}[A-Za-z]?,?\\s(?:\\d{1,5}\\s)?(?:${NAME_WORDS})|\\d{1,5}[A-Za-z]?\\s(?:N|S|E|W|North|South|East|West)\\.?\\s(?:\\d{1,3}(?:st|nd|rd|th)|${NAME_WORDS}))\\s${EN_SUFFIX}\\.?(?![\\p{L}])${UNIT}`,
        "gu",
      ),
      requires: /\d\s(?:N|S|E|W|North|South|East|West)\.?\s|(?:Plot|Stand|House|Block|Erf)\s\d/,
      score: 0.8,
    },
    {
      // Street-first forms with the street word before the name or after it and a house number: ul. Marszałkowska
      // 84/92, ул. Тверская 7, Bağdat Caddesi No: 212, Atatürk Cad. No:15, İnönü Sokak 4.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:ul\\.|ulica|al\\.|aleja|pl\\.|os\\.|ул\\.|улица|пр\\.|просп\\.|проспект|вул\\.|вулиця)\\s?${NAME_WORDS}|${NAME_WORDS}\\s(?:Caddesi|Cad\\.|Sokak|Sokağı|Sok\\.|Sk\\.|Bulvarı|Blv\\.))(?:,?\\s(?:No|Nr|№)\\s?[:.]?)?\\s?${HOUSE}(?![\\p{N}])`,
        "gu",
      ),
      requires: /(?:ul|al|pl|os|ул|пр|просп|вул)\.|ulica|aleja|улица|проспект|вулиця|Cad|Sok|Sk\.|Bulvar|Blv\./,
      // The street word: at the start, or after at most four words of at most 25 letters (50 units when astral) and
      // their spaces. "al." and "os." end many words ("final.", "photos."), so the text passes the test above often;
      // the pattern then runs only near each street word, not from every capital.
      anchor: {
        regex: /(?:ul|al|pl|os|ул|пр|просп|вул)\.|ulica|aleja|улица|проспект|вулиця|Cad|Sok|Sk\.|Bulvar|Blv\./,
        within: 204,
      },
      score: 0.8,
    },
    {
      // Japanese block addresses, chōme-ban-gō before the district: 2-11-3 Meguro.
      regex:
        /(?<![\p{L}\p{N}-])\d{1,2}-\d{1,2}-\d{1,3}\s\p{Lu}\p{Ll}{2,20}(?:-(?:ku|shi|cho|machi))?(?![\p{L}\p{N}])/gu,
      requires: /\d-\d{1,2}-\d{1,3}\s\p{Lu}/u,
      score: 0.65,
    },
    {
      // Hauptstraße 5, Keizersgracht 123-2, Bahnhofstr. 12a, Rue de Rivoli 10 is handled below.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}-]{0,30}(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|straat|laan|plein|gracht|kade|singel|dijk|pad|hof|markt|gata|gatan|vej|veien)|\\p{Lu}[\\p{L}]{1,20}\\s(?:Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse))\\s${HOUSE}(?![\\p{N}])`,
        "gu",
      ),
      // Every match has a street word, then a space and the house number's first digit.
      requires:
        /(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|straat|laan|plein|gracht|kade|singel|dijk|pad|hof|markt|gata|gatan|vej|veien|Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse)\s\d/u,
      score: 0.8,
    },
    {
      // 10 rue de Rivoli, 5 bis avenue Victor Hugo.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s(?:${eitherFirst("rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|square")})\\s${LINKERS}(?:la\\s|le\\s|l')?${NAME_WORDS}`,
        "gu",
      ),
      score: 0.8,
    },
    {
      // Calle Mayor 5, Via Roma 12, Rua Augusta, 274, Avenida Paulista 1578, Piazza di Spagna 3, C/ Alcalá 12.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${eitherFirst("calle|c/|avenida|avda\\.|av\\.|plaza|paseo|camino|carrer|via|viale|piazza|corso|largo|vicolo|rua|travessa|praça|alameda|estrada|rue|avenue|boulevard|place|chemin|allée|quai")})\\s${LINKERS}${NAME_WORDS},?\\s(?:n[º°o]\\.?\\s?)?\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])`,
        "gu",
      ),
      score: 0.8,
    },
  ],
});
