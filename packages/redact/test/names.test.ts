import { describe, expect, it } from "vitest";
import type { EntityType } from "../src/index";
import { expectNoType, found, foundOf } from "./found";

// Sentences written for these tests (not taken from the corpora): each case is one class of name the list and cue
// rules must handle, with a near miss next to it where one exists.

/** The persons found in `text`, in order. */
function persons(text: string): string[] {
  return foundOf(text, "PERSON");
}

describe("names", () => {
  it("finds chat-log speakers in every common log format, in any case", () => {
    const log = [
      "[09:12] <marek> build is green",
      "[09:13] yusuf: deploying now",
      "14/02/2026, 18:40 - Irene Galli: arrivo",
      "[14/02/2026, 18:41] Tomás: ok",
    ].join("\n");
    const people = found(log)
      .filter(([t]) => t === "PERSON")
      .map(([, v]) => v);
    expect(people).toEqual(["marek", "yusuf", "Irene Galli", "Tomás"]);
  });

  it("finds speakers of transcripts without timestamps, but not form labels", () => {
    const chat = ["Tunde: you dey come?", "Bisola (08:14): on my way", "Tunde: ok"].join("\n");
    expect(found(chat).filter(([t]) => t === "PERSON")).toEqual([
      ["PERSON", "Tunde"],
      ["PERSON", "Bisola"],
      ["PERSON", "Tunde"],
    ]);
    expect(found("Ingvild Haugen 9:41 AM\nthe deck is up\nTorbjørn Lie 9:43 AM\nthanks")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Ingvild Haugen"],
        ["PERSON", "Torbjørn Lie"],
      ]),
    );
    expect(found("<xq_ops7> restarting the node")).toContainEqual(["PERSON", "xq_ops7"]);
    expect(found("ATTENDEES: board\nSTATUS: open").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("reads line-initial keys as a form's labels unless the lines are turns of a conversation", () => {
    const people = (text: string) =>
      found(text)
        .filter(([t]) => t === "PERSON")
        .map(([, v]) => v);
    // Labels of forms in languages the lists do not know, each named once: no speakers, only the values' names.
    expect(people("Spotkanie: zarząd wspólnoty\nMiejsce: świetlica, Lipowa 4\nObecni: Halina Wrzos")).toEqual([
      "Halina Wrzos",
    ]);
    expect(people("Vuokralainen: Ritva Kallio\nKohde: Satamakatu 3 B 12")).toEqual(["Ritva Kallio"]);
    // A listed given name standing as a label of a form is the label: "Ema" is a name and Romanian for nothing here.
    expect(people("Portar: Ionel\nFundaș: Sorin, Matei\nEma: 12 ani")).not.toContain("Ema");
    // Turns: a key comes back, the keys are listed given names, or every line reads as said.
    expect(people("Oyibo: you don reach?\nTamuno: almost\nOyibo: ok")).toEqual(["Oyibo", "Tamuno", "Oyibo"]);
    expect(people("Wairimu: nimefika stesheni!\nKerubo: sawa, nakuja sasa")).toEqual(["Wairimu", "Kerubo"]);
    // A role of a call transcript is no one; the person who holds it follows it or stands in brackets after it.
    const call = [
      "Operadora (Lucimar): Bom dia, em que posso ajudar?",
      "Cliente: minha fatura veio errada",
      "Operadora (Lucimar): Vou verificar.",
    ];
    expect(people(call.join("\n"))).toEqual(["Lucimar", "Lucimar"]);
    expect(people("Agent Tomasz: how can I help?\nCaller: my parcel is lost\nAgent Tomasz: let me check")).toEqual([
      "Tomasz",
      "Tomasz",
    ]);
  });

  it("reads the key opening a notice as its sender when it has a brand's marks", () => {
    const orgs = (text: string) =>
      found(text)
        .filter(([t]) => t === "ORGANIZATION")
        .map(([, v]) => v);
    // Capitals, or the sender named again in its message or its web address.
    expect(orgs("GLS: Ihr Paket 8841 kommt morgen zwischen 9 und 13 Uhr.")).toEqual(["GLS"]);
    expect(orgs("Zentiva: vaše objednávka je připravena, podrobnosti na zentiva.example.cz")).toContain("Zentiva");
    // A capitalized word alone gives no mark: a reminder, an all-caps word of the language, a given name.
    expect(orgs("Recordatorio: su cita es el martes a las 10, traiga la tarjeta.")).toEqual([]);
    expect(orgs("URGENT: the boiler is leaking again, call me back please.")).toEqual([]);
    expect(orgs("Halima: nimefika nyumbani salama, asante sana kwa chakula")).toEqual([]);
  });

  it("finds a name that is also a word after a verb of asking, an introduction, a welcome or a signature rule", () => {
    expect(found("Could you ask Hope whether the van is free?")).toContainEqual(["PERSON", "Hope"]);
    expect(found("hi, this is Tobenna from the lab")).toContainEqual(["PERSON", "Tobenna"]);
    expect(found("Please welcome Ivy to the team")).toContainEqual(["PERSON", "Ivy"]);
    expect(found("Ok!\n--\nMarlow Quist\nSupport lead")).toContainEqual(["PERSON", "Marlow Quist"]);
    expect(found("Zhivko said the parcel is late")).toContainEqual(["PERSON", "Zhivko"]);
    // Near misses: a password glued to a symbol, the name of a network, a single letter.
    expect(found("c'est Soleil#2025").filter(([t]) => t === "PERSON")).toEqual([]);
    expect(found("la red se llama Casa-Fibra").filter(([t]) => t === "PERSON")).toEqual([]);
    expect(found("ask C about it").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("finds CJK names before a form of address, names after Arabic greetings, and one-word banks", () => {
    expect(found("山本花子様、お待ちしております")).toContainEqual(["PERSON", "山本花子"]);
    expect(found("이서연 님, 예약이 확인되었습니다")).toContainEqual(["PERSON", "이서연"]);
    expect(found("مرحبا خالد، كيف حالك")).toContainEqual(["PERSON", "خالد"]);
    expect(found("paid through Sberbank yesterday")).toContainEqual(["ORGANIZATION", "Sberbank"]);
  });

  it("finds names in a list next to a known name, user names given for a network, and not a list of products", () => {
    expect(found("Panel: Kagiso Molefe, Thabang Ntuli and Zodwa Mbeki.")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Thabang Ntuli"],
        ["PERSON", "Zodwa Mbeki"],
      ]),
    );
    expect(found("add me, my Telegram is kofi_dev77")).toContainEqual(["PERSON", "kofi_dev77"]);
    expect(found("Order: Acme Widget, Super Glue, Duct Tape").filter(([t]) => t === "PERSON")).toEqual([]);
    expect(found("my instagram is private").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("finds a lower-case listed name before what people do, but not a word that is also a name", () => {
    expect(found("omg steve just left the call")).toContainEqual(["PERSON", "steve"]);
    expect(found("the max is 5 and will is strong").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("takes no name or organization from a code or a log's component label", () => {
    expect(found("Ticket INC0049213 updated").filter(([t]) => t === "ORGANIZATION" || t === "PERSON")).toEqual([]);
    const log = "[2026-01-02 10:00:01] db: pool ready\n[2026-01-02 10:00:02] api: listening";
    expect(found(log).filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("finds @handles but not an e-mail address or a broadcast mention", () => {
    const people = found("thanks @ada_lovelace92, cc @here, mail ada@example.org").filter(([t]) => t === "PERSON");
    expect(people).toEqual([["PERSON", "ada_lovelace92"]]);
  });

  it("knows given names and places from many countries, and no acronym or ordinary word as a name", () => {
    expect(found("Lunch with Kwabena and Olumide tomorrow")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Kwabena"],
        ["PERSON", "Olumide"],
      ]),
    );
    expect(found("Our Gelsenkirchen depot closes early")).toContainEqual(["LOCATION", "Gelsenkirchen"]);
    expect(found("IBAN DE89 3704 0044 0532 0130 00").filter(([t]) => t === "PERSON")).toEqual([]);
    expect(found("Royal Infirmary, ward 3").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("finds names in scripts without capitals after a greeting or before a respectful suffix", () => {
    expect(found("नमस्ते सुरेश, कल मिलते हैं")).toContainEqual(["PERSON", "सुरेश"]);
    expect(found("कल अमित जी आएंगे")).toContainEqual(["PERSON", "अमित"]);
    expect(found("Kal Verma ji ka phone aaya tha")).toContainEqual(["PERSON", "Verma"]);
  });

  it("reads dotted company forms and organization words as organizations", () => {
    expect(found("Factura de Transportes Norte S.L. pendiente")).toContainEqual([
      "ORGANIZATION",
      "Transportes Norte S.L.",
    ]);
    expect(found("Offerte van Bakker Installaties B.V. ontvangen")).toContainEqual([
      "ORGANIZATION",
      "Bakker Installaties B.V.",
    ]);
    expect(found("Ricoverato al Policlinico Gemelli ieri.")).toContainEqual(["ORGANIZATION", "Policlinico Gemelli"]);
    expect(found("Habla con Lucía de Seguros Atalaya mañana.")).toContainEqual(["ORGANIZATION", "Seguros Atalaya"]);
    expect(found("Regards,\nNorthgate Clinics Reception")).toContainEqual(["ORGANIZATION", "Northgate Clinics"]);
  });

  it("takes a role word before a particle out of the organization it works for", () => {
    const spans = found("Die Prokuristin der Elbwerk AG unterschreibt.");
    expect(spans).toContainEqual(["ORGANIZATION", "Elbwerk AG"]);
    expect(spans.some(([, v]) => v.includes("Prokuristin"))).toBe(false);
  });

  it("finds names that are words when a verb, a dash sign-off or a kinship word marks them", () => {
    expect(found("Grace said the keys are under the mat.")).toContainEqual(["PERSON", "Grace"]);
    expect(found("Faith kommt morgen vorbei.")).toContainEqual(["PERSON", "Faith"]);
    expect(found("Running late, start without me. - Yolanda")).toContainEqual(["PERSON", "Yolanda"]);
    expect(found("Um abraço da tia Conceição!")).toContainEqual(["PERSON", "Conceição"]);
    // The same words as words stay unflagged.
    expect(found("Grace periods apply to all loans.").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("does not take parts of place names, forms of address or letters glued to numbers for names", () => {
    expect(found("Tel. 030 1234567").filter(([t]) => t === "LOCATION")).toEqual([]);
    expect(found("Ciudad,Provincia\nSevilla,Sevilla").filter(([, v]) => v === "Ciudad")).toEqual([]);
    expect(found("Room temperature is 31C. Facilities were told.").filter(([t]) => t === "PERSON")).toEqual([]);
    expect(found("Liebe Frau Dr. Jana Roth, danke!")).toContainEqual(["PERSON", "Jana Roth"]);
    expect(found("Liebe Frau Dr. Jana Roth, danke!").filter(([, v]) => v === "Frau")).toEqual([]);
  });

  it("reads two unknown capitalized words before a phone said to be theirs as a person, but not after a place's preposition", () => {
    const onSite =
      "The contact person on site is Olusegun Adeyemi, mobile +234 803 123 4567. Draft the booking request.";
    expect(foundOf(onSite, "PERSON")).toEqual(["Olusegun Adeyemi"]);
    expect(foundOf("Ask for Ngozi Okonkwo (tel. 0803 123 4567) at the front desk.", "PERSON")).toEqual([
      "Ngozi Okonkwo",
    ]);
    // Where a preposition of place comes first, the phone is the place's: it is no person.
    expectNoType("The keys are with the caretaker in Kvarnby Östra, tel. 040 123 456.", "PERSON");
  });

  it("finds Japanese names before more forms of address, and none in role words or words that open with 様 or 氏", () => {
    expect(foundOf("佐々木くんとマリアさんも来ます。", "PERSON")).toEqual(["佐々木", "マリア"]);
    expect(foundOf("鈴木 美咲 様\n先日は弊社の面接にお越しいただき", "PERSON")).toEqual(["鈴木 美咲"]);
    expect(foundOf("ヒカリデザインの渡辺と申します。", "PERSON")).toEqual(["渡辺"]);
    expectNoType("ご担当者様、スタッフさんに聞いてください。", "PERSON");
    expectNoType("履歴書\n氏名：\n記入例は履歴書様式をご覧ください", "PERSON");
  });

  it("finds a person named again in a script without capitals, whole or by the given name", () => {
    // A header field names 陳建宏; the letter greets him by his given name.
    expect(foundOf("收件者：陳建宏\n主旨：出差行程確認\n\n建宏您好：下週台中出差行程如下", "PERSON")).toEqual([
      "陳建宏",
      "建宏",
    ]);
    // A chat's speaker, asked about before the log.
    const chat = "帮我回复张伟：周五晚上可以。\n\n张伟：兄弟，周五晚上有空吗？\n张伟：我订了海底捞，7点";
    expect(foundOf(chat, "PERSON")).toEqual(["张伟", "张伟", "张伟"]);
    // Korean writes no space inside a name: the word after one is about the person, and is not taken again.
    const korean = "받는 사람: 박민호 학부모님\n제목: 3월 학부모 상담 안내\n\n민호 어머님, 안녕하세요.";
    expect(foundOf(korean, "PERSON")).toContain("민호");
    expect(foundOf(korean, "PERSON")).not.toContain("학부모");
    // A chat member called by a kinship word is not taken again wherever the word stands.
    expect(foundOf("大姐: 好\n二哥: 我转500给大姐", "PERSON").filter((v) => v === "大姐")).toHaveLength(
      foundOf("大姐: 好\n二哥: 我转500", "PERSON").filter((v) => v === "大姐").length,
    );
  });

  it("reads a capitalized Greek word inside a sentence as a name, but not a month, a weekday or an abbreviation", () => {
    const text = "Στείλε στον Νίκο ότι το ραντεβού με τον λογιστή, κ. Καραγιάννη, μεταφέρθηκε για Πέμπτη 20 Μαρτίου.";
    expect(foundOf(text, "PERSON")).toEqual(["Νίκο", "Καραγιάννη"]);
    expect(foundOf("Ο Νίκος θα περάσει για τον λέβητα. Θα πάμε στην Αθήνα.", "PERSON")).toEqual(["Νίκος"]);
    expectNoType("Tel/Fax: +30 2310 123 456 — Κιν. 6971234567, Τηλ. 2310 123 457", "PERSON");
    expectNoType("Η συνάντηση είναι την Τετάρτη 5 Μαρτίου και το Σάββατο.", "PERSON");
  });

  it("finds names after the greetings and forms of address of more scripts without capitals, not the form itself", () => {
    expect(foundOf("السلام علیکم عائشہ باجی، کیسی ہیں؟", "PERSON")).toContain("عائشہ");
    expect(foundOf("அன்புள்ள கார்த்திக்,\nவரும் மார்ச் 16 ஞாயிறு", "PERSON")).toEqual(["கார்த்திக்"]);
    expect(foundOf("প্রিয় রুমানা,\nআগামী ২০ মার্চ", "PERSON")).toEqual(["রুমানা"]);
    expect(foundOf("ሰላም ዳዊት፣ የመጋቢት ወር ኪራይ ገቢ አድርጌአለሁ።", "PERSON")).toEqual(["ዳዊት"]);
    expect(foundOf("السلام عليكم أستاذ محمود، موعد الاجتماع يوم الأحد", "PERSON")).toEqual(["محمود"]);
  });

  it("reads a Dutch postcode's letters as part of the code, not of the city", () => {
    const spans = found("Stationsplein 8, 2011 LR Haarlem");
    expect(spans).toContainEqual(["LOCATION", "Haarlem"]);
    expect(spans.some(([t, v]) => t === "PERSON" && v.includes("LR"))).toBe(false);
  });

  it("reads a nationality said of someone as NRP, not as a name", () => {
    expect(found("Ze is Nederlander en woont in Gent.")).toContainEqual(["NRP", "Nederlander"]);
    expect(found("Ich bin Türkin.")).toContainEqual(["NRP", "Türkin"]);
  });

  it("knows given names from birth registers of several countries, and keeps places and family names what they are", () => {
    expect(found("Priyanka is away until Monday; Anneliese covers for her.")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Priyanka"],
        ["PERSON", "Anneliese"],
      ]),
    );
    expect(found("Leocadia signed the tenancy form.")).toContainEqual(["PERSON", "Leocadia"]);
    // Registers list "Berlin" and "Silva" as given names too; the place and the family name win.
    expect(found("The Berlin office closes at five.")).toContainEqual(["LOCATION", "Berlin"]);
    expect(found("Orçamento da Mobiliário Silva Lda em anexo.")).toContainEqual([
      "ORGANIZATION",
      "Mobiliário Silva Lda",
    ]);
  });

  it("reads a given name that is also a word as a name where it has a capital inside a sentence", () => {
    expect(found("we close early tonight, Dawn takes the float to the bank")).toContainEqual(["PERSON", "Dawn"]);
    expect(found("did Sandy sign the lease yet?")).toContainEqual(["PERSON", "Sandy"]);
    expect(found("Joy and Faith will host the quiz night.")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Joy"],
        ["PERSON", "Faith"],
      ]),
    );
    // Near misses: after an article, a unit after a number, a German noun, a month, a password, a table cell.
    const none = (text: string) => found(text).filter(([t]) => t === "PERSON");
    expect(none("she bought a Crystal vase for the hall")).toEqual([]);
    expect(none("noch 5 Min bis zum Bahnhof, die Rose ist für dich")).toEqual([]);
    expect(none("the rent goes up in May, sadly")).toEqual([]);
    expect(none("the guest password is Summer#2024")).toEqual([]);
    expect(none('1042,"Crash after login",open')).toEqual([]);
  });

  it("finds names after forms of address and greetings of more languages", () => {
    expect(found("Szanowny Panie Tomaszu, dziękujemy za zamówienie.")).toContainEqual(["PERSON", "Tomaszu"]);
    expect(found("Vážená paní Nováková, posíláme fakturu.")).toContainEqual(["PERSON", "Nováková"]);
    expect(found("Chào chị Lan, em gửi hoá đơn tháng này.")).toContainEqual(["PERSON", "Lan"]);
    expect(found("Kedves Katalin, köszönöm a levelet!")).toContainEqual(["PERSON", "Katalin"]);
    expect(found("Hon. Wafula Chebukati opened the session.")).toContainEqual(["PERSON", "Wafula Chebukati"]);
  });

  it("reads a run that ends or starts on a word for a kind of place as a place, and a street after its number as an address", () => {
    expect(found("We waited two hours at Shinjuku Station yesterday.")).toContainEqual([
      "LOCATION",
      "Shinjuku Station",
    ]);
    expect(found("Our cabin is near Lake Bled, bring boots.")).toContainEqual(["LOCATION", "Lake Bled"]);
    const spans = found("Deliver to 12 Rose Lane before noon.");
    expect(spans.some(([t]) => t === "PERSON")).toBe(false);
    expect(spans).toContainEqual(["ADDRESS", "12 Rose Lane"]);
    expect(found("Elle travaille chez Lefebvre & Associés depuis mars.")).toContainEqual([
      "ORGANIZATION",
      "Lefebvre & Associés",
    ]);
  });

  it("finds listed places with a case ending, and Turkish proper nouns before an apostrophe", () => {
    expect(found("Spotkamy się w Poznaniu we wtorek.")).toContainEqual(["LOCATION", "Poznaniu"]);
    expect(found("Találkozunk Szegeden pénteken.")).toContainEqual(["LOCATION", "Szegeden"]);
    expect(found("Kohtume Tallinnas homme.")).toContainEqual(["LOCATION", "Tallinnas"]);
    const turkish = found("Yarın Ankara'ya gidiyorum, Zeynep'le buluşacağım.");
    expect(turkish).toContainEqual(["LOCATION", "Ankara"]);
    expect(turkish).toContainEqual(["PERSON", "Zeynep"]);
    // Near misses: an Italian elision, a given name that ends like a case ending.
    expect(found("Quell'anno fu difficile per tutti.")).toEqual([]);
    expect(found("Bernie wrote back today.").filter(([t]) => t === "LOCATION")).toEqual([]);
  });

  it("reads a listed place that holds a particle as one place, and a postcode after a listed city", () => {
    expect(found("Chego ao Rio de Janeiro amanhã.")).toContainEqual(["LOCATION", "Rio de Janeiro"]);
    expect(found("Office: 22 Rama IV Road, Bangkok 10500.")).toContainEqual(["ZIP_CODE", "10500"]);
    expect(found("Ship to Shinjuku-ku, Tokyo 160-0022, Japan")).toContainEqual(["ZIP_CODE", "160-0022"]);
    // A year after a city is no postcode.
    expect(found("Paris 2024 was a great summer.").filter(([t]) => t === "ZIP_CODE")).toEqual([]);
  });

  it("takes no name from a weekday, a form field, a form of address alone or a verb form a register lists", () => {
    const none = (text: string) => found(text).filter(([t]) => t === "PERSON");
    expect(none("Τα λέμε την Τετάρτη.")).toEqual([]);
    expect(none("Time: 22:15\nPurpose: rent")).toEqual([]);
    expect(none("Selamat pagi Bapak/Ibu, jadwal kelas berubah.")).toEqual([]);
    expect(none("Trae el pasaporte mañana, por favor.")).toEqual([]);
    // The greeting still wins over the month.
    expect(found("Hi June, the keys are ready")).toContainEqual(["PERSON", "June"]);
  });

  it("finds Slavic given names with a case ending, lower-case listed names before a verb, and persons after form labels", () => {
    expect(found("Jutro zobaczysz Kasię w pracy.")).toContainEqual(["PERSON", "Kasię"]);
    expect(found("Передай привет Наташе и Ивану.")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Наташе"],
        ["PERSON", "Ивану"],
      ]),
    );
    expect(found("ok so kwabena has the tickets")).toContainEqual(["PERSON", "kwabena"]);
    expect(found("Witness: Wairimu Njoroge, tel 0722 555 013")).toContainEqual(["PERSON", "Wairimu Njoroge"]);
    expect(found("Attendees: Ngozi\nApologies: Kwesi")).toEqual(
      expect.arrayContaining([
        ["PERSON", "Ngozi"],
        ["PERSON", "Kwesi"],
      ]),
    );
    // The label needs its colon: "guest Wi-Fi" is a network.
    expect(found("please add it to the guest Wi-Fi").filter(([t]) => t === "PERSON")).toEqual([]);
  });

  it("reads a spaced postcode before a listed city, and a city after a Polish or Czech postcode", () => {
    const swedish = found("Ny adress: Kungsgatan 12, 111 43 Stockholm.");
    expect(swedish).toContainEqual(["ZIP_CODE", "111 43"]);
    expect(swedish).toContainEqual(["LOCATION", "Stockholm"]);
    expect(found("ul. Długa 5, 80-831 Gdańsk")).toContainEqual(["LOCATION", "Gdańsk"]);
  });

  it("takes every item of a list of mostly known given names as a person, and no list of places, days or things", () => {
    const people = (text: string) =>
      found(text)
        .filter(([type]) => type === "PERSON")
        .map(([, v]) => v);
    expect(people("Carpool this week: Hannah, Tiihu, Marco, Olamide\nBring snacks.")).toEqual([
      "Hannah",
      "Tiihu",
      "Marco",
      "Olamide",
    ]);
    expect(people("Invitees: Sophie Martin; Wairimu Njoroge; Thomas Becker")).toEqual([
      "Sophie Martin",
      "Wairimu Njoroge",
      "Thomas Becker",
    ]);
    expect(people("We stop in Lyon, Grenoble, Annecy and Chamonix.")).toEqual([]);
    expect(people("Open: Monday, Tuesday, Thursday, Friday")).toEqual([]);
    expect(people("Packing list: Tent, Stove, Lantern, Rope")).toEqual([]);
  });

  it("takes a name after a closing in many languages, on the next line or after a comma on the same line", () => {
    const people = (text: string) =>
      found(text)
        .filter(([type]) => type === "PERSON")
        .map(([, v]) => v);
    expect(people("Faktura w załączniku.\n\nPozdrawiam,\nGrzegorz Wątroba")).toEqual(["Grzegorz Wątroba"]);
    expect(people("Tack för hjälpen!\nMed vänlig hälsning\nLinnea Sjöberg")).toEqual(["Linnea Sjöberg"]);
    expect(people("Документы готовы.\nС уважением,\nЕвгений Шаповалов")).toEqual(["Евгений Шаповалов"]);
    expect(people("Ödeme alındı.\nSaygılarımla, Mehmet Yıldırım")).toEqual(["Mehmet Yıldırım"]);
    expect(people("Terima kasih atas pesanannya.\nHormat kami, Customer Service")).toEqual([]);
  });

  it("takes a user name given as one, and no word, log path or e-mail after 'user' or 'login'", () => {
    const people = (text: string) =>
      found(text)
        .filter(([type]) => type === "PERSON")
        .map(([, v]) => v);
    expect(people("Password reset requested by user m.osei_2 at 09:14.")).toEqual(["m.osei_2"]);
    expect(people("My username is kestrel_owl and it says locked.")).toEqual(["kestrel_owl"]);
    expect(people("Benutzername: lwagner, Passwort vergessen")).toEqual(["lwagner"]);
    expect(people("The login fails for every user since Monday.")).toEqual([]);
    expect(people('"POST /login HTTP/1.1" 302 0')).toEqual([]);
    expect(people("User admin has no e-mail; login user=ops@example.org")).toEqual([]);
  });

  it("takes no data label, phone label or word after a greeting for a name, and still a sender before a code", () => {
    const of = (text: string, type: EntityType) =>
      found(text)
        .filter(([t]) => t === type)
        .map(([, v]) => v);
    expect(of("IBAN: NL91 ABNA 0417 1643 00, t.n.v. de vereniging, graag voor vrijdag.", "ORGANIZATION")).toEqual([]);
    expect(of("Calendly: https://calendly.example/dr-osei/30min to pick a slot this week", "ORGANIZATION")).toEqual([]);
    expect(of("Zalando: 884213 is your Zalando login code. Do not share it.", "ORGANIZATION")).toEqual([
      "Zalando",
      "Zalando",
    ]);
    expect(of("Tel.: +49 30 901820\nTel.: 0049 30 901821\nFax: 030 901829", "PERSON")).toEqual([]);
    expect(of("hey can u send me the form tonight", "PERSON")).toEqual([]);
    expect(of("hi mark, are you coming tonight?", "PERSON")).toEqual(["mark"]);
  });

  it("takes a word of a name found in the text as that person wherever else it stands, unless it is also a word", () => {
    const people = (text: string) =>
      found(text)
        .filter(([type]) => type === "PERSON")
        .map(([, v]) => v);
    expect(
      people(
        "To: Kwabena Ofori-Atta <k.ofori@example.org>\n\nKwabena, the landlord wrote back. Ofori-Atta is the name on the lease.",
      ),
    ).toEqual(["Kwabena Ofori-Atta", "Kwabena", "Ofori-Atta"]);
    expect(people("Lunch with Rose Okafor on Friday. The Rose garden opens at noon.")).toEqual(["Rose Okafor"]);
  });

  it("takes a listed name opening a sentence before what people do, in several languages", () => {
    const people = (text: string) =>
      found(text)
        .filter(([type]) => type === "PERSON")
        .map(([, v]) => v);
    expect(people("Treffpunkt 9 Uhr. Ole bringt die Brötchen mit.")).toEqual(["Ole"]);
    expect(people("Jantar às oito. Rui traz o vinho.")).toEqual(["Rui"]);
  });

  it("finds a name joined to a person by 'and' or inside a list, and not a word joined by a comma alone", () => {
    expect(persons("Find a time for me, Bao and Ilse next week. Ilse is in Rotterdam.")).toContain("Bao");
    expect(persons("Sunday is fine, bring Tobi and Kemi")).toEqual(["Tobi", "Kemi"]);
    expect(persons("Attendees: Tunde Bakare, Chiamaka Obi, Femi (late), Segun Alabi")).toContain("Femi");
    // A sign-off, a greeting or a noun before a name and a comma is no name.
    expect(persons("Herzlichen Glückwunsch, Mia! Du bist jetzt offiziell dabei.")).toEqual(["Mia"]);
    expect(persons("Thanks again for everything.\nAtentamente, Rocío Benjumea")).not.toContain("Atentamente");
  });

  it("finds a name before 's and a relative, a teacher or a celebration", () => {
    expect(persons("Precious here: Tayo's mum says he sprained his ankle.")).toContain("Tayo's");
    expect(persons("Please note it. Zara's class teacher will lead the trip.")).toEqual(["Zara's"]);
    expect(persons("20 Mar: Patience's leaving drinks at the pub")).toEqual(["Patience's"]);
    // A day or a firm before 's is none.
    expect(persons("Monday's meeting moved, and Google's office is closed.")).toEqual([]);
  });

  it("finds the name after a kinship or respect word, and not the word itself", () => {
    expect(persons("- [ ] Call Aunty Bisi back about the naming ceremony")).toEqual(["Bisi"]);
    expect(persons("Mtu anipe namba ya Mzee Odhiambo?")).toEqual(["Odhiambo"]);
    expect(persons("Dalhin niyo na rin si Lola Caring sa check-up.")).toEqual(["Caring"]);
    // A kinship word as a chat speaker says nothing about the first word of the line.
    expect(persons("Baba: Habari za asubuhi wanangu.\nOtieno: Niko njiani sasa hivi, nakuja")).not.toContain("Habari");
  });

  it("reads the common name of an iCalendar attendee", () => {
    const text =
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;CN=Destiny Okoro:mailto:destiny.okoro@example.io\nORGANIZER;CN="Lê Minh Khoa":mailto:khoa@example.vn';
    expect(persons(text)).toEqual(["Destiny Okoro", "Lê Minh Khoa"]);
  });

  it("reads chat turns whose speakers the lists half know, under a group's title, in bullets and as handles", () => {
    const polish =
      "Group: Dom w Zakopanem\nKasia: Kto ma klucze od domku?\nBartek: Ja. Zostawię je u sąsiadki\nMagda: Ok, będę w domu od 18.";
    expect(persons(polish)).toEqual(expect.arrayContaining(["Kasia", "Bartek", "Magda"]));
    expect(persons(polish)).not.toContain("Group");
    const standup =
      "Standup notes\n• anil: finished the parser, PR up for review\n• deepika: blocked on staging creds\n• vikram: will rotate creds today";
    expect(persons(standup)).toEqual(["anil", "deepika", "vikram"]);
    const market = "weiling_shops: hi, still available?\nme: yes, can meet at the MRT\nweiling_shops: ok can, tmr 8pm?";
    expect(persons(market)).toEqual(["weiling_shops", "weiling_shops"]);
    // A form's fields, each named once, stay labels.
    expect(persons("Produkt: Kurtka zimowa\nOpis: ciepła kurtka na zimę, rozmiar M\nCena: 250 zł")).toEqual([]);
  });

  it("reads a family by its name, and the people fields of forms and receipts", () => {
    expect(persons("Iftar tonight is sponsored by the Warsame family.")).toEqual(["Warsame"]);
    expect(persons("Einladung an Familie Öztürk zum Sommerfest")).toEqual(["Öztürk"]);
    expect(persons("Die Familie kommt morgen")).toEqual([]);
    expect(persons("08/03/2025 13:47  Till 2  Served by: Faith\n1 x Fish")).toEqual(["Faith"]);
    expect(persons("Prepared by: Lindiwe Dube\nApproved by: K. Mensah")).toEqual(["Lindiwe Dube", "K. Mensah"]);
  });

  it("names a person again without the possessive, and a name that is also a word only inside a sentence", () => {
    expect(persons("Precious (Tayo's mum): Tayo is out, he sprained his ankle")).toContain("Tayo");
    expect(persons("Regards,\nGrace Wanjiru\n\nPlease send it to Grace before noon")).toEqual([
      "Grace Wanjiru",
      "Grace",
    ]);
    // At a list's dash the word is the word.
    expect(persons("Apologies: Summer Okafor\n- Summer sale moves to June")).toEqual(["Summer Okafor"]);
  });
  it("finds a given name that is also a month's name inside a sentence, but not a month in a date or a capitalized weekday", () => {
    expect(persons("Llegamos tarde porque Marco sale del trabajo a las seis.")).toEqual(["Marco"]);
    expect(persons("Поздравь Марта с днём рождения.")).toEqual(["Марта"]);
    expect(foundOf("Pagamento em 15 Marco 2024.", "PERSON")).toEqual([]);
    expect(foundOf("8 Марта все выходные.", "PERSON")).toEqual([]);
    // Malay writes its weekdays with a capital: "Ahad" is Sunday there.
    expect(foundOf("Kita jumpa hari Ahad ini selepas Zohor.", "PERSON")).toEqual([]);
  });
  it("finds names after the greetings and forms of address of more languages", () => {
    expect(persons("Buen día, Lic. Ortega:")).toEqual(["Ortega"]);
    expect(persons("Dobrý deň, pán Horváth, potvrdzujeme")).toEqual(["Horváth"]);
    expect(persons("Halo kak Rizky, mohon maaf")).toEqual(["Rizky"]);
    expect(persons("Annwyl Gethin,")).toEqual(["Gethin"]);
    expect(persons("Labdien, Jāni!")).toEqual(["Jāni"]);
    expect(persons("Oga Segun abeg check am")).toEqual(["Segun"]);
    expect(persons("Bonjou Wilner, rapò distribisyon")).toEqual(["Wilner"]);
    expect(persons("afgegeven bij de buren (fam. Jansen).")).toEqual(["Jansen"]);
    expect(foundOf("przyjadę z Gdańska", "PERSON")).toEqual([]);
  });

  it("reads each text afresh, whatever texts came before it and however long they were", () => {
    // The name pass reuses its token objects from text to text: nothing of an earlier text may show in a later one.
    const short = "Call Adaeze Okonkwo about the lease, then Tomás.";
    const before = found(short);
    const long = Array.from({ length: 1_500 }, (_, i) => `Ngozi Bello ${i}, Rue ${i} Marseille; Yusuf said yes.`).join(
      " ",
    );
    expect(found(long).filter(([t]) => t === "PERSON").length).toBeGreaterThan(1_000);
    expect(found("ok")).toEqual([]);
    expect(found(short)).toEqual(before);
    expect(before).toEqual(
      expect.arrayContaining([
        ["PERSON", "Adaeze Okonkwo"],
        ["PERSON", "Tomás"],
      ]),
    );
  });
});

describe("forms of address and ranks of more languages", () => {
  it("reads a name after Swahili, Albanian, Hausa and police forms of address", () => {
    expect(foundOf("Mkopo wa Bw. Kiprotich umeidhinishwa.", "PERSON")).toEqual(["Kiprotich"]);
    expect(foundOf("Ju lutem telefononi zotin, zoti Berisha ka pyetje.", "PERSON")).toEqual(["Berisha"]);
    expect(foundOf("Police report: PC Dalgleish attended the scene.", "PERSON")).toEqual(["Dalgleish"]);
    expect(foundOf("Captain Thandeka Zulu confirmed the arrests.", "PERSON")).toEqual(["Thandeka Zulu"]);
    // A title that opens with a rank word is still a title.
    expect(foundOf("Our Chief Risk Officer joined the call.", "PERSON")).toEqual([]);
  });
});
