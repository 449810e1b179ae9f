/** The appointment module's public surface (issue 13: appointments, queue statistics). */
export { AppointmentService, BOOKING_DAYS, EARLY_ARRIVAL_MIN, LATE_ARRIVAL_MIN, slotText, type AppointmentActor, type AppointmentDeps, type AppointmentProof } from './appointment.service';
export { AppointmentReminderJob } from './appointment.jobs';
export { slotsOfDay, vnParts } from './appointment.slots';
export {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  STATUS_TEXT as APPOINTMENT_STATUS_TEXT,
  type Appointment,
  type AppointmentSource,
  type BookableService,
  type OpeningHours,
  type QueuePort,
  type Session as AppointmentSession,
  type Slot,
  type TicketFact,
} from './appointment.types';
