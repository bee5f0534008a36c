import { describe, expect, it } from 'vitest';
import { parseAccepted, parseFindings, unexplained } from './findings';

const sarif = JSON.stringify({
  runs: [
    {
      results: [
        {
          ruleId: 'OPEN_EXTERNAL_JS_CHECK',
          locations: [{ physicalLocation: { artifactLocation: { uri: 'main/app/security.ts' }, region: { startLine: 43, startColumn: 43 } } }],
        },
        { ruleId: 'CSP_GLOBAL_CHECK', locations: [{ physicalLocation: { artifactLocation: { uri: 'out/renderer/index.html' }, region: { startLine: 5, startColumn: 1 } } }] },
      ],
    },
  ],
});

const readme = `
### Accepted Electronegativity findings
| check | file | why it is acceptable |
| --- | --- | --- |
| \`OPEN_EXTERNAL_JS_CHECK\` | \`main/app/\` | Only allow-listed https URLs reach openExternal (isAllowedExternalUrl, tested). |
| \`CSP_GLOBAL_CHECK\` | \`out/renderer/\` | short |
## Next section
| \`SANDBOX_JS_CHECK\` | \`main/\` | Not part of the table above, so it must not count. |
`;

describe('electronegativity findings', () => {
  it('reads the checks and their places from the SARIF report', () => {
    expect(parseFindings(sarif)).toEqual([
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/app/security.ts', location: '43:43' },
      { check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html', location: '5:1' },
    ]);
  });

  it('reads only the accepted table, and needs a real reason for each finding', () => {
    const accepted = parseAccepted(readme);
    expect(accepted.map((entry) => entry.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);
    expect(unexplained(parseFindings(sarif), accepted).map((finding) => finding.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });
});
