import type { Pattern } from "../pattern-recognizer";
import { ARABIC, HAN, inScript, scriptBlocks } from "../script-blocks";
import { smallRegexCode } from "../small-regex-code";

// Vehicle number plates. A plate's shape alone ("KJA 482 FG", "8LNX204") is shared with product codes, flight numbers
// and references, so a plate is read only where the text says a vehicle is meant: a plate word or a kind of vehicle
// before it (in the languages of the waybills, ride receipts and chats people forward), a car's make or model right
// before it (ride-hailing receipts: "Toyota Corolla · KJA 482 FG"), or a shape nothing else has (Chinese plates,
// which open with a province's character: 粤B·4K821).

// Phrases that name a plate, or a vehicle whose plate follows, in lower case.
const PLATE_PHRASES = [
  "amtliches kennzeichen|kennzeichen|kfz-kennzeichen|license plate|licence plate|number plate|plate number|plate no.",
  "plate no|plate|registration plate|reg plate|vehicle registration number|vehicle registration|vehicle reg no.",
  "vehicle reg|registration number|reg. no.|reg. no|vehicle number|vehicle no.|vehicle|truck|lorry|trailer",
  "tractor unit|car reg|taxi|motorbike|matrícula|targa|immatriculation|plaque d'immatriculation|plaque|kenteken",
  "numer rejestracyjny|tablica rejestracyjna|rendszám|plaka|placa|patente|registreringsnummer|rekisterinumero|spz",
  "госномер|гос. номер|номер машины|тягач|прицеп|полуприцеп|автомобиль|zugmaschine|auflieger|anhänger|sattelzug",
  "lkw|pkw|fahrzeug|transporter|ciągnik|naczepa|przyczepa|vilkikas|priekaba|vilcējs|piekabe|camion|camión",
  "caminhão|remorque|semi-remorque|lambar mota|gaariga|nambari ya gari|ሰሌዳ ቁጥር|ሰሌዳ",
]
  .join("|")
  .split("|");
// The phrases as a regex alternation, longest first, each word in lower case or capitalized, and the whole phrase in
// capitals ("Kennzeichen", "KENNZEICHEN", "LKW"): the plate after it must be in capitals, so the regex cannot ignore
// case.
const PLATE_WORDS = [...PLATE_PHRASES]
  .sort((a, b) => b.length - a.length)
  .map((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const initials = escaped.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, c: string) =>
      c.toUpperCase() === c ? `${before}${c}` : `${before}[${c}${c.toUpperCase()}]`,
    );
    return `${initials}|${escaped.toUpperCase()}`;
  })
  .join("|");
// A plate: one to three groups of capitals and digits, at most ten of them, with a digit and a letter among them.
const PLATE = "([A-Z0-9ÄÖÜ]{1,8}(?:[- ][A-Z0-9ÄÖÜ]{1,6}){0,2})";

function plateShape(value: string): boolean {
  const compact = value.replace(/[- ]/g, "");
  return (
    compact.length >= 4 &&
    compact.length <= 10 &&
    /\d/.test(compact) &&
    /[A-ZÄÖÜ]/.test(compact) &&
    value === value.toUpperCase()
  );
}

// Makes and models that ride receipts and chats name before a plate, as written.
// Makes and models that ride receipts and chats name before a plate, as written; not those that are words too
// ("Golf", "Polo", "Swift", "Civic"). After a make, a model's code may look like a plate ("Toyota RAV4", "Mazda CX-5
// 2019"): the plate is read there only after a separator or a colour.
const MAKES =
  "Toyota|Honda|Nissan|Suzuki|Hyundai|Kia|Mazda|Mitsubishi|Chevrolet|Volkswagen|BMW|Mercedes|Audi|Peugeot|Renault|Skoda|Škoda|Fiat|Opel|Dacia|Mahindra|Maruti|Proton|Perodua|Chery|Geely|Lada";
// Models whose name is no word and no other model's code: after one of these the plate may follow at once.
const MODELS =
  "Myvi|Axia|Bezza|Vios|Corolla|Camry|Prius|Vitz|Yaris|Innova|Fortuner|Hilux|Hiace|Probox|Premio|Axio|Fielder|Avanza|Xenia|Ertiga|Dzire|Elantra|Tucson|Sportage|Picanto|Sprinter|Ducato|Sandero|Kwid|Tiida|Almera";
