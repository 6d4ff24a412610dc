/**
 * The columns an import understands: required and optional names, and the other spellings HR
 * exports use for them. Shared by the organisation and the SKP import.
 */

export interface ColumnSet<C extends string> {
  /** Maps file columns (already normalised) to our names; returns the required ones missing and the unknown ones. */
  resolve(columns: string[]): { missing: C[]; unknown: string[] };
  /** A row's cells under our names. When a file has both a column and its alias, the first non-empty one wins. */
  cells(cells: Record<string, string>): Partial<Record<C, string>>;
}

export function columnSet<C extends string>(required: readonly C[], optional: readonly C[], aliases: Readonly<Record<string, C>>): ColumnSet<C> {
  const known = new Set<string>([...required, ...optional]);
  const canonical = (column: string) => aliases[column] ?? column;
  return {
    resolve(columns) {
      const present = new Set(columns.map(canonical));
      return {
        missing: required.filter((column) => !present.has(column)),
        unknown: columns.filter((column) => column !== '' && !known.has(canonical(column))),
      };
    },
    cells(cells) {
      const result: Partial<Record<C, string>> = {};
      for (const [column, value] of Object.entries(cells)) {
        const name = canonical(column) as C;
        if (!result[name]) result[name] = value;
      }
      return result;
    },
  };
}
