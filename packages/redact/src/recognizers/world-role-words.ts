// Role nouns people stand under in news, notices, minutes and signatures, in the languages this package reads: the
// office ("alcalde", "Kagawad", "мэр"), the post in a club, a school or a firm ("treasurer", "Trenér", "관리소장"), the
// officer of the law ("prosecutor", "निरीक्षक"). The title recognizer's lists hold the occupations of letters and
// job ads; these are the words that stand right before or after a person's name, which is where they are read (see
// rolesNearNames). Lower case; words of several words are written with one space.

const LINES = [
  // English.
  "spokesperson spokesman spokeswoman inspector sub-inspector prosecutor counsel judge magistrate commissioner",
  "superintendent minister governor senator councillor councilor alderman chairman chairwoman chairperson",
  "president vice-president secretary treasurer registrar coach captain coordinator officer director manager principal",
  "headmaster headmistress headteacher dean chancellor provost rector vicar pastor reverend priest imam rabbi bishop",
  "ambassador consul attorney solicitor barrister lawyer advocate nurse surgeon physician pharmacist teacher lecturer",
  "professor tutor trainer instructor editor reporter correspondent journalist economist engineer scientist founder",
  "co-founder owner proprietor landlord landlady caretaker warden ranger constable sergeant detective lieutenant",
  "colonel commander marshal sheriff clerk receptionist administrator supervisor foreman technician midwife",
  "videographer photographer translator interpreter accountant auditor analyst consultant designer developer",
  "programmer architect researcher paramedic firefighter ceo cfo cto coo chief president-elect mp mla mep",
  "intern physiotherapist dietitian nutritionist counsellor counselor psychologist psychiatrist",
  // German, Dutch, Nordic, Finnish, Icelandic.
  "trainerin bürgermeister bürgermeisterin schulleiter schulleiterin rektor rektorin vorsitzende vorsitzender",
  "pfarrer pfarrerin sprecher sprecherin pressesprecher pressesprecherin polizeisprecher staatsanwalt staatsanwältin",
  "richter richterin kommissar kommissarin geschäftsführer geschäftsführerin leiter leiterin",
  "burgemeester wethouder woordvoerder woordvoerster rechter officier directeur voorzitter penningmeester secretaris",
  "tränare ordförande förman kassör sekreterare træner formand kasserer trener leder styreleder",
  "valmentaja rehtori puheenjohtaja johtaja opettaja myyntipäällikkö toimitusjohtaja",
  "þjálfari skólastjóri formaður forstjóri læknir kennari heimilislæknir heimilislækni",
  // French, Spanish, Portuguese, Italian, Catalan.
  "maire entraîneur entraîneuse porte-parole procureur procureure juge commissaire préfet adjoint adjointe curé",
  "notaire secrétaire trésorier trésorière président présidente directrice drh pdg dg",
  "alcalde alcaldesa entrenador entrenadora portavoz fiscal juez jueza comisario comisaria concejal concejala",
  "presidente presidenta secretario secretaria tesorero tesorera directora traductor traductora",
  "prefeito prefeita treinador treinadora porta-voz promotor promotora juiz juíza delegado delegada vereador vereadora",
  "sindaco allenatore allenatrice portavoce procuratore giudice commissario assessore preside segretario segretaria",
  "alcaldessa secretària tresorer tresorera",
  // Central and Eastern Europe, the Baltics, Greek, Turkish.
  "trenér trenérka ředitel ředitelka starosta starostka předseda předsedkyně mluvčí primář primářka jednatel",
  "tréner trénerka riaditeľ riaditeľka predseda hovorca hovorkyňa",
  "trenerka dyrektor dyrektorka prezes burmistrz wójt sołtys rzecznik rzeczniczka komendant kierownik",
  "kierowniczka prokurator sędzia programista programistka architektka",
  "direktorė direktorius vadovas vadovė treneris trenerė mokytoja mokytojas meras pirmininkas pirmininkė",
  "direktors direktore vadītājs vadītāja priekšsēdētājs priekšsēdētāja",
  "juhataja treener õpetaja esimees igazgató edző polgármester elnök tanár ügyvezető jegyző",
  "antrenor primar președinte profesoară directoare",
  "διευθυντής διευθύντρια προπονητής δήμαρχος πρόεδρος εκπρόσωπος",
  "müdür müdürü başkan başkanı antrenör öğretmen savcı hakim vali kaymakam muhtar",
  // Cyrillic.
  "директор директорка тренер главврач бухгалтер председатель начальник глава мэр губернатор учитель учительница",
  "заведующий заведующая прокурор судья следователь пресс-секретарь руководитель управляющий староста",
  "голова керівник керівниця вчителька вчитель",
  // Malay, Indonesian, Filipino, Swahili.
  "kepala ketua camat lurah bupati walikota pelatih guru direktur jaksa menteri pengurus",
  "kagawad kapitan konsehal alkalde gobernador",
  "mwenyekiti katibu mweka afisa mkurugenzi meneja mwalimu kocha mkuu diwani mbunge",
  // Arabic, Persian, Hebrew.
  "مدير مديرة رئيس رئيسة المدير الرئيس أخصائي أخصائية مهندس مهندسة محامي محامية مدرب المدرب وزير الوزير محافظ",
  "المحافظ العميد القاضي قاضي النائب المتحدث الناطق مدیر مربی معلم",
  'מנהל מנהלת מנכ״ל מנכ"ל יו״ר יו"ר מאמן מאמנת מורה רופא רופאה',
  // The scripts of India.
  "निरीक्षक अध्यक्ष सचिव प्रधानाचार्य प्रधानाध्यापक प्राचार्य मुख्याध्यापक सरपंच प्रबंधक निदेशक कोच अधिकारी",
  "शिक्षक शिक्षिका जिलाधिकारी कलेक्टर आयुक्त विशेषज्ञ",
  "આચાર્ય પ્રમુખ મંત્રી સરપંચ શિક્ષક ਕੋਚ ਪ੍ਰਧਾਨ ਸਰਪੰਚ ਅਧਿਆਪਕ ਪ੍ਰਿੰਸੀਪਲ",
  "অধ্যক্ষ সভাপতি সম্পাদক চেয়ারম্যান কোচ தலைவர் செயலாளர் ஆசிரியர் தலைமையாசிரியர் பயிற்சியாளர்",
  // Georgian, Armenian, Thai.
  "მწვრთნელი დირექტორი მასწავლებელი თავმჯდომარე მერი გამგებელი",
  "դասղեկ տնօրեն ուսուցիչ ուսուցչուհի մարզիչ նախագահ",
  "ผู้อำนวยการ ครู โค้ช ประธาน ผู้จัดการ",
];

