// Types for a small untyped library the theme suggester uses (ADR 029).
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