// Words that may stand between a plate word and the plate: "plate number nako GAB 4821" (my), "Gaariga
// lambarkiisu waa SL 4471" (its number is), "plate is KDA 123X". Any other word there means the plate word was
// said of something else ("license plate frame costs 25 EUR").
const BETWEEN =
  "is|was|ist|est|es|é|è|waa|lambarkiisu|nako|ko|ni|yake|yangu|ya|no|number|nr|nummer|numer|número|numero|номер";
// Colours said between a car and its plate: "Vitz silver KDK 417T", "Myvi putih WXY 4821".
const COLOURS =
  "white|black|silver|grey|gray|red|blue|green|yellow|brown|beige|gold|maroon|putih|hitam|perak|merah|biru|kelabu|blanco|blanca|negro|negra|gris|rojo|azul|branco|preto|prata|blanc|noir|bianca|nera|weiß|schwarz|silber|itom|puti|pula|nyeupe|nyeusi";

export const NUMBER_PLATE_PATTERNS: readonly Pattern[] = [
  {
    // "Kennzeichen B-KL 4412", "vehicle reg: KDA 123X", "Zugmaschine PO 4K812", "plate number nako GAB 4821",
    // "Gaariga lambarkiisu waa SL 4471": a plate word, then up to two words in lower case, then the plate.
    // Run only at a plate word (its heads), where V8's optimizations buy little: kept to a small machine code.
    regex: smallRegexCode(
      new RegExp(
        `(?<![\\p{L}])(?:${PLATE_WORDS})[^\\S\\n]?:?[^\\S\\n]{0,3}(?:(?:${BETWEEN})[^\\S\\n]){0,2}\\(?${PLATE}(?![\\p{L}\\p{N}]|[- ][A-Z0-9])`,
        "dgu",
      ),
    ),
    group: 1,
    score: 0.75,
    validate: (value) => (plateShape(value) ? 0.75 : null),
  },
  {
    // "Toyota Corolla · KJA 482 FG", "White Myvi WXY 4821", "Vitz silver KDK 417T": a model, maybe a colour, then the
    // plate; or a make and maybe a model name, then a separator or a colour, then the plate.
    regex: smallRegexCode(
      new RegExp(
        `(?<![\\p{L}])(?:(?:${MODELS})(?:[^\\S\\n](?:${COLOURS}))?[^\\S\\n]{1,3}(?:[·•|–-][^\\S\\n]{1,3})?|(?:${MAKES})(?:[^\\S\\n]\\p{Lu}[\\p{Ll}\\d-]{1,12})?(?:(?:[^\\S\\n](?:${COLOURS}))?[^\\S\\n]{1,3}[·•|–-]|[^\\S\\n](?:${COLOURS}))[^\\S\\n]{1,3})${PLATE}(?![\\p{L}\\p{N}]|[- ][A-Z0-9])`,
        "dgu",
      ),
    ),
    group: 1,
    score: 0.7,
    validate: (value) => (plateShape(value) ? 0.7 : null),
  },
  {
    // Chinese plates: a province's character, the letter of the city, then five or six capitals and digits.
    regex:
      /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•．.]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])/gu,
    requires: inScript(HAN, /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]/),
    score: 0.8,
    validate: (value) => (/\d/.test(value.slice(2)) ? 0.8 : null),
  },
  {
    // Arabic plates after لوحة: letters apart and digits, in either order ("لوحة أ ب ج 4821").
    regex:
      /لوحة(?:[^\S\n](?:رقم|السيارة))?[^\S\n]?:?[^\S\n]{0,2}((?:[\u0621-\u064a][^\S\n]){1,3}[0-9٠-٩]{1,4}|[0-9٠-٩]{1,4}(?:[^\S\n][\u0621-\u064a]){1,3})(?![\u0621-\u064a0-9٠-٩])/dgu,
    requires: (text) => (scriptBlocks(text) & ARABIC) !== 0 && text.includes("لوحة"),
    group: 1,
    score: 0.75,
  },
];
