// Types for two small untyped libraries the theme suggester uses (ADR 029).
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
declare module 'stopwords-iso' {
  const words: Record<string, string[]>;
  export default words;
}
