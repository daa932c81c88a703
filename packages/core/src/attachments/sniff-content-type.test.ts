import { sniffContentType } from './sniff-content-type';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('sniffContentType', () => {
  it('reads images, PDF and ZIP from their magic numbers', () => {
    expect(sniffContentType(png, true)).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), true)).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('GIF89a\x01\x00', 'latin1'), true)).toBe('image/gif');
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), true)).toBe('image/webp');
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'), true)).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('PK\x03\x04\x14\x00', 'latin1'), true)).toBe('application/zip');
  });

  it('takes valid UTF-8 without control bytes as text, whatever its name', () => {
    expect(sniffContentType(Buffer.from('Release notes: straße, 東京\n'), true)).toBe('text/plain');
    expect(sniffContentType(Buffer.alloc(0), true)).toBe('text/plain');
  });

  it('refuses executables, binaries with NUL bytes and invalid UTF-8', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), true)).toBeUndefined();
    expect(sniffContentType(Buffer.from('\x7fELF\x02\x01', 'latin1'), true)).toBeUndefined();
    expect(sniffContentType(Buffer.from([0x68, 0x69, 0xc3]), true)).toBeUndefined();
  });

  it('does not hold a multi-byte character cut by the end of the head against a longer file', () => {
    const text = Buffer.from('aé');
    expect(sniffContentType(text.subarray(0, 2), false)).toBe('text/plain');
    expect(sniffContentType(text.subarray(0, 2), true)).toBeUndefined();
  });
});
