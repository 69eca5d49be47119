import { SIGN_OFFS } from "../ner/sign-offs";
import { patternRecognizer } from "../pattern-recognizer";
import { smallRegexCode } from "../small-regex-code";
import { wordAlternation } from "../word-alternation";
import { wordHeads } from "../word-heads";
import { JOB_WORDS } from "./job-words";
import { WORLD_ROLE_WORDS } from "./world-role-words";

const LEVEL =
  "(?:Senior|Sr\\.?|Junior|Jr\\.?|Lead|Principal|Staff|Chief|Head|Deputy|Assistant|Associate|Executive|Managing|General|Regional|Global|Vice|Interim|Acting)";
const ROLE =
  "(?:Engineer|Developer|Manager|Director|Officer|Accountant|Analyst|Consultant|Designer|Architect|Administrator|Coordinator|Specialist|Scientist|Researcher|Recruiter|Editor|Producer|Nurse|Physician|Surgeon|Pharmacist|Teacher|Professor|Lecturer|Lawyer|Attorney|Paralegal|Counsel|Partner|President|Secretary|Treasurer|Controller|Auditor|Representative|Advisor|Adviser|Technician|Supervisor|Intern|Assistant|Founder|Co-founder|Owner|Associate|Lead|Clerk|Receptionist|Headteacher|Handler|Adjuster|Underwriter|Therapist|Programmer|Strategist|Planner|Buyer|Executive)";
// One or two words of the field before the role: "Audit Associate", "Talent Acquisition Lead", "UX Designer".
const DOMAIN = "(?:(?:[A-Z][a-z]+|[A-Z]{2,4})(?:\\s(?:&|and)\\s[A-Z][a-z]+)?\\s){0,2}";
// A rank after the role: "Backend Engineer II".
const RANK = "(?:\\s(?:I|II|III|IV)(?![\\p{L}\\p{N}]))?";

