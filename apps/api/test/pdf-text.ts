import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF, read back with pdf-parse (pdf.js). It runs in a child Node process: pdf.js
 * loads its worker with a dynamic import, which Jest's CommonJS sandbox does not allow.
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const script = `
      const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
      const data = new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(file)}));
      new PDFParse({ data }).getText().then((r) => process.stdout.write(r.text), (e) => { console.error(e); process.exit(1); });`;
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
