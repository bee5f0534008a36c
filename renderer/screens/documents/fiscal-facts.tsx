import type { QrInfo } from '../../../shared/contract/documents';
import { FactList } from '../../components/fact-list';
import { QrImage } from './qr-image';

/** What ZIMRA gave the document: QR code, verification code, fiscal day, device and receipt number. */
export function FiscalFacts({ qr }: { qr: QrInfo }) {
  return (
    <div className="fiscal-facts">
      <QrImage value={qr.qrCodeUrl} size={148} label={`QR code to verify this document with ZIMRA (verification code ${qr.verificationCode})`} />
      <FactList
        facts={[
          ['Verification code', <span className="mono" data-testid="verification-code">{qr.verificationCode}</span>],
          ['ZIMRA invoice number', <span className="mono">{`${qr.zimraInvoiceNumber}/${qr.fiscalDay}`}</span>],
          ['Fiscal day', String(qr.fiscalDay)],
          ['Device id', String(qr.deviceId)],
          ['Verify at', <span className="mono fiscal-facts__url">{qr.qrCodeUrl}</span>],
        ]}
      />
    </div>
  );
}
