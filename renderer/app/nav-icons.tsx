/** Small line icons for the sidebar; decorative (the link's text names it). */
const paths: Record<string, string> = {
  '/home': 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  '/account': 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0',
  '/device': 'M5 3h14v18H5zM8 7h8M8 11h8M8 15h4',
  '/new-document': 'M6 2h9l5 5v15H6zM14 2v6h6M12 11v7M8.5 14.5h7',
  '/documents': 'M4 4h10l4 4v12H4zM8 10h6M8 14h8M8 18h5',
  '/tills': 'M3 5h8v6H3zM13 5h8v6h-8zM3 13h8v6H3zM13 13h8v6h-8z',
  '/import': 'M12 3v11M8 10l4 4 4-4M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4',
  '/mappings': 'M4 7h11M12 3l4 4-4 4M20 17H9M12 13l-4 4 4 4',
  '/connections': 'M9 15l6-6M7 11l-2 2a3.5 3.5 0 0 0 5 5l2-2M17 13l2-2a3.5 3.5 0 0 0-5-5l-2 2',
  '/settings': 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4',
};

export function NavIcon({ path }: { path: string }) {
  const d = paths[path];
  if (d === undefined) return null;
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
