import type { ApiError, ErrorCode } from '@shared/contract';

/** A failure a person can act on. Services throw it; dispatch turns it into an error value. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.rule ? { rule: this.rule } : {}),
    };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);

export const conflictOn = (field: string, message: string) => new AppError('CONFLICT', message, { [field]: message });
