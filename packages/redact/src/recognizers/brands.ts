// Firms people name in their mail and chats the world over: banks and mobile money, couriers and shops, telephone
// companies, ride and food apps, utilities, insurers, employers and the public offices people deal with. Left out:
// the platforms a message names as a channel (WhatsApp, Teams, Gmail), card networks (Visa, Amex) and car makes,
// which the labeled corpora mark as often as not; with them in, recall was the same and precision lower. No pattern
// tells "Capitec", "Zásilkovna" or "카카오뱅크" from any other word; a list does, and these names recur across
// people's messages wherever they live. Written as each firm writes its name; one per entry, separated by "|".

const LATIN = [
  // Payment, banking and money apps that cross borders.
  "PayPal|Venmo|Zelle|Cash App|Revolut|Wise|TransferWise|Western Union|MoneyGram|Remitly|WorldRemit|Payoneer|Stripe",
  "Klarna|Afterpay|Affirm|Skrill|Neteller|Alipay|WeChat Pay|Binance|Coinbase|Kraken",
  "Monzo|Starling|N26|Chime|SoFi|Nubank|Mercado Pago|Ualá",
  // Banks by country.
  "Chase|JPMorgan|JPMorgan Chase|Bank of America|Wells Fargo|Citibank|Citi|Capital One|US Bank|PNC|Truist|TD Bank",
  "HSBC|Barclays|Lloyds|NatWest|Santander|Halifax|Nationwide|TSB|Metro Bank|Co-operative Bank|RBS|Virgin Money",
  "RBC|Scotiabank|BMO|CIBC|TD Canada Trust|Desjardins|Commonwealth Bank|CommBank|Westpac|ANZ|NAB|ASB|Kiwibank",
  "Deutsche Bank|Commerzbank|Sparkasse|Volksbank|Postbank|DKB|ING|ING-DiBa|Raiffeisen|Erste Bank|BAWAG|UBS",
  "Credit Suisse|PostFinance|BNP Paribas|Société Générale|Crédit Agricole|Crédit Mutuel|LCL|La Banque Postale",
  "Boursorama|BBVA|CaixaBank|Bankinter|Sabadell|Bankia|Unicaja|Intesa Sanpaolo|UniCredit|Fineco|BPER|Mediobanca",
  "ABN AMRO|Rabobank|KBC|Belfius|Nordea|Danske Bank|SEB|Swedbank|Handelsbanken|DNB|OP|Millennium bcp|Caixa",
  "Caixa Econômica|Banco do Brasil|Bradesco|Itaú|Inter|Banorte|Banamex|Citibanamex|BBVA México|Bancolombia",
  "Davivienda|Banco de Chile|BancoEstado|Banco Galicia|Banco Nación|Interbank|BCP|Yape|Plin|Nequi|Daviplata",
  "PKO BP|mBank|Pekao|ING Bank Śląski|Alior|Česká spořitelna|ČSOB|Komerční banka|Fio banka|Tatra banka",
  "OTP Bank|Banca Transilvania|BCR|Garanti|Garanti BBVA|Akbank|İş Bankası|Ziraat|Yapı Kredi|Halkbank|VakıfBank",
  "Sberbank|Tinkoff|VTB|Alfa-Bank|Kaspi|Kaspi.kz|Halyk|PrivatBank|Monobank|Emirates NBD|ADCB|FAB|Mashreq",
  "QNB|Al Rajhi|SNB|Riyad Bank|CIB|Banque Misr|NBE|Attijariwafa|CIH|BMCE|Ecobank|Access Bank|GTBank|Zenith Bank",
  "First Bank|UBA|Kuda|OPay|Opay|PalmPay|Moniepoint|Paystack|Flutterwave|Equity Bank|KCB|Co-op Bank|NCBA|Stanbic",
  "Absa|Capitec|FNB|Standard Bank|Nedbank|TymeBank|Old Mutual|Discovery|CRDB|NMB|M-Pesa|MPesa|Airtel Money",
  "MTN MoMo|Orange Money|Wave|Tigo Pesa|HaloPesa|EcoCash|Vodafone Cash|SBI|State Bank of India|HDFC|HDFC Bank",
  "ICICI|ICICI Bank|Axis Bank|Kotak|Kotak Mahindra|Punjab National Bank|PNB|Bank of Baroda|Canara Bank|Paytm",
  "PhonePe|BHIM|Meezan Bank|HBL|UBL|JazzCash|Easypaisa|bKash|Nagad|BCA|Mandiri|BRI|BNI|CIMB|CIMB Niaga|Maybank",
  "Public Bank|RHB|DBS|POSB|OCBC|UOB|BDO|BPI|Metrobank|GCash|Maya|PayMaya|Vietcombank|Techcombank|MoMo|ZaloPay",
  "Kasikornbank|KBank|SCB|Bangkok Bank|Krungsri|PromptPay|TrueMoney|GrabPay|ShopeePay|OVO|GoPay|DANA",
  // Couriers and post.
  "DHL|FedEx|UPS|USPS|TNT|DPD|GLS|Hermes|Evri|Royal Mail|Parcelforce|Yodel|Canada Post|Purolator|Australia Post",
  "Deutsche Post|La Poste|Colissimo|Chronopost|Mondial Relay|Correos|SEUR|MRW|Poste Italiane|BRT|PostNL",
  "PostNord|Posti|Bring|Česká pošta|Zásilkovna|Packeta|InPost|Poczta Polska|Omniva|Nova Poshta|CDEK|Aramex",
  "Correios|Jadlog|Estafeta|Servientrega|Delhivery|Blue Dart|DTDC|Ecom Express|Shadowfax|J&T|J&T Express|JNE",
  "SiCepat|Ninja Van|Pos Laju|Kerry Express|Flash Express|LBC|Sendy|Fargo|Yamato|Sagawa|SF Express|Cainiao",
  // Shops, marketplaces and chains.
  "Amazon|eBay|Etsy|Walmart|Target|Costco|Best Buy|Home Depot|Lowe's|IKEA|Ikea|Aldi|Lidl|Tesco|Sainsbury's|Asda",
  "Morrisons|Waitrose|Argos|Currys|Boots|Superdrug|Primark|Marks & Spencer|M&S|John Lewis|Ocado|Deliveroo",
  "Just Eat|Uber Eats|DoorDash|Grubhub|Instacart|Shopify|Chewy|Wayfair|Zalando|Otto|MediaMarkt|Saturn|REWE|Edeka",
  "Kaufland|Netto|Penny|Rossmann|Carrefour|Leclerc|E.Leclerc|Auchan|Intermarché|Monoprix|Fnac|Darty|Cdiscount",
  "Vinted|Leboncoin|Mercadona|El Corte Inglés|Dia|Eroski|Esselunga|Coop|Conad|Albert Heijn|Jumbo|Bol.com|Coolblue",
  "ICA|Hemköp|Willys|Migros|Denner|Biedronka|Żabka|Allegro|OLX|Alza|Rohlík|Mall.cz|Billa|Spar|Hofer",
  "Mercado Libre|MercadoLivre|Magazine Luiza|Magalu|Americanas|Casas Bahia|Liverpool|Soriana|Chedraui|Oxxo|Éxito",
  "Falabella|Lider|Rappi|iFood|PedidosYa|Glovo|Wolt|Bolt|Uber|Lyft|Grab|Gojek|Careem|inDrive|Yandex Go",
  "Ola|Rapido|Swiggy|Zomato|Flipkart|Myntra|Meesho|BigBasket|Blinkit|Zepto|Nykaa|Reliance|Reliance Jio|Jio|DMart",
  "Tokopedia|Shopee|Lazada|Bukalapak|Blibli|Alfamart|Indomaret|Foodpanda|Takealot|Checkers|Pick n Pay|Shoprite",
  "Woolworths|Dis-Chem|Clicks|Makro|Game|Jumia|Konga|Noon|Namshi|Talabat|Lulu|Trendyol|Hepsiburada",
  "Getir|Yemeksepeti|BİM|A101|ŞOK|Wildberries|Ozon|Avito|Rozetka|Temu|Shein|AliExpress|Taobao|JD.com",
  "Coles|Bunnings|Kmart|JB Hi-Fi|Countdown|Pak'nSave|Walgreens|CVS|Rite Aid|Kroger|Safeway|Publix",
  "H-E-B|Whole Foods|Trader Joe's|Starbucks|McDonald's|KFC|Subway|Domino's|Pizza Hut|Burger King|Tim Hortons",
  "Nando's|Greggs|Pret|Costa|Costa Coffee|Dunkin'|Chick-fil-A|Taco Bell|Wendy's|Five Guys|Decathlon|H&M|Zara",
  "Uniqlo|Mango|Nike|Adidas|Sephora|Douglas|Apple|Samsung|Xiaomi|Huawei|Oppo|Vivo|Sony|Nokia|Lenovo",
  // Telephone, internet, power and water.
  "Verizon|AT&T|T-Mobile|Sprint|Comcast|Xfinity|Spectrum|Vodafone|O2|EE|Three|Sky|BT|Virgin Media|TalkTalk",
  "Rogers|Bell|Telus|Telstra|Optus|Spark|Deutsche Telekom|Telekom|Orange|SFR|Bouygues|Bouygues Telecom|Free",
  "Movistar|Telefónica|TIM|WindTre|Iliad|KPN|Ziggo|Proximus|Swisscom|Telia|Telenor|Tele2|A1|Magenta|Play|Plus",
  "Orange Polska|Turkcell|Türk Telekom|MTS|Beeline|MegaFon|Kyivstar|Lifecell|Etisalat|Zain|STC|Ooredoo",
  "Safaricom|Airtel|MTN|Glo|9mobile|Vodacom|Cell C|Telkom|Tigo|Moov|Vi|BSNL|Jazz|Zong|Telkomsel|Indosat|XL",
  "Smart|Globe|Maxis|Celcom|Digi|Singtel|StarHub|M1|Viettel|Vinaphone|AIS|dtac|Claro|Oi|Telcel|Entel",
  "Digicel|Liberty|Eskom|Enel|Enedis|EDF|Engie|Iberdrola|Endesa|Naturgy|E.ON|EnBW|Vattenfall|Octopus Energy",
  "British Gas|Thames Water|PG&E|Con Edison|Duke Energy|Tenaga|Meralco|PLN|KPLC|Kenya Power|LESCO|K-Electric",
  // Employers, firms and services people name.
  "Airbnb",
  "Ryanair|easyJet|Lufthansa|Air France|KLM|British Airways|Emirates|Qatar Airways|Turkish Airlines|IndiGo",
  "Air India|Kenya Airways|Ethiopian Airlines|LATAM|Avianca|Aeroméxico|Qantas|Singapore Airlines|AirAsia",
  "Deutsche Bahn|DB|SNCF|Renfe|Trenitalia|Italo|NS|SBB|ÖBB|ScotRail|Avanti|LNER|Amtrak|Via Rail|Eurostar",
  "Accenture|Deloitte|PwC|KPMG|EY|McKinsey|BCG|IBM|Oracle|SAP|Siemens|Bosch|Infosys|TCS|Wipro|HCL|Cognizant",
  "Tata|Mahindra|Unilever|Nestlé|Shell|BP|TotalEnergies|Aramco",
  "Petrobras|Pemex|Vale|Ambev|Vinamilk|Dangote|Standard Chartered|Aetna|Cigna|Kaiser Permanente",
  "Blue Cross|Humana|UnitedHealthcare|Allianz|AXA|Generali|Zurich|Aviva|Admiral|Direct Line|Bupa",
  "NHS|HMRC|DVLA|IRS|DMV|SSA|USCIS|CRA|ATO|Centrelink|Medibank|OSDE|Swiss Medical|IMSS|ISSSTE|SAT",
  "INSS|INPS|CAF|CPAM|Ameli|URSSAF|Pôle emploi|France Travail|AOK|TK|Techniker Krankenkasse|Barmer|DAK",
  "Agentur für Arbeit|Jobcenter|Finanzamt|SVB|UWV|DUO|Belastingdienst|Försäkringskassan|Skatteverket|NAV|Kela",
  "ZUS|NFZ|VZP|SUSE|SSS|PhilHealth|Pag-IBIG|BPJS|EPFO|LIC|UIDAI|NADRA|KRA|NHIF|SHA|NSSF|SASSA|SARS|Home Affairs",
  "Eurobank|Alpha Bank|Cosmote|SK Telecom|KDDI|Equifax|Experian|TransUnion",
];

