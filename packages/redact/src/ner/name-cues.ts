// Written for this package: the words around a name that mark it as a person's, in the covered languages.

/**
 * Forms of address of three letters or fewer that stand before a name without a dot: Polish "Pan Nowak",
 * Vietnamese "anh Tuấn", "chị Lan", Indonesian "Pak Budi". Longer forms are cues with or without a dot.
 */
export const SHORT_HONORIFICS: readonly string[] = [
  "pan",
  "anh",
  "chị",
  "ông",
  "bà",
  "cô",
  "chú",
  "bác",
  "pak",
  "mas",
  "rag",
  "pán",
  "kak",
  "oga",
];

/** Honorifics and forms of address, lower-case, without a trailing dot. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  ...`mr mrs ms miss mx dr prof sir madam dame lady lord rev fr herr herrn frau fräulein hr fr dipl ing mag m mme mlle
  monsieur madame mademoiselle maître me sr sra srta señor señora señorita don doña dña sig sig.ra sig.ra signor
  signora signorina dott dott.ssa avv ing dhr mevr mevrouw meneer heer sr.ª senhor senhora dona dra drª profa
  prof.ssa shri shrimati smt sri kumari pani panie pana panią paní pane slečna hon capt sgt lt col cpl insp
  rabbi imam pastor bapak ibu encik puan bwana господин госпожа господина госпоже пан пані κύριος κύριε κυρία κα
  mgr inż mbak ma'am geom engr atty mdm dl dna bro sis lic licda lcdo lcda arq pán kak kakak bang teh oga fam
  bw mwl dkt mhe zoti zonja znj sayın bpk sdr sdri gng cllr councillor pc dc supt captain sergeant inspector
  constable detective corporal alhaji alhaja hajiya malam mallam direktorė direktorius`.split(/\s+/),
  ...SHORT_HONORIFICS,
]);

/** Words after which a capitalized word is someone's name: greetings, thanks, sign-offs and "my name is". */
export const GREETINGS: readonly string[] = [
  "hi",
  "hello",
  "hey",
  "dear",
  "hiya",
  "thanks",
  "thank you",
  "cheers",
  "regards",
  "best",
  "yours",
  "sincerely",
  "love",
  "cc",
  "attn",
  "hallo",
  "liebe",
  "lieber",
  "moin",
  "servus",
  "danke",
  "grüße",
  "gruß",
  "bonjour",
  "salut",
  "cher",
  "chère",
  "merci",
  "coucou",
  "cordialement",
  "hola",
  "querido",
  "querida",
  "estimado",
  "estimada",
  "gracias",
  "saludos",
  "ciao",
  "caro",
  "cara",
  "gentile",
  "grazie",
  "saluti",
  "beste",
  "hoi",
  "dag",
  "bedankt",
  "groeten",
  "olá",
  "oi",
  "obrigado",
  "obrigada",
  "abraços",
  "atenciosamente",
  "thx",
  "ty",
  "moi",
  "hej",
  "hei",
  "tere",
  "szia",
  "ahoj",
  "cześć",
  "merhaba",
  "salam",
  "bok",
  "g'day",
  "namaste",
  "namaskar",
  "नमस्ते",
  "नमस्कार",
  "प्रिय",
  "bhai",
  "bhaiya",
  "didi",
  "shukriya",
  "dhanyavaad",
  "groetjes",
  "vovó",
  "vovô",
  "avó",
  "avô",
  "oma",
  "opa",
  "nonna",
  "nonno",
  "abuela",
  "abuelo",
  "tía",
  "tío",
  "tante",
  "onkel",
  "mamie",
  "papi",
  "zia",
  "zio",
  "tia",
  "tio",
  "nani",
  "dadi",
  "bhabhi",
  "beijos",
  "beijinhos",
  "bisous",
  "besos",
  "abrazos",
  "baci",
  "kisses",
  "lg",
  "vg",
  "mvg",
  "γεια σου",
  "привет",
  "son",
  "daughter",
  "wife",
  "husband",
  "brother",
  "sister",
  "mother",
  "father",
  "friend",
  "colleague",
  "boss",
  "sohn",
  "tochter",
  "frau",
  "mann",
  "bruder",
  "schwester",
  "fils",
  "fille",
  "femme",
  "mari",
  "frère",
  "sœur",
  "hijo",
  "hija",
  "esposa",
  "marido",
  "hermano",
  "hermana",
  "figlio",
  "figlia",
  "moglie",
  "marito",
  "fratello",
  "sorella",
  "zoon",
  "dochter",
  "vrouw",
  "broer",
  "zus",
  "filho",
  "filha",
  "esposa",
  "irmão",
  "irmã",
  "welcome",
  "congrats",
  "congratulations",
  "shoutout to",
  "willkommen",
  "grüezi",
  "grüß gott",
  "bienvenue",
  "bienvenido",
  "bienvenida",
  "benvenuto",
  "benvenuta",
  "welkom",
  "bem-vindo",
  "bem-vinda",
  "witaj",
  "witajcie",
  "dzień dobry",
  "sayın",
  "selam",
  "chào",
  "xin chào",
  "habari",
  "jambo",
  "sawubona",
  "kia ora",
  "здравствуйте",
  "مرحبا",
  "مرحباً",
  "أهلا",
  "أهلاً",
  "عزيزي",
  "عزيزتي",
  "الأستاذ",
  "السيد",
  "السيدة",
  "שלום",
  "سلام",
  // Greetings and "dear" of scripts without capitals, where only such a word before it marks a name: Arabic and Urdu
  // (each in both the Arabic and the Persian forms of yeh and kaf), Persian, Hebrew, Bengali (ya with and without
  // its nukta composed), Tamil, Telugu, Kannada, Malayalam, Gujarati, Punjabi, Sinhala, Amharic and Georgian.
  "السلام عليكم",
  "السلام علیکم",
  "وعليكم السلام",
  "عزیز",
  "عزیزم",
  "پیارے",
  "پیاری",
  "درود",
  "היי",
  "לכבוד",
  "প্রিয়",
  "প্রিয়",
  "নমস্কার",
  "அன்புள்ள",
  "அன்பு",
  "வணக்கம்",
  "ప్రియమైన",
  "నమస్కారం",
  "ಪ್ರಿಯ",
  "ನಮಸ್ಕಾರ",
  "പ്രിയ",
  "പ്രിയപ്പെട്ട",
  "നമസ്കാരം",
  "પ્રિય",
  "નમસ્તે",
  "ਪਿਆਰੇ",
  "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ",
  "ආයුබෝවන්",
  "හිතවත්",
  "ውድ",
  "ሰላም",
  "გამარჯობა",
  "ძვირფასო",
  // Forms of address of those scripts, before the name as a greeting is ("السلام عليكم أستاذ محمود").
  "أستاذ",
  "أستاذة",
  "الأستاذة",
  "دكتور",
  "الدكتور",
  "سيد",
  "سيدة",
  "الحاج",
  "الشيخ",
  "جناب",
  "श्री",
  "श्रीमती",
  "জনাব",
  "শ্রী",
  "শ্রীমতী",
  "திரு",
  "திருமதி",
  "አቶ",
  "uncle",
  "aunt",
  "auntie",
  "cousin",
  "nephew",
  "niece",
  "grandma",
  "grandpa",
  "neighbour",
  "neighbor",
  // "Dear" and "hello" in more languages: Polish, Czech, Slovak, Russian, Ukrainian, Greek, Hungarian, Finnish,
  // Danish, Norwegian, Swedish, Romanian, Croatian, Slovenian, Catalan, Indonesian, Swahili.
  "szanowny",
  "szanowna",
  "szanowni",
  "drogi",
  "droga",
  "vážený",
  "vážená",
  "milý",
  "milá",
  "dobrý den",
  "уважаемый",
  "уважаемая",
  "дорогой",
  "дорогая",
  "добрый день",
  "шановний",
  "шановна",
  "αγαπητέ",
  "αγαπητή",
  "γεια",
  "γεια σας",
  "kedves",
  "hyvä",
  "kære",
  "kjære",
  "bästa",
  "hallå",
  "stimate",
  "stimată",
  "dragă",
  "draga",
  "dragi",
  "poštovani",
  "poštovana",
  "spoštovani",
  "spoštovana",
  "benvolgut",
  "benvolguda",
  // Welsh, Latvian, Lithuanian, Slovak, Icelandic, Albanian, Maltese, Estonian, Finnish, Haitian Creole, Somali and
  // southern African greetings and words for "dear".
  "annwyl",
  "labdien",
  "sveiki",
  "sveikas",
  "cienījamais",
  "cienījamā",
  "laba diena",
  "gerbiamas",
  "gerbiama",
  "dobrý deň",
  "sæl",
  "sæll",
  "përshëndetje",
  "mirëdita",
  "i nderuar",
  "e nderuar",
  "għażiż",
  "għażiża",
  "lugupeetud",
  "arvoisa",
  "bonjou",
  "walaal",
  "dumela",
  "molo",
  "halo",
  "selamat pagi",
  "mpendwa",
  "my name is",
  "i am",
  "i'm",
  "ich bin",
  "ich heiße",
  "je suis",
  "je m'appelle",
  "me llamo",
  "soy",
  "mi chiamo",
  "sono",
  "ik ben",
  "mijn naam is",
  "meu nome é",
  "chamo-me",
];

