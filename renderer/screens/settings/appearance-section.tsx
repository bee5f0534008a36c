import type { UserSettings } from '../../../shared/contract/settings';
import { useUpdateSettings } from '../../api/use-app';
import { ErrorPanel } from '../../components/states';

const choices: { value: UserSettings['theme']; label: string }[] = [
  { value: 'system', label: 'Same as the computer' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection(props: { theme: UserSettings['theme'] }) {
  const update = useUpdateSettings();
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="radio-group">
        <legend>Theme</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={props.theme === choice.value}
              onChange={() => update.mutate({ theme: choice.value })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {update.isError ? <ErrorPanel error={update.error} title="The theme could not be saved" /> : null}
    </section>
  );
}
