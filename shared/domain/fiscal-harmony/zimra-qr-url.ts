// The one reader of ZIMRA's QR address (zimra-rules.md section 1, ZS §11): qrUrl + deviceID (10
// digits) + receiptDate (ddMMyyyy) + receiptGlobalNo (10 digits) + 16 hex characters (the
// verification code without its dashes). The app takes the global number, the device id and the
// verification site from here, and nowhere else; the sandbox builds the same shape.

/** `XXXX-XXXX-XXXX-XXXX`, hexadecimal, as ZIMRA prints it (ZS §10.3 item 46). */
export const VERIFICATION_CODE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

/** The fixed tail after qrUrl: 10 + 8 + 10 digits, then 16 hex characters. */
const TAIL = /(\d{10})(\d{2})(\d{2})(\d{4})(\d{10})([0-9A-Fa-f]{16})$/;
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
  const match = TAIL.exec(url.pathname);
  if (match === null) return null;
  const [tail, deviceId, day, month, year, globalNo, hex] = match as unknown as [string, string, string, string, string, string, string];
  const dd = Number(day);
  const mm = Number(month);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const code = hex.toUpperCase();
  return {
    url: raw,
    site: `${url.origin}${url.pathname.slice(0, url.pathname.length - tail.length)}`,
    deviceId: Number(deviceId),
    receiptDate: `${year}-${month}-${day}`,
    receiptGlobalNo: Number(globalNo),
    verificationCode: code.match(/.{4}/g)?.join('-') ?? code,
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
