import { useState } from 'react';
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
  // The choice shows the moment it is made (the saved settings arrive a moment later), and
  // follows the saved value when it changes elsewhere.
  const [selected, setSelected] = useState(props.theme);
  const [saved, setSaved] = useState(props.theme);
  if (props.theme !== saved) {
    setSaved(props.theme);
    setSelected(props.theme);
  }
  const choose = (theme: UserSettings['theme']) => {
    setSelected(theme);
    update.mutate({ theme }, { onError: () => setSelected(props.theme) });
  };
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
              checked={selected === choice.value}
              onChange={() => choose(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {update.isError ? <ErrorPanel error={update.error} title="The theme could not be saved" /> : null}
    </section>
  );
}
