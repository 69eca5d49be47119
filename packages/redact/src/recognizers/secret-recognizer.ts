import { patternRecognizer } from "../pattern-recognizer";

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PREFIXED = [
  "AKIA[0-9A-Z]{16}", // AWS access key id
  "ASIA[0-9A-Z]{16}",
  "gh[pousr]_[A-Za-z0-9]{36,255}", // GitHub
  "github_pat_[A-Za-z0-9_]{22,255}",
  "glpat-[A-Za-z0-9_-]{20,64}", // GitLab
  "xox[abprs]-[A-Za-z0-9-]{10,100}", // Slack
  "sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,200}", // OpenAI, Anthropic
  "(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,100}", // Stripe
  "AIza[0-9A-Za-z_-]{35}", // Google API key
  "npm_[A-Za-z0-9]{36}",
  "hf_[A-Za-z0-9]{30,40}", // Hugging Face
  "SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}", // SendGrid
  "eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{8,2000}", // JWT
].join("|");

const CONTEXT = [
  "password",
  "passwort",
  "kennwort",
  "mot de passe",
  "contraseña",
  "clave",
  "senha",
  "wachtwoord",
  "pwd",
  "pass",
  "passcode",
  "pin",
  "token",
  "secret",
  "api key",
  "apikey",
  "api_key",
  "key",
  "credentials",
  "login",
];

// The characters of a token (base64, base64url, hex), as a table of ASCII codes.
const TOKEN_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/=-") TOKEN_CHAR[c.charCodeAt(0)] = 1;

/**
 * Whether `text` holds 24 token characters in a row, as every match of the token pattern does: one loop over the
 * characters, where the regex (`(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{24}`) costs several times more on every text.
 */
export function hasTokenRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && TOKEN_CHAR[c] === 1) {
      if (++run >= 24) return true;
    } else run = 0;
  }
  return false;
}

// Words that name a password or a login, in the covered languages.
const PASSWORD_WORDS =
  "password|passwort|kennwort|mot de passe|mdp|contraseña|contrasena|clave|senha|wachtwoord|hasło|haslo|şifre|sifre|parola|пароль|passcode|passwd|pwd|pw|wifi|wi-fi|wlan|router|admin|vpn|login|lösenord|losenord|adgangskode|passord|salasana|heslo|jelszó|parolă|sandi|mật khẩu|κωδικός|密码|密碼|パスワード|비밀번호";
const PASSWORD_NEAR = new RegExp(`(?:^|[^\\p{L}])(?:${PASSWORD_WORDS})(?![\\p{L}])`, "iu");

// A link with a password: every match of the credentials pattern holds one.
const LINK_CREDENTIALS = /:\/\/[^\s:@/]{1,64}:[^\s@/]{3,128}@/;

// Words before "code" that say it codes something other than a door, a parcel or a login.
const NOT_SECRET_CODES = new Set(
  `error status zip post postal area country dial promo discount coupon voucher tracking product item article source qr
  bar swift sort tax hs iso exit dress colour color fehler rabatt gutschein erreur descuento cupón sconto referral
  invite gift card booking reservation order ref reference flight seat gate room table`.split(/\s+/),
);

/**
 * Secrets: keys with a known vendor prefix, PEM private keys, and high-entropy strings or short values right after
 * a word like "password:".
 */