/** Role nouns of many languages, lower case. */
export const WORLD_ROLE_WORDS: ReadonlySet<string> = new Set(LINES.flatMap((line) => line.split(" ")));

/** Roles that are also everyday words ("the chair Tom bought"), read only in brackets after a name: "(Chair)". */
export const BRACKET_ROLE_WORDS: ReadonlySet<string> = new Set(["chair", "co-chair", "vice-chair", "head", "lead"]);

// Words that make a role more precise and stand before it: "Deputy Public Prosecutor", "Senior inspector", "Police
// spokesperson", "पोलीस निरीक्षक".
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  `senior junior chief deputy assistant associate acting interim vice head executive managing general regional
  national state federal municipal district county city village ward parish public police court club team project
  sales marketing finance account customer medical clinical nursing legal technical office store branch area site
  shift school class lead staff joint additional special sub station house pediatric paediatric freelance
  polizei polizeiliche leitende stellvertretende stellvertretender hlavní главный главная старший старшая
  पोलीस पुलिस उप सहायक मुख्य वरिष्ठ`.split(/\s+/u),
);

/**
 * Roles written in Chinese characters, kana and Hangul, which stand glued to what comes before them ("관리소장" holds
 * 소장, "営業部長" holds 部長): a run of those characters that ends in one of these is a role.
 */
export const CJK_ROLE_WORDS: readonly string[] = [
  ...new Set([
    // Korean.
    ..."소장 대리 과장 부장 차장 팀장 실장 사장 대표 대표이사 이사 회장 원장 교장 담임 선생님 감독 코치 주임 본부장 센터장 국장 청장 시장 구청장 의원 위원장 총무 간사".split(
      " ",
    ),
    // Japanese.
    ..."代表取締役 取締役 社長 部長 課長 係長 主任 会長 店長 院長 校長 園長 担任 監督 コーチ 理事長 専務 常務 所長 室長 教授 医師 看護師 弁護士 税理士 幹事 会計".split(
      " ",
    ),
    // Chinese.
    ..."经理 总经理 經理 總經理 主任 老师 老師 教练 教練 校长 校長 院长 主席 董事长 董事長 总裁 總裁 局长 处长 科长 书记 律师 律師 医生 醫生 工程师 工程師".split(
      " ",
    ),
  ]),
].sort((a, b) => b.length - a.length);
