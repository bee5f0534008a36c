// The one reader of ZIMRA's QR address (zimra-rules.md section 1, ZS §11): qrUrl + deviceID (10
// digits) + receiptDate (ddMMyyyy) + receiptGlobalNo (10 digits) + 16 hex characters (the
// verification code without its dashes). The app takes the global number, the device id and the
// verification site from here, and nowhere else; the sandbox builds the same shape.

/** `XXXX-XXXX-XXXX-XXXX`, hexadecimal, as ZIMRA prints it (ZS §10.3 item 46). */
export const VERIFICATION_CODE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

/**
 * The fixed tail after qrUrl: 10 + 8 + 10 digits, then 16 hex characters. Without capture groups
 * (the parts are sliced at fixed places), which made the test several times cheaper.
 */
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

/** Reads a QR address; null when it is not https or not ZIMRA's shape (never throws). */
export function parseZimraQrUrl(raw: string): ZimraQrUrl | null {
  if (raw.length > MAX_LENGTH || !raw.startsWith('https://')) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  const path = url.pathname;
  if (!TAIL.test(path)) return null;
  const tail = path.slice(path.length - TAIL_LENGTH);
  const day = tail.slice(10, 12);
  const month = tail.slice(12, 14);
  const dd = Number(day);
  const mm = Number(month);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const code = tail.slice(28).toUpperCase();
  return {
    url: raw,
    site: `${url.origin}${path.slice(0, path.length - TAIL_LENGTH)}`,
    deviceId: Number(tail.slice(0, 10)),
    receiptDate: `${tail.slice(14, 18)}-${month}-${day}`,
    receiptGlobalNo: Number(tail.slice(18, 28)),
    verificationCode: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`,
  };
}

/**
 * Why a QR address and verification code from the service cannot be used, or null when they
 * can: the address must be ZIMRA's shape and end in the verification code.
 */
export function qrProblemOf(qrCodeUrl: string, verificationCode: string): string | null {
  const parsed = parseZimraQrUrl(qrCodeUrl);
  if (parsed === null) return 'The QR address is not an https address in ZIMRA\'s form';
  if (!VERIFICATION_CODE.test(verificationCode)) return 'The verification code is not in the form XXXX-XXXX-XXXX-XXXX';
  if (parsed.verificationCode !== verificationCode) return 'The verification code does not match the QR address';
  return null;
}
