// A cycle's questions as the proposal form writes them, answers read against them (conditions, bounds), and counts.
import { describe, expect, it } from 'vitest';
import { countChoices, parseQuestions, questionFields, readAnswer, splitAnswer } from './questions.ts';

const form = {
  q1: 'Do you rent?\nes: ¿Alquilas?',
  q1_kind: 'one',
  q1_options: 'Yes = es: Sí\nNo',
  q2: 'What happened with your rent?',
  q2_kind: 'long',
  q2_if: '1',
  q2_is: 'yes',
  q3: 'What matters most?',
  q3_kind: 'rank',
  q3_options: 'Rent\nFood\nBuses',
  q5: 'How worried are you?',
  q5_kind: 'scale',
};

describe('questions', () => {
  it('are read from the form: translations, choices, a condition on an earlier answer, empty slots skipped', () => {
    const r = parseQuestions(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.questions).toHaveLength(4);
    expect(r.questions[0]).toEqual({
      kind: 'one',
      text: { typed: 'Do you rent?', names: { es: '¿Alquilas?' } },
      options: [
        { typed: 'Yes', names: { es: 'Sí' } },
        { typed: 'No', names: {} },
      ],
    });
    expect(r.questions[1]!.when).toEqual({ question: 0, option: 0 });
    expect(r.questions[3]!.kind).toBe('scale');
    // Written back to the form, they read the same.
    const again = parseQuestions(questionFields(r.questions));
    expect(again.ok && again.questions).toEqual(r.questions);
  });

  it('say what is wrong beside the field', () => {
    const bad = parseQuestions({
      q1: 'Pick',
      q1_kind: 'one',
      q1_options: 'Only one',
      q2: 'Why?',
      q2_kind: 'long',
      q2_if: '1',
      q2_is: 'Maybe',
      q3: 'Hello\nxx: not a language',
      q4: 'Later',
      q4_if: '5',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toMatchObject({
      q1_options: 'error.questionOptions',
      q2_is: 'error.questionConditionOption',
      q3: 'error.questionText',
      q4_if: 'error.questionCondition',
    });
    expect(parseQuestions({})).toEqual({ ok: false, errors: { q1: 'error.questionNone' } });
  });

  it('read an answer: blanks allowed, not all; a question whose condition is unmet is dropped; bounds hold', () => {
    const r = parseQuestions(form);
    if (!r.ok) throw new Error('questions');
    const qs = r.questions;
    expect(readAnswer(qs, {})).toEqual({ ok: false, errors: { _form: 'error.answerEmpty' } });
    // "No" to the first: the second is not asked, whatever was typed there.
    const no = readAnswer(qs, { a1: '1', a2: 'Typed anyway', a3_1: '2', a3_2: '1', a4: '5' });
    expect(no).toEqual({ ok: true, answer: { '0': 1, '2': [2, 1, 0], '3': 5 } });
    const yes = readAnswer(qs, { a1: '0', a2: 'It went up by a third.' });
    expect(yes).toEqual({ ok: true, answer: { '0': 0, '1': 'It went up by a third.' } });
    expect(readAnswer(qs, { a1: '7' })).toMatchObject({ ok: false, errors: { a1: 'error.chooseOne' } });
    expect(readAnswer(qs, { a3_1: '1', a3_2: '1' })).toMatchObject({ ok: false, errors: { a3: 'error.rankTwice' } });
    expect(readAnswer(qs, { a4: '9' })).toMatchObject({ ok: false, errors: { a4: 'error.chooseOne' } });
    expect(readAnswer(qs, { a1: '0', a2: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      errors: { a2: 'error.answerTooLong' },
    });
    if (!yes.ok) return;
    expect(splitAnswer(qs, yes.answer)).toEqual({
      choices: { '0': 0 },
      texts: [{ question: 1, body: 'It went up by a third.' }],
    });
  });

  it('count choices: one, scale, and a ranking by points', () => {
    const r = parseQuestions(form);
    if (!r.ok) throw new Error('questions');
    const counts = countChoices(r.questions, [
      { '0': 0, '2': [1, 2, 3], '3': 5 },
      { '0': 0, '2': [2, 1, 0] },
      { '0': 1, '3': 4 },
    ]);
    expect(counts).toEqual([
      { question: 0, answered: 3, points: [2, 1] },
      { question: 2, answered: 2, points: [3 + 2, 2 + 3, 1] },
      { question: 3, answered: 2, points: [0, 0, 0, 1, 1] },
    ]);
  });
});
