/** The `code` of the error an office.js promise rejects with (at `sync`), or 'no error'. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
}