// Occupations written by hand; faker's job words are added below.
const OCCUPATION_LIST = [
  "nurse|lawyer|teacher|doctor|engineer|developer|accountant|manager|director|consultant|designer",
  "enfermera|enfermero|enfermeira|enfermeiro|infirmière|infirmier|infermiera|infermiere|verpleegkundige|krankenschwester|pfleger",
  "abogado|abogada|advogado|advogada|avocat|avocate|avvocato|avvocata|advocaat|anwalt|anwältin",
  "médico|médica|medico|médecin|arts|arzt|ärztin|profesor|profesora|professore|professoressa|professeur|professeure|professor|professora|leraar|lerares|lehrer|lehrerin|maestra|maestro",
  "ingeniero|ingeniera|ingegnere|ingénieur|engenheiro|engenheira|ingenieur|ingenieurin|contable|contador|contadora|commercialista|comptable|boekhouder|buchhalter|buchhalterin",
  "directeur|directrice|director|directora|direttore|direttrice|diretor|diretora|gerente|responsable|presidente|président|présidente|voorzitter|leiter|leiterin|geschäftsführer|geschäftsführerin|amministratore|administrador|administradora",
  "ceo|cfo|cto|coo",
  "architect|architecte|architetto|arquitecto|arquitecta|arquiteto|arquiteta|architekt|architektin|meister|meisterin",
  "notaire|notaio|notario|notaria|notaris|notar|notarin|psychologue|psicologo|psicologa|psicólogo|psicóloga|psychologe|psychologin",
  "pharmacien|pharmacienne|farmacista|farmacéutico|farmacéutica|farmacêutico|farmacêutica|apotheker|apothekerin",
  "dentiste|dentista|tandarts|zahnarzt|zahnärztin|vétérinaire|veterinario|veterinaria|veterinário|tierarzt|tierärztin|dierenarts",
  "journaliste|journalist|journalistin|periodista|giornalista|jornalista|redakteur|redakteurin|rédacteur|rédactrice",
  // Occupations people name in letters, forms and chats, in the languages this package covers.
  "receptionist|schoolteacher|headteacher|headmaster|headmistress|therapist|physiotherapist|psychotherapist|dermatologist|cardiologist|pediatrician|paediatrician|radiologist|surgeon|paramedic|midwife|pharmacist|dentist|optician|plumber|electrician|carpenter|mechanic|librarian|bookkeeper|cashier|underwriter|adjuster|surveyor|paralegal|solicitor|barrister|chairman|chairwoman|chairperson|treasurer|tutor|coach|caretaker|programmer",
  "sachbearbeiter|sachbearbeiterin|erzieher|erzieherin|klassenlehrer|klassenlehrerin|klassenleitung|schulleiter|schulleiterin|rektor|rektorin|hausmeister|hausmeisterin|werkstudent|werkstudentin|praktikant|praktikantin|physiotherapeut|physiotherapeutin|hebamme|trainer|trainerin|vorsitzender|vorsitzende|kassenwart|kassenwartin|schriftführer|schriftführerin|referentin|kaufmann|kauffrau|elektriker|mechaniker|mechanikerin|verkäufer|verkäuferin",
  "secrétaire|caissier|caissière|plombier|électricien|électricienne|mécanicien|kinésithérapeute|sage-femme|éducateur|éducatrice|instituteur|institutrice|enseignant|enseignante|proviseur|conseiller|conseillère|gérant|gérante|chargé|chargée|développeur|développeuse|ingénieure|trésorier|trésorière",
  "secretario|secretaria|cajero|cajera|fontanero|electricista|mecánico|fisioterapeuta|matrona|tutora|gestor|gestora|corredor|corredora|jefe|jefa|orientador|orientadora|asesor|asesora|auxiliar|tesorero|tesorera|coordinadora|desarrolladora",
  "segretario|segretaria|cassiere|cassiera|idraulico|elettricista|meccanico|fisioterapista|ostetrica|geometra|ragioniere|responsabile|impiegato|impiegata|consulente|sviluppatore|sviluppatrice|coordinatore|coordinatrice|insegnante|preside|dirigente|tesoriere",
  "secretária|secretário|atendente|vendedor|vendedora|coordenadora|desenvolvedora|consultora|gerenta|tesoureiro|tesoureira|huisarts|docent|secretaris|penningmeester|adviseur|ontwikkelaar|beheerder|monteur|loodgieter|fysiotherapeut|verloskundige",
  "ordförande|kassör|sekreterare|lärare|sjuksköterska|läkare|styrelseledamot|formand|kasserer|lærer|sygeplejerske|læge|styreleder|lege|sykepleier|puheenjohtaja|rahastonhoitaja|sihteeri|isännöitsijä|opettaja|sairaanhoitaja|lääkäri|rehtori|toimitusjohtaja",
  "wychowawca|wychowawczyni|wychowawczynią|nauczyciel|nauczycielka|trener|trenerka|dyrektor|dyrektorka|kierownik|kierowniczka|prezes|księgowa|księgowy|lekarz|pielęgniarka|sekretarz|skarbnik|przewodniczący|przewodnicząca|jednatel|jednatelka|ředitel|ředitelka|vedoucí|učitel|učitelka|lékař|lékařka|účetní|předseda|předsedkyně|konateľ|riaditeľ|ügyvezető|igazgató|tanár|könyvelő|contabil|inginer|președinte",
  "γιατρός|πρόεδρος|ταμίας|γραμματέας|καθηγητής|καθηγήτρια|δάσκαλος|δασκάλα|λογιστής|δικηγόρος|терапевт|врач|бухгалтер|учитель|учительница|медсестра|юрист|председатель|заведующий|заведующая|главврач|лікар|вчитель|вчителька|бухгалтерка|müdür|öğretmen|muhasebeci|avukat|mühendis|manajer|direktur|guru|dokter|perawat|akuntan|insinyur|ketua|bendahara|sekretaris",
].flatMap((line) => line.split("|"));
/** Every role word of the lists, lower case: the hand-written occupations and faker's job words. */
export const LOCAL_ROLE_LIST: readonly string[] = [...OCCUPATION_LIST, ...JOB_WORDS];
// Where a role stands at a set place in a pattern (after a cue, at a line's start, before a name), the pattern holds
// a run of letters there and its validator looks the run up in these lists (see Pattern.heads). In a regex, each list
// compiled to some 400 KB of machine code per pattern, optimized or not (see smallRegexCode), and the patterns that
// hold them came to 4.7 MB in a process that had redacted a hundred prompts: enough to stop V8 optimizing the regexes
// every other recognizer compiled after them.
const OCCUPATION_SET: ReadonlySet<string> = new Set(OCCUPATION_LIST);
const LOCAL_ROLE_SET: ReadonlySet<string> = new Set(LOCAL_ROLE_LIST);
const OCCUPATION_HEADS = { words: OCCUPATION_LIST, atStart: true };
const LOCAL_ROLE_HEADS = { words: LOCAL_ROLE_LIST, atStart: false };
const LOCAL_ROLES_AT_START = { words: LOCAL_ROLE_LIST, atStart: true };
// The run of letters that stands for a listed role, captured; the listed roles that hold a hyphen are tried first.
export const LISTED_ROLE = `(${[...new Set(LOCAL_ROLE_LIST.filter((w) => /[^\p{L}]/u.test(w)))]
  .map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"))
  .join("|")}|\\p{L}+)`;

