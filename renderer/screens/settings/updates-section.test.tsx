import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { UpdatePhase, UpdateStatus } from '../../../shared/contract/updates';
import { UpdateState } from './updates-section';

function render(phase: UpdatePhase, busyReasons: string[] = []): string {
  const status: UpdateStatus = { currentVersion: '1.2.0', channel: 'latest', lastCheckedAt: null, busyReasons, phase };
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <UpdateState status={status} />
    </QueryClientProvider>,
  );
}

const notes = 'Faster history search.\n\nFixes:\n• PDF export';

describe('the Updates section', () => {
  it('disabled: says why and offers no button that cannot work', () => {
    const html = render({ kind: 'disabled', reason: 'Updates are handled by the installed desktop app.' });
    expect(html).toContain('role="status"');
    expect(html).toContain('Updates are handled by the installed desktop app.');
    expect(html).not.toContain('<button');
  });

  it('up to date: offers a check', () => {
    const html = render({ kind: 'up-to-date' });
    expect(html).toContain('Fiscal Desk is up to date (version 1.2.0).');
    expect(html).toMatch(/<button[^>]*>Check for updates<\/button>/);
  });

  it('downloading: a labelled progress bar with its value, and the check button disabled', () => {
    const html = render({ kind: 'downloading', version: '1.3.0', releaseNotes: notes, percent: 42.4, transferredBytes: 4_240_000, totalBytes: 10_000_000 });
    expect(html).toContain('<label for="update-progress">Download of version 1.3.0</label>');
    expect(html).toMatch(/<progress id="update-progress" max="100" value="42.4" aria-valuenow="42" aria-valuetext="42 percent \(4.2 of 10.0 MB\)">/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Check for updates<\/button>/);
    expect(html).toContain('What’s new in version 1.3.0');
  });

  it('downloaded, nothing in progress: offers the restart and shows the release notes as text', () => {
    const html = render({ kind: 'downloaded', version: '1.3.0', releaseNotes: notes, restartRequested: false });
    expect(html).toMatch(/<button[^>]*>Restart to update<\/button>/);
    expect(html).toContain('<p>Faster history search.</p>');
    expect(html).toContain('<p>Fixes:<br/>• PDF export</p>');
  });

  it('downloaded while the outbox is busy: explains what a restart would interrupt and that it will wait', () => {
    const html = render({ kind: 'downloaded', version: '1.3.0', releaseNotes: '', restartRequested: false }, ['Sending 2 documents to Fiscal Harmony']);
    expect(html).toContain('A restart now would interrupt:');
    expect(html).toContain('<li>Sending 2 documents to Fiscal Harmony</li>');
    expect(html).toMatch(/<button[^>]*>Restart when the work is done<\/button>/);
    expect(html).toContain('This version came without release notes.');
  });

  it('restart requested while busy: says it will restart by itself and lets the user call it off', () => {
    const html = render({ kind: 'downloaded', version: '1.3.0', releaseNotes: '', restartRequested: true }, ['Sending documents']);
    expect(html).toContain('will restart by itself as soon as this work is done');
    expect(html).toMatch(/<button[^>]*>Don’t restart<\/button>/);
    expect(html).not.toContain('Restart to update');
  });

  it('an error is shown quietly (a status, not an alert)', () => {
    const html = render({ kind: 'error', message: 'Fiscal Desk could not check for updates.' });
    expect(html).toContain('Fiscal Desk could not check for updates.');
    expect(html).not.toContain('role="alert"');
  });

  it('never turns release notes into HTML', () => {
    const html = render({ kind: 'downloaded', version: '1.3.0', releaseNotes: '<img src=x onerror=alert(1)><script>alert(2)</script>', restartRequested: false });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
