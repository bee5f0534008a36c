import { Fragment } from 'react';

/**
 * Release notes arrive from main as plain text (HTML already reduced to text there). They are shown
 * as text nodes only: paragraphs at blank lines, line breaks kept. Never as HTML.
 */
export function ReleaseNotes(props: { version: string; notes: string }) {
  const paragraphs = props.notes.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
  return (
    <section aria-labelledby="release-notes-title" className="release-notes">
      <h3 id="release-notes-title">What’s new in version {props.version}</h3>
      {paragraphs.length === 0 ? (
        <p>This version came without release notes.</p>
      ) : (
        paragraphs.map((paragraph, index) => (
          <p key={index}>
            {paragraph.split('\n').map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ))
      )}
    </section>
  );
}
