import PDFDocument from 'pdfkit';

/**
 * A review or CV as data: sections of bullets, each bullet citing its evidence by footnote
 * number. The Markdown and the PDF are two renderings of the same document, so they cannot
 * disagree about what cites what.
 */
export interface ExportDocument {
  title: string;
  subtitle: string;
  sections: {
    heading: string;
    subsections: { heading?: string; bullets: { text: string; cites: number[] }[] }[];
  }[];
  footnotes: { n: number; text: string }[];
}

export function renderMarkdown(doc: ExportDocument): string {
  const out: string[] = [`# ${doc.title}`, '', `_${doc.subtitle}_`, ''];
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, '');
    for (const sub of section.subsections) {
      if (sub.heading) out.push(`### ${sub.heading}`, '');
      for (const b of sub.bullets) out.push(`- ${b.text}${b.cites.map((n) => `[^${n}]`).join('')}`);
      out.push('');
    }
  }
  if (doc.footnotes.length > 0) {
    for (const f of doc.footnotes) out.push(`[^${f.n}]: ${f.text}`);
    out.push('');
  }
  return out.join('\n');
}

/** The same document as a PDF (pdfkit, its built-in Helvetica: nothing to download). */
export function renderPdf(doc: ExportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.title, Creator: 'TeamFlow' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(18).text(doc.title);
    pdf.font('Helvetica-Oblique').fontSize(10).fillColor('#555555').text(doc.subtitle).moveDown();
    pdf.fillColor('#000000');
    for (const section of doc.sections) {
      pdf.font('Helvetica-Bold').fontSize(14).text(section.heading).moveDown(0.3);
      for (const sub of section.subsections) {
        if (sub.heading) pdf.font('Helvetica-Bold').fontSize(11).text(sub.heading).moveDown(0.2);
        pdf.font('Helvetica').fontSize(10);
        for (const b of sub.bullets)
          pdf.text(`• ${b.text} ${b.cites.map((n) => `[${n}]`).join('')}`, { indent: 10 }).moveDown(0.15);
        pdf.moveDown(0.4);
      }
    }
    if (doc.footnotes.length > 0) {
      pdf.moveDown().font('Helvetica-Bold').fontSize(12).text('Evidence').moveDown(0.3);
      pdf.font('Helvetica').fontSize(9);
      for (const f of doc.footnotes) pdf.text(`[${f.n}] ${f.text}`);
    }
    pdf.end();
  });
}
