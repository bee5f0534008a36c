import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The QR code of ZIMRA's verification address, drawn here as a data: image (no network). */
export function QrImage({ value, size, label }: { value: string; size: number; label: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: size * 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((url) => {
        if (current) setSource(url);
      })
      .catch(() => {
        if (current) setSource(null);
      });
    return () => {
      current = false;
    };
  }, [value, size]);
  if (source === null) return <span className="qr-placeholder" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="qr-image" src={source} width={size} height={size} alt={label} data-qr-value={value} />;
}