/**
 * Capitalized words that are not names when they stand alone: sentence openers, days, months, greetings and
 * common nouns written with a capital in German. Lower-case.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `i i'm i've i'll i'd ok okay yes no hi hello hey dear thanks thank please sorry the a an this that these those
  it its we you he she they my our your his her their me us them and or but so if when then also just let
  monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun today tomorrow yesterday
  january february march april may june july august september october november december
  montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
  lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag segunda terça quarta quinta sexta
  re fw fwd subject from to cc bcc sent date attachment
  best regards kind cheers sincerely yours love thx ty
  good great nice hope happy merry welcome congrats congratulations
  ich du er sie es wir ihr sehr liebe lieber hallo danke bitte viele grüße gruß mit freundlichen
  je tu il elle nous vous ils elles le la les un une bonjour merci cordialement salut
  yo tú él ella nosotros ellos el la los las un una hola gracias saludos buenos buenas
  io tu lui lei noi voi loro il lo gli ciao grazie saluti buongiorno
  ik jij hij zij wij jullie het de een hoi dag bedankt groeten
  eu você ele ela nós eles olá obrigado obrigada bom boa
  pdf csv url api faq asap fyi btw eta usb wifi it hr ceo cto cfo vp
  english german french spanish italian dutch portuguese
  mom mum dad mama papa mommy daddy granny grandma grandpa nana oma opa omi opi tante onkel mamie papi papy
  abuela abuelo mamá papá nonna nonno zia zio vovó vovô avó avô tia tio mummy mami maman mãe mae pai baba
  妈妈 媽媽 爸爸 大姐 二姐 大哥 二哥 姐姐 哥哥 弟弟 妹妹 奶奶 爷爷 爺爺 外婆 外公 老公 老婆 엄마 아빠 언니 오빠 누나
  할머니 할아버지 お母さん お父さん ママ パパ мама папа бабушка дедушка`.split(/\s+/),
);

/**
 * Verbs that open a request about a person ("Email Sofia Rossi", "Meet Kwame Mensah"): at the start of a sentence
 * they are not part of the name that follows, and they make a person the likely object. Lower-case.
 */
