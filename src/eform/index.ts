export * from './eform.types';
export {
  allFields,
  eformFor,
  eformToRead,
  fieldIdFromLabel,
  ID_NUMBER_PATTERN,
  PHONE_PATTERN,
  prefillValues,
  toJsonSchema,
  validateFormData,
  type JsonSchema,
  type ValidateOptions,
} from './eform.service';
export { answerText } from './eform.format';
export { parseCccdQr, PROVINCE_CODES, type CccdData, type CccdResult } from './cccd';
export { DEMO_EFORMS } from './demo-eforms';
export { EFormView, ErrorSummary, type EFormViewProps } from './eform.views';
