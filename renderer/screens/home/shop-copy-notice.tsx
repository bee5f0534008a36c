import { Link } from 'react-router';
import { useShopDbStatus } from '../../api/use-shop-db';

/**
 * "Copy to the shop database paused: <why>" where the manager looks first. Fiscalisation goes on
 * meanwhile: the copy catches up by itself, so this is a warning, never a blocker.
 */
export function ShopCopyNotice() {
  const status = useShopDbStatus();
  if (status.data?.state !== 'paused') return null;
  const waiting = status.data.eventsWaiting;
  return (
    <section className="notice notice--warning" aria-labelledby="shop-copy-title" data-testid="shop-copy-paused">
      <h2 className="notice__title" id="shop-copy-title">
        {status.data.message}
      </h2>
      <p>
        This till goes on fiscalising; nothing is lost. {waiting > 0 ? `${waiting.toLocaleString('en')} ${waiting === 1 ? 'change waits' : 'changes wait'} to be copied, and will be once the shop database answers. ` : ''}
        <Link to="/settings#shop-database">Shop database settings</Link>
      </p>
    </section>
  );
}
