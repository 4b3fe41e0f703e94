/** The column-mapping editor's rules: one field per column, one column per field, required fields named. */
import type { BulkField } from "../../../ipc/bindings/BulkField";
import type { ColumnMapping } from "../../../ipc/bindings/ColumnMapping";

export function fieldOfColumn(mapping: ColumnMapping, column: number): BulkField | null {
  return mapping.columns.find((c) => c.column === column)?.field ?? null;
}

/** Maps `column` to `field` (null = ignore the column). A field taken from another column leaves it. */
export function assign(mapping: ColumnMapping, headers: string[], column: number, field: BulkField | null): ColumnMapping {
  const rest = mapping.columns.filter((c) => c.column !== column && c.field !== field);
  if (field === null) return { columns: rest };
  const next = [...rest, { field, column, header: headers[column] ?? "" }];
  return { columns: next.sort((x, y) => x.column - y.column) };
}

/** Required fields with no column yet. */
export function missingFields(mapping: ColumnMapping, required: BulkField[]): BulkField[] {
  return required.filter((f) => !mapping.columns.some((c) => c.field === f));
}

/** Unbind accepts either a subscription id or A and X: say so instead of "nothing is required". */
export function unbindReady(mapping: ColumnMapping): boolean {
  const has = (f: BulkField) => mapping.columns.some((c) => c.field === f);
  return has("subscriptionId") || (has("a") && has("x"));
}