export const PERSON_VERBS: ReadonlySet<string> = new Set(
  `email e-mail mail call ring phone text ping message dm tell ask meet invite remind contact thank cc bcc write
  reply forward introduce welcome congratulate visit see pay let
  ruf frag schreib sag triff lade appelle demande écris dis rencontre invite llama pregunta escribe dile invita
  chiama chiedi scrivi di' invita bel vraag schrijf liga pergunta escreve diz convida`.split(/\s+/),
);

/**
 * Labels of form fields and minutes whose value is a person ("Witness: Achieng Odhiambo", "Present: Bo"), in the
 * covered languages, lower-case; a cue only before a colon.
 */
export const PERSON_FIELD_LABELS: ReadonlySet<string> = new Set(
  `witness guarantor present apologies attendees participants tenant
  landlord patient applicant employee beneficiary holder passenger guest sender recipient assignee owner reporter
  requester approver zeuge zeugin mieter mieterin vermieter patientin antragsteller empfänger absender témoin
  locataire bénéficiaire destinataire expéditeur titulaire testigo inquilino paciente beneficiario destinatario
  remitente titular testimone inquilino intestatario mittente getuige huurder ontvanger afzender begunstigde
  testemunha destinatário remetente`.split(/\s+/),
);

/**
 * Words after which a single capitalized word is a name even when it is also a word ("ask Will", "this is Carys",
 * "aqui é o Raimundo"): verbs of asking and telling, and the phrases people introduce themselves with.
 */
