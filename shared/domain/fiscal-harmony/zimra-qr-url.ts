// The one reader of ZIMRA's QR address (zimra-rules.md section 1, ZS §11): qrUrl + deviceID (10
// digits) + receiptDate (ddMMyyyy) + receiptGlobalNo (10 digits) + 16 hex characters (the
// verification code without its dashes). The app takes the global number, the device id and the
// verification site from here, and nowhere else; the sandbox builds the same shape.

/** `XXXX-XXXX-XXXX-XXXX`, hexadecimal, as ZIMRA prints it (ZS §10.3 item 46). */
export const VERIFICATION_CODE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

/** The fixed tail after qrUrl: 10 + 8 + 10 digits, then 16 hex characters (sliced at fixed places, no groups). */
const TAIL = /\d{28}[0-9A-Fa-f]{16}$/;
/** qrUrl is at most 50 characters (ZS §4.3); with the 44 of the tail a QR address is short. */
const MAX_LENGTH = 200;

export interface ZimraQrUrl {
  /** The address as received. */
  url: string;
  /** Where a buyer verifies by hand: qrUrl without the tail (`https://fdmstest.zimra.co.zw/`). */
  site: string;
  deviceId: number;
  /** The receipt's date, `YYYY-MM-DD` (written ddMMyyyy in the address). */
  receiptDate: string;
  receiptGlobalNo: number;
  /** The 16 hex characters, as XXXX-XXXX-XXXX-XXXX. */
  verificationCode: string;
}

/** Characters of the tail: 10 + 2 + 2 + 4 + 10 digits and 16 hex. */
const TAIL_LENGTH = 44;
/** The tail and nothing else, from lastIndex: all of an address after one of ZIMRA_SITES. */
const WHOLE_TAIL = /\d{28}[0-9A-Fa-f]{16}$/y;

/**
 * ZIMRA's verification sites (zimra-rules.md section 1: production, test, the spec's example).
 * An address that is one of them followed by the tail alone is one URL would leave exactly as
 * written (a lower-case host, no port, a path of digits and letters), so it is read from its text;
 * any other address goes through URL. A status check reads one address per result.
 */
const ZIMRA_SITES = ['https://fdms.zimra.co.zw/', 'https://fdmstest.zimra.co.zw/', 'https://invoice.zimra.co.zw/'];

interface QrParts {
  site: string;
  tail: string;
}

/**
 * The verification site and the tail of an address in ZIMRA's form with a real day and month, or
 * null; `throughUrlOnly` skips the reading of ZIMRA's own sites from the text.
 */
function qrPartsOf(raw: string, throughUrlOnly = false): QrParts | null {
  if (raw.length > MAX_LENGTH) return null;
  const parts = (throughUrlOnly ? null : knownSiteParts(raw)) ?? (raw.startsWith('https://') ? qrPartsThroughUrl(raw) : null);
  return parts !== null && hasRealDate(parts.tail, 0) ? parts : null;
}

/** Whether the day and month of the tail at `tailAt` are real (its digits are checked already). */
function hasRealDate(text: string, tailAt: number): boolean {
  const dd = twoDigits(text, tailAt + 10);
  const mm = twoDigits(text, tailAt + 12);
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}

/** The number written by the two digits at `at`. */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) * 10 + (text.charCodeAt(at + 1) - 0x30);
}

/** Where the tail starts when `raw` is one of ZIMRA_SITES followed by the tail alone, else -1. */
function knownSiteTailAt(raw: string): number {
  for (const site of ZIMRA_SITES) {
    if (raw.length !== site.length + TAIL_LENGTH || !raw.startsWith(site)) continue;
    WHOLE_TAIL.lastIndex = site.length;
    return WHOLE_TAIL.test(raw) ? site.length : -1;
  }
  return -1;
}

function knownSiteParts(raw: string): QrParts | null {
  const tailAt = knownSiteTailAt(raw);
  return tailAt === -1 ? null : { site: raw.slice(0, tailAt), tail: raw.slice(tailAt) };
}

function qrPartsThroughUrl(raw: string): QrParts | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  const path = url.pathname;
  if (!TAIL.test(path)) return null;
  return { site: `${url.origin}${path.slice(0, path.length - TAIL_LENGTH)}`, tail: path.slice(path.length - TAIL_LENGTH) };
}

/** Reads a QR address; null when it is not https or not ZIMRA's shape (never throws). */
export function parseZimraQrUrl(raw: string): ZimraQrUrl | null {
  return fromParts(raw, qrPartsOf(raw));
}

/** parseZimraQrUrl, always through a URL object: the reference its reading of ZIMRA's sites must agree with. */
export function parseZimraQrUrlThroughUrl(raw: string): ZimraQrUrl | null {
  return fromParts(raw, qrPartsOf(raw, true));
}

function fromParts(raw: string, parts: QrParts | null): ZimraQrUrl | null {
  if (parts === null) return null;
  const { site, tail } = parts;
  return {
    url: raw,
    site,
    deviceId: Number(tail.slice(0, 10)),
    receiptDate: `${tail.slice(14, 18)}-${tail.slice(12, 14)}-${tail.slice(10, 12)}`,
    receiptGlobalNo: Number(tail.slice(18, 28)),
    verificationCode: dashed(tail.slice(28).toUpperCase()),
  };
}

/** 16 hex characters as XXXX-XXXX-XXXX-XXXX. */
function dashed(hex: string): string {
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12)}`;
}

/**
 * Why a QR address and verification code from the service cannot be used, or null when they
 * can: the address must be ZIMRA's shape and end in the verification code.
 */
export function qrProblemOf(qrCodeUrl: string, verificationCode: string): string | null {
  // A status check's usual case, read in place: one of ZIMRA's sites, a real date, the code its own.
  const tailAt = qrCodeUrl.length > MAX_LENGTH ? -1 : knownSiteTailAt(qrCodeUrl);
  if (tailAt !== -1 && hasRealDate(qrCodeUrl, tailAt) && isCodeAt(qrCodeUrl, tailAt + 28, verificationCode)) return null;
  const parts = qrPartsOf(qrCodeUrl);
  if (parts === null) return 'The QR address is not an https address in ZIMRA\'s form';
  // The address's own code is always in the form, so a code equal to it needs no other check.
  if (dashed(parts.tail.slice(28).toUpperCase()) === verificationCode) return null;
  if (!VERIFICATION_CODE.test(verificationCode)) return 'The verification code is not in the form XXXX-XXXX-XXXX-XXXX';
  return 'The verification code does not match the QR address';
}

const DASH = 0x2d;

/** Whether `code` is the 16 hex characters at `from` in `raw`, in capitals, as XXXX-XXXX-XXXX-XXXX. */
function isCodeAt(raw: string, from: number, code: string): boolean {
  if (code.length !== 19 || code.charCodeAt(4) !== DASH || code.charCodeAt(9) !== DASH || code.charCodeAt(14) !== DASH) return false;
  for (let index = 0; index < 16; index += 1) {
    const hex = raw.charCodeAt(from + index);
    const capital = hex >= 0x61 && hex <= 0x66 ? hex - 0x20 : hex;
    if (code.charCodeAt(index + (index >> 2)) !== capital) return false;
  }
  return true;
}