function listedIn(list: ReadonlySet<string>, word: string | undefined): boolean {
  return word !== undefined && list.has(word.toLowerCase());
}

/** Whether a lower-case word is a role of any list: the occupations, faker's job words, or the world's role nouns. */
export function isListedRole(lower: string): boolean {
  return LOCAL_ROLE_SET.has(lower) || WORLD_ROLE_WORDS.has(lower);
}
// Grouped by first letter: hundreds of words, tried at every word of a text that may hold one, where a role may be
// one of several words. The patterns that hold these lists compile to small, unoptimized code (see smallRegexCode):
// optimized, they were megabytes each.
// "Architecte d'intérieur": a French role with its complement.
const COMPLEMENT = "(?:\\s(?:d'|d’)\\p{L}{3,20})?";

// Role nouns that need a cue around them to be a title ("Lead", "Associate"), with every listed occupation.
const ROLE_TAIL = wordAlternation([
  ...LOCAL_ROLE_LIST,
  ...["lead", "associate", "officer", "executive", "assistant", "representative", "clerk", "handler", "controller"],
  ...["intern", "supervisor", "technician", "producer"],
]);
/** Whether `value` ends in a listed occupation ("line manager", "schoolteacher"). */
function endsInOccupation(value: string): boolean {
  const lower = value.toLowerCase();
  for (let k = lower.lastIndexOf(" ") + 1; k < lower.length; k++) if (OCCUPATION_SET.has(lower.slice(k))) return true;
  return false;
}
// "directora de Recursos Humanos", "head of sales": the field a role is of, in one or two words.
const OF_FIELD = "(?: (?:de|di|da|del|of) \\p{L}{3,20}(?: \\p{L}{3,20})?)?";
// Words before a role that make it no one's title: "my bank account manager app" is a thing, "our support assistant" a bot.
const NOT_FIELDS = /^(?:the|a|an|and|or|to|of|in|on|is|was|be|at|for|with|virtual|ai|support|chat)\s/i;
// A name alone on a line: two to four capitalized words or initials.
// A name alone on its line: "Ingrid van 't Hek", "i. A. Dr. Heike Brunner" (signing for someone), "Tóth Gábor".
const NAME_LINE =
  /^[ \t]*(?:(?:i\.[ \t]?[AV]\.|pp\.|p\.p\.)[ \t])?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s)?(?:(?:\p{Lu}[\p{L}'’-]*\.?|van|von|de|der|den|da|di|du|del|della|dos|das|do|la|le|ten|ter|'t|bin|binti|ibn|al|el|y|i)\s){1,4}\p{Lu}[\p{L}'’-]+[ \t]*$/u;

// What every text with a name alone on a line above another holds: two capitalized words, then the line's end. The
// role-line patterns below need one; most messages have none, and these patterns then do not run.
// Read from each line's end backwards: a regex would try every position of the text, and a class of all capitals is
// slow to test at each.
const NAME_CHAR = /^[\p{L}'’-]$/u;
const NAME_PARTICLES = new Set(
  "van von de der den da di du del della dos das do la le ten ter 't bin binti ibn al el y i".split(" "),
);
const UPPER = /^\p{Lu}$/u;
const SPACE_NOT_NEWLINE = /^[^\S\n]$/u;

/** Whether `text` holds a match of `\p{Lu}[\p{L}'’-]*\.?[^\S\n]\p{Lu}[\p{L}'’-]+[ \t]*\n`. */
export function nameLineEnd(text: string): boolean {
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) {
    let k = nl;
    while (k > 0 && (text[k - 1] === " " || text[k - 1] === "\t")) k--;
    // The second word: the whole run of name characters before the line's end, opening on a capital after a space.
    const end = k;
    while (k > 0 && NAME_CHAR.test(text[k - 1]!)) k--;
    // A surrogate (a letter past U+FFFF or a lone half): read no further, and let the patterns run.
    if (k > 0 && (text.charCodeAt(k - 1) & 0xf800) === 0xd800) return true;
    if (end - k < 2 || !UPPER.test(text[k]!) || k === 0 || !SPACE_NOT_NEWLINE.test(text[k - 1]!)) continue;
    // The first word: a run holding a capital, right before the space or a dot before it; particles before the
    // family name ("Pieter van der Berg") are passed over.
    let p = k - 1;
    for (let words = 0; words < 3; words++) {
      if (p > 0 && text[p - 1] === ".") p--;
      const wordEnd = p;
      let upper = false;
      while (p > 0 && NAME_CHAR.test(text[p - 1]!)) {
        if (UPPER.test(text[p - 1]!)) upper = true;
        p--;
      }
      if (p > 0 && (text.charCodeAt(p - 1) & 0xf800) === 0xd800) return true;
      if (upper) return true;
      if (!NAME_PARTICLES.has(text.slice(p, wordEnd))) break;
      // "de Vries", "van der Berg" alone on a line: particles from the line's start, as NAME_LINE takes them.
      let q = p;
      while (q > 0 && (text[q - 1] === " " || text[q - 1] === "\t")) q--;
      if (q === 0 || text[q - 1] === "\n") return true;
      if (p === 0 || !SPACE_NOT_NEWLINE.test(text[p - 1]!)) break;
      p--;
    }
  }
  return false;
}

// A closing alone on its line: "Mit freundlichen Grüßen", "Pozdrawiam serdecznie", "Best,".
export const SIGN_OFF_LINE = new RegExp(`^[ \\t]*(?:${SIGN_OFFS})(?:[ \\t]\\p{L}+)?[ \\t]*[,.!]?[ \\t]*$`, "iu");
// Words of a line that names a firm, a place or a way to reach someone rather than a role.
const NOT_ROLE_LINE =
  /\d{3}|@|https?:|www\.|\b(?:gmbh|ag|ltd|llc|inc|plc|s\.?a\.?|s\.?l\.?|b\.?v\.?|srl|spa|sp\. z o\.o\.|pty|pvt|co|corp|limited|tel|phone|mobile|mob|fax|email|e-mail|tél|telefon|tlf)\b/iu;

/** The lines of `text` before `at` (the start of a line), nearest first, blank ones left out. */
function linesBefore(text: string, at: number, count: number): string[] {
  const out: string[] = [];
  let end = at - 1;
  while (end > 0 && out.length < count) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== "") out.push(line);
    end = start - 1;
  }
  return out;
}

