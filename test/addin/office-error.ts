/**
 * An error shaped as Office.js raises it (`OfficeExtension.Error`: name `RichApi.Error`, a code,
 * debug info), with any code: for the pure tests of the translation of Office errors (the flows
 * get office.js's own errors from the emulated host).
 */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function officeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}
