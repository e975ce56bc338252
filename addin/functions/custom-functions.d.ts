// The part of Excel's CustomFunctions runtime we use (no @types package ships it).
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes whatever the cells hold
  function associate(id: string, fn: (...args: any[]) => unknown): void;
}
