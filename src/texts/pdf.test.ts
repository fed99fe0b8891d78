import { describe, expect, it } from 'vitest';
import { flyerPdf, fontCovers, isolate } from './pdf.ts';

const qr = { size: 21, dark: (x: number, y: number) => (x + y) % 3 === 0 };

describe('the flyer as a PDF', () => {
  it('knows which languages its font can print', () => {
    expect(fontCovers(['Écrivez ce qu’il vous faut', 'أرسل ما تحتاجه', 'Kreyòl', isolate('+1 555 010 2000')])).toBe(
      true,
    );
    expect(fontCovers(['ሰላም'])).toBe(false); // Amharic: printed from the browser instead
  });

  it('makes a one-page flyer and a page of cards, right to left too', async () => {
    const words = {
      network: 'Eastside Mutual Aid',
      lead: 'جيران يساعدون جيرانهم.',
      text: `أرسل ما تحتاجه إلى ${isolate('+1 555 010 2000')}، مثل «أحتاج بقالة».`,
      scan: 'امسح الرمز لتبدأ الرسالة.',
      stop: 'أرسل توقف لإيقاف الرسائل.',
      web: `بهاتف ذكي: ${isolate('https://aid.example.org')}.`,
      qr,
      rtl: true,
    };
    for (const cards of [false, true]) {
      const pdf = await flyerPdf(words, cards);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
      expect(pdf.toString('latin1')).toContain('/Count 1');
    }
  });
});
