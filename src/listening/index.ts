// Listening cycles (issue 19, the mass line): members listen — surveys, answers on paper, conversation notes — sort
// what they heard into themes, report back, act and listen again. So far: the theme suggester (themes.ts), which
// groups open answers on this machine. The cycles, their answers and their pages come next. See web/domain.ts.
import type { Domain } from '../web/domain.ts';

export const listening: Domain = { name: 'listening' };

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { suggestThemes, type OpenAnswer, type SuggestedTheme } from './themes.ts';
