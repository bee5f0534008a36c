import { describe, expect, it } from 'vitest';
import { maxReleaseNotesLength, releaseNotesToText } from './release-notes';

describe('releaseNotesToText', () => {
  it('keeps plain text (the generic feed’s notes) as it is', () => {
    expect(releaseNotesToText('Faster history search.\n\nFixes the PDF export.')).toBe('Faster history search.\n\nFixes the PDF export.');
  });

  it('turns GitHub’s HTML into text: blocks become lines, list items bullets, entities decoded', () => {
    const html = '<h2>What&#39;s new</h2><p>Credit notes &amp; invoices</p><ul><li>Faster <b>search</b></li><li>Fix&nbsp;&lt;PDF&gt;</li></ul>';
    expect(releaseNotesToText(html)).toBe("What's new\n\nCredit notes & invoices\n\n• Faster search\n• Fix <PDF>");
  });

  it('drops scripts, styles, comments and every tag and attribute', () => {
    const html = '<p onclick="steal()">Hello<script>alert(1)</script><style>p{}</style><!-- x --><img src=x onerror=alert(2)></p><a href="javascript:alert(3)">there</a>';
    const text = releaseNotesToText(html);
    expect(text).toBe('Hello\nthere');
    expect(text).not.toMatch(/[<>]|alert|javascript/);
  });

  it('joins per-version notes (fullChangelog) and skips empty ones', () => {
    expect(
      releaseNotesToText([
        { version: '1.3.0', note: '<p>Beta fixes</p>' },
        { version: '1.2.9', note: null },
        { version: '1.2.8', note: 'Small fixes' },
      ]),
    ).toBe('Version 1.3.0\nBeta fixes\n\nVersion 1.2.8\nSmall fixes');
  });

  it('leaves names of Object.prototype members as written instead of decoding them', () => {
    expect(releaseNotesToText('a &constructor; b &toString; c &__proto__; &hasOwnProperty; &amp;')).toBe(
      'a &constructor; b &toString; c &__proto__; &hasOwnProperty; &',
    );
  });

  it('answers an empty string when there are no notes', () => {
    expect(releaseNotesToText(null)).toBe('');
    expect(releaseNotesToText(undefined)).toBe('');
    expect(releaseNotesToText('  <p> </p> ')).toBe('');
  });

  it('caps very long notes', () => {
    const text = releaseNotesToText('a'.repeat(maxReleaseNotesLength * 2));
    expect(text).toHaveLength(maxReleaseNotesLength);
    expect(text.endsWith('…')).toBe(true);
  });
});
