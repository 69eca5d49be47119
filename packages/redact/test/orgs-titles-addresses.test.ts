// Organizations, job titles and street addresses in the forms of many countries: legal forms and kinds of
// organization, merchants on statements, roles by their cues, and street-first addresses. Every sentence is new here;
// each rule has a case it must leave alone.
import { describe, expect, it } from "vitest";
import { expectFinds, expectNoType, found, foundOf } from "./found";

describe("street addresses", () => {
  it("reads Nordic and Finnish street names with their house number, staircase and flat", () => {
    expectFinds("Uusi osoitteeni on Runeberginkatu 17 C 41, Helsinki.", "ADDRESS", "Runeberginkatu 17 C 41");
    expectFinds("Pakken ligger på Vesterbrogade 64, 1620 København V", "ADDRESS", "Vesterbrogade 64");
    expectFinds("Vi ses på Sveavägen 31 i morgon.", "ADDRESS", "Sveavägen 31");
    expectFinds("Kontoret ligger i Thorvald Meyers gate 12, Oslo", "ADDRESS", "Thorvald Meyers gate 12");
    // "Brigade" and "Garantie" end like street words but are none.
    expectNoType("The Brigade 3 marched on.", "ADDRESS");
    expectNoType("Die Garantie 2 Jahre gilt weiter.", "ADDRESS");
  });

  it("reads street-first forms of Eastern Europe, the Baltics, Indonesia and Greece", () => {
    expectFinds("Доставка: ул. Ленина, д. 12Б, кв. 7, Самара", "ADDRESS", "ул. Ленина, д. 12Б, кв. 7");
    expectFinds("Офіс: вул. Хрещатик, 22, Київ", "ADDRESS", "вул. Хрещатик, 22");
    expectFinds("Domiciliu: Str. Mihai Eminescu nr. 5, ap. 12, Iași", "ADDRESS", "Str. Mihai Eminescu nr. 5, ap. 12");
    expectFinds("Biuras: Konstitucijos pr. 7, Vilnius", "ADDRESS", "Konstitucijos pr. 7");
    expectFinds("Kirim ke Jl. Melati No. 4, Bandung", "ADDRESS", "Jl. Melati No. 4");
    expectFinds("Γραφείο: Οδός Ερμού 25, Αθήνα", "ADDRESS", "Οδός Ερμού 25");
    // A street word with no house number is a street, not an address.
    expectNoType("Мы гуляли по ул. Ленина вечером.", "ADDRESS");
  });

  it("reads a street and number right before a postcode and town, and not a label with a number", () => {
    expectFinds("Bitte an Im Tal 14, 80331 München schicken.", "ADDRESS", "Im Tal 14");
    expectFinds("Sídlo: Lidická 7, 602 00 Brno", "ADDRESS", "Lidická 7");
    expectNoType("Rechnung 2024, 10115 Berlin", "ADDRESS");
  });

  it("reads Spanish floors, Portuguese flats, Colombian grid addresses and linked street names", () => {
    expectFinds("Vivo en Calle Alcalá 120, 2º dcha., Madrid", "ADDRESS", "Calle Alcalá 120, 2º dcha.");
    expectFinds(
      "Entregar na Rua Sete de Setembro 45, apto 31, Salvador",
      "ADDRESS",
      "Rua Sete de Setembro 45, apto 31",
    );
    expectFinds(
      "La oficina queda en Calle 93 # 11-27, oficina 402, Bogotá",
      "ADDRESS",
      "Calle 93 # 11-27, oficina 402",
    );
  });

  it("reads units and buildings before the street, and post-office boxes", () => {
    expectFinds("Ship to Suite 9, Tower 3, Bonifacio Avenue, Taguig", "ADDRESS", "Suite 9, Tower 3, Bonifacio Avenue");
    expectFinds("Send it to House 22, Street 4, G-9/1, Islamabad", "ADDRESS", "House 22, Street 4, G-9/1");
    expectFinds("Reply to P.O. Box 5521, Nairobi", "ADDRESS", "P.O. Box 5521");
    expectFinds("Antwort bitte an Postfach 1180, Bonn", "ADDRESS", "Postfach 1180");
    expectNoType("The unit test failed twice.", "ADDRESS");
  });

  it("reads addresses in US capitals and more English street words", () => {
    expectFinds("DELIVER TO 88 W MADISON ST APT 4C", "ADDRESS", "88 W MADISON ST APT 4C");
    expectFinds("moved to 12 Oak View last spring", "ADDRESS", "12 Oak View");
  });

  it("reads Hebrew, Thai and Vietnamese street addresses", () => {
    expectFinds("נפגשים ב-רחוב אלנבי 40, תל אביב", "ADDRESS", "רחוב אלנבי 40");
    expectFinds("ส่งของที่ 15 ถนนสุขุมวิท กรุงเทพ", "ADDRESS", "15 ถนนสุขุมวิท");
    expectFinds("Em ở số 8 ngõ 12 Láng Hạ nhé", "ADDRESS", "số 8 ngõ 12 Láng Hạ");
    expectFinds("Văn phòng tại 19 Trần Hưng Đạo, Quận 5, TP. HCM", "ADDRESS", "19 Trần Hưng Đạo");
    expectNoType("Tôi có 3 con mèo.", "ADDRESS");
  });

  it("reads Japanese and Chinese block addresses from the prefecture, city or ward, and not a phone number", () => {
    expectFinds("ご住所：神奈川県横浜市西区みなとみらい2-3-1", "ADDRESS", "神奈川県横浜市西区みなとみらい2-3-1");
    expectFinds("住所は福岡市博多区博多駅前2-1-1です", "ADDRESS", "福岡市博多区博多駅前2-1-1");
    expectFinds("请寄到上海市浦东新区世纪大道100号", "ADDRESS", "上海市浦东新区世纪大道100号");
    expectNoType("電話03-1234-5678まで", "ADDRESS");
  });
});

