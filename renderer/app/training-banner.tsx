import { Link } from 'react-router';
import { useActiveProfile } from '../api/use-connections';
import { PracticeFailure } from './practice-failure';

/** Said plainly on every screen while the training connection is active. */
export function TrainingBanner() {
  const { active } = useActiveProfile();
  if (active === null || active.environment !== 'training') return null;
  return (
    <div className="notice notice--training training-banner" role="note" aria-label="Training mode">
      <strong>Training mode — nothing here is fiscal.</strong> Documents go to the practice service built into Fiscal Desk,
      never to ZIMRA. When you are ready, add your Fiscal Harmony account in <Link to="/connections">Connections</Link>.
      <PracticeFailure />
    </div>
  );
}
