/**
 * The text hearth/email-triage reads from a raw RFC 822 message: the Subject, a newline, then the body as it is
 * (MIME parts and HTML included: their markup is signal). Every other header is dropped, because the public corpus
 * carries headers that name the mailing lists and spam filters it passed through, which would leak the label.
 */
export function messageText(raw: string): string {
  const text = raw.replaceAll("\r\n", "\n");
  const split = text.indexOf("\n\n");
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? "" : text.slice(split + 2);
  const unfolded = head.replace(/\n[ \t]+/g, " ");
  const subject = /^subject:(.*)$/im.exec(unfolded)?.[1]?.trim() ?? "";
  return `${subject}\n${body}`;
}