// Names that are also ordinary words ("wise", "bolt", "three", "target", "orange"), or given names ("Chase"): read
// as the firm only where a word around them says so ("via Wise", "with Bolt", "my Orange bill"), never opening a
// sentence.
export const AMBIGUOUS_BRANDS: ReadonlySet<string> = new Set(
  `Wise|Wave|Bolt|Grab|Three|Target|Orange|Apple|Amazon|Shell|Sky|Chase|Boots|Smart|Globe|Free|Play|Plus|Spark|Bell
  |Rogers|Liberty|Game|Clicks|Coop|Dia|Otto|Saturn|Penny|Netto|Jumbo|Lider|Maya|Inter|Caixa|Vivo|Vi|Oi|Claro|Ola
  |Tata|Vale|Zurich|Admiral|Discovery|Reliance|Ozon|Glo|Moov|Digi|Liverpool|Falabella|Spectrum|Avanti|Italo|Pret
  |Costa|Mango|Zara|Chime|Affirm|Stripe|Kraken|Halifax|Nationwide|Starling|Douglas|Hermes|Bring|Fargo|Sendy|DB|NS|OP
  |SEB|CAF|SAT|SSS|SHA|NAV|TK|DUO|Jazz|Zong|Sprint|TIM|A1|M1|EE|BT|BRT|FAB|BCP|BCG|HCL|BP|SARS|PLN|XL|O2|Magenta
  |Kuda|Noon|Lulu|Countdown|Subway|Emirates|Finanzamt|Home Affairs|Spar|Hofer|Alza|Éxito|Checkers|Coles|Santander
  |Citi|Plin|Yape|Maxis|Celcom`
    .split("|")
    .map((w) => w.trim()),
);

