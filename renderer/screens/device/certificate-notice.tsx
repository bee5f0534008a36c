import type { DeviceView } from '../../../shared/contract/device';
import { inDays } from '../../../shared/domain/time-left';
import { formatDate } from '../../components/format';

/** The device certificate: a warning inside 30 days, an alarm once expired. */
export function CertificateNotice({ certificate }: { certificate: DeviceView['certificate'] }) {
  if (certificate.state === 'expired') {
    return (
      <div className="notice notice--error" role="alert">
        <h2 className="notice__title">The device certificate has expired</h2>
        <p>It expired on {formatDate(certificate.validTill)}. ZIMRA refuses documents from this device until the certificate is renewed: contact Fiscal Harmony support.</p>
      </div>
    );
  }
  if (certificate.state === 'expiring') {
    return (
      <div className="notice notice--warning" role="status">
        <h2 className="notice__title">The device certificate expires {inDays(certificate.daysLeft)}</h2>
        <p>It is valid until {formatDate(certificate.validTill)}. Ask Fiscal Harmony to renew it before then, or fiscalisation will stop.</p>
      </div>
    );
  }
  return null;
}
