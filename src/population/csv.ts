/**
 * A small CSV reader for the population data files: a header row, then one record per line, fields
 * separated by commas, double quotes around fields that hold commas or quotes ("" inside quotes is
 * one quote). LF and CRLF line endings both work. Errors name the file and the line.
 */

/** The records of a CSV text, as objects keyed by the header's column names (values are raw strings). */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  const rows = splitRows(text, file);
  if (rows.length === 0) throw new Error(`${file}: expected a header row, found an empty file`);
  const header = rows[0].fields;
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '' || seen.has(name)) throw new Error(`${file}: line 1: expected unique, non-empty column names, found "${name}"`);
    seen.add(name);
  }
  const records: Record<string, string>[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length === 1 && row.fields[0] === '') continue; // blank line
    if (row.fields.length !== header.length) {
      throw new Error(`${file}: line ${row.line}: expected ${header.length} fields (as in the header), found ${row.fields.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, k) => (record[name] = row.fields[k]));
    records.push(record);
  }
  return records;
}

function splitRows(text: string, file: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`${file}: line ${line}: a quote may only open a field`);
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) throw new Error(`${file}: line ${rowLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}
