import type { QrInfo } from '../../../shared/contract/documents';
import { parseZimraQrUrl, qrProblemOf } from '../../../shared/domain/fiscal-harmony/zimra-qr-url';
import { FactList } from '../../components/fact-list';
import { QrImage } from './qr-image';

/**
 * What ZIMRA gave the document: QR code, verification code, receipt numbers, fiscal day and
 * device. The service's QR text is read only through the one QR parser: an address that is not
 * ZIMRA's shape is shown as text, said to be unreadable, and never drawn or followed.
 */
export function FiscalFacts({ qr }: { qr: QrInfo }) {
  const parsed = parseZimraQrUrl(qr.qrCodeUrl);
  const problem = qrProblemOf(qr.qrCodeUrl, qr.verificationCode);
  if (parsed === null || problem !== null) {
    return (
      <div className="fiscal-facts">
        <p className="notice notice--warning" role="note">
          The service sent an unreadable QR code ({problem ?? 'not ZIMRA\'s form'}). The document is fiscalised; check it in the Fiscal Harmony portal before giving it to the buyer.
        </p>
        <FactList
          facts={[
            ['Receipt No', <span className="mono">{`${qr.zimraInvoiceNumber}/?`}</span>],
            ['Fiscal day', String(qr.fiscalDay)],
            ['Device ID', String(qr.deviceId)],
            ['Received as', <span className="mono fiscal-facts__url">{qr.qrCodeUrl.slice(0, 200)}</span>],
          ]}
        />
      </div>
    );
  }
  return (
    <div className="fiscal-facts">
      <QrImage value={qr.qrCodeUrl} size={148} label={`QR code to verify this document with ZIMRA (verification code ${qr.verificationCode})`} />
      <FactList
        facts={[
          ['Verification code', <span className="mono" data-testid="verification-code">{qr.verificationCode}</span>],
          ['Receipt No', <span className="mono">{`${qr.zimraInvoiceNumber}/${parsed.receiptGlobalNo}`}</span>],
          ['Fiscal day', String(qr.fiscalDay)],
          ['Device ID', String(parsed.deviceId)],
          ['Verify at', <span className="mono fiscal-facts__url">{parsed.site}</span>],
        ]}
      />
    </div>
  );
}