export const secretRecognizer = patternRecognizer({
  name: "secret",
  type: "SECRET",
  context: CONTEXT,
  patterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_-])(?:${PREFIXED})(?![A-Za-z0-9_-])`, "g"), score: 0.95 },
    {
      regex: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,8000}?-----END [A-Z ]{0,40}PRIVATE KEY-----/g,
      requires: /-----BEGIN /,
      score: 1,
    },
    {
      // A value right after "password:" / "Passwort =" / "token is".
      regex:
        /(?<!\p{L})(?:password|passwort|kennwort|mot de passe|mdp|contraseña|senha|wachtwoord|hasło|haslo|şifre|sifre|parola|пароль|passcode|passwd|pass|pwd|pw|pin|token|secret|api[ _-]?key|lösenord|losenord|adgangskode|passord|salasana|heslo|jelszó|parolă|kata sandi|mật khẩu|κωδικός|密码|密碼|パスワード|비밀번호)(?:\s{0,3}(?:is|ist|est|es|è|é|was|lautet|är|er|on|je))?(?:\s{0,3}[:=：]\s{0,3}|\s{1,3})["'`]?([^\s"'`]{4,128})/dgiu,
      requires:
        /password|passwort|kennwort|mot de passe|mdp|contraseña|senha|wachtwoord|hasło|haslo|şifre|sifre|parola|пароль|passcode|passwd|pass|pwd|pw|pin|token|secret|api[ _-]?key|lösenord|losenord|adgangskode|passord|salasana|heslo|jelszó|parolă|sandi|mật khẩu|κωδικός|密码|密碼|パスワード|비밀번호/iu,
      group: 1,
      score: 0.85,
      validate: (value, m) => {
        const word = m[0].slice(0, m[0].length - value.length);
        // "pw" is a password only before a value that looks made up: "pw Sunflower!26", not "PW Group".
        if (/^pw\b/i.test(word) && !/[\d\W_]/u.test(value)) return null;
        // "password reset", "token expired": a plain lower-case word after the keyword is not a secret.
        if (/^\p{Ll}+[.,;:!?]?$/u.test(value) && !/[:=]/.test(word)) return null;
        if (/^(?:is|ist|est|was|for|and|the|und|der|die|das|pour|para|per|reset|changed|expired)$/i.test(value))
          return null;
        const start = m.indices?.[1]?.[0] ?? m.index;
        const trimmed = value.replace(/[.,;:)\]]+$/u, "");
        return trimmed.length >= 4 ? { start, end: start + trimmed.length, score: 0.85 } : null;
      },
    },
    {
      // "the wifi at the cabin is pinecone2024", "senha do wifi é Saudade2024": a few words between keyword and value.
      regex:
        /(?<!\p{L})(?:password|passwort|kennwort|mot de passe|contraseña|senha|wachtwoord|wifi|wi-fi|wlan|pin|code)(?:\s[\p{L}'-]{1,20}){1,5}\s(?:is|ist|est|es|è|é|lautet|:)\s{1,3}["'`]?([^\s"'`]{4,64})/dgiu,
      requires: /password|passwort|kennwort|mot de passe|contraseña|senha|wachtwoord|wifi|wi-fi|wlan|pin|code/iu,
      group: 1,
      score: 0.75,
      validate: (value, m) => {
        const start = m.indices?.[1]?.[0] ?? m.index;
        const trimmed = value.replace(/[.,;:)\]]+$/u, "");
        // Without a colon, only a value that looks made up: digits, symbols or inner capitals.
        if (trimmed.length < 4 || !/[\d\W_]|.\p{Lu}/u.test(trimmed)) return null;
        if (/^\p{L}+$/u.test(trimmed) && !/.\p{Lu}/u.test(trimmed)) return null;
        return { start, end: start + trimmed.length, score: 0.75 };
      },
    },
    {
      // One-time, door, lockbox, alarm and parcel pickup codes: "Your code is 730418", "OTP tha 8806", "le code de
      // la porte c'est B4726", "Türcode: 2580", "gate code *4471", "Digicode 4B29A", "Hälytyskoodi 7731", "kod do
      // drzwi biura na Mokotowie: 4826*". An order code has no such word.
      regex:
        /(?<!\p{L})(?:otp|one-time (?:code|password|passcode|pin)|verification code|security code|login code|sign-in code|confirmation code|your code|door code|gate code|entry code|access code|lockbox code|lock box code|key ?box code|key safe code|alarm code|pickup code|pick-up code|code de la porte|code porte|digicode|code d'accès|code de vérification|code de retrait|türcode|haustürcode|zugangscode|bestätigungscode|alarmcode|abholcode|schlüsselbox-code|código de acceso|código de verificación|código de la puerta|código de la caja de llaves|código de la caja|código de recogida|código de verificação|código do portão|codice di accesso|codice di verifica|codice del portone|codice di ritiro|toegangscode|verificatiecode|deurcode|afhaalcode|ophaalcode|afleweringskode|toegangskode|رمز التحقق|رمز التفعيل|kod do drzwi|kod do domofonu|kod weryfikacyjny|kod odbioru|kapı kodu|doğrulama kodu|kode otp|kode verifikasi|portkod|dörrkod|dørkode|portkode|hälytyskoodi|ovikoodi|porttikoodi|mã xác thực|mã xác nhận|mã otp|код подтверждения|код из смс|код домофона|验证码|驗證碼|認証コード|確認コード|인증번호)(?:\s(?:is|ist|est|es|è|é|c'est|tha|hai|lautet|anda|kamu|của bạn|là))?(?:\s[\p{L}\p{M}]{2,12}(?:\s(?:anda|kamu|adalah|na|w|de|du|del|der))?(?:\s[\p{L}\p{M}]{2,12})?)?\s{0,3}[:：]?\s{0,3}([*#]?(?:\d{3}[ -]\d{3}|\d{2} \d{2} \d{2}|[A-Z]\d{3,7}|[A-Z](?=[0-9A-Z]{0,6}\d)[0-9A-Z]{3,7}|\d[0-9A-Z]{3,7})[*#]?)(?![\p{L}\p{N}]|\s\d)/dgiu,
      requires: /otp|code|codice|código|kod|digicode|mã|код|验证码|驗證碼|コード|인증번호|koodi|kode|رمز/i,
      group: 1,
      score: 0.8,
    },
    {
      // "code 0917", "code K7Q2", "Code: 4412": the word alone, before a short code of digits (or capitals with a
      // digit), when no word says what else it codes (an error, a postcode, a product, a discount).
      regex:
        /(?<![\p{L}-])[Cc]ode\s?:?\s([A-Z]?\d{4,6}|[A-Z](?=[0-9A-Z]{0,6}\d)[0-9A-Z]{3,7})(?![\p{L}\p{N}]|[.,]\d|\s\d|\s?(?:%|€|\$|£|off\b))/dgu,
      requires: /[Cc]ode\s?:?\s[A-Z0-9]/,
      group: 1,
      score: 0.7,
      validate: (value, m, text) => {
        // A discount code is a word with a number ("SAVE20", "WELCOME10"); a door or pickup code is not.
        if (/\p{L}{4}/u.test(value)) return null;
        const before = /([\p{L}]+)[\s-]$/u.exec(text.slice(Math.max(0, m.index - 24), m.index));
        return before && NOT_SECRET_CODES.has(before[1]!.toLowerCase()) ? null : 0.7;
      },
    },
    {
      // A password in a link's credentials: "postgres://app_user:Gx7!pLq2vR9w@10.20.4.17:5432/orders".
      regex: /[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,64}:([^\s@/]{3,128})@[\w.-]{1,253}/dgiu,
      requires: (text) => text.includes("://") && LINK_CREDENTIALS.test(text),
      group: 1,
      score: 0.9,
    },
    {
      // A network and its password, "Wi-Fi: Flanders_Guest / rosecity2025", or the network's place, then a colon:
      // "wifi at the Geelong office: Tr33house!".
      regex:
        /(?<![\p{L}])(?:wifi|wi-fi|wlan)(?:\s?:?\s[^\s/]{2,40}\s?\/\s?|(?:\s[\p{L}'-]{1,20}){1,5}:\s{1,3})([^\s/]{6,64})/dgiu,
      requires: /wifi|wi-fi|wlan/iu,
      group: 1,
      score: 0.8,
      // A made-up password holds a digit or a symbol; the stop after it ends the sentence.
      validate: (value, m) => {
        const trimmed = value.replace(/[.,;:)\]]+$/u, "");
        if (!/\d|[^\p{L}\p{N}]/u.test(trimmed)) return null;
        const start = m.indices?.[1]?.[0] ?? m.index;
        return { start, end: start + trimmed.length, score: 0.8 };
      },
    },
    {
      // The code before its name, as text messages put it: "G-418225 is your verification code", "482913 ist dein
      // Bestätigungscode", "Votre code : 4829" is above.
      regex:
        /(?<![\p{L}\p{N}])(?:[A-Z]-)?(\d{4,8}|\d{3}[ -]\d{3})\s(?:is your|is uw|ist dein|ist ihr|est votre|es tu|es su|è il tuo|é o seu|é seu|to twój|jest twoim|adalah kode|là mã)(?:\s[\p{L}-]{1,15}){0,2}?\s?(?:code|codice|código|kode|kod|mã|otp|passcode|pin|bestätigungscode|verifizierungscode|sicherheitscode|verificatiecode|verification code|security code|login code)(?![\p{L}])/dgiu,
      requires:
        /\d\s(?:is your|is uw|ist dein|ist ihr|est votre|es tu|es su|è il tuo|é o seu|é seu|to twój|jest twoim|adalah kode|là mã)/i,
      group: 1,
      score: 0.8,
    },
    {
      // A made-up password near a word for one, even a line away: "wifi? — oui c'est Soleil#2025", "router admin:
      // Br!ck-Lane-2291", "VPN: q8Z#fW2m". Letters, digits and a symbol inside, so that words, numbers, e-mail
      // addresses, dates and log fields stay out. Run only around such a symbol.
      regex: /(?<![^\s"'(:=])[A-Za-z0-9!#$%&*?^~+=@._-]{6,40}(?=[\s"'),.;]|$)/g,
      requires: new RegExp(PASSWORD_WORDS, "i"),
      anchor: { regex: /[A-Za-z0-9][!#$%&*^~]|[!#$%&*^~][A-Za-z0-9]/, within: 40 },
      score: 0.7,
      validate: (value, m, text) => {
        const token = value.replace(/[.!?]+$/, "");
        if (token.length < 6 || !/\p{L}/u.test(token) || !/\d/.test(token)) return null;
        // The symbol inside the token, not only at its end ("done!" "#1").
        // A symbol inside the token ("=" and "?" join keys and values in logs and links, so they do not count).
        if (!/[!#$%&*^~]/.test(token.slice(1, -1))) return null;
        if (/@[\p{L}\d-]+\.\p{L}{2,}/u.test(token) || token.includes("://")) return null;
        const before = text.slice(Math.max(0, m.index - 80), m.index);
        if (!PASSWORD_NEAR.test(before)) return null;
        return { start: m.index, end: m.index + token.length, score: 0.7 };
      },
    },
    {
      regex: /(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{24,256}(?![A-Za-z0-9_+/=-])/g,
      requires: hasTokenRun,
      score: 0.3,
      validate: (value) => {
        const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(value)).length;
        if (classes < 3 || shannonEntropy(value) < 4) return null;
        return 0.45;
      },
    },
  ],
});
