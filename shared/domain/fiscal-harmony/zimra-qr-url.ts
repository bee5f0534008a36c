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
/** The tail and nothing else: all of an address after one of ZIMRA_SITES. */
const WHOLE_TAIL = /^\d{28}[0-9A-Fa-f]{16}$/;

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
  if (parts === null) return null;
  const dd = twoDigits(parts.tail, 10);
  const mm = twoDigits(parts.tail, 12);
  return mm < 1 || mm > 12 || dd < 1 || dd > 31 ? null : parts;
}

/** The number written by the two digits at `at` (the tail's digits are checked already). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) * 10 + (text.charCodeAt(at + 1) - 0x30);
}

function knownSiteParts(raw: string): QrParts | null {
  for (const site of ZIMRA_SITES) {
    if (raw.length !== site.length + TAIL_LENGTH || !raw.startsWith(site)) continue;
    const tail = raw.slice(site.length);
    return WHOLE_TAIL.test(tail) ? { site, tail } : null;
  }
  return null;
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
  const parts = qrPartsOf(qrCodeUrl);
  if (parts === null) return 'The QR address is not an https address in ZIMRA\'s form';
  // The address's own code is always in the form, so a code equal to it needs no other check.
  if (dashed(parts.tail.slice(28).toUpperCase()) === verificationCode) return null;
  if (!VERIFICATION_CODE.test(verificationCode)) return 'The verification code is not in the form XXXX-XXXX-XXXX-XXXX';
  return 'The verification code does not match the QR address';
}
