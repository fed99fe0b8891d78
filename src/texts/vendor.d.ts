// Types for bidi-js (the Unicode bidirectional algorithm), which ships none: the three calls the flyer's PDF makes.
declare module 'bidi-js' {
  type Embedding = { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
  type Bidi = {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): Embedding;
    getMirroredCharactersMap(text: string, embedding: Embedding, start?: number, end?: number): Map<number, string>;
  };
  export default function bidiFactory(): Bidi;
}
