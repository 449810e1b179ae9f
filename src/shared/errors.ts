/** Domain errors: services throw these; one error handler maps them to HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message = 'Không tìm thấy nội dung yêu cầu.', code = 'not_found') {
    super(code, message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.', code = 'forbidden') {
    super(code, message);
  }
}
/** No (valid) credentials at all: HTTP 401. Signed in but not allowed is ForbiddenError (403). */
export class UnauthorizedError extends DomainError {
  constructor(message = 'Cần đăng nhập để thực hiện thao tác này.', code = 'auth_required') {
    super(code, message);
  }
}
export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}
export class RuleViolationError extends DomainError {}
/** A request that cannot be read at all (e.g. a broken multipart body): HTTP 400. */
export class BadRequestError extends DomainError {}
/** Bad input at the edge: a list of field problems. */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fields: Array<{ field: string; code: string; message: string }>,
    /** 'invalid_input' (bad parameters, HTTP 400) or a content code such as 'invalid_dossier' (422). */
    code = 'invalid_input',
  ) {
    super(code, message, fields);
  }
}
