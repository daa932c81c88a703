import { attachmentUrl, safeUrl } from '@/modules/markdown/markdown-url';

const API = 'http://localhost:4000';

describe('safeUrl', () => {
  it('keeps http, https, mailto, relative paths and fragments', () => {
    for (const url of [
      'https://a.example/x?y#z',
      'http://a.example',
      'mailto:o@a.example',
      '/w/1/t/2',
      '#fn-1',
      'docs/readme',
    ]) {
      expect(safeUrl(url)).toBe(url);
    }
  });

  it('drops every other scheme, however it is spelt', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(safeUrl(url)).toBe('');
    }
  });
});

describe('attachmentUrl', () => {
  it('accepts our attachments, absolute or relative, as absolute URLs on the api origin', () => {
    expect(attachmentUrl(`${API}/api/v1/attachments/abc/a.png`, API)).toBe(
      `${API}/api/v1/attachments/abc/a.png`,
    );
    expect(attachmentUrl('/api/v1/attachments/abc/a.png', API)).toBe(`${API}/api/v1/attachments/abc/a.png`);
  });

  it('refuses other origins, other paths, and paths that climb out of attachments', () => {
    expect(attachmentUrl('https://evil.example/api/v1/attachments/a.png', API)).toBeUndefined();
    expect(attachmentUrl(`${API}/api/v1/users/me`, API)).toBeUndefined();
    expect(attachmentUrl('/api/v1/attachments/../users/me', API)).toBeUndefined();
    expect(attachmentUrl('/api/v1/attachments/', API)).toBeUndefined();
    expect(attachmentUrl('//evil.example/api/v1/attachments/a.png', API)).toBeUndefined();
  });
});