/**
 * A signature's role: the line under the sender's name ("Sabine Krüger\nObjektbetreuerin"), or what follows the
 * name and a comma ("Anneke Visser, leerkracht groep 5"), where the name comes right after a closing.
 */
function signatureRole(value: string, match: RegExpExecArray, text: string, under: boolean): number | null {
  if (NOT_ROLE_LINE.test(value) || SIGN_OFF_LINE.test(value)) return null;
  // Every word capitalized is how English heads a line ("Quarterly Report"), and English roles are read from the role
  // lists by the patterns above; a role in words of other languages capitalizes the first ("Assistante juridique").
  // Unless a listed role is among its words, or a firm follows it on the line ("Club Registrar, Hutt Valley Junior
  // Football", "Manager HR | Tezz Digital"), which no heading has.
  if (under && /^\p{Lu}\S*(?:\s\p{Lu}\S*)+$/u.test(value)) {
    const rest = text.slice(match.index + match[0].length, text.indexOf("\n", match.index) >>> 0);
    const listed = value.split(/\s+/u).some((w) => LOCAL_ROLE_SET.has(w.toLowerCase()));
    if (!listed && !/^[ \t]*[,|–]/u.test(rest)) return null;
  }
  const lineStart = text.lastIndexOf("\n", match.index) + 1;
  // A line that ends a sentence is something said after the name ("Call Grace tomorrow, and ask her."), not a role.
  const lineEnd = text.indexOf("\n", match.index);
  if (/[.!?]\s*$/u.test(text.slice(match.index, lineEnd < 0 ? text.length : lineEnd))) return null;
  const above = linesBefore(text, lineStart, 2);
  if (under) return above.length === 2 && NAME_LINE.test(above[0]!) && SIGN_OFF_LINE.test(above[1]!) ? 0.6 : null;
  return above.length >= 1 && SIGN_OFF_LINE.test(above[0]!) ? 0.6 : null;
}

