import { describe, expect, it } from "vitest";
import { createAnalyzer, type EntityType } from "../src/index";
import { fieldRecognizer } from "../src/recognizers/field-recognizer";

// Records written for these tests: values are found by the name of their field, in several languages and formats.
const analyzer = createAnalyzer();
const found = (text: string): [EntityType, string][] => analyzer.analyze(text).map((e) => [e.type, e.text]);
const fields = (text: string): [EntityType, string][] =>
  fieldRecognizer.analyze(text, { regions: [] }).map((r) => [r.type, text.slice(r.start, r.end)]);

describe("fields named for what they hold", () => {
  it("reads JSON and YAML keys in any naming style", () => {
    expect(fields('{"fullName": "Oyelaran Babatunde", "cidade": "Recife", "postal_code": "50030-230"}')).toEqual([
      ["PERSON", "Oyelaran Babatunde"],
      ["LOCATION", "Recife"],
      ["ZIP_CODE", "50030-230"],
    ]);
    expect(fields("- nombre: Itziar Goikoetxea\n  ciudad: Bilbao\n")).toEqual([
      ["PERSON", "Itziar Goikoetxea"],
      ["LOCATION", "Bilbao"],
    ]);
  });

  it("reads columns under a header row, whatever the separator, and keeps other columns out", () => {
    const tsv = "id\tvorname\tnachname\tabteilung\n7\tWiebke\tTjarks\tEinkauf\n8\tGöran\tLundqvist\tLager";
    expect(found(tsv).filter(([t]) => t === "PERSON")).toEqual([
      ["PERSON", "Wiebke"],
      ["PERSON", "Tjarks"],
      ["PERSON", "Göran"],
      ["PERSON", "Lundqvist"],
    ]);
    expect(fields('owner,device\n"Ikechukwu Obi",laptop\nfacilities,printer')).toEqual([["PERSON", "Ikechukwu Obi"]]);
    expect(fields("Name | Stadt\nWiebke Tjarks | Emden")).toEqual([
      ["PERSON", "Wiebke Tjarks"],
      ["LOCATION", "Emden"],
    ]);
  });

  it("reads document numbers and nationalities by their column", () => {
    expect(fields("Name;Staatsangehörigkeit;Reisepass\nJonas Vogt;Deutsch;C01X00T47")).toEqual([
      ["PERSON", "Jonas Vogt"],
      ["NRP", "Deutsch"],
      ["ID", "C01X00T47"],
    ]);
  });

  it("reads firms by their field or column name, and titles and suppliers only in a table", () => {
    expect(fields("Arbeitgeber: Kranbau Ostholstein GmbH\nGläubiger: Wasserverband Nord")).toEqual([
      ["ORGANIZATION", "Kranbau Ostholstein GmbH"],
      ["ORGANIZATION", "Wasserverband Nord"],
    ]);
    const sheet = "Nombre;Título;Proveedor\nAinhoa Urrutia;Jefa de compras;Talleres Zubieta\n";
    expect(fields(sheet)).toEqual([
      ["PERSON", "Ainhoa Urrutia"],
      ["TITLE", "Jefa de compras"],
      ["ORGANIZATION", "Talleres Zubieta"],
    ]);
    // Before a colon in running text a title is a document's, and a value without a capital is no firm.
    expect(fields("Title: Quarterly figures for the board\nEmployer: self-employed")).toEqual([]);
  });

  it("reads job titles by their field name", () => {
    expect(fields('{"name": "Ayo Balogun", "jobTitle": "Site Engineer"}')).toEqual([
      ["PERSON", "Ayo Balogun"],
      ["TITLE", "Site Engineer"],
    ]);
  });

  it("reads several fields on one form line, and leaves values that do not fit the field alone", () => {
    expect(fields("Nom: Gwenaëlle Le Goff   Date de naissance: 02/11/1979")).toEqual([
      ["PERSON", "Gwenaëlle Le Goff"],
      ["DATE_TIME", "02/11/1979"],
    ]);
    expect(fields("name: see attached\ncity: 12")).toEqual([]);
    expect(fields("Name: sales@example.com")).toEqual([]);
  });

  it("reads fields joined by a middle dot, after a full-width colon or dot leaders, and names without capitals", () => {
    expect(fields("Nom : Benali · Prénom : Yasmina · Date de naissance : 12/04/1990")).toEqual([
      ["PERSON", "Benali"],
      ["PERSON", "Yasmina"],
      ["DATE_TIME", "12/04/1990"],
    ]);
    expect(fields("担当：山本 花子 様\n氏名：李 明（り めい）")).toEqual([
      ["PERSON", "山本 花子"],
      ["PERSON", "李 明"],
    ]);
    expect(fields("Customer ...... Ifeoma Chukwu\nCompany ....... Lagos Freight Ltd")).toEqual([
      ["PERSON", "Ifeoma Chukwu"],
      ["ORGANIZATION", "Lagos Freight Ltd"],
    ]);
  });

  it("reads people by the role their field names, in many languages", () => {
    expect(fields("Legal name: Kwabena Asante-Mensah\nPreferred name: Kobi")).toEqual([
      ["PERSON", "Kwabena Asante-Mensah"],
      ["PERSON", "Kobi"],
    ]);
    expect(fields("Кому: Ахметов Д. Р.\nΈνοικος: Ελένη Κωνσταντίνου\nKhách hàng: Phạm Thu Hà")).toEqual([
      ["PERSON", "Ахметов Д. Р."],
      ["PERSON", "Ελένη Κωνσταντίνου"],
      ["PERSON", "Phạm Thu Hà"],
    ]);
    expect(fields("Broker: Macarena Vial, +56 9 8431 2276")).toEqual([["PERSON", "Macarena Vial"]]);
    // A role field holding no one: lower case, a number, or more words than a name has.
    expect(fields("Organizer: tbd\nMechanic: 2\nCoordinator: to be confirmed by the school office next week")).toEqual(
      [],
    );
  });

  it("reads drivers, contacts and national numbers by their field, and more scripts' column names", () => {
    expect(fields("Водитель: Руслан Ахмедов, паспорт N4418812, тел. +7 701 000 11 22")).toEqual([
      ["PERSON", "Руслан Ахмедов"],
    ]);
    expect(fields("Водитель: Руслан Ахмедов\nKierowca: Tomasz Wrona\nContact: Amani Wekesa")).toEqual([
      ["PERSON", "Руслан Ахмедов"],
      ["PERSON", "Tomasz Wrona"],
      ["PERSON", "Amani Wekesa"],
    ]);
    expect(fields("CURP: GOMA850301MDFRRN09\nFødselsnummer: 010190 12345\nMRN: 5510382")).toEqual([
      ["ID", "GOMA850301MDFRRN09"],
      ["ID", "010190 12345"],
      ["ID", "5510382"],
    ]);
    const csv = "Անուն,Ազգանուն,Քաղաք\nՍոնա,Գրիգորյան,Վանաձոր";
    expect(fields(csv)).toEqual([
      ["PERSON", "Սոնա"],
      ["PERSON", "Գրիգորյան"],
      ["LOCATION", "Վանաձոր"],
    ]);
    // "Contact: see below" and "Contact: +1 415 555 0100" hold no name.
    expect(fields("Contact: see below\nContact: +1 415 555 0100")).toEqual([]);
  });

  it("keeps an age after a birth date out of the date", () => {
    expect(fields("生年月日：1988年5月9日（満37歳）\nДата рождения: 14.02.1979, 46 лет")).toEqual([
      ["DATE_TIME", "1988年5月9日"],
      ["DATE_TIME", "14.02.1979"],
    ]);
  });

  it("does not read a line of JSON fields as a header row", () => {
    const json = '{\n  "生年月日": "1990-01-02",\n  "電話": "03-1234-5678",\n  "メモ": "なし"\n}';
    expect(fields(json)).toEqual([["DATE_TIME", "1990-01-02"]]);
  });
});

