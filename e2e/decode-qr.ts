import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG data URL (as the app draws it), or null when none is found. */
export function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
