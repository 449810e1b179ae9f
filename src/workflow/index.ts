export { WorkflowService } from './workflow.service';
export { planSchedule, shiftSchedule, timeliness, TIMELINESS_LABEL } from './workflow.schedule';
export * from './workflow.types';
export {
  FORM_TITLES,
  renderApologyPdf,
  renderControlSheetPdf,
  renderRefusalPdf,
  renderSupplementRequestPdf,
  renderTrackingBookPdf,
  TRACKING_BOOK_COLUMNS,
  type ApologyFormVm,
  type ControlSheetVm,
  type FormHeader,
  type RefusalFormVm,
  type SupplementFormVm,
  type TrackingBookRow,
  type TrackingBookVm,
} from './workflow.pdf';
export { trackingBookXlsx } from './workflow.excel';