export const SINGLE_NAME_CUES: readonly string[] = [
  ...PERSON_VERBS,
  "this is",
  "it's",
  "it’s",
  "its",
  "it is",
  "hier ist",
  "hier spricht",
  "c'est",
  "aqui é o",
  "aqui é a",
  "sou o",
  "sou a",
  "soy",
  "jestem",
  "nazywam się",
  "benim adım",
  "ben",
  "меня зовут",
  "это",
  // Portuguese and Greek put an article before a person's name: "liga para o Nuno", "η Ελένη θα έρθει".
  "para o",
  "para a",
  "com o",
  "com a",
  "ο",
  "η",
  "τον",
  "την",
  "τη",
];

/** Words right before a person's name: verbs of communication and the prepositions of meeting and sending. */
export const PERSON_CUES_BEFORE: readonly string[] = [
  ...PERSON_VERBS,
  "with",
  "to",
  "from",
  "by",
  "for",
  "and",
  "met",
  "meeting",
  "called",
  "emailed",
  "texted",
  "told",
  "asked",
  "spoke to",
  "talked to",
  "talk to",
  "speak to",
  "spoke with",
  "lunch with",
  "cc:",
  "attn:",
  "contact:",
  "name:",
  "avec",
  "con",
  "com",
  "met",
];

/**
 * After a person's name: their e-mail address in brackets ("Kwame Mensah <kwame@example.org>"), or what people do
 * in messages ("Kwame Mensah wrote back").
 */
export const PERSON_CUES_AFTER =
  /^(?:\s?[(<][^\s()<>@]{1,64}@|'s\s|’s\s|\s(?:said|says|wrote|writes|asked|asks|called|calls|told|tells|will|would|is|was|has|had|can|could|mentioned|replied|thinks|thought|agreed|sent|joined|joins|and\s(?:I|me|we)\b)\b)/u;

/**
 * After a name, a phone number said to be theirs: "Olusegun Adeyemi, mobile +234 ...", "Anna Kowalska (tel. 601 ...)".
 * A business or a place gives one too ("... in Green Valley, tel. ..."): read as a person only where no preposition
 * of place comes before.
 */
export const PHONE_CUE_AFTER =
  /^,?\s\(?(?:mobile|mob|cell|phone|tel|tél|telefon|teléfono|telefone|telefono|móvil|movil|celular|handy|whatsapp)\.?:?\s?(?:no\.?\s?|nr\.?\s?|number\s)?[+(]?\d/u;

/**
 * Kinship and respect words said before a name in many languages ("Aunty Bisi", "Mzee Odhiambo", "Lola Caring", "Maman
 * Parvin", "Baba Ṣade"): the word is no part of the name, the capitalized word after it is one. Only as the head of a
 * run of capitalized words: "Baba: Habari za asubuhi" is a chat line by Baba, not a cue for "Habari".
 */
export const KINSHIP_WORDS: readonly string[] = [
  "aunty",
  "mzee",
  "mama",
  "maman",
  "baba",
  "tita",
  "tito",
  "kuya",
  "lola",
  "lolo",
  "tía",
  "tío",
  "tio",
  "tante",
  "onkel",
  "oom",
  "zia",
  "zio",
  "nonna",
  "nonno",
  "opa",
  "bhaiya",
  "didi",
  "chacha",
  "chachi",
  "mausi",
  "pakcik",
  "makcik",
  "teyze",
  "amca",
  "dayı",
  "abla",
  "familie",
  "famille",
  "familia",
  "famiglia",
  "família",
  "rodzina",
];
