import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from './static-files';

describe('resolveStaticFile', () => {
  it('serves index.html for the root and files below the root', () => {
    expect(resolveStaticFile('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticFile('/srv/app', '/assets/index-abc.js?x=1')).toBe('/srv/app/assets/index-abc.js');
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fsecret', '/a%00b', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticFile('/srv/app', path)).toBeNull();
    },
  );

  it('knows the content types the renderer ships', () => {
    expect(contentTypeFor('x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
