/**
 * Report text made safe to write into any document: NFC, tabs as spaces, and no character an
 * XML document cannot hold (C0 controls other than line breaks, lone surrogates, U+FFFE/U+FFFF),
 * which would otherwise make a .docx or .xlsx unreadable. Escaping `<`, `&`… is the renderers'
 * libraries' job; this only removes what no escaping can carry.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function clean(text: string): string {
  return text.normalize('NFC').replace(/\t/g, ' ').replace(NOT_XML, '');
}

/** The non-blank lines of a text, trimmed. */
export function textLines(text: string): string[] {
  return clean(text)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