describe("vCards and SQL inserts", () => {
  it("reads each part of a vCard's name, organization, title, birthday and address", () => {
    const card = [
      "BEGIN:VCARD",
      "VERSION:4.0",
      "N:Kowalczyk;Agnieszka;Maria;;",
      "FN:Agnieszka Kowalczyk",
      "ORG:Politechnika Gdańska;Wydział Chemiczny",
      "TITLE:Adiunkt",
      "BDAY:19850614",
      "ADR;TYPE=work:;;ul. Narutowicza 11/12;Gdańsk;pomorskie;80-233;Polska",
      "END:VCARD",
    ].join("\r\n");
    expect(fields(card)).toEqual([
      ["PERSON", "Kowalczyk"],
      ["PERSON", "Agnieszka"],
      ["PERSON", "Maria"],
      ["PERSON", "Agnieszka Kowalczyk"],
      ["ORGANIZATION", "Politechnika Gdańska"],
      ["TITLE", "Adiunkt"],
      ["DATE_TIME", "19850614"],
      ["ADDRESS", "ul. Narutowicza 11/12"],
      ["LOCATION", "Gdańsk"],
      ["LOCATION", "pomorskie"],
      ["ZIP_CODE", "80-233"],
      ["LOCATION", "Polska"],
    ]);
    // The same property names outside a vCard are left to the other rules.
    expect(fields("N:Kowalczyk;Agnieszka")).toEqual([]);
  });

  it("reads the values of an INSERT by their columns' names, quotes and all", () => {
    const sql =
      "INSERT INTO `klienci` (`id`, imie, nazwisko, miasto) VALUES (1, 'Zofia', 'O''Brien-Nowak', 'Toruń'),\n" +
      "(2, 'Jan', NULL, 'Łódź');";
    expect(fields(sql)).toEqual([
      ["PERSON", "Zofia"],
      // The span is the text as written, its doubled quote too.
      ["PERSON", "O''Brien-Nowak"],
      ["LOCATION", "Toruń"],
      ["PERSON", "Jan"],
      ["LOCATION", "Łódź"],
    ]);
  });

  it("stops at a broken statement without losing what came before", () => {
    expect(fields("INSERT INTO t (name, city) VALUES ('Ada Lovelace', 'London'), ('Unclosed")).toEqual([
      ["PERSON", "Ada Lovelace"],
      ["LOCATION", "London"],
    ]);
    expect(fields("insert into t (name) values")).toEqual([]);
  });
});

describe("SQL statements after one this rule does not read", () => {
  it("reads the rows of a later statement", () => {
    const text = [
      "INSERT INTO logs (created, email) VALUES (NOW(), 'ops@example.com');",
      "INSERT INTO patients (first_name, last_name) VALUES ('Amara', 'Okafor');",
    ].join("\n");
    expect(fields(text)).toEqual(
      expect.arrayContaining([
        ["PERSON", "Amara"],
        ["PERSON", "Okafor"],
      ]),
    );
  });
});
