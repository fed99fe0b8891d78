// Who may dispatch: members holding the dispatcher role, while crisis mode is on. Anyone else is told which is missing.
export const can = {
  /** Null when they may; otherwise why not: crisis mode is off, or they do not hold the role. */
  dispatch: (crisisOn: boolean, dispatcher: boolean): 'off' | 'role' | null =>
    !crisisOn ? 'off' : !dispatcher ? 'role' : null,
};