describe("job titles", () => {
  it("reads faker's job words and listed occupations after 'as' in more languages", () => {
    expectFinds("Styrelsen valde Karin Ek som sekreterare.", "TITLE", "sekreterare");
    expectFinds("Pracuje jako księgowa w Gdańsku.", "TITLE", "księgowa");
    expectFinds("Dia bekerja sebagai perawat di Surabaya.", "TITLE", "perawat");
    expectFinds("She works as a programmer in Leeds.", "TITLE", "programmer");
    expectFinds("A retired plumber lives next door.", "TITLE", "plumber");
  });

  it("reads a role after a name and a comma, with its field, and credentials", () => {
    expectFinds("Podpis: Jana Malá, ředitelka školy", "TITLE", "ředitelka");
    expectFinds("Un saludo, Tomás Vidal, jefe de Compras Generales", "TITLE", "jefe de Compras Generales");
    expectFinds("Reviewed by K. Mensah, NP", "TITLE", "NP");
    expectFinds("Signed: Ruth Adler, CPA", "TITLE", "CPA");
    // A state code after a town is no credential.
    expectNoType("Mail it to Columbia, MD 21044 today.", "TITLE");
  });

  it("reads a role in brackets after a name, after 'the position of' and after a possessive with its field", () => {
    expectFinds("Call Omar Haddad (Warehouse Supervisor) tomorrow.", "TITLE", "Warehouse Supervisor");
    expectFinds("Kokous: Liisa Koski (sihteeri) ja muut.", "TITLE", "sihteeri");
    expectFinds("We offer you the position of Data Engineer III at Brightwave.", "TITLE", "Data Engineer III");
    expectFinds("I spoke to her former maths teacher yesterday.", "TITLE", "maths teacher");
    // A bare "your manager" is too often no one's title.
    expectNoType("Please ask your manager first.", "TITLE");
  });

  it("reads a role before where it is held, and a signature's role line under a name", () => {
    expectFinds("Lavoro come cassiere? No: impiegata presso Banca Sella.", "TITLE", "impiegata");
    expectFinds(
      "Kind regards,\nNadia Osei\nCustomer Success Lead\nnadia@example.com",
      "TITLE",
      "Customer Success Lead",
    );
    // Capitalized words under a name that hold no role are no title.
    expectNoType("Thanks,\nNadia Osei\nQuarterly Report", "TITLE");
  });
});

