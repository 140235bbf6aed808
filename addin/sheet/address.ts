/** A1 addresses from 0-based row and column indexes. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `A1:C3` for a block of `rows` × `cols` starting at (row, col). */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  return `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** A sheet name quoted for a formula (`'Danh mục'!`). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
