// What a network starts with. Founders choose areas and languages; categories start from this list.
export const DEFAULT_CATEGORIES = [
  'food', 'meals', 'groceries', 'housing', 'rides', 'childcare', 'medical', 'supplies', 'cash', 'legal',
  'translation', 'tech', 'labour', 'other',
] as const;

export const AGREEMENT_KEYS = ['network_name', 'areas', 'languages', 'categories'] as const;
export type AgreementKey = (typeof AGREEMENT_KEYS)[number];
