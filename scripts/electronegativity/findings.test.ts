import { describe, expect, it } from 'vitest';
import { parseAccepted, parseFindings, unexplained } from './findings';

const csv = `issue, severity, confidence, filename, location, sample, description, url
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/app/security.ts","43:42","if (a, b) void shell.openExternal(url);","Review",https://x
CSP_GLOBAL_CHECK,"LOW","FIRM","out/renderer/index.html","5:0","default-src 'none'","CSP",https://y
`;

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
  it('parses quoted CSV fields with commas', () => {
    expect(parseFindings(csv)).toEqual([
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/app/security.ts', location: '43:42', sample: 'if (a, b) void shell.openExternal(url);' },
      { check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html', location: '5:0', sample: "default-src 'none'" },
    ]);
  });

  it('reads only the accepted table, and needs a real reason for each finding', () => {
    const accepted = parseAccepted(readme);
    expect(accepted.map((entry) => entry.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);
    expect(unexplained(parseFindings(csv), accepted).map((finding) => finding.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });
});
