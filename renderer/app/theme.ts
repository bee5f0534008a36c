import { useEffect } from 'react';
import type { UserSettings } from '../../shared/contract/settings';

const darkQuery = '(prefers-color-scheme: dark)';

/** Puts the chosen (or the system's) theme on <html data-theme>, following the system live. */
export function useApplyTheme(theme: UserSettings['theme'] | undefined): void {
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const apply = () => {
      const resolved = theme === undefined || theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
