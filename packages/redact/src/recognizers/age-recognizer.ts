import { patternRecognizer } from "../pattern-recognizer";

// Units that say "years of age" wherever they stand ("yaşında", "ετών", "éves", "歳"), and units that are also
// durations ("Jahre", "лет", "tahun"), which the validator below reads in context.
const AFTER =
  "(?:years?\\sold|yrs?\\sold|y/o|y\\.o\\.|yo|year-old|-year-old|jahre\\salt|jahre|jährig|-jährige[rn]?|ans|años|anni|jaar|anos|år|лет|года|год|yaşında|yaşındaki|ετών|χρονών|éves|évesen|let|lat|roků|godina|metų|gadus|aastane|vuotias|vuotta|tahun|taon|umri|साल|J\\.|jr\\.?|y|वर्षीय|वर्षांचा|वर्षांची|वर्षीया|वर्षना|વર્ષના|વર્ષની|વર્ષીય|ਸਾਲਾ|ਸਾਲਾਂ ਦੀ|ਸਾਲਾਂ ਦਾ|साल का|साल की|সাল|বছর বয়সী|বছরের|வயதான|వయసున్న|سنة|عاما|عامًا|ساڵ|سال)";
const DURATION_UNITS =
  /^(?:jahre|ans|años|anni|jaar|anos|år|лет|года|год|let|lat|roků|godina|metų|gadus|vuotta|tahun|taon|साल|সাল|سنة|عاما|عامًا|ساڵ|سال)$/;
const BEFORE =
  "(?:(?:aged|age)(?:[^\\S\\n](?:about|around|approximately|approx\\.|circa|ca\\.))?|(?:at[^\\S\\n]the[^\\S\\n])?age[^\\S\\n]of|age/(?:sex|gender)|à[^\\S\\n]l'âge[^\\S\\n]de|a[^\\S\\n]la[^\\S\\n]edad[^\\S\\n]de|all'età[^\\S\\n]di|w[^\\S\\n]wieku|в[^\\S\\n]возрасте|வயது|السن|العمر|تەمەن|उम्र|आयु|বয়স|వయస్సు|âgée?|edad|età|leeftijd|idade|alter|im\\salter\\svon|usia|umur|возраст|возрастом|yaş|ηλικία|wiek|věk|vek|ikä|ålder|alder|vârsta|vârstă|életkor|umri|edat|starost|amžius|vecums|vanus)";

