import { patternRecognizer } from "../pattern-recognizer";

const LEVEL =
  "(?:Senior|Sr\\.?|Junior|Jr\\.?|Lead|Principal|Staff|Chief|Head|Deputy|Assistant|Associate|Executive|Managing|General|Regional|Global|Vice|Interim|Acting)";
const ROLE =
  "(?:Engineer|Developer|Manager|Director|Officer|Accountant|Analyst|Consultant|Designer|Architect|Administrator|Coordinator|Specialist|Scientist|Researcher|Recruiter|Editor|Producer|Nurse|Physician|Surgeon|Pharmacist|Teacher|Professor|Lecturer|Lawyer|Attorney|Paralegal|Counsel|Partner|President|Secretary|Treasurer|Controller|Auditor|Representative|Advisor|Adviser|Technician|Supervisor|Intern|Assistant|Founder|Co-founder|Owner)";
const DOMAIN = "(?:[A-Z][a-z]+(?:\\s(?:&|and)\\s[A-Z][a-z]+)?\\s)?";

const LOCAL_ROLES = [
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
].join("|");
// Any role word at all, without look-arounds or Unicode classes: a cheap test that lets most texts skip the
// role patterns below, which the engine would otherwise try at every position.
const ANY_ROLE = new RegExp(LOCAL_ROLES, "i");
// "Architecte d'intérieur": a French role with its complement.
const COMPLEMENT = "(?:\\s(?:d'|d’)\\p{L}{3,20})?";

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
        `(?<![\\p{L}\\p{N}])(?:${LEVEL}\\s)${DOMAIN}${ROLE}(?![\\p{L}])|(?<![\\p{L}\\p{N}])${DOMAIN}${ROLE}(?=,|\\sat\\s|\\s[|·–—]\\s|[ \\t]*(?:\\n|$))`,
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
      regex: new RegExp(
        `(?<![\\p{L}])(?:(?:works? as|worked as|working as|como|comme|come|als|as)\\s(?:an?\\s|un\\s|una\\s|une\\s|een\\s|uma?\\s)?|(?:new|nouveau|nouvelle|nuevo|nueva|nuovo|nuova|nieuwe|novo|nova|neue|neuer)\\s)((?:${LOCAL_ROLES})(?:\\s(?:general|générale?|generale|executivo|executiva|ejecutivo|ejecutiva|delegato|delegata|commerciale?|comercial|financier|financiero|technique|técnico|tecnico))?)(?![\\p{L}])`,
        "dgiu",
      ),
      // Consuming the cue and reporting the role's group is several times faster than a look-behind holding
      // alternatives, which the engine tries at every position.
      group: 1,
      score: 0.6,
    },
    {
      // "La Direttrice Paola Moretti", "der Geschäftsführer Hans Berger": a role right before a capitalized name.
      regex: new RegExp(`(?<![\\p{L}])(?:${LOCAL_ROLES})(?=\\s\\p{L})`, "giu"),
      requires: ANY_ROLE,
      score: 0.6,
      validate: (value, m, text) => {
        const next = text.slice(m.index + value.length + 1, m.index + value.length + 3);
        return /^\p{Lu}\p{Ll}/u.test(next) ? 0.6 : null;
      },
    },
    {
      // "sou enfermeira no ...", "ik ben verpleegkundige", "she is a lawyer": a role said of someone.
      regex: new RegExp(
        `(?<![\\p{L}])(?:sou|soy|sono|bin|ist|suis|est|ben|is|am|era|war|es|é)\\s(?:an?\\s|un\\s|una\\s|une\\s|een\\s|uma?\\s|eine?\\s)?((?:${LOCAL_ROLES}))(?![\\p{L}])`,
        "dgiu",
      ),
      requires: ANY_ROLE,
      group: 1,
      score: 0.6,
    },
    {
      // A signature line that is a role: "Commercialista", "Architecte d'intérieur", "Meister, Brandt Montage GmbH".
      regex: new RegExp(`^[ \\t]*((?:${LOCAL_ROLES})${COMPLEMENT})(?=[ \\t]*(?:[,|–-]|$))`, "dgimu"),
      requires: ANY_ROLE,
      group: 1,
      score: 0.6,
    },
    {
      // After a name and a comma: "Philippe Girard, avocat chez ...", "Ana Ruiz, directora de ...".
      regex: new RegExp(
        `,(?<=\\p{Lu}[\\p{L}'’-]{1,30},)\\s((?:${LOCAL_ROLES})${COMPLEMENT})(?=\\s(?:at|chez|bei|bij|en|in|à|a|em|di|de|da|do|del|della|der|van|presso|na|no|of|für|pour|para|per)\\s|[,.;]|$)`,
        "dgimu",
      ),
      requires: ANY_ROLE,
      group: 1,
      score: 0.6,
    },
  ],
});