describe("organizations", () => {
  it("reads legal forms of more countries and industries that end a firm's name", () => {
    expectFinds("Faktura od Duna Trans Kft. dorazila.", "ORGANIZATION", "Duna Trans Kft");
    expectFinds("Smlouva s Horák Stavby s.r.o. je podepsána.", "ORGANIZATION", "Horák Stavby s.r.o.");
    expectFinds("Order placed with Kestrel Plumbing for Monday.", "ORGANIZATION", "Kestrel Plumbing");
    expectFinds("Our letting agent is Harbour Lettings now.", "ORGANIZATION", "Harbour Lettings");
    expectNoType("Plumbing and heating are both fine.", "ORGANIZATION");
  });

  it("reads kinds of organization that open a name, in more languages", () => {
    expectFinds("Ho prenotato alla Trattoria Da Mario per sabato.", "ORGANIZATION", "Trattoria Da Mario");
    expectFinds("Lulus dari Universitas Brawijaya tahun lalu.", "ORGANIZATION", "Universitas Brawijaya");
    expectFinds("Training beim TSV Eichenau fällt aus.", "ORGANIZATION", "TSV Eichenau");
  });

  it("reads legal forms written before the name", () => {
    expectFinds("Поставщик: ООО «Северный Ветер», Мурманск", "ORGANIZATION", "ООО «Северный Ветер»");
    expectFinds("Lamaran ke PT Sinar Abadi Jaya minggu ini.", "ORGANIZATION", "PT Sinar Abadi Jaya");
    // "PT" alone before one word is physical therapy, a time zone or a font.
    expectNoType("PT Tuesday at nine.", "ORGANIZATION");
  });

  it("reads company forms and kinds of organization in scripts without capitals", () => {
    expectFinds("明日は株式会社サクラ電機の方が来ます。", "ORGANIZATION", "株式会社サクラ電機");
    expectFinds("저는 고려대학교 경영학과를 졸업했습니다.", "ORGANIZATION", "고려대학교");
    expectFinds("الموعد في جامعة بغداد، غدا", "ORGANIZATION", "جامعة بغداد");
    expectFinds("कल मैं लाइफ केयर हॉस्पिटल गया", "ORGANIZATION", "लाइफ केयर हॉस्पिटल");
    expectFinds("นัดที่โรงพยาบาลรามาธิบดี พรุ่งนี้", "ORGANIZATION", "โรงพยาบาลรามาธิบดี");
  });

  it("reads merchants on statement lines and after card purchases, not bookings or card brands", () => {
    const statement = [
      "03.04.  03.04.  Kartenzahlung Bäckerei Lange Pasing      -4,80",
      "04.04.  04.04.  Gehalt April                           +2.410,00",
      "05/04  NETFLIX.COM 8851 LOS GATOS            15.49",
      "06/04  PIX ENVIADO MARIA SOUZA               80,00",
    ].join("\n");
    const spans = found(statement).filter(([t]) => t === "ORGANIZATION");
    expect(spans).toContainEqual(["ORGANIZATION", "Bäckerei Lange Pasing"]);
    expect(spans.map(([, v]) => v)).toContain("NETFLIX.COM");
    expect(spans.map(([, v]) => v).filter((v) => /Gehalt|PIX/.test(v))).toEqual([]);
    expectFinds("Compra aprovada de R$ 32,00 em FARMACIA BOA VIDA, 12/04.", "ORGANIZATION", "FARMACIA BOA VIDA");
    expectNoType("Payment of 40.00 charged to VISA 4111.", "ORGANIZATION");
  });
});

