import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openAllowedExternal } from './external-links';

describe('external links', () => {
  it.each([
    ['https://www.zimra.co.zw/', true],
    ['https://fdmstest.zimra.co.zw/0000012345', true],
    ['https://developer.fiskaly.com/api', true],
    ['http://www.zimra.co.zw/', false],
    ['https://www.zimra.co.zw.evil.example/', false],
    ['https://user:pw@www.zimra.co.zw/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('never calls the opener for a refused URL', async () => {
    const opener = vi.fn(async () => true);
    await expect(openAllowedExternal('smb://server/share', opener)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(opener).not.toHaveBeenCalled();
    await expect(openAllowedExternal('https://www.fiskaly.com/x', opener)).resolves.toEqual({ opened: true });
  });
});