/** The firms written in Latin letters. */
export const LATIN_BRANDS: readonly string[] = [
  ...new Set(LATIN.flatMap((line) => line.split("|")).filter((w) => w.length >= 2)),
];

/** The firms in other scripts, which are read wherever they stand (no capitals mark them). */
export const SCRIPT_BRANDS: readonly string[] = [
  // Korean, Japanese, Chinese.
  ..."삼성|삼성전자|현대|현대자동차|LG전자|네이버|카카오|카카오뱅크|카카오페이|토스|쿠팡|배달의민족|배민|요기요|당근마켓|국민은행|KB국민은행|신한은행|우리은행|하나은행|농협|NH농협|기업은행|케이뱅크|우체국|CJ대한통운|한진택배|롯데택배|SK텔레콤|LG유플러스|한국전력|이마트|홈플러스|롯데마트|세븐일레븐|스타벅스".split(
    "|",
  ),
  ..."ソニー|トヨタ|ホンダ|日産|パナソニック|任天堂|楽天|アマゾン|メルカリ|ヤマト運輸|佐川急便|日本郵便|ゆうちょ銀行|三菱UFJ銀行|三井住友銀行|みずほ銀行|りそな銀行|ドコモ|NTTドコモ|ソフトバンク|ユニクロ|セブンイレブン|ローソン|ファミリーマート|イオン|ヨドバシカメラ|ビックカメラ|東京電力|JR東日本|JR西日本".split(
    "|",
  ),
  ..."华为|華為|小米|阿里巴巴|淘宝|淘寶|天猫|京东|京東|拼多多|美团|美團|饿了么|支付宝|支付寶|微信支付|腾讯|騰訊|抖音|百度|滴滴|顺丰|順豐|中通|圆通|韵达|菜鸟|中国银行|工商银行|建设银行|农业银行|招商银行|中国移动|中国联通|中国电信|中華電信|台灣大哥大|遠傳|星巴克|麦当劳|肯德基".split(
    "|",
  ),
  // Arabic script, Cyrillic, Hebrew, Greek, Thai, Devanagari.
  ..."أرامكو|أرامكو السعودية|الراجحي|مصرف الراجحي|البنك الأهلي|بنك مصر|البنك التجاري الدولي|فودافون|فودافون كاش|اتصالات|زين|موبايلي|اس تي سي|أورنج|طلبات|كريم|أمازون|نون|جوميا|أرامكس|سامسونج|هواوي|كارفور|لولو|إعمار".split(
    "|",
  ),
  ..."Сбербанк|Сбер|Тинькофф|Т-Банк|ВТБ|Альфа-Банк|Газпромбанк|Почта России|СДЭК|Озон|Вайлдберриз|Яндекс|Яндекс Go|Авито|МТС|Билайн|МегаФон|Теле2|Ростелеком|Госуслуги|Магнит|Пятёрочка|Пятерочка|Нова Пошта|Нова пошта|Укрпошта|ПриватБанк|Монобанк|Київстар|Каспи".split(
    "|",
  ),
  ..."בנק הפועלים|בנק לאומי|בנק דיסקונט|מזרחי טפחות|ביט|פייבוקס|סלקום|פרטנר|בזק|הוט|כללית|מכבי|מאוחדת|לאומית|ביטוח לאומי|רמי לוי|שופרסל|דואר ישראל|Εθνική Τράπεζα|Τράπεζα Πειραιώς|ΕΛΤΑ|ΔΕΗ|ธนาคารกสิกรไทย|ไทยพาณิชย์|กรุงเทพ|ลาซาด้า|ช้อปปี้|แกร็บ|ไลน์แมน|เอไอเอส|ทรูมูฟ|เคอรี่|ไปรษณีย์ไทย|स्टेट बैंक|भारतीय स्टेट बैंक|एसबीआई|पेटीएम|फ्लिपकार्ट|अमेज़न|जियो|एयरटेल|डाक विभाग".split(
    "|",
  ),
];