describe("organizations by their head word in more languages", () => {
  const orgs = (text: string) => foundOf(text, "ORGANIZATION");

  it("reads schools, clinics and housing associations by the word that opens their name", () => {
    expect(orgs("Met vriendelijke groet,\nAnneke Visser\nBasisschool De Linde, Utrecht")).toContain(
      "Basisschool De Linde",
    );
    expect(orgs("Välkommen till Förskolan Solrosen! Din anställning börjar i april.")).toContain("Förskolan Solrosen");
    expect(orgs("Styrelsemöte Brf Tallbacken – protokoll")).toContain("Brf Tallbacken");
  });

  it("starts an organization at its head word inside a run, and reads a company form joined by a hyphen", () => {
    expect(orgs("Protokoll Vereinssitzung TSV Eichenau vom Freitag")).toContain("TSV Eichenau");
    expect(orgs("Allianz Versicherungs-AG\nSchadennummer 2025-KR-448120")).toContain("Allianz Versicherungs-AG");
    // A doctor's practice names the doctor.
    expect(found("Termin bei Praxis Dr. Schulz am Montag")).toContainEqual(["PERSON", "Schulz"]);
  });
});

describe("towns", () => {
  it("knows towns of some 15,000 people after a street address, where no cue names them", () => {
    expect(found("Parcel for 14 Mill Lane, Faversham ME13 8AE arrived.")).toContainEqual(["LOCATION", "Faversham"]);
    expect(found("Flat 2, 9 Station Road, Accrington")).toContainEqual(["LOCATION", "Accrington"]);
  });
});

describe("a signature's role in any words", () => {
  it("reads the line under the sender's name after a closing, and the role after the name and a comma", () => {
    expectFinds(
      "Mit freundlichen Grüßen\nSabine Krüger\nObjektbetreuerin\nHausverwaltung Spree GmbH",
      "TITLE",
      "Objektbetreuerin",
    );
    expectFinds("Pozdrawiam\nAnna Kaczmarek\nInspektor, Oddział w Gdańsku", "TITLE", "Inspektor");
    expectFinds(
      "Met vriendelijke groet,\nAnneke Visser, leerkracht groep 5\nBasisschool De Linde",
      "TITLE",
      "leerkracht groep 5",
    );
    // Without a closing above the name, or on a line of contact details, there is no role.
    expectNoType("Sabine Krüger\nObjektbetreuerin", "TITLE");
    expectNoType("Cordialement,\nHugo Marchetti\nTél. 04 78 62 19 05", "TITLE");
  });

  it("reads long roles, names with particles or signed for someone, and closings of more languages", () => {
    expectFinds(
      "Pozdrawiam\nEwa Nowak\nStarszy specjalista ds. obsługi klienta",
      "TITLE",
      "Starszy specjalista ds. obsługi klienta",
    );
    expectFinds("Met vriendelijke groet,\nPieter van der Berg\nHR-adviseur", "TITLE", "HR-adviseur");
    expectFinds(
      "Mit freundlichen Grüßen\ni. A. Jana Roth\nLeiterin des Prüfungsamts",
      "TITLE",
      "Leiterin des Prüfungsamts",
    );
    expectFinds("Cofion,\nSiân Hughes\nSwyddog Cyfathrebu, Cyngor Gwynedd", "TITLE", "Swyddog Cyfathrebu");
    expectFinds("Wako,\nAmina Mwangi\nAfisa wa Mikopo", "TITLE", "Afisa wa Mikopo");
    // Every word capitalized: a role when a firm follows it on the line, or a listed role is among its words.
    expectFinds("Regards,\nTom Reid\nClub Registrar, Eastside Juniors", "TITLE", "Club Registrar");
    expectNoType("Regards,\nTom Reid\nQuarterly Report", "TITLE");
  });
});

