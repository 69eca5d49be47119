import { patternRecognizer } from "../pattern-recognizer";
import { WORLD_ADDRESS_PATTERNS } from "./world-address-patterns";

/** `street` as `[sS]treet|STREET`: a word as written in running text, capitalized, or in a label's capitals. */
function anyCase(w: string): string {
  return `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}|${w.toUpperCase()}`;
}
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
  "view",
  "walk",
  "rise",
  "wharf",
  "quay",
  "parade",
  "circle",
  "trail",
  "loop",
  "alley",
  "vale",
  "heights",
  "esplanade",
  "promenade",
]
  .map(anyCase)
  .join("|")})`;
const UNIT = `(?:,?\\s(?:${["apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm"].map(anyCase).join("|")})\\.?\\s?#?\\w{1,6})?`;
/** `rue|avenue` as `[Rr]ue|[Aa]venue`: street words in either case while names keep their capital (no `i` flag). */
function eitherFirst(words: string): string {
  return words
    .split("|")
    .map((w) => (/^\p{L}/u.test(w) ? `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}` : w))
    .join("|");
}
// A house number with a letter glued on or a capital apart ("12a", "4З", "9 B"): a lower-case letter apart is a word
// ("Sveavägen 31 i Stockholm").
const HOUSE = "\\d{1,5}(?:(?:[a-zA-Zа-яА-Я]|\\s[A-ZА-Я])(?![\\p{L}]))?(?:[-/]\\d{1,4})?";

// Street words written before the street's name (Polish, Russian, Ukrainian, Romanian, Indonesian) and after it
// (Turkish, Russian, Lithuanian, Latvian, Estonian).
const STREET_BEFORE =
  "ul\\.|ulica|al\\.|aleja|pl\\.|os\\.|ул\\.|улица|пр\\.|просп\\.|проспект|пер\\.|переулок|вул\\.|вулиця|пров\\.|Str\\.|str\\.|Strada|strada|Bd\\.|Bdul\\.|Calea|Jl\\.|Jln\\.|Jalan|Λεωφόρος|Λεωφ\\.|Οδός|Οδ\\.";
const STREET_AFTER =
  "Caddesi|Cad\\.|Sokak|Sokağı|Sok\\.|Sk\\.|Bulvarı|Blv\\.|проспект|улица|переулок|шоссе|бульвар|набережная|проезд|вулиця|провулок|g\\.|gatvė|pr\\.|prospektas|pl\\.|plentas|iela|tänav|mnt\\.|pst\\.";
// Every match of the street-first pattern holds one of its street words (a cheap test before the pattern runs).
const STREET_WORD =
  /(?:ul|al|pl|os|ул|пр|просп|пер|вул|пров|str|Str|Bd|Bdul|Jl|Jln|Λεωφ|Οδ|Cad|Sok|Sk|Blv|g|pr|mnt|pst)\.|ulica|aleja|улица|проспект|переулок|вулиця|Strada|strada|Calea|Jalan|Λεωφόρος|Οδός|Caddesi|Sokak|Sokağı|Bulvarı|шоссе|бульвар|набережная|проезд|провулок|gatvė|prospektas|iela|tänav/;
// The same where a word starts, as every street word of a match does ("al." ends "final.", "g." ends "e.g."): the
// landmark the pattern runs near.
const STREET_WORD_AT_START = new RegExp(`(?<![\\p{L}\\p{N}])(?:${STREET_WORD.source})`, "u");

// Street words that end a compound street name (German, Dutch, Scandinavian, Finnish): "Hauptstraße", "Nørrebrogade".
// "gade" only after a letter other than "i" ("Brigade" is no street).
const COMPOUND_STREET =
  "straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|straat|laan|plein|gracht|kade|singel|dijk|pad|hof|markt|gata|gatan|vej|veien|[a-hj-zæøå]gade|vägen|väg|gränd|torget|stræde|katu|kuja|polku|väylä|bulevardi";
// Street words written apart after the name: "Karl Johans gate", "Váci utca", "Brīvības iela".
const SEPARATE_STREET =
  "Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|gate|gata|gatan|vei|veien|vej|gade|plass|torg|utca|út|tér|iela";
// A house number, or a Finnish one with its staircase letter and flat: "44 A 12".
const HOUSE_STAIR = `(?:\\d{1,5}\\s[A-Z]\\s\\d{1,3}(?![\\p{L}\\p{N}])|${HOUSE})`;
// Words that start a Latin-script name inside a street's name: "Rua XV de Novembro", "Voluntários da Pátria".
const LINKED_NAME_WORDS = `${UPPER_WORD}(?:\\s(?:de\\s|da\\s|do\\s|dos\\s|das\\s|del\\s|di\\s|della\\s|la\\s)?${UPPER_WORD}){0,3}`;
// What Spanish, Portuguese and Italian write after the house number: floor and door (3º izq., 2.ª), flat (apto 502).
const LATIN_UNIT =
  "(?:,?\\s(?:\\d{1,2}\\.?[º°ª](?:\\s?(?:izq(?:da)?\\.?|dcha\\.?|der\\.?|izquierda|derecha|[A-H](?![\\p{L}])|\\d{1,2}\\.?[ºª]?))?|(?:apto|apt|apartamento|ap|piso|dpto|depto|int|interno|oficina|of|local|casa|sala|bloco|bl|scala|sc)\\.?\\s?\\d{1,4}[A-Z]?(?![\\p{L}\\p{N}])))?";
// Words before a unit's number: flats, units, blocks and houses.
const UNIT_WORDS = "Unit|Flat|Apt\\.?|Apartment|Suite|Shop|House|H\\.\\s?No\\.|Blk\\.?|Block|Plot";
// What looks like a street and number before a postcode but is a label or a count: "Invoice 12, 10115 Berlin".
const NOT_STREETS =
  /^(?:Invoice|Rechnung|Factura|Fattura|Facture|Order|Bestellung|Pedido|Room|Zimmer|Tel|Fax|Page|Seite|Nr|No|Kundennummer|Ticket|Case|Flight|Gate|Tür|Tor|Total|Summe|Version)(?![\p{L}])/iu;
// A Vietnamese house number ("12", "12A", "45/3") and a street's name in capitalized syllables.
const VI_HOUSE = "\\d{1,4}[A-Z]?(?:/\\d{1,4})?";
const VI_NAME = "\\p{Lu}\\p{Ll}{0,7}(?:\\s\\p{Lu}\\p{Ll}{0,7}){0,3}";
// Where a Japanese or Chinese address starts: a prefecture, a city or a ward with its name.
const CJK_DIVISION = /[\u4e00-\u9fff]{1,3}(?:都|道|府|県|省|市|区|區|郡)/u;
// Verbs and prepositions a Chinese sentence glues before a place: 寄到, 送往, 住在.
const CJK_BEFORE_PLACE = new Set([..."在到去从從于於往至寄送住搬是的和跟"]);

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
      // Above a given name the street is named after ("88 W MADISON ST"), which ties and loses on length.
      score: 0.85,
    },
    {
      // 512 W 110th St, 30 East 42nd Street, Plot 14, Kampala Road, Stand 2210 Nelson Mandela Drive.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:Plot|Stand|House|Block|Erf)\\s\\d{1,5}[A-Za-z]?,?\\s(?:\\d{1,5}\\s)?(?:${NAME_WORDS})|\\d{1,5}[A-Za-z]?\\s(?:N|S|E|W|North|South|East|West)\\.?\\s(?:\\d{1,3}(?:st|nd|rd|th)|${NAME_WORDS}))\\s${EN_SUFFIX}\\.?(?![\\p{L}])${UNIT}`,
        "gu",
      ),
      requires: /\d\s(?:N|S|E|W|North|South|East|West)\.?\s|(?:Plot|Stand|House|Block|Erf)\s\d/,
      score: 0.85,
    },
    {
      // Street-first forms with the street word before the name or after it and a house number: ul. Marszałkowska
      // 84/92, ул. Тверская 7, ул. Баумана, д. 4, кв. 12, Красный проспект, 101, Bağdat Caddesi No: 212, Str. Avram
      // Iancu nr. 17, ap. 4, Gedimino pr. 20, Brīvības iela 15, Jl. Kenanga No. 17.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:${STREET_BEFORE})\\s?${NAME_WORDS}|${NAME_WORDS}\\s(?:${STREET_AFTER}))(?:\\s(?:Km|KM)\\.?\\s?\\d{1,3}(?:[,.]\\d)?)?(?:,?\\s(?:No|Nr|nr|no|№|д|дом|буд)\\s?[:.]?)?,?\\s?${HOUSE}(?![\\p{N}])(?:,\\s?(?:кв|к|корп|стр|оф|ap|sc|et|bl|apt|m|lok)\\.\\s?[\\p{L}\\p{N}]{1,4}(?![\\p{L}\\p{N}])){0,3}`,
        "gu",
      ),
      requires: STREET_WORD,
      // The street word: at the start, or after at most four words of at most 25 letters (50 units when astral) and
      // their spaces. "al." and "os." end many words ("final.", "photos."), so the text passes the test above often;
      // the pattern then runs only near each street word, not from every capital.
      // A match opens with a capital or with a street word before the name, whose first letters are these.
      anchor: { regex: STREET_WORD_AT_START, within: 204, starts: /[\p{Lu}uaposупв]/u },
      // Above a given name the street is named after ("Str. Mihai Eminescu nr. 5").
      score: 0.85,
    },
    {
      // Japanese block addresses, chōme-ban-gō before the district: 2-11-3 Meguro.
      regex:
        /(?<![\p{L}\p{N}-])\d{1,2}-\d{1,2}-\d{1,3}\s\p{Lu}\p{Ll}{2,20}(?:-(?:ku|shi|cho|machi))?(?![\p{L}\p{N}])/gu,
      requires: /\d-\d{1,2}-\d{1,3}\s\p{Lu}/u,
      score: 0.65,
    },
    {
      // Hauptstraße 5, Keizersgracht 123-2, Bahnhofstr. 12a, Nørrebrogade 188, Ringvägen 112, Aleksanterinkatu 44 A 12,
      // Karl Johans gate 22, Váci utca 5. Rue de Rivoli 10 is handled below.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}-]{0,30}(?:${COMPOUND_STREET})|\\p{Lu}[\\p{L}]{1,20}(?:\\s\\p{Lu}[\\p{L}]{1,20})?\\s(?:${SEPARATE_STREET}))\\s${HOUSE_STAIR}(?![\\p{N}])`,
        "gu",
      ),
      // Every match has a street word, then a space and the house number's first digit. The test looks for the
      // space and the digit first, and behind them for the street word: a scan that tried the words at every
      // position took twice as long.
      requires: new RegExp(`\\s\\d(?<=(?:${COMPOUND_STREET}|${SEPARATE_STREET})\\s\\d)`, "u"),
      // Above a given name the street is named after ("Thorvald Meyers gate 12").
      score: 0.85,
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
      // Calle Mayor 5, 3º izq., Via Roma 12, Rua Augusta, 274, Rua Voluntários da Pátria 190, apto 802, Avenida
      // Paulista 1578, Piazza di Spagna 3, C/ Alcalá 12.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${eitherFirst("calle|c/|avenida|avda\\.|av\\.|plaza|paseo|camino|carrer|via|viale|piazza|corso|largo|vicolo|rua|travessa|praça|alameda|estrada|rue|avenue|boulevard|place|chemin|allée|quai")})\\s${LINKERS}${LINKED_NAME_WORDS},?\\s(?:n[º°o]\\.?\\s?)?\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])${LATIN_UNIT}`,
        "gu",
      ),
      score: 0.8,
    },
    {
      // Colombian grid addresses: Carrera 7 # 72-41, apto 502; Calle 26 No. 13-19; Cra. 15 N° 93-60.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:Carrera|Cra\\.?|Kra\\.?|Calle|Cl\\.|Avenida|Av\\.|Diagonal|Dg\\.|Transversal|Tv\\.)\\s\\d{1,3}[A-Z]?(?:\\s[Bb]is)?\\s?(?:#|No\\.?|N[°º])\\s?\\d{1,3}[A-Z]?\\s?-\\s?\\d{1,3}${LATIN_UNIT}`,
        "gu",
      ),
      score: 0.8,
    },
    {
      // A street and house number right before a postcode and a town, in any language that writes the street first:
      // Am Wall 140, 28195 Bremen; Husova 18, 602 00 Brno; Aleksanterinkatu 44 A 12, 00100 Helsinki.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:Am|An der|An den|Im|In der|Auf der|Auf dem|Zum|Zur|Unter den|Hinter der|Vor dem)\\s)?\\p{Lu}[\\p{L}'’.-]{2,30}(?:\\s\\p{Lu}[\\p{L}'’.-]{1,24}){0,2}\\s${HOUSE_STAIR}(?=,?[ \\t](?:\\d{4,5}|\\d{3}[ \\t]\\d{2}|\\d{2}-\\d{3})[ \\t]\\p{Lu})`,
        "gu",
      ),
      // The postcode and town: at most 110 characters after the start (four words, a house number, a flat).
      // Every match opens with a capital: only those are tried, not every position up to the text's end when the
      // street before a postcode is none this pattern reads ("15 rue de la Paix, 75002 Paris").
      anchor: { regex: /,?[ \t](?:\d{4,5}|\d{3}[ \t]\d{2}|\d{2}-\d{3})[ \t]\p{Lu}/u, within: 120, starts: /\p{Lu}/u },
      score: 0.75,
      validate: (value) => (NOT_STREETS.test(value) ? null : 0.75),
    },
    {
      // Units, blocks and buildings before the street: Unit 1204, Tower 2, Ayala Avenue; Flat 3B, 66 Dudley Road;
      // Unit 7, Harbour Industrial Estate; Blk 7 Lot 22, Mabuhay St.; House 14, Street 9, F-7/2.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${UNIT_WORDS})\\s#?\\d{1,5}[A-Z]?(?:\\s(?:Lot|Blk|Block)\\s\\d{1,4})?,?\\s(?:(?:Tower|Building|Bldg\\.?|Block|Blk\\.?|Floor|Wing|Phase|Street|St\\.)\\s\\w{1,5},?\\s)?(?:\\d{1,5}\\s)?(?:${NAME_WORDS}\\s(?:${EN_SUFFIX}|Estate|Apartments|Residency|Towers|Plaza|Cross)\\.?(?![\\p{L}])|[A-Z]-\\d{1,2}(?:/\\d)?(?![\\p{L}\\p{N}]))`,
        "gu",
      ),
      score: 0.8,
    },
    {
      // Post-office boxes: P.O. Box 4417, PO Box KA 9417, Postfach 10 12 20, Apartado 1234, Caixa Postal 88.
      regex:
        /(?<![\p{L}\p{N}])(?:P\.\s?O\.\s?Box|PO\s?Box|P\.O\.B\.|POBox|Post Office Box|Private Bag|Postfach|Postbus|Postboks|Apartado(?: de Correos| Postal)?|Caixa Postal|Casella Postale|Boîte Postale|Case Postale|Skrytka Pocztowa)\s(?:[A-Z]{1,3}\s)?\d{1,6}(?:\s\d{2}){0,2}(?![\p{L}\p{N}])/giu,
      score: 0.75,
    },
    {
      // Hebrew streets: רחוב הרצל 45, רחוב דיזנגוף 210, דירה 8; שדרות רוטשילד 12.
      regex:
        /(?:רחוב|רח['׳]|שדרות|שד['׳])\s[\u05d0-\u05ea'"׳״-]{2,20}(?:\s[\u05d0-\u05ea'"׳״-]{2,20}){0,2}\s\d{1,4}(?:,?\s(?:דירה|דירה מס['׳])\s\d{1,4})?(?![\p{N}])/gu,
      requires: /רחוב|רח['׳]|שדרות|שד['׳]/,
      score: 0.8,
    },
    {
      // Thai streets and lanes after a house number: 99 ถนนนิมมานเหมินท์, 12/3 ซอยสุขุมวิท 11.
      regex:
        /(?<![\p{N}/])\d{1,4}(?:\/\d{1,4})?\s?(?:ถนน|ถ\.|ซอย|ซ\.)\s?[\u0e01-\u0e4e]{2,30}(?:\s\d{1,3}(?![\p{N}]))?/gu,
      requires: /ถนน|ถ\.|ซอย|ซ\./,
      score: 0.8,
    },
    {
      // Vietnamese house numbers, lanes and streets: số 12 Nguyễn Huệ, số 12 ngõ 45 Hào Nam, 72 Lê Thánh Tôn, Quận 1.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:[Ss]ố|[Ss]ố nhà)\\s${VI_HOUSE}(?:\\s(?:ngõ|ngách|hẻm|kiệt)\\s${VI_HOUSE}){0,2}\\s(?:(?:đường|phố)\\s)?${VI_NAME}|${VI_HOUSE}\\s(?:(?:đường|phố|Đường|Phố)\\s${VI_NAME}|${VI_NAME}(?=,\\s(?:Quận|Q\\.|Phường|P\\.|Huyện|Thị xã)\\s?[\\p{L}\\p{N}])))`,
        "gu",
      ),
      requires: /[Ss]ố\s|đường|phố|Đường|Phố|Quận|Q\.|Phường|P\.|Huyện|Thị xã/,
      score: 0.8,
    },
    {
      // Japanese, Chinese and Taiwanese addresses, from the prefecture, city or ward to the block numbers:
      // 東京都渋谷区渋谷2-21-1, 港区芝浦3-4-1, 台北市大安區忠孝東路四段181號5樓.
      regex:
        /[\u4e00-\u9fff\u3041-\u3096\u30a0-\u30ff]{2,24}(?:\d{1,4}(?:[-－−]\d{1,4}){1,3}(?![\p{N}])|\d{1,5}[号號](?:\d{1,3}[樓楼层F])?)/gu,
      anchor: { regex: /\d[-－−]\d|\d[号號]/u, within: 30 },
      score: 0.85,
      validate: (value, m) => {
        // From the first prefecture, city or ward word on: what comes before it is the sentence.
        const at = CJK_DIVISION.exec(value);
        if (!at) return null;
        let start = m.index + at.index;
        // "寄到上海市": a verb or preposition glued before the city is the sentence's.
        while (CJK_BEFORE_PLACE.has(value[start - m.index]!) && start - m.index < at.index + at[0].length - 2) start++;
        return { start, end: m.index + value.length, score: 0.85 };
      },
    },
    ...WORLD_ADDRESS_PATTERNS,
  ],
});
