// Looking up what a person sent in a table of ours: only the table's own entries count. A plain `table[key]` also
// finds what every object inherits ('constructor', '__proto__', 'toString'), which once answered 500 to anyone.

/** The table's own entry for `key`, or undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
