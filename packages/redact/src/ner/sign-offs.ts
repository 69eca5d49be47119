/**
 * Closings that end a message before the sender's name, in the covered languages ("Kind regards", "Mit freundlichen
 * Grüßen", "Pozdrawiam", "Trân trọng"), as one regex alternation, lower case.
 */
export const SIGN_OFFS: string =
  `best|best regards|kind regards|regards|warm regards|best wishes|warmly|with thanks|respectfully|many
thanks|thanks|thank you|cheers|sincerely|yours|yours sincerely|yours faithfully|all the best|take care|love|xoxo|viele
grüße|liebe grüße|beste grüße|herzliche grüße|mit freundlichen grüßen|freundliche grüße|lg|vg|gruß|grüße|--|—|
cordialement|bien cordialement|bien à vous|bisous|amitiés|salutations|saludos|un saludo|atentamente|un abrazo|
cordiali saluti|saluti|un saluto|a presto|distinti saluti|met vriendelijke groet|vriendelijke groet|groetjes|groeten|
met groet|atenciosamente|abraços|beijos|obrigado|obrigada|cumprimentos|salutacions|atentament|saygılarımla|
saygılarımızla|sevgiler|teşekkürler|pozdrawiam|z poważaniem|pozdrawiamy|s pozdravem|s pozdravom|děkuji|ďakujem|
med vänlig hälsning|vänliga hälsningar|hälsningar|mvh|med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig
hilsen|hilsen|terveisin|ystävällisin terveisin|üdvözlettel|tisztelettel|cu stimă|cu drag|s poštovanjem|srdačan
pozdrav|lijep pozdrav|lep pozdrav|lugupidamisega|parimate soovidega|ar cieņu|pagarbiai|με εκτίμηση|φιλικά|
ευχαριστώ|с уважением|всего доброго|спасибо|з повагою|дякую|hormat kami|hormat saya|salam|terima kasih|trân trọng|
thân ái|salamat|asante|groete|vriendelike groete|parimat|tervitustega|kveðja|bestu kveðjur|með kveðju|le dea-mhéin|
le meas|cofion|yn gywir|ondo izan|agur|cordialment|üdv|üdvözlet|wako|wasalaam|ngā mihi|nāku noa|salamat po|sekian|
srdačno|срдачан поздрав|с поштовањем|с уважение|поздрави|cu respect|toate cele bune|me respekt|përshëndetje|saħħiet|
hörmətlə|saludos cordiales|un cordial saludo|cordialmente|com os melhores cumprimentos|melhores cumprimentos|
abrazos|besos|mit besten grüßen|beste groeten|hartelijke groet|hilsen fra|venliga hälsningar|ystävällisesti`
    .split("|")
    .map((w) => w.trim().replace(/\s+/g, " "))
    .join("|");