describe("districts", () => {
  it("reads the district between a street and its town", () => {
    expect(found("Receipt: Mama Oliech, Marcus Garvey Rd, Kilimani, Nairobi")).toContainEqual(["LOCATION", "Kilimani"]);
    expect(found("Supply address: 14 Clonliffe Road, Drumcondra, Dublin 3")).toContainEqual(["LOCATION", "Drumcondra"]);
    // A closing or a weekday after the street is no district.
    expect(found("Drop it at 5 Mill Road, Thanks!")).toEqual([["ADDRESS", "5 Mill Road"]]);
    expect(found("The flat is on Abbey Road, Monday works for the viewing")).toContainEqual(["DATE_TIME", "Monday"]);
  });
});

describe("organizations by their kind in more languages and scripts, and wallets that send payment notices", () => {
  const orgs = (text: string) => foundOf(text, "ORGANIZATION");

  it("reads kinds of organization before or after a name in European languages", () => {
    expect(orgs("Lähetä hakemus: Jyväskylän Tehnikaülikool tai Oulun Palloseura")).toEqual(
      expect.arrayContaining(["Oulun Palloseura"]),
    );
    expect(orgs("Cofion,\nGwen Morgan\nPrifysgol Aberystwyth")).toContain("Prifysgol Aberystwyth");
    expect(orgs("Results from Lakeside Medical Laboratories are attached.")).toContain("Lakeside Medical Laboratories");
    expect(orgs("Pedido enviado por Distribuidora Los Andes ayer.")).toContain("Distribuidora Los Andes");
  });

  it("reads kinds of organization after their name in scripts without capitals", () => {
    expect(orgs("পরীক্ষার ফল, রাজশাহী বিশ্ববিদ্যালয়")).toEqual(["রাজশাহী বিশ্ববিদ্যালয়"]);
    expect(orgs("काठमाडौं विश्वविद्यालयको सूचना")).toEqual(["काठमाडौं विश्वविद्यालय"]);
    expect(orgs("சந்திப்பு: அபி கிளினிக், சேலம்")).toEqual(["அபி கிளினிக்"]);
    expect(orgs("ఫలితాలు – విజయ డయాగ్నోస్టిక్స్, గుంటూరు")).toEqual(["విజయ డయాగ్నోస్టిక్స్"]);
    expect(orgs("ලංකා රෝහල, කොළඹ")).toEqual(["ලංකා රෝහල"]);
    expect(orgs("رپورٹ: شفا ہسپتال، لاہور")).toEqual(["شفا ہسپتال"]);
    expect(orgs("نتائج التحليل من مختبر الشفاء")).toEqual(["مختبر الشفاء"]);
    expect(orgs("안녕하세요, 미래공인중개사입니다")).toEqual(["미래공인중개사"]);
    expect(orgs("予約先：カフェモカ渋谷店（03-1234-5678）")).toEqual(["カフェモカ渋谷店"]);
    // In a sentence the words before the name are the sentence's: only the name and its kind.
    expect(orgs("আমি গতকাল সকালে শহরের সিটি হাসপাতালে গিয়েছিলাম")).toEqual(["সিটি হাসপাতাল"]);
  });

  it("reads the wallet or bank opening a payment notice, but not a notice's own label", () => {
    expect(orgs("PesaLink: You have received KES 2,500.00 from JOHN K.")).toContain("PesaLink");
    expect(orgs("Kuda: You sent NGN 15,000 to Ada Obi")).toEqual(["Kuda"]);
    expect(orgs("Reminder: your payment of £23.40 is due on Friday")).toEqual([]);
    expect(orgs("Aviso: pagamento de R$ 120,00 aprovado")).toEqual([]);
  });
});
