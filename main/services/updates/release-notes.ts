/** What electron-updater may hold as release notes: text, HTML (GitHub), or one note per version. */
export type RawReleaseNotes = string | readonly { version: string; note: string | null }[] | null | undefined;

export const maxReleaseNotesLength = 20_000;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    // Own properties only: `&constructor;` must not find Object.prototype's constructor.
    const name = entity.toLowerCase();
    return Object.hasOwn(namedEntities, name) ? (namedEntities[name] ?? match) : match;
  });
}

/**
 * Release notes as plain text. GitHub hands them over as HTML; they are never rendered as HTML:
 * block tags become line breaks, list items bullets, every other tag goes, entities are decoded.
 * The renderer then shows the result as text, so nothing in the notes can run or style the page.
 */
export function releaseNotesToText(raw: RawReleaseNotes): string {
  if (raw === null || raw === undefined) return '';
  const text =
    typeof raw === 'string'
      ? htmlToText(raw)
      : raw
          .map((entry) => ({ version: entry.version, note: htmlToText(entry.note ?? '') }))
          .filter((entry) => entry.note !== '')
          .map((entry) => `Version ${entry.version}\n${entry.note}`)
          .join('\n\n');
  return text.length > maxReleaseNotesLength ? `${text.slice(0, maxReleaseNotesLength - 1)}…` : text;
}

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/\r\n?/g, '\n')
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n• ')
      .replace(/<\/(p|div|ul|ol|h[1-6]|tr|table|blockquote|pre|section)\s*>/gi, '\n')
      .replace(/<(p|div|ul|ol|h[1-6]|tr|table|blockquote|pre|section)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