/** Whether a capitalized word (a name) ends right before the comma at `comma`. */
function nameBefore(text: string, comma: number): boolean {
  return /\p{Lu}[\p{L}'’-]{0,30}\.?$/u.test(text.slice(Math.max(0, comma - 32), comma));
}

// "trabajo como enfermera", "works as a nurse", "le nouveau directeur": a listed role after a cue.
const ROLE_AFTER_CUE = new RegExp(
  `(?<![\\p{L}])(?:(?:works? as|worked as|working as|como|comme|come|als|as|som|jako|kao|sebagai|как|як)\\s(?:an?\\s|un\\s|una\\s|une\\s|een\\s|uma?\\s|en\\s|ett\\s)?|(?:new|nouveau|nouvelle|nuevo|nueva|nuovo|nuova|nieuwe|novo|nova|neue|neuer|ny|nya|nowy|nowa|retired|former|ehemaliger|ehemalige|ancien|ancienne)\\s)(${LISTED_ROLE}(?:\\s(?:general|générale?|generale|executivo|executiva|ejecutivo|ejecutiva|delegato|delegata|commerciale?|comercial|financier|financiero|technique|técnico|tecnico))?)(?![\\p{L}])`,
  "dgiu",
);
// "sou enfermeira no ...", "ik ben verpleegkundige", "she is a lawyer": a listed role said of someone.
const ROLE_SAID = new RegExp(
  `(?<![\\p{L}])(?:sou|soy|sono|bin|ist|suis|est|ben|is|am|era|war|es|é)\\s(?:an?\\s|un\\s|una\\s|une\\s|een\\s|uma?\\s|eine?\\s)?${LISTED_ROLE}(?![\\p{L}])`,
  "dgiu",
);

/**
 * The cue words a pattern opens with, as its heads: the pattern then runs at each cue word of a text, and after a cue
 * that its validator turns down ("sono is a nurse") again from the next word.
 */
function cueHeads(regex: RegExp): { words: readonly string[]; atStart: boolean } {
  const heads = wordHeads(regex);
  if (!heads?.atStart || heads.prefixes.size > 0) throw new Error(`No cue words open ${regex.source}`);
  return { words: [...heads.words], atStart: true };
}

/** Job titles: C-level acronyms, "Head of X", and seniority plus role, in English and a few common continental forms. */
export const titleRecognizer = patternRecognizer({
  name: "title",
  type: "TITLE",
  context: ["title", "position", "role", "job", "works as", "arbeitet als", "poste", "puesto", "ruolo"],
  patterns: [
    {
      regex:
        /(?<![\p{L}\p{N}])(?:CEO|CFO|CTO|COO|CIO|CMO|CISO|CPO|CHRO|VP|SVP|EVP|DPO)(?![\p{L}\p{N}])(?:\sof\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?/gu,
      score: 0.75,
    },
    {
      regex:
        /(?<![\p{L}\p{N}])(?:(?:Head|Director|Vice President|VP|Manager|Chief|Leiter(?:in)?|Directeur|Directrice|Responsable|Director(?:a)?|Jefe|Jefa|Direttore|Direttrice|Hoofd)\s(?:of|der|des|du|de la|de|del|della|di|van)[ \t](?:the[ \t])?[A-Z][\p{L}]+(?:[ \t](?:&|and|und|et|y|e)[ \t][A-Z][\p{L}]+|[ \t][A-Z][\p{L}]+)?)/gu,
      score: 0.75,
    },
    {
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${LEVEL}\\s)${DOMAIN}${ROLE}(?![\\p{L}])${RANK}|(?<![\\p{L}\\p{N}])${DOMAIN}${ROLE}${RANK}(?=,|\\sat\\s|\\s[|·–—]\\s|\\)|[ \\t]*(?:\\n|$))`,
        "gu",
      ),
      score: 0.65,
    },
    {
      regex:
        /(?<![\p{L}\p{N}])(?:Geschäftsführer(?:in)?|Rechtsanwalt|Rechtsanwältin|Steuerberater(?:in)?|Abteilungsleiter(?:in)?|Projektleiter(?:in)?|Oberarzt|Oberärztin|Chefarzt|Chefärztin|Directeur général|Directrice générale|PDG|Avocate?|Gerente General|Directora? General|Abogad[oa]|Amministratore Delegato|Avvocato|Advocaat|Directeur|Advogad[oa]|Diretor(?:a)?(?: Executiv[oa])?)(?![\p{L}])/gu,
      score: 0.65,
    },
    {
      // "trabajo como enfermera", "works as a nurse", "le nouveau directeur", "il nuovo Amministratore Delegato".
      regex: ROLE_AFTER_CUE,
      heads: cueHeads(ROLE_AFTER_CUE),
      // Consuming the cue and reporting the role's group is several times faster than a look-behind holding
      // alternatives, which the engine tries at every position.
      group: 1,
      score: 0.6,
      validate: (_value, m) => (m[2] !== undefined && isListedRole(m[2].toLowerCase()) ? 0.6 : null),
    },
    {
      // "La Direttrice Paola Moretti", "der Geschäftsführer Hans Berger": a role right before a capitalized name.
      // Only the hand-written occupations: faker's job words name things too ("Designer Outlet").
      regex: new RegExp(`(?<![\\p{L}])${LISTED_ROLE}(?=\\s\\p{L})`, "giu"),
      heads: OCCUPATION_HEADS,
      score: 0.6,
      validate: (value, m, text) => {
        if (!listedIn(OCCUPATION_SET, value)) return null;
        const next = text.slice(m.index + value.length + 1, m.index + value.length + 3);
        return /^\p{Lu}\p{Ll}/u.test(next) ? 0.6 : null;
      },
    },
    {
      // "sou enfermeira no ...", "ik ben verpleegkundige", "she is a lawyer": a role said of someone.
      regex: ROLE_SAID,
      heads: cueHeads(ROLE_SAID),
      group: 1,
      score: 0.6,
      validate: (value) => (isListedRole(value.toLowerCase()) ? 0.6 : null),
    },
    {
      // A signature line that is a role: "Commercialista", "Architecte d'intérieur", "Meister, Brandt Montage GmbH".
      regex: new RegExp(`^[ \\t]*(${LISTED_ROLE}${COMPLEMENT})(?=[ \\t]*(?:[,|–-]|$))`, "dgimu"),
      heads: LOCAL_ROLE_HEADS,
      group: 1,
      score: 0.6,
      validate: (_value, m) => (listedIn(LOCAL_ROLE_SET, m[2]) ? 0.6 : null),
    },
    {
      // After a name and a comma: "Philippe Girard, avocat chez ...", "Ana Ruiz, directora de ...", "Ковалёва И. С.,
      // терапевт", "Rocío Benjumea, gestora de clientes", "Radek Dvořák, jednatel firmy ...".
      regex: new RegExp(
        `,(?<=\\p{L}[\\p{L}'’-]{0,30}\\.?,)\\s(${LISTED_ROLE}(?:${OF_FIELD}|${COMPLEMENT}))(?=\\s\\p{L}|[,.;)]|$)`,
        "dgimu",
      ),
      heads: LOCAL_ROLE_HEADS,
      group: 1,
      // Above a name recognizer's guess at the role's capitalized words ("Gerente de Recursos Humanos").
      score: 0.7,
      validate: (_value, m, text) => (listedIn(LOCAL_ROLE_SET, m[2]) && nameBefore(text, m.index) ? 0.7 : null),
    },
    {
      // "J. Alvarez, NP", "Lin Okada, CPA", "M. Castellanos, MD": a credential after a name and a comma.
      regex:
        /,(?<=\p{L}{2},)\s((?:MD|RN|NP|CPA|DDS|DMD|LPN|PA-C|PharmD|CFA|DNP|APRN|FNP|MBBS|FRCS|MRCP|Esq\.?)(?:,\s(?:MD|RN|NP|CPA|PhD|MPH|MBA|FACP))?)(?![\p{L}\p{N}-])(?!\s\d)/dgu,
      group: 1,
      score: 0.65,
    },
    {
      // "Pirjo Häkkinen (puheenjohtaja)", "Vikram Nair (Support Team Lead)", "Dr Iyer (consultant dermatologist)": a
      // role in brackets after a name.
      regex: smallRegexCode(
        new RegExp(`\\((?<=\\p{L}\\s\\()((?:[\\p{L}-]{2,20} ){0,2}(?:${ROLE_TAIL})${RANK})\\)`, "dgiu"),
      ),
      group: 1,
      score: 0.65,
    },
    {
      // "the position of Backend Engineer II", "posisi Software Engineer", "le poste de chargée de communication".
      regex: smallRegexCode(
        new RegExp(
          `(?<![\\p{L}])(?:position of|position as|role of|posisi|poste de|poste d'|puesto de|vaga de|cargo de|posizione di|ruolo di|Stelle als|functie van|stanowisko)\\s(?:an?\\s)?((?:[\\p{L}-]{2,20} ){0,3}(?:${ROLE_TAIL})${RANK}(?:${OF_FIELD}|${COMPLEMENT}))(?![\\p{L}])`,
          "dgiu",
        ),
      ),
      group: 1,
      score: 0.65,
    },
    {
      // "his line manager", "her former head teacher", "our new UX designer", "Our loss adjuster": a role said of
      // someone, with one word of its field ("your manager" alone is too often no one's title).
      regex: smallRegexCode(
        new RegExp(
          `(?<![\\p{L}])(?:my|his|her|their|our|your)\\s(?:former\\s|new\\s|current\\s)?([\\p{L}-]{2,15} (?:${ROLE_TAIL}))(?![\\p{L}])`,
          "dgiu",
        ),
      ),
      group: 1,
      score: 0.6,
      // A listed occupation ("line manager"), or any role when both words are capitalized ("Finance Controller").
      validate: (value) =>
        !NOT_FIELDS.test(value) && (endsInOccupation(value) || /^\p{Lu}\S* \p{Lu}/u.test(value)) ? 0.6 : null,
    },
    {
      // "Receptionist presso Hotel Politeama", "geometra presso Studio Tecnico": a role, then where it is held.
      regex: new RegExp(`(?<![\\p{L}])${LISTED_ROLE}(?=\\s(?:at|presso|bei|chez|bij|em|na|w|v|u|в)\\s\\p{L})`, "giu"),
      heads: LOCAL_ROLES_AT_START,
      score: 0.6,
      validate: (value, m, text) => {
        if (!listedIn(LOCAL_ROLE_SET, value)) return null;
        const rest = text.slice(m.index + value.length + 1);
        return /^\p{L}+\s\p{Lu}/u.test(rest) ? 0.6 : null;
      },
    },
    {
      // A signature's role line under the name: "Talent Acquisition Lead", "Responsabile Acquisti, Ottica Ventura".
      regex: smallRegexCode(
        new RegExp(
          `^[ \\t]*((?:[\\p{L}&/-]{2,20}[ \\t]){0,3}(?:${ROLE_TAIL})${RANK}(?:[ \\t][\\p{L}-]{3,20}){0,2})(?=[ \\t]*(?:[,|–-]|$))`,
          "dgimu",
        ),
      ),
      requires: nameLineEnd,
      group: 1,
      score: 0.6,
      validate: (value, m, text) => {
        // Every word capitalized, and a name alone on the line above.
        if (!/^(?:\p{Lu}[\p{L}&/-]*\s?)+$/u.test(value)) return null;
        const above = /(?:^|\n)([^\n]*)\n[ \t]*$/.exec(text.slice(Math.max(0, m.index - 60), m.index));
        return above && NAME_LINE.test(above[1]!) ? 0.6 : null;
      },
    },
    {
      // A signature's role line under the name, whatever the role: "Objektbetreuerin", "Assistante juridique",
      // "Koordynatorka pacjenta", "Inspektor, Oddział w Gdańsku" (the role before the comma).
      regex:
        /^[ \t]*(\p{Lu}[\p{L}\p{M}'’.&/-]{1,30}(?:[ \t][\p{L}\p{M}'’.&/-]{1,30}){0,5})(?=[ \t]*(?:[,|–][^\n]*)?$)/dgmu,
      requires: nameLineEnd,
      group: 1,
      score: 0.6,
      validate: (value, m, text) => signatureRole(value, m, text, true),
    },
    {
      // The sender's name and role on one line after the closing: "Anneke Visser, leerkracht groep 5", "Mette,
      // pædagog", "Johanna Lindberg, förskolechef".
      regex:
        /^[ \t]*(?:\p{Lu}[\p{L}\p{M}'’-]+[ \t]){0,3}\p{Lu}[\p{L}\p{M}'’-]+,[ \t](\p{L}[\p{L}\p{M}'’-]{1,30}(?:[ \t][\p{L}\p{M}\d'’-]{1,30}){0,3})[ \t]*$/dgmu,
      group: 1,
      score: 0.6,
      validate: (value, m, text) => signatureRole(value, m, text, false),
    },
  ],
});