/** Ages written with their unit ("42 years old", "42 Jahre", "42 ans") or after "aged". The number is the span. */
export const ageRecognizer = patternRecognizer({
  name: "age",
  type: "AGE",
  context: [
    "age",
    "old",
    "alt",
    "âge",
    "edad",
    "età",
    "born",
    "bin",
    "j'ai",
    "tengo",
    "tiene",
    "cumple",
    "ho",
    "compie",
    "ben",
    "tenho",
    "wird",
    "turns",
    "turned",
    "fête",
    "cumpleaños",
  ],
  patterns: [
    {
      regex: new RegExp(`(?<![\\p{L}\\p{N}.,])(1[01]\\d|\\d{1,2})(?:\\s|-)?${AFTER}(?![\\p{L}\\p{M}])`, "dgiu"),
      group: 1,
      score: 0.75,
      validate: (_v, m) => {
        const unit = m[0].slice(m[1]!.length).trim().toLowerCase();
        const end = m.index + m[0].length;
        // "34 y" and "34 J." are a chart's ages only where nothing but a separator follows: "34 y 35" is "and".
        if (/^(?:y|j\.|jr\.?)$/.test(unit)) {
          return unit === "y" && m[0].length - m[1]!.length !== 2
            ? null
            : /^[^\S\n]*(?:[·,;|/)\n]|$)/u.test(m.input.slice(end, end + 3))
              ? 0.6
              : null;
        }
        // "5 years" of experience is not an age; "5 Jahre alt" and "5 years old" are.
        if (!DURATION_UNITS.test(unit)) return 0.8;
        // Bare "Jahre"/"ans"/"años" is an age unless it is a duration: "vor 3 Jahren", "2 anni fa", "hace 5 años".
        const before = m.input.slice(Math.max(0, m.index - 20), m.index).toLowerCase();
        const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 16).toLowerCase();
        if (
          /(?:hace|há|vor|il y a|seit|depuis|desde|da|per|für|pendant|durante|over|in|en|em|dans|tra|fra|nach|après|dopo|después|após|met|plus de|más de|più di|mehr als|ca\.?|etwa|about|über|за|через|назад|на|уже|od|przez|po|za|před|sejak|selama|dalam|lebih dari|last|for|the|these|those|first|next|past|many|few|several|ogni|every|jede|alle)\s$/.test(
            before,
          )
        )
          return null;
        if (
          /^\s?(?:fa|geleden|atrás|später|plus tard|después|dopo|later|d'|de\s|di\s|van\s|of\s|lang|long|erfahrung|d’|назад|тому|spółki|temu|lalu|yang lalu|kemudian|lagi|pengalaman|опыта|стажа|работы|w\s|в\s|na\s|ago|warranty|garantie|garantía)/.test(
            after,
          )
        )
          return null;
        return 0.6;
      },
    },
    {
      // Chinese, Japanese and Korean write the unit right after the number: "満29歳", "30세", "5岁".
      regex: /(?<![\p{N}.,])(1[01]\d|\d{1,2})[^\S\n]?[歳才岁세살](?![\p{N}])/dgu,
      requires: /\d[^\S\n]?[歳才岁세살]/,
      group: 1,
      score: 0.75,
    },
    {
      // "Arjun (9)", "Jürgen Krause (45)", "Mercy (31, nurse, Nairobi)": a one- or two-digit number opening brackets
      // right after a capitalized name.
      // Swahili and Kinyarwanda put "years" first: "Amani Ndayishimiye (miaka 9)".
      regex: /(?<=\p{Lu}[\p{L}'-]{1,30}\s?\((?:miaka\s|imyaka\s)?)(\d{1,2})(?=\)|,\s\p{L})/gu,
      requires: /\((?:miaka\s|imyaka\s)?\d{1,2}[),]/,
      score: 0.55,
    },
    {
      regex: new RegExp(`(?<![\\p{L}])${BEFORE}:?\\s(1[01]\\d|\\d{1,2})(?![\\p{N}.,]\\p{N}|\\p{N})`, "dgiu"),
      group: 1,
      score: 0.7,
    },
    {
      // "I'm 34, Brazilian", "ich bin 41 und ...": a bare number said of oneself, closed by punctuation or "and".
      regex:
        /(?<![\p{L}])(?:i'm|i’m|i am|you're|you’re|you are|he's|he’s|he is|she's|she’s|she is|ich bin|ik ben|je suis|sono|soy|sou|tengo|tenho|ho|jag är|jeg er)\s(1[01]\d|[1-9]\d?)(?=\s?[,;.!)]|\s(?:and|und|en|et|e|y)\s|$)/dgimu,
      group: 1,
      score: 0.6,
    },
    {
      // "she's turning 80 this year", "Mia turns 7 on Saturday", "Oma wird 90!": the age a birthday brings.
      regex:
        /(?<![\p{L}])(?:turning|turns|turned|wird|cumple|compie|fait ses|fête ses|completa|fyller|täyttää)\s(1[01]\d|[1-9]\d?)(?=\s?(?:[,.;!?)]|$)|\s(?:this|next|last|on|in|today|tomorrow|soon|am|el|il|le|i|em|years?|yrs?|jahre|ans|años|anni|anos|år|vuotta)(?![\p{L}]))/dgimu,
      group: 1,
      score: 0.6,
    },
    {
      // "Priya, 28" on a line of its own, "Olly, 31 · Hackney": a profile's name and age opening a line.
      regex: /(?<=(?:^|\n)[^\S\n]*\p{Lu}\p{Ll}{1,30},[^\S\n])(1[89]|[2-9]\d)(?=[^\S\n]?(?:[·•|]|\n|$))/gu,
      requires: /\p{Ll},[^\S\n]\d\d(?:[^\S\n]?[·•|]|\n|$)/u,
      score: 0.55,
    },
    {
      // "candidate Chen Wei, 29, Chinese national": a number between commas right after a capitalized name.
      regex: /(?<=\p{Lu}\p{Ll}{1,30},\s)(1[01]\d|[1-9]\d?)(?=,\s\p{L})/gu,
      requires: /\p{Ll},\s\d{1,3},\s/u,
      score: 0.55,
    },
  ],
});
